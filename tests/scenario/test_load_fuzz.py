"""Mutated and arbitrary scenario texts: the loader returns a model or located problems only.

The mutants are the scenario fuzzer's (``tests/fuzzing/scenario_mutants.py``: structural,
text and literal), at numbers hypothesis chooses; arbitrary text covers every character.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from excomm_sim.scenario.load import ScenarioError, load_text
from excomm_sim.scenario.model import Scenario
from fuzzing.scenario_mutants import KINDS, mutant, seed_texts

TEXTS = seed_texts()
FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _assert_model_or_located_problems(text: str) -> None:
    try:
        scenario = load_text(text, "fuzz.yaml")
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.file == "fuzz.yaml"
            assert problem.message
    else:
        assert isinstance(scenario, Scenario)


@FUZZ
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(KINDS))
def test_any_mutant_gives_a_model_or_located_problems(number: int, kind: str) -> None:
    """Hypothesis draws mutant numbers freely, so each run also tries cases the fixed-budget
    fuzzer (test_fuzz_scenarios.py, which plays every mutant that loads) does not."""
    _kind, text = mutant(TEXTS, number, kind)
    _assert_model_or_located_problems(text)


ANY_CHARACTER = st.characters(categories=["L", "N", "P", "S", "Z", "Cc", "Cs"])
"""Letters to separators, control characters and lone surrogates (a str may hold them)."""


@settings(max_examples=300, deadline=None)
@given(st.text(ANY_CHARACTER, max_size=300))
def test_arbitrary_text_gives_located_problems(text: str) -> None:
    _assert_model_or_located_problems(text)
