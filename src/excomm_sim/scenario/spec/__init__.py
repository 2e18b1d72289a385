"""The scenario format, declared once: every part's fields and every variable type.

The reader, the JSON Schema (``scenario.schema``), the language server's completions and
hovers (``lsp.keys``) and the field tables of docs/scenario-format.md (``spec.tables``) are
made from these declarations; see CONTRIBUTING.md for what to touch to change the format.
"""

from __future__ import annotations

from excomm_sim.scenario.spec.agenda import (
    CHANCE,
    CITATION,
    DECISION,
    DELAYED,
    GUARDED,
    OPTION,
    OUTCOME,
    STANCE,
    VARIANT,
)
from excomm_sim.scenario.spec.declare import Field, Part, Shape
from excomm_sim.scenario.spec.glossary import PERSON, TERM
from excomm_sim.scenario.spec.top import (
    CALENDAR,
    ENDING,
    EVENT,
    OBJECTIVE,
    PHASE,
    READING,
    ROLE,
    SCENARIO,
    SOURCE,
    VARIABLE,
)
from excomm_sim.scenario.spec.variable_types import VARIABLE_TYPES, VariableType

PARTS: tuple[Part, ...] = (
    SCENARIO,
    SOURCE,
    CITATION,
    READING,
    CALENDAR,
    PHASE,
    ROLE,
    OBJECTIVE,
    VARIABLE,
    DECISION,
    OPTION,
    CHANCE,
    OUTCOME,
    DELAYED,
    STANCE,
    EVENT,
    ENDING,
    GUARDED,
    VARIANT,
    PERSON,
    TERM,
)
"""Every kind of mapping a scenario file holds, top level first."""

__all__ = [
    "CALENDAR",
    "CHANCE",
    "CITATION",
    "DECISION",
    "DELAYED",
    "ENDING",
    "EVENT",
    "GUARDED",
    "OBJECTIVE",
    "OPTION",
    "OUTCOME",
    "PARTS",
    "PERSON",
    "PHASE",
    "READING",
    "ROLE",
    "SCENARIO",
    "SOURCE",
    "STANCE",
    "TERM",
    "VARIABLE",
    "VARIABLE_TYPES",
    "VARIANT",
    "Field",
    "Part",
    "Shape",
    "VariableType",
]
