"""How much of the record meeting 19 lets a player act on, counted item by item.

The inventory (tests/data/meeting19-record-items.yaml) lists the record's 41 items with
what makes each playable. These tests keep it honest against the scenario: every named
decision, option, outcome or event exists and cites the item's paragraph, so the count of
playable items cannot drift from the game itself.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from test_citations import cited_in_text, ocr_paragraphs

from excomm_sim.paths import bundled_scenario

ITEMS = Path(__file__).resolve().parents[1] / "data" / "meeting19-record-items.yaml"
PLAYABLE_AT_LEAST = 36


@cache
def items() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load(ITEMS.read_text(encoding="utf-8"))["items"]
    return loaded


@cache
def scenario_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(bundled_scenario("meeting19").read_text("utf-8"))
    return data


def paragraph(at: str) -> tuple[int, int]:
    match = re.fullmatch(r"p\.(\d+) ¶(\d+)", at)
    assert match, at
    return int(match.group(1)), int(match.group(2))


def cites(node: object) -> set[tuple[int, int]]:
    """Every record paragraph ``node`` cites, in its sources or in its text."""
    found: set[tuple[int, int]] = set()
    if isinstance(node, str):
        found.update(cited_in_text(node))
    elif isinstance(node, dict):
        if node.get("source") == "record" and "paragraph" in node:
            found.add((int(node["page"]), int(node["paragraph"])))
        for value in node.values():
            found |= cites(value)
    elif isinstance(node, list):
        for value in node:
            found |= cites(value)
    return found


def target(where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The part of the scenario ``where`` names, and the decision or event it belongs to."""
    data = scenario_data()
    if where.startswith("event:"):
        event = next(e for e in data["events"] if e["id"] == where.removeprefix("event:"))
        return event, event
    decision_id, *rest = where.split(".")
    decision = next(d for d in data["decisions"] if d["id"] == decision_id)
    part = decision
    if rest:
        part = next(o for o in decision["options"] if o["id"] == rest[0])
    if len(rest) > 1:
        part = next(o for o in part["chance"]["outcomes"] if o["id"] == rest[1])
    return part, decision


def test_the_inventory_holds_the_records_41_items_each_at_a_paragraph_it_has() -> None:
    assert len(items()) == 41
    for item in items():
        assert paragraph(item["at"]) in ocr_paragraphs(), item
        assert {item["was"], item["is"]} <= {"playable", "mentioned", "omitted"}, item


def test_every_playable_item_names_a_part_of_the_game_that_cites_it() -> None:
    for item in items():
        if item["is"] != "playable":
            continue
        assert item.get("where"), item
        for where in item["where"]:
            _, owner = target(where)
            assert paragraph(item["at"]) in cites(owner), (where, item["at"])


def test_every_item_only_mentioned_is_still_cited_somewhere() -> None:
    cited = cites(scenario_data())
    for item in items():
        if item["is"] == "mentioned":
            assert paragraph(item["at"]) in cited, item


def test_at_least_36_items_are_playable_and_none_is_left_out() -> None:
    now = Counter(item["is"] for item in items())
    assert now["playable"] >= PLAYABLE_AT_LEAST
    assert now["omitted"] == 0
    assert Counter(item["was"] for item in items()) == {
        "playable": 31,
        "mentioned": 9,
        "omitted": 1,
    }
