"""``check``: turn an exploration of a scenario into findings an author can act on.

Each finding points at the YAML that needs attention (file:line:col from the model's
locations) and, for run-time faults, at the path of choices that led there.

When the exploration was cut short (``--max-states``), a finding that says something
*never* happens rests on the part explored: it is marked ``partial`` and says so in its
words ("was not offered in the explored part"), and keeps the severity it would have
after a complete search, so an option that no game reached still fails the check. A
finding that comes with the path that shows it (a run-time error, a dead end) is proven
by that path and is never partial. docs/authoring.md states the rules for authors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import attrs
from attrs import frozen

from excomm_sim.scenario.model import (
    NOWHERE,
    Decision,
    Location,
    Option,
    Scenario,
    VariableKind,
)
from excomm_sim.story.text import counted
from excomm_sim.tools.explore import (
    DEFAULT_MAX_STATES,
    DEFAULT_SAMPLES,
    Exploration,
    Step,
    explore,
)

Severity = Literal["error", "warning"]

PIN_SHARE = 0.8
"""A variable ending at one bound in more than this share of end states is "pinned"."""


@frozen
class Finding:
    severity: Severity
    kind: str
    """A stable tag: unreached-decision, dead-end, eval-error, pinned-variable, ..."""
    message: str
    location: Location = NOWHERE
    path: tuple[Step, ...] = ()
    partial: bool = False
    """True when it rests on a search that did not see every state: "never" then means
    "not in the explored part", and a complete search might find otherwise."""

    @property
    def label(self) -> str:
        """The severity as printed: ``error``, or ``error (partial)``."""
        return f"{self.severity} (partial)" if self.partial else self.severity

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "partial": self.partial,
            "kind": self.kind,
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "path": [str(step) for step in self.path],
        }


@frozen
class Coverage:
    reached: int
    total: int


@frozen
class CheckReport:
    scenario: str
    findings: tuple[Finding, ...]
    states: int
    end_states: int
    complete: bool
    stopped_by: str
    samples: int
    coverage: dict[str, Coverage]
    estimate: int = 0
    """When the search was cut short: about how many states a complete one needs."""
    max_states: int = DEFAULT_MAX_STATES

    @property
    def scope(self) -> str:
        """How far the exploration went, in words: "explored 10,000 of about 4.1e11 states
        (partial: ...)" or "explored all 361 states (complete)"."""
        if self.complete:
            return f"explored all {self.states:,} states (complete)"
        games = _counted(self.samples, "sampled game")
        return (
            f"explored {self.states:,} of about {about(self.estimate)} states (partial: the "
            f"search stopped at --max-states {self.max_states:,}, then {games})"
        )

    @property
    def partial(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.partial)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "complete": self.complete,
            "stopped_by": self.stopped_by,
            "max_states": self.max_states,
            "samples": self.samples,
            "states": self.states,
            "estimated_states": None if self.complete else self.estimate,
            "end_states": self.end_states,
            "coverage": {
                name: {"reached": c.reached, "total": c.total} for name, c in self.coverage.items()
            },
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "partial": len(self.partial),
            "findings": [finding.to_json() for finding in self.findings],
        }


def check(
    scenario: Scenario, max_states: int = DEFAULT_MAX_STATES, samples: int = DEFAULT_SAMPLES
) -> CheckReport:
    """Explore ``scenario`` and report what is unreachable, broken or unbalanced."""
    return report_from(scenario, explore(scenario, max_states, samples), max_states)


def report_from(
    scenario: Scenario, seen: Exploration, max_states: int = DEFAULT_MAX_STATES
) -> CheckReport:
    findings: list[Finding] = []
    findings += _runtime_findings(scenario, seen)
    findings += _reach_findings(scenario, seen)
    findings += _balance_findings(scenario, seen)
    return CheckReport(
        scenario=scenario.id,
        findings=tuple(findings),
        states=seen.states,
        end_states=len(seen.ends),
        complete=seen.complete,
        stopped_by=seen.stopped_by,
        samples=seen.samples,
        coverage=_coverage(scenario, seen),
        estimate=seen.estimate,
        max_states=max_states,
    )


def _runtime_findings(scenario: Scenario, seen: Exploration) -> list[Finding]:
    findings: list[Finding] = []
    reported: set[tuple[str | None, str]] = set()
    for failure in seen.failures:
        if (failure.decision, failure.message) in reported:
            continue
        reported.add((failure.decision, failure.message))
        location = scenario.decision(failure.decision).location if failure.decision else NOWHERE
        kind = "engine-fault" if failure.engine_fault else "eval-error"
        where = f" while deciding {failure.decision}" if failure.decision else " at the start"
        findings.append(
            Finding(
                "error", kind, f"run-time error{where}: {failure.message}", location, failure.path
            )
        )
    dead: set[str] = set()
    for dead_end in seen.dead_ends:
        if dead_end.decision in dead:
            continue
        dead.add(dead_end.decision)
        decision = scenario.decision(dead_end.decision)
        findings.append(
            Finding(
                "error",
                "dead-end",
                f"decision {decision.id} is due but offers no option on this path",
                decision.location,
                dead_end.path,
            )
        )
    return findings


def _unreached(
    seen: Exploration,
    kind: str,
    what: str,
    location: Location,
    verb: str = "reached",
    severity: Severity = "error",
) -> Finding:
    """A finding that ``what`` is never ``verb``; past the bound, that it was not in the
    explored part: the same severity either way, marked partial in the second case."""
    if seen.complete:
        return Finding(severity, kind, f"{what} is never {verb}", location)
    message = f"{what} was not {verb} in the explored part"
    return Finding(severity, kind, message, location, partial=True)


def _reach_findings(scenario: Scenario, seen: Exploration) -> list[Finding]:
    findings: list[Finding] = []
    for decision in scenario.decisions:
        if decision.id not in seen.posed:
            findings.append(
                _unreached(
                    seen,
                    "unreached-decision",
                    f"decision {decision.id}",
                    decision.location,
                    "posed",
                )
            )
            continue
        for option in decision.options:
            if (decision.id, option.id) not in seen.offered:
                what = f"option {option.id} of decision {decision.id}"
                findings.append(
                    _unreached(seen, "unreached-option", what, option.location, "offered")
                )
                continue
            findings += _outcome_findings(seen, decision, option)
            findings += _delayed_findings(seen, decision, option)
    for event in scenario.events:
        if event.id not in seen.events:
            findings.append(
                _unreached(seen, "unreached-event", f"event {event.id}", event.location, "fired")
            )
    for ending in scenario.endings:
        if ending.id in seen.endings:
            continue
        # The fallback is a safety net: unused is fine, and worth knowing.
        fallback = ending.when is None
        finding = _unreached(
            seen,
            "unreached-ending",
            f"ending {ending.id}",
            ending.location,
            severity="warning" if fallback else "error",
        )
        if fallback:
            finding = attrs.evolve(finding, message=finding.message + " (it is the fallback)")
        findings.append(finding)
    return findings


def _outcome_findings(seen: Exploration, decision: Decision, option: Option) -> list[Finding]:
    findings: list[Finding] = []
    if option.chance is None:
        return findings
    for outcome in option.chance.outcomes:
        if (decision.id, option.id, outcome.id) not in seen.outcomes:
            what = f"chance outcome {outcome.id} of {decision.id}={option.id}"
            findings.append(_unreached(seen, "unreached-outcome", what, outcome.location, "drawn"))
    return findings


def _delayed_findings(seen: Exploration, decision: Decision, option: Option) -> list[Finding]:
    """A consequence that is scheduled but never lands is text no player ever reads."""
    findings: list[Finding] = []
    for index, delayed in enumerate(option.delayed):
        key = (decision.id, option.id, index)
        if key not in seen.scheduled or key in seen.landed:
            continue
        why = "its when is false whenever it is due" if delayed.when else "the game ends first"
        what = f"delayed consequence {index + 1} of {decision.id}={option.id}"
        found = _unreached(
            seen, "unlanded-consequence", what, delayed.location, "landed", "warning"
        )
        if seen.complete:
            found = attrs.evolve(found, message=f"{found.message} ({why})")
        findings.append(found)
    return findings


def _balance_findings(scenario: Scenario, seen: Exploration) -> list[Finding]:
    findings: list[Finding] = []
    if not seen.ends:
        return findings
    total = len(seen.ends)
    scope = "of the end states reached" if seen.complete else "of the end states explored"
    for variable in scenario.variables:
        if variable.kind is not VariableKind.INT:
            continue
        for bound, name in ((variable.minimum, "minimum"), (variable.maximum, "maximum")):
            if bound is None:
                continue
            pinned = sum(1 for end in seen.ends if end.values.get(variable.id) == bound)
            if pinned / total > PIN_SHARE:
                findings.append(
                    Finding(
                        "warning",
                        "pinned-variable",
                        f"variable {variable.id} ends at its {name} ({bound}) in "
                        f"{pinned} of {total} {scope} ({pinned / total:.0%})",
                        variable.location,
                        partial=not seen.complete,
                    )
                )
    for role in scenario.roles:
        for objective in role.objectives:
            results = [
                end.objectives[(role.id, objective.id)]
                for end in seen.ends
                if (role.id, objective.id) in end.objectives
            ]
            if not results:
                continue
            if not any(results):
                message = f"objective {objective.id} of {role.id} is never met ({scope})"
                findings.append(
                    Finding(
                        "warning",
                        "objective-never-won",
                        message,
                        objective.location,
                        partial=not seen.complete,
                    )
                )
            elif all(results):
                message = f"objective {objective.id} of {role.id} is always met ({scope})"
                findings.append(
                    Finding(
                        "warning",
                        "objective-never-lost",
                        message,
                        objective.location,
                        partial=not seen.complete,
                    )
                )
    return findings


def _coverage(scenario: Scenario, seen: Exploration) -> dict[str, Coverage]:
    options = [(d.id, o.id) for d in scenario.decisions for o in d.options]
    outcomes = [
        (d.id, o.id, c.id)
        for d in scenario.decisions
        for o in d.options
        if o.chance is not None
        for c in o.chance.outcomes
    ]
    return {
        "decisions": Coverage(
            sum(1 for d in scenario.decisions if d.id in seen.posed), len(scenario.decisions)
        ),
        "options": Coverage(sum(1 for o in options if o in seen.offered), len(options)),
        "outcomes": Coverage(sum(1 for c in outcomes if c in seen.outcomes), len(outcomes)),
        "events": Coverage(
            sum(1 for e in scenario.events if e.id in seen.events), len(scenario.events)
        ),
        "endings": Coverage(
            sum(1 for e in scenario.endings if e.id in seen.endings), len(scenario.endings)
        ),
    }


def format_text(report: CheckReport, paths: bool = True, seconds: float | None = None) -> str:
    """Compiler-style lines: ``file:line:col: severity: message``, then the path if any;
    then how far the search went, and the counts (with the time taken, when given)."""
    lines: list[str] = []
    for finding in _sorted(report.findings):
        lines.append(f"{finding.location}: {finding.label}: {finding.message}")
        if paths and finding.path:
            lines.append("    path: " + " ; ".join(str(step) for step in finding.path))
    coverage = ", ".join(
        f"{name} {c.reached}/{c.total}" for name, c in report.coverage.items() if c.total
    )
    lines.append(
        f"{report.scenario}: {report.scope}; {_counted(report.end_states, 'end state')}; "
        f"reached {coverage}"
    )
    counts = f"{_tally(report.errors, 'error')}, {_tally(report.warnings, 'warning')}"
    if seconds is not None:
        counts += f"; checked in {seconds:.2f} s"
    lines.append(counts)
    return "\n".join(lines) + "\n"


def _tally(findings: Sequence[Finding], noun: str) -> str:
    """How many, and how many of them rest on a partial search: "2 errors (1 partial)"."""
    partial = sum(finding.partial for finding in findings)
    text = counted(len(findings), noun)
    return f"{text} ({partial} partial)" if partial else text


def _counted(count: int, noun: str) -> str:
    """``wording.counted`` with thousands marked: "1,000 sampled games"."""
    return counted(count, noun).replace(str(count), f"{count:,}", 1)


def about(number: int) -> str:
    """A rough count as a reader takes it in: "12,000" up to a million, then "4.1e11"."""
    if number < 1_000_000:
        return f"{number:,}"
    mantissa, exponent = f"{number:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _sorted(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.severity != "error", f.location.file, f.location.line, f.kind),
    )
