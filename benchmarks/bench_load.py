"""Benchmark: load and validate a generated scenario of 1,000 decisions and 5,000 options.

Run: ``python benchmarks/bench_load.py [--runs N] [--decisions N] [--profile]``. Prints the
machine, the file's size, and the median and spread of ``load_text`` over the runs (the
target is a median under one second). The scenario is generated as YAML text with
realistic prose, expressions, effects, stances, chance nodes and delayed consequences, so
the figure covers the whole path: YAML composition, the located walk, every check, and the
compilation of every expression.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time

import yaml

from excomm_sim.scenario.load import load_text

VARIABLES = 20
ROLES = 8
EVENTS = 60
OPTIONS_PER_DECISION = 5


def generate(decisions: int = 1000, seed: int = 1962) -> str:
    """A valid scenario as YAML text: ``decisions`` agenda items of five options each."""
    rng = random.Random(seed)
    ints = [f"meter_{index}" for index in range(VARIABLES - 4)]
    roles = [f"adviser_{index}" for index in range(ROLES)]
    events = [f"event_{index}" for index in range(EVENTS)]
    lines = [
        "# yaml-language-server: $schema=../docs/scenario.schema.json",
        "format: 1",
        "id: generated",
        "title: A generated crisis for the benchmark",
        'version: "1.0"',
        "date: 1962-11-03",
        "summary: |",
        "  A long meeting with many agenda items, generated to time the loader.",
        "sources:",
        "  - id: record",
        "    title: The generated record",
        "    reference: Benchmark fixture",
        "calendar:",
        "  days_per_decision: 1",
        "roles:",
    ]
    for index, role in enumerate(roles):
        lines += [
            f"  - id: {role}",
            f"    name: Adviser {index}",
            "    title: Member of the committee",
            *(["    president: true"] if index == 0 else []),
            f"    influence: {1 + index % 3}",
            "    bio: Served in several administrations and distrusts quick answers.",
            "    briefing: |",
            "      You want the crisis over without a public retreat.",
            "    objectives:",
            f"      - id: aim_{index}",
            f"        text: Keep {ints[index]} above fifty.",
            f"        when: {ints[index]} >= 50",
            f"        points: {1 + index % 3}",
        ]
    lines.append("variables:")
    for name in ints:
        lines += [
            f"  - id: {name}",
            "    type: int",
            f"    label: Meter {name[6:]}",
            "    description: A measure of the situation that effects push up and down.",
            f"    initial: {rng.randint(20, 80)}",
            "    min: 0",
            "    max: 100",
        ]
    lines += [
        "  - id: alert",
        "    type: bool",
        "    label: Forces on alert",
        "    initial: false",
        "  - id: leaked",
        "    type: bool",
        "    label: Story leaked",
        "    initial: false",
        "  - id: status",
        "    type: enum",
        "    label: Negotiation status",
        "    values: [closed, talking, offer, agreed, broken]",
        "    initial: closed",
        "  - id: posture",
        "    type: enum",
        "    label: Posture",
        "    values: [calm, firm, menacing]",
        "    initial: calm",
        "decisions:",
    ]
    for number in range(decisions):
        lines += _decision(rng, number, ints, roles, events)
    lines.append("events:")
    for index, event in enumerate(events):
        meter = ints[index % len(ints)]
        lines += [
            f"  - id: {event}",
            f"    title: Something happens ({index})",
            "    text: A cable arrives that changes the mood in the room.",
            *([f"    when: {meter} > 90 and not alert"] if index % 3 == 0 else []),
            f"    effects: [{meter} -= 5, alert = true]",
            f'    sources: ["record p.{1 + index % 9} ¶{1 + index % 5}"]',
        ]
    lines += [
        "endings:",
        "  - id: war",
        "    title: War",
        f"    when: {ints[0]} >= 99 and alert",
        "    early: true",
        "    narrative: The worst happens.",
        "    debrief: History avoided this.",
        "  - id: deal",
        "    title: A deal",
        '    when: status == "agreed"',
        "    historical: true",
        "    narrative: The bombers leave.",
        "    debrief: Close to history.",
        '    questions: ["What made the deal possible?"]',
        "  - id: drift",
        "    title: Drift",
        "    narrative: Nothing is settled.",
        "    debrief: Worse than history.",
    ]
    return "\n".join(lines) + "\n"


def _decision(
    rng: random.Random, number: int, ints: list[str], roles: list[str], events: list[str]
) -> list[str]:
    lines = [
        f"  - id: item_{number}",
        f"    title: Agenda item {number}",
        f"    decider: {roles[number % 3]}",
        "    context: |",
        "      The committee has a new report on the table. The estimates disagree, and",
        "      the President wants a recommendation before the afternoon session.",
        f'    sources: ["record p.{1 + number % 9} ¶{1 + number % 7}", '
        f"{{source: record, page: {1 + number % 9}, note: the estimate}}]",
    ]
    if number % 4 == 1:
        lines.append(f'    when: decided("item_{number - 1}") and {rng.choice(ints)} < 95')
    lines += ["    history_note: The committee chose the second course.", "    options:"]
    for option in range(OPTIONS_PER_DECISION):
        first, second = rng.sample(ints, 2)
        lines += [
            f"      - id: course_{option}",
            f"        label: Course {option} on item {number}",
            "        text: Press the point, but leave the other side a way to say yes.",
            "        effects:",
            f"          - {first} += {rng.randint(1, 15)}",
            f"          - {second} -= {rng.randint(1, 15)}",
            f'          - status = "{rng.choice(["talking", "offer", "agreed"])}"',
            "        stances:",
        ]
        for role in rng.sample(roles, 2):
            lines += [
                f"          - role: {role}",
                f"            position: {rng.choice(['favour', 'oppose'])}",
                f"            strength: {rng.randint(1, 3)}",
                "            reason: It keeps the pressure on without a shot being fired.",
                f"            when: {first} >= {rng.randint(10, 60)}",
            ]
        if option == 1:
            lines += ["        history: true", "        lean: dove"]
        if option == 2:
            lines += [
                f"        when: not alert or {second} > 30",
                "        unavailable: The Joint Chiefs have not signed off.",
                "        lean: hawk",
                "        chance:",
                "          visible: true",
                "          outcomes:",
                "            - id: holds",
                "              label: It holds",
                f"              weight: 60 + {first} / 4",
                f"              effects: [{first} += 5]",
                "            - id: slips",
                "              label: It slips",
                f"              weight: max(10, 40 - {second} / 4)",
                f"              effects: [alert = true, {second} -= 10]",
                f"              trigger: {rng.choice(events)}",
            ]
        if option == 3:
            lines += [
                "        delayed:",
                "          - after: 2",
                '            when: status != "broken"',
                "            text: The other side answers at last.",
                f"            effects: [{first} -= 3]",
                f"            trigger: {rng.choice(events)}",
            ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs (default 7, min 5)")
    parser.add_argument("--decisions", type=int, default=1000, help="agenda items (default 1000)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    args = parser.parse_args(argv)
    text = generate(args.decisions)
    scenario = load_text(text, "generated.yaml")  # also a warm-up run
    options = sum(len(decision.options) for decision in scenario.decisions)
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cpus, Python {platform.python_version()}, "
        f"libyaml {'yes' if yaml.__with_libyaml__ else 'no'}"
    )
    print(
        f"scenario: {len(scenario.decisions)} decisions, {options} options, "
        f"{len(text.encode()):,} bytes, {text.count(chr(10)):,} lines"
    )
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(load_text, text, "generated.yaml")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    walls, cpus = [], []
    for _ in range(max(5, args.runs)):
        wall, cpu = time.perf_counter(), time.process_time()
        loaded = load_text(text, "generated.yaml")
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        del loaded  # freeing the model is not part of loading it
    print(
        f"load_text wall: median {statistics.median(walls):.3f} s, "
        f"min {min(walls):.3f} s, max {max(walls):.3f} s over {len(walls)} runs"
    )
    print(
        f"load_text cpu:  median {statistics.median(cpus):.3f} s, "
        f"min {min(cpus):.3f} s (process time: what the load itself costs on a busy machine)"
    )
    from excomm_sim.engine.kernel import Rules

    builds = []
    for _ in range(max(5, args.runs)):
        fresh = load_text(text, "generated.yaml")  # a new scenario: nothing compiled yet
        began = time.perf_counter()
        rules = Rules(fresh)
        rules.new_game(1)
        builds.append(time.perf_counter() - began)
    print(
        f"kernel built and first decision posed: median {statistics.median(builds):.3f} s "
        f"(the rest compiles as the game reaches it); load + build median "
        f"{statistics.median(walls) + statistics.median(builds):.3f} s (target 0.3 s)"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average during the run: {load:.2f} on {os.cpu_count()} cpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
