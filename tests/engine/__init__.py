"""Engine tests (a package so helpers import as ``engine.scenarios``)."""
