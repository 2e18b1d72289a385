"""excomm-sim test: playtests play through the kernel, and the first difference is located."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from excomm_sim.paths import bundled_scenarios_dir
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.load import load_path
from excomm_sim.tools.playtest import Result, run_test, run_tests
from excomm_sim.tools.playtest_read import read_text
from excomm_sim.tools.playtest_spec import playtests_for, scenario_for

from .conftest import RunCli, fixture_path, load_fixture

BUNDLED = sorted(bundled_scenarios_dir().glob("*.yaml"))
CLEAN = load_fixture("clean")
"""Decisions open (calm, push) and gamble (only if tension > 5: talk, with chance works or
fails, or wait); endings war (early, tension >= 25), peace (tension <= 10), tense."""


def _play(body: str) -> tuple[Result, ...]:
    read = read_text(_file(body), CLEAN, "clean.tests.yaml")
    assert not read.errors, [str(problem) for problem in read.problems]
    return run_tests(CLEAN, read.tests)


def _file(body: str) -> str:
    return "playtests: 1\nscenario: clean\ntests:\n" + textwrap.indent(
        textwrap.dedent(body).strip() + "\n", "  "
    )


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _one(body: str) -> Result:
    (result,) = _play(body)
    return result


def _failure(body: str) -> tuple[str, int]:
    result = _one(body)
    assert result.failure is not None, "the test passed"
    return result.failure.message, result.failure.location.line


# -- passing games ------------------------------------------------------------------------


def test_a_test_whose_expectations_hold_passes() -> None:
    result = _one(
        """
        - name: push and talk
          seed: 0
          seats:
            chair:
              choices: {open: push, gamble: talk}
          along:
            - after: open
              holds: tension == 15
          expect:
            ending: peace
            objectives: {chair: {calm: true}, hawk: {tense: false}}
            won: {chair: true, hawk: false}
            values: {talks: true}
            holds:
              - chose("gamble", "talk")
              - tension <= 10
        """
    )
    assert result.passed, result.failure
    assert (result.decisions, result.ending) == (2, "peace")


def test_the_seed_decides_chance_as_it_does_in_the_game() -> None:
    """Seed 3 draws the talks' failure: the early ending, war."""
    result = _one(
        """
        - name: unlucky talks
          seed: 3
          seats: {chair: {choices: {open: push, gamble: talk}}}
          expect: {ending: war}
        """
    )
    assert result.passed, result.failure
    state = Autopilot(CLEAN).start(3, {"chair": "x"})[0]
    assert state.seed == 3


def test_with_no_seats_the_computer_plays_every_seat() -> None:
    result = _one("- name: the computer alone\n  expect: {ending: peace}")
    assert result.passed, result.failure


def test_otherwise_plays_the_rest_by_a_strategy() -> None:
    """hawk: push (lean hawk) at the opening, then talk, the first middle option."""
    result = _one(
        """
        - name: a hawk in the chair
          seats: {chair: hawk}
          expect:
            holds: chose("open", "push") and chose("gamble", "talk")
        """
    )
    assert result.passed, result.failure


def test_an_adviser_seat_recommends_its_choice_and_the_computer_weighs_it() -> None:
    """The chair, a computer, follows the hawk's recommendation against no other voice."""
    result = _one(
        """
        - name: the hawk urges a push
          seats:
            hawk:
              choices: {open: push}
              otherwise: dove
          expect:
            holds: chose("open", "push")
        """
    )
    assert result.passed, result.failure


# -- the first thing that differs -------------------------------------------------------------


def test_a_different_ending_is_reported_at_the_ending_line() -> None:
    body = """
        - name: expects war
          seats: {chair: {choices: {open: calm}}}
          expect: {ending: war}
        """
    message, line = _failure(body)
    assert message == "expected ending 'war', got 'peace' after 1 decision"
    assert line == _line(_file(body), "ending: war")


def test_an_objective_otherwise_judged_is_reported_with_the_points() -> None:
    message, _ = _failure(
        """
        - name: expects the hawk content
          seats: {chair: {choices: {open: calm}}}
          expect: {objectives: {hawk: {tense: true}}}
        """
    )
    assert (
        message == "expected hawk's objective 'tense' to be met, but it was not met (0 of 1 points)"
    )


def test_who_won_is_checked() -> None:
    message, _ = _failure(
        """
        - name: expects the chair to lose
          seats: {chair: {choices: {open: calm}}}
          expect: {won: {chair: false}}
        """
    )
    assert message == "expected chair to lose, but chair won with 1 of 1 points"


def test_a_value_is_compared_exactly() -> None:
    message, _ = _failure(
        """
        - name: expects more tension
          seats: {chair: {choices: {open: calm}}}
          expect: {values: {tension: 6, talks: false}}
        """
    )
    assert message == "expected tension to end at 6, got 5"


def test_a_false_condition_says_what_it_read() -> None:
    message, _ = _failure(
        """
        - name: expects talks
          seats: {chair: {choices: {open: calm}}}
          expect: {holds: talks or tension > 7}
        """
    )
    assert message == "at the end, 'talks or tension > 7' is false: talks is false, tension is 5"


def test_a_condition_along_the_way_is_checked_right_after_its_decision() -> None:
    body = """
        - name: tension after the opening
          seats: {chair: {choices: {open: push, gamble: wait}}}
          along:
            - after: open
              holds: tension == 16
          expect: {ending: war}
        """
    message, line = _failure(body)
    # Checked after the opening, not at the end: the delayed +1 has not landed yet.
    assert message == "after decision 'open', 'tension == 16' is false: tension is 15"
    assert line == _line(_file(body), "holds: tension == 16")
    assert [str(step) for step in _one(body).failure.path] == ["open=push"]  # type: ignore[union-attr]


def test_a_choice_not_on_offer_is_reported_at_the_choice() -> None:
    body = """
        - name: talks after calm
          seats: {chair: {choices: {open: calm, gamble: talk}}}
        """
    message, line = _failure(body)
    assert message.startswith("chair's choice 'talk' for decision 'gamble' was never used")
    assert "was skipped" in message
    assert line == _line(_file(body), "gamble: talk")


def test_a_choice_withheld_when_its_decision_comes_up_is_reported() -> None:
    """The fixture's option strike needs tension >= 90, which never happens."""
    scenario = load_fixture("unreachable_option")
    read = read_text(
        "playtests: 1\ntests:\n  - name: strike\n    seats:\n      chair:\n"
        "        choices: {open: push, respond: strike}\n",
        scenario,
        "t.tests.yaml",
    )
    assert not read.errors, [str(p) for p in read.problems]
    (result,) = run_tests(scenario, read.tests)
    assert result.failure is not None
    assert result.failure.message == (
        "chair was to take 'strike' on decision 'respond', but it is not on offer; offered: talk"
    )
    assert (result.failure.location.line, result.failure.location.column) == (6, 40)
    assert [str(step) for step in result.failure.path] == ["open=push"]


def test_a_seat_asked_for_a_move_it_has_no_plan_for_fails_there() -> None:
    body = """
        - name: no plan for the gamble
          seats:
            chair:
              choices: {open: push}
        """
    message, line = _failure(body)
    assert message.startswith("decision 'gamble' came to chair, who has no choice for it")
    assert "'otherwise'" in message
    assert line == _line(_file(body), "chair:")


def test_an_along_check_whose_decision_never_came_fails() -> None:
    message, _ = _failure(
        """
        - name: the gamble after calm
          seats: {chair: {choices: {open: calm}}}
          along:
            - after: gamble
              holds: talks
        """
    )
    assert message.startswith("decision 'gamble' was never decided, so this was never checked")


def test_a_run_time_error_in_the_scenario_fails_the_test() -> None:
    scenario = load_fixture("division_by_zero")
    read = read_text(
        "playtests: 1\ntests:\n  - name: divide\n    seats:\n      chair: history\n",
        scenario,
        "t.tests.yaml",
    )
    (result,) = run_tests(scenario, read.tests)
    assert result.failure is not None
    assert "division by zero" in result.failure.message


def test_a_random_seat_plays_the_same_game_from_the_same_seed() -> None:
    body = "- name: random chair\n  seed: 9\n  seats: {chair: random}\n"
    first, second = _one(body), _one(body)
    assert first.passed and (first.decisions, first.ending) == (second.decisions, second.ending)


# -- reading the file ---------------------------------------------------------------------------

BAD = [
    # what is wrong, the text, the code, the line, words the message must hold
    ("unknown key", "- name: a\n  seeds: 3", "E101", 5, "did you mean 'seed'"),
    ("unknown role", "- name: a\n  seats: {chiar: history}", "E201", 5, "did you mean 'chair'"),
    (
        "unknown decision",
        "- name: a\n  seats: {chair: {choices: {opne: calm}}}",
        "E201",
        5,
        "unknown decision 'opne' (did you mean 'open'?)",
    ),
    (
        "unknown option",
        "- name: a\n  seats: {chair: {choices: {open: clam}}}",
        "E201",
        5,
        "'clam' is not an option of decision 'open' (did you mean 'calm'?)",
    ),
    ("unknown strategy", "- name: a\n  seats: {chair: hwak}", "E107", 5, "did you mean 'hawk'"),
    ("unknown ending", "- name: a\n  expect: {ending: peac}", "E201", 5, "unknown ending"),
    (
        "unknown objective",
        "- name: a\n  expect: {objectives: {chair: {clam: true}}}",
        "E201",
        5,
        "unknown objective 'clam' of role 'chair' (did you mean 'calm'?)",
    ),
    (
        "enum or bool of the wrong kind",
        "- name: a\n  expect: {values: {talks: yes}}",
        "E105",
        5,
        "expected true or false, got yes",
    ),
    (
        "condition with an unknown name",
        "- name: a\n  expect: {holds: tensoin > 3}",
        "E202",
        5,
        "unknown variable 'tensoin'",
    ),
    ("condition that is a number", "- name: a\n  expect: {holds: tension}", "E204", 5, "condition"),
    ("negative seed", "- name: a\n  seed: -2", "E108", 5, "'seed' is -2"),
    ("no name", "- seed: 2", "E102", 4, "missing required key 'name'"),
    ("the same name twice", "- name: a\n- name: a", "E120", 5, "duplicate test name 'a'"),
    ("a test that is not a mapping", "- 12", "E105", 4, "expected a test"),
    (
        "along without a decision",
        "- name: a\n  along: [{holds: talks}]",
        "E102",
        5,
        "missing required key 'after'",
    ),
]


@pytest.mark.parametrize(
    ("what", "body", "code", "line", "words"), BAD, ids=[case[0] for case in BAD]
)
def test_a_mistake_in_the_file_is_reported_with_its_line_and_code(
    what: str, body: str, code: str, line: int, words: str
) -> None:
    read = read_text(_file(body), CLEAN, "clean.tests.yaml")
    assert read.tests == ()
    problem = next((p for p in read.problems if p.code == code), None)
    assert problem is not None, [p.coded() for p in read.problems]
    assert problem.line == line and problem.file == "clean.tests.yaml"
    assert words in problem.message


def test_every_mistake_is_reported_at_once() -> None:
    body = "- name: a\n  seeds: 3\n  seats: {chiar: history}\n  expect: {ending: peac}"
    read = read_text(_file(body), CLEAN, "clean.tests.yaml")
    assert [p.code for p in read.problems] == ["E101", "E201", "E201"]


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("", "E013", "the file is empty"),
        ("playtests: 1\ntests: [\n", "E004", "YAML syntax error"),
        ("playtests: 2\ntests: [{name: a}]\n", "E112", "playtests 2 is not supported"),
        ("playtests: 1\nscenario: other\ntests: [{name: a}]\n", "E201", "for scenario 'other'"),
        ("playtests: 1\ntests: []\n", "E113", "'tests' needs at least one item"),
        ("tests: [{name: a}]\n", "E102", "missing required key 'playtests'"),
        ("playtests: 1\ntests: [{name: !!python/object x}]\n", "E008", "YAML tag"),
        ("- a\n", "E105", "expected a playtest file"),
    ],
)
def test_a_file_that_is_not_playtests_is_refused_with_a_located_problem(
    text: str, code: str, words: str
) -> None:
    read = read_text(text, CLEAN, "t.tests.yaml")
    assert read.tests == ()
    assert any(p.code == code and words in p.message for p in read.problems), [
        p.coded() for p in read.problems
    ]


# -- the command ------------------------------------------------------------------------------


@pytest.fixture
def storm(tmp_path: Path) -> Path:
    """The clean fixture copied to a folder of its own, as an author's scenario."""
    path = tmp_path / "clean.yaml"
    shutil.copy(fixture_path("clean"), path)
    return path


def _sidecar(scenario: Path, body: str, folder: str = "") -> Path:
    where = scenario.parent / folder if folder else scenario.parent
    where.mkdir(exist_ok=True)
    path = where / "clean.tests.yaml"
    path.write_text(_file(body), encoding="utf-8")
    return path


PASSING = "- name: calm\n  seats: {chair: {choices: {open: calm}}}\n  expect: {ending: peace}"
FAILING = "- name: expects war\n  seats: {chair: {choices: {open: calm}}}\n  expect: {ending: war}"


def test_the_command_plays_the_sidecar_beside_the_scenario(run_cli: RunCli, storm: Path) -> None:
    _sidecar(storm, PASSING)
    code, out, err = run_cli("test", storm)
    assert (code, err) == (0, "")
    assert "  ok    calm (seed 0, 1 decision, peace)" in out
    assert out.splitlines()[-1].startswith("1 passed in ")


def test_a_failure_exits_1_with_the_located_line_and_the_path(run_cli: RunCli, storm: Path) -> None:
    sidecar = _sidecar(storm, FAILING)
    code, out, _ = run_cli("test", storm)
    assert code == 1
    line = _line(sidecar.read_text(), "ending: war")
    assert "  FAIL  expects war" in out
    assert f"{sidecar}:{line}:" in out and "error: expected ending 'war', got 'peace'" in out
    assert "    path: open=calm" in out
    assert "0 passed, 1 failed in " in out


def test_a_sidecar_may_live_in_a_tests_folder_and_be_named_itself(
    run_cli: RunCli, storm: Path
) -> None:
    sidecar = _sidecar(storm, PASSING, folder="tests")
    assert playtests_for(storm) == sidecar
    assert scenario_for(sidecar) == storm
    assert run_cli("test", sidecar)[0] == 0
    assert run_cli("test", storm)[0] == 0
    assert run_cli("test", storm.parent)[0] == 0


def test_k_keeps_the_tests_whose_name_matches(run_cli: RunCli, storm: Path) -> None:
    _sidecar(storm, PASSING + "\n" + FAILING)
    code, out, _ = run_cli("test", storm, "-k", "CALM")
    assert code == 0 and "expects war" not in out


def test_json_gives_every_result_with_its_failure(run_cli: RunCli, storm: Path) -> None:
    _sidecar(storm, PASSING + "\n" + FAILING)
    code, out, _ = run_cli("test", storm, "--json")
    data = json.loads(out)
    assert code == 1 and (data["passed"], data["failed"]) == (1, 1)
    (report,) = data["files"]
    assert report["scenario"] == "clean" and report["problems"] == []
    calm, war = report["tests"]
    assert calm["passed"] and calm["failure"] is None and calm["ending"] == "peace"
    assert war["failure"]["message"] == "expected ending 'war', got 'peace' after 1 decision"
    assert war["failure"]["path"] == ["open=calm"]


def test_a_file_with_problems_exits_2_and_prints_them_located(run_cli: RunCli, storm: Path) -> None:
    sidecar = _sidecar(storm, "- name: a\n  seeds: 3")
    code, _, err = run_cli("test", storm)
    assert code == 2
    assert f"{sidecar}:5:5: error[E101]: unknown key 'seeds' in a test" in err


@pytest.mark.parametrize("case", ["no sidecar", "no such file", "no scenario", "broken scenario"])
def test_nothing_to_play_exits_2_saying_why(
    run_cli: RunCli, storm: Path, tmp_path: Path, case: str
) -> None:
    if case == "no sidecar":
        target, words = storm, "no playtests: write them in clean.tests.yaml beside it"
    elif case == "no such file":
        target, words = tmp_path / "nope.yaml", "no such file"
    elif case == "no scenario":
        target = tmp_path / "orphan.tests.yaml"
        target.write_text(_file(PASSING))
        words = "no scenario orphan.yaml beside it"
    else:
        _sidecar(storm, PASSING)
        storm.write_text("format: 1\nid: [\n")
        target, words = storm, "clean.yaml:"
    code, _, err = run_cli("test", target)
    assert code == 2
    assert words in err


def test_the_bundled_scenarios_pass_their_playtests(run_cli: RunCli) -> None:
    """CI runs these: history's course and every ending, for each bundled scenario."""
    code, out, err = run_cli("test")
    assert (code, err) == (0, ""), out
    assert "FAIL" not in out
    for path in BUNDLED:
        assert f"{path.stem}.tests.yaml:" in out


@pytest.mark.parametrize("path", BUNDLED, ids=[path.stem for path in BUNDLED])
def test_each_bundled_scenario_has_a_playtest_for_history_and_for_every_ending(
    path: Path,
) -> None:
    scenario = load_path(path)
    sidecar = playtests_for(path)
    assert sidecar is not None and sidecar.parent.name == "tests"
    read = read_text(sidecar.read_text(encoding="utf-8"), scenario, str(sidecar))
    assert not read.problems
    endings = {test.expect.ending.value for test in read.tests if test.expect.ending}
    assert endings == {ending.id for ending in scenario.endings}
    history = next(test for test in read.tests if test.name == "history's course")
    historical = next(ending.id for ending in scenario.endings if ending.historical)
    assert history.expect.ending is not None and history.expect.ending.value == historical
    assert all(result.passed for result in run_tests(scenario, read.tests))
    assert run_test(Autopilot(scenario), history).passed


def test_the_bundled_playtests_ship_in_the_wheel() -> None:
    """Every bundled playtest file matches a package-data pattern (CI also plays them from
    a non-editable install)."""
    import fnmatch
    import tomllib

    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["excomm_sim"]
    package = root / "src" / "excomm_sim"
    for path in BUNDLED:
        sidecar = playtests_for(path)
        assert sidecar is not None
        relative = sidecar.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative


def test_validate_of_a_folder_leaves_its_playtest_files_alone(run_cli: RunCli, storm: Path) -> None:
    _sidecar(storm, PASSING)
    code, out, _ = run_cli("validate", storm.parent)
    assert code == 0
    assert "1 file checked" in out
