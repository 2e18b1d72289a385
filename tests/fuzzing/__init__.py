"""Fuzzers shared by the suite (a fixed budget) and ``benchmarks/fuzz_scenarios.py`` (long runs).

``scenario_mutants`` makes mutated scenario texts, ``scenario_harness`` checks one (load,
both YAML parsers, random games, saves read back, reports, a simulation);
``save_mutants`` makes damaged save files for the save fuzzer.
"""
