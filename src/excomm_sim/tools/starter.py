"""The starter scenario that ``excomm-sim new`` writes: one of each feature, commented.

The template ships in the package (``templates/starter.yaml``); its id is made from the
new file's name, the way ``cargo new`` names a crate after its folder. A test holds that
the starter validates with no warnings, that ``check`` finds no errors in it, and that a
plain game of it plays to an ending.
"""

from __future__ import annotations

import re
from importlib import resources

PLACEHOLDER = "SCENARIO_ID"


def starter_id(stem: str) -> str:
    """A valid scenario id from a file name: ``Bridge Vote`` -> ``bridge_vote``."""
    ident = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_")
    if not ident or not ident[0].isalpha():
        ident = f"scenario_{ident}".rstrip("_")
    return ident


def starter_text(stem: str = "my_scenario") -> str:
    """The starter scenario's YAML, with its id made from ``stem``."""
    template = resources.files("excomm_sim") / "templates" / "starter.yaml"
    ident = starter_id(stem)
    # Keep the comment after the id in its column when the id is short enough.
    return template.read_text(encoding="utf-8").replace(
        PLACEHOLDER, ident.ljust(len(PLACEHOLDER)) if len(ident) < len(PLACEHOLDER) else ident, 1
    )
