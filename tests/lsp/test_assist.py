"""Where the cursor stands, read from the text alone (the pure half of the server)."""

from __future__ import annotations

import pytest

from excomm_sim.lsp.assist import context_at, key_path

NESTED = """\
decisions:
  - id: first
    options:
      - id: go
        when: >
          tension > 3 and
          ten
        chance:
          outcomes:
            - id: yes
              weight: 5
- id: compact
"""
COMPACT = """\
roles:
- id: chair
  objectives:
  - id: aim
    when: x
"""


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@pytest.mark.parametrize(
    ("text", "row", "column", "path"),
    [
        (NESTED, 4, 8, ("decisions", "options")),
        (NESTED, 10, 14, ("decisions", "options", "chance", "outcomes")),
        (NESTED, 8, 10, ("decisions", "options", "chance")),
        (COMPACT, 4, 4, ("roles", "objectives")),
        (COMPACT, 2, 2, ("roles",)),
    ],
)
def test_the_keys_above_a_line_are_found_by_indentation(
    text: str, row: int, column: int, path: tuple[str, ...]
) -> None:
    assert key_path(_lines(text), row, column) == path


def test_a_block_scalar_line_is_an_expression() -> None:
    context = context_at(_lines(NESTED), 6, 13)
    assert context is not None
    assert (context.what, context.key, context.text) == ("expression", "when", "ten")


def test_a_comment_is_not_completed() -> None:
    assert context_at(["        when: x  # note th\n"], 0, 26) is None


def test_a_half_typed_key_is_a_key() -> None:
    lines = _lines(NESTED.replace("        chance:\n", "        tri\n        chance:\n"))
    context = context_at(lines, 7, 11)
    assert context is not None
    assert (context.what, context.path, context.text) == ("key", ("decisions", "options"), "tri")


def test_the_calendar_keys_and_phase_ids_are_completed_and_explained() -> None:
    """Format 2's keys come from the schema; a ``phase:`` value completes the phase ids,
    hovers with the phase's heading and dates, and jumps to its declaration."""
    from excomm_sim.lsp.assist import complete, definition, hover
    from excomm_sim.lsp.outline import outline_of
    from excomm_sim.scenario.load import read_text

    text = (
        "format: 2\n"
        "phases:\n"
        "  - id: week\n"
        "    heading: The week after\n"
        "    date: 1962-10-02\n"
        "    until: 1962-10-08\n"
        "decisions:\n"
        "  - id: pilots\n"
        "    phase: week\n"
        "    of\n"
    )
    lines = _lines(text)
    # The server keeps the outline of the last text that parsed (this one, less the key
    # being typed).
    outline = outline_of(read_text(text.replace("    of\n", ""), "x.yaml", keep_tree=True).tree)
    keys = {s.label: s for s in complete(lines, 9, 6, outline)}
    assert {"offset", "date"} <= set(keys)
    assert "phase" not in keys  # already given
    assert "days after its phase's start" in keys["offset"].documentation
    assert [s.label for s in complete(["    phase: w\n"], 0, 12, outline)] == ["week"]
    said = hover(lines, 8, 12, outline)
    assert said is not None and "The week after (1962-10-02 to 1962-10-08)" in said[0]
    spot = definition(lines, 8, 12, outline)
    assert spot is not None and spot.line == 2
