"""The rules engine: pure and deterministic play of a scenario (see docs/rules-engine.md).

Import what you need from the submodules (``engine.game`` for ``Game``, ``engine.events``
for the records, ``engine.state`` for ``GameState``); this package imports nothing, so
``import excomm_sim.engine`` stays cheap.
"""
