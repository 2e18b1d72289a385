"""The scenario fuzzer, at a fixed budget: no mutant crashes the loader, play, saves or reports.

Each run checks the same cases (a mutant is a pure function of its number), drawn from the
repository's small scenarios; ``benchmarks/fuzz_scenarios.py`` runs tens of thousands more,
meeting 19 included. ``EXCOMM_SIM_FUZZ_START`` shifts the case numbers, to explore past the
fixed budget: a failure names its case, which reproduces it anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fuzzing.scenario_harness import check_mutant
from fuzzing.scenario_mutants import KINDS, mutant, seed_texts

CASES_PER_KIND = 1000
"""3,000 cases in all: about 15 s on the reference machine (2 cores)."""
PARITY_EVERY = {"structural": 3, "text": 1, "literal": 3}
"""Which cases are also read with the pure-Python YAML parser and compared: every text
mutant (syntax is where the parsers differ) and one in three of the others."""
START = int(os.environ.get("EXCOMM_SIM_FUZZ_START", "0"))
TEXTS = seed_texts()


@pytest.mark.parametrize("kind", KINDS)
def test_no_mutant_crashes_hangs_or_gets_two_verdicts(kind: str, tmp_path: Path) -> None:
    failures: list[str] = []
    accepted = games = saves = 0
    for number in range(START, START + CASES_PER_KIND):
        _kind, text = mutant(TEXTS, number, kind)
        outcome = check_mutant(text, tmp_path, both_parsers=number % PARITY_EVERY[kind] == 0)
        accepted += outcome.accepted
        games += outcome.games
        saves += outcome.saves_read_back
        if outcome.failures or outcome.mismatch:
            found = outcome.mismatch or outcome.failures[0]
            failures.append(f"case {number} ({kind}):\n{found}")
    assert not failures, "\n\n".join(failures[:5])
    assert accepted >= CASES_PER_KIND // 50, "the mutants hardly ever load: the fuzzer is blind"
    assert games == 4 * accepted and saves >= accepted
