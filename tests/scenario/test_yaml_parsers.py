"""One verdict whichever PyYAML is installed: libyaml's parser and the pure-Python one agree.

Every scenario in the repository (bundled, fixtures, goldens) is loaded with each parser
and must give the same scenario and the same problems. CI installs PyYAML from its wheel,
which bundles libyaml, so both run there (``.ci/run`` checks that it does).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from excomm_sim.scenario import yamlparsers
from excomm_sim.scenario.load import check_path, check_text

REPOSITORY = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    [
        *REPOSITORY.glob("src/excomm_sim/scenarios/*.yaml"),
        *REPOSITORY.glob("tests/**/*.yaml"),
    ]
)
needs_libyaml = pytest.mark.skipif(
    yamlparsers.CLoader is None, reason="PyYAML was built without libyaml"
)


def verdict(path: Path) -> tuple[bool, list[str]]:
    scenario, problems = check_path(path)
    return scenario is not None, [str(problem) for problem in problems]


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read with PyYAML's own parser, as on a machine without libyaml."""
    monkeypatch.setattr(yamlparsers, "Loader", yamlparsers.PureLoader)


def test_the_repository_has_scenarios_to_compare() -> None:
    assert len(SCENARIOS) >= 15


@needs_libyaml
@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.name)
def test_every_scenario_gets_the_same_verdict_from_both_parsers(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_libyaml = verdict(path)
    monkeypatch.setattr(yamlparsers, "Loader", yamlparsers.PureLoader)
    assert verdict(path) == with_libyaml


@pytest.mark.usefixtures("pure")
def test_a_question_mark_in_a_flow_list_is_text_without_libyaml(harbour_text: str) -> None:
    block = "    questions:\n      - Was the radio call wise?\n"
    assert block in harbour_text
    text = harbour_text.replace(block, "    questions: [Was the radio call wise?, Why?]\n", 1)
    text = text.replace("      - What would the admiral have done alone?\n", "", 1)
    scenario, problems = check_text(text)
    assert scenario is not None, problems
    assert scenario.ending("settled").questions == ("Was the radio call wise?", "Why?")


@pytest.mark.parametrize("loader", ["pure", "libyaml"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[What went wrong?]", ["What went wrong?"]),
        ("[a?b, c? d]", ["a?b", "c? d"]),
        ("{why?: because}", {"why?": "because"}),
        ("[a:b]", ["a:b"]),
        ("[http://x]", ["http://x"]),
    ],
)
def test_plain_scalars_in_flow_collections_read_alike(
    loader: str, text: str, expected: object
) -> None:
    chosen = yamlparsers.PureLoader if loader == "pure" else yamlparsers.CLoader
    if chosen is None:
        pytest.skip("PyYAML was built without libyaml")
    node = yaml.compose(text, Loader=chosen)
    assert yaml.safe_load(yaml.serialize(node)) == expected


@pytest.mark.parametrize("loader", ["pure", "libyaml"])
@pytest.mark.parametrize("text", ["[a:,b]", "[a:]]", "{a:}", "[a:?]"])
def test_a_colon_before_a_flow_indicator_is_refused_by_both(loader: str, text: str) -> None:
    chosen = yamlparsers.PureLoader if loader == "pure" else yamlparsers.CLoader
    if chosen is None:
        pytest.skip("PyYAML was built without libyaml")
    with pytest.raises(yaml.YAMLError, match="found unexpected ':'"):
        yaml.compose(text, Loader=chosen)
