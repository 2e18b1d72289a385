"""The bundled meeting-19 scenario says things in its own words, never in the record's.

The design rule: facts from the record carry over, its sentences do not. A run of six words
shared with the record is the mark of a copied sentence, so every piece of text in the
scenario is checked for one against the record itself (tests/data: the declassified
summary record, as the OCR transcription the project started from). Names are exempt:
the record's own title where a citation names it, and the proposal's name, "nuclear-free
zone for Latin America", which no paraphrase could improve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from excomm_sim.paths import bundled_scenario

RECORD = Path(__file__).resolve().parents[1] / "data" / "excomm-meeting-19.txt"
RUN = 6
NAMES = ("nuclear-free zone for Latin America",)
"""Proper names the scenario may share with the record whatever their length."""


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def runs(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


def record_runs() -> set[tuple[str, ...]]:
    lines = RECORD.read_text(encoding="utf-8").splitlines()
    return runs("\n".join(line for line in lines if not line.startswith("#")))


def texts(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in the scenario with where it is, except the citations' source titles."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not (key == "title" and path.startswith("sources")):
                yield from texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, f"{path}[{index}]")


def without_names(text: str) -> str:
    for name in NAMES:
        text = re.sub(r"\W+".join(map(re.escape, name.split())), " | ", text, flags=re.I)
    return text


def shared_runs(scenario_text: str, record: set[tuple[str, ...]]) -> set[str]:
    return {" ".join(run) for run in runs(without_names(scenario_text)) & record}


def test_no_scenario_text_shares_six_words_in_a_row_with_the_record() -> None:
    record = record_runs()
    scenario = yaml.safe_load(bundled_scenario("meeting19").read_text(encoding="utf-8"))
    copied = {
        path: sorted(shared)
        for path, text in texts(scenario)
        if (shared := shared_runs(text, record))
    }
    assert not copied, f"text copied from the record (say it in our own words): {copied}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Secretary Rusk said we may be experiencing the greatest deception in our history",
        "the summary be sanitized and given to Mr. McCloy",
    ],
)
def test_a_sentence_lifted_from_the_record_is_caught(sentence: str) -> None:
    assert shared_runs(f"Briefing: {sentence}.", record_runs())


def test_the_proposal_s_name_is_not_counted_as_copying() -> None:
    text = "Brazil's plan for a nuclear-free zone for Latin America goes to the vote."
    assert not shared_runs(text, record_runs())
