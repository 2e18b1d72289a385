"""Hostile and malformed YAML: refused with a located problem, quickly and in bounded memory."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from excomm_sim.scenario.load import MAX_FILE_BYTES, check_bytes, check_text, load_path
from excomm_sim.scenario.problems import ScenarioError
from excomm_sim.scenario.yamlread import MAX_DEPTH, MAX_NODES


def _billion_laughs(levels: int = 9) -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_at_the_node_that_explodes() -> None:
    _, problems = check_text(_billion_laughs(), "lol.yaml")
    assert [str(problem) for problem in problems] == [
        f"lol.yaml:6:4: error: the document holds more than {MAX_NODES:,} values once "
        "aliases are expanded; refused"
    ]


def test_billion_laughs_is_refused_in_bounded_memory() -> None:
    tracemalloc.start()
    try:
        check_text(_billion_laughs(), "lol.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_alias_cycle_is_refused() -> None:
    _, problems = check_text("a: &x [1, *x]\n", "cycle.yaml")
    assert [str(p) for p in problems] == [
        "cycle.yaml:1:4: error: an alias refers to a node that contains it (a cycle)"
    ]


def test_deep_nesting_is_refused() -> None:
    depth = MAX_DEPTH + 5
    _, problems = check_text("a: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
    assert [p.message for p in problems] == [f"the document nests deeper than {MAX_DEPTH} levels"]


def test_python_tags_are_refused_not_constructed() -> None:
    text = "id: !!python/object/apply:os.system [echo hacked]\n"
    _, problems = check_text(text, "tag.yaml")
    assert str(problems[0]) == (
        "tag.yaml:1:5: error: the YAML tag !!python/object/apply:os.system is not allowed: "
        "a scenario holds only plain YAML data [id]"
    )


def test_local_tag_is_refused() -> None:
    _, problems = check_text("title: !secret x\n", "tag.yaml")
    assert problems[0].message.startswith("the YAML tag !secret is not allowed")


def test_syntax_error_is_located() -> None:
    _, problems = check_text("id: x\ntitle: [unclosed\nversion: '1'\n", "bad.yaml")
    assert [str(p) for p in problems] == [
        "bad.yaml:3:8: error: YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts on line 2)"
    ]


def test_bad_indentation_is_a_syntax_error() -> None:
    _, problems = check_text("id: x\n  title: y\n", "indent.yaml")
    assert [(p.line, p.column) for p in problems] == [(2, 8)]
    assert problems[0].message.startswith("YAML syntax error: mapping values are not allowed")


def test_second_document_is_refused() -> None:
    _, problems = check_text("id: a\n---\nid: b\n", "two.yaml")
    assert [str(p) for p in problems] == [
        "two.yaml:2:1: error: YAML syntax error: expected a single document in the stream, "
        "but found another document"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# just a comment\n"])
def test_empty_file_is_one_clean_problem(text: str) -> None:
    _, problems = check_text(text, "empty.yaml")
    assert [str(p) for p in problems] == [
        "empty.yaml:1:1: error: the file is empty: expected a scenario (format: 1, id: ..., ...)"
    ]


def test_top_level_list_is_refused() -> None:
    _, problems = check_text("- a\n- b\n", "list.yaml")
    assert [str(p) for p in problems] == [
        "list.yaml:1:1: error: expected a scenario (a mapping of keys), got a list"
    ]


def test_mapping_as_key_is_refused() -> None:
    _, problems = check_text("? [a, b]\n: c\n", "key.yaml")
    assert str(problems[0]) == (
        "key.yaml:1:3: error: a key must be a plain name, not a list or mapping"
    )


def test_number_as_key_is_an_unknown_key(edit: Callable[[str, str], str]) -> None:
    _, problems = check_text(edit("format: 1\n", "format: 1\n12: twelve\n"), "key.yaml")
    assert [str(p) for p in problems] == [
        "key.yaml:4:1: error: unknown key '12' in a scenario [12]"
    ]


def test_control_character_is_refused() -> None:
    _, problems = check_text("id: a\ntitle: b\x07\n", "ctl.yaml")
    assert problems[0].line == 2
    assert problems[0].message == "YAML syntax error: control characters are not allowed"


def test_non_utf8_bytes_are_located() -> None:
    _, problems = check_bytes(b"id: x\ntitle: caf\xe9\n", "latin.yaml")
    assert [str(p) for p in problems] == [
        "latin.yaml:2:11: error: the file is not UTF-8 text (byte 0xe9); save it as UTF-8"
    ]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"[" * (MAX_FILE_BYTES + 10))  # would be a syntax error if parsed
    with pytest.raises(ScenarioError) as caught:
        load_path(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith("the file is too large")


def test_byte_order_mark_is_accepted(harbour_text: str) -> None:
    scenario, problems = check_bytes(b"\xef\xbb\xbf" + harbour_text.encode(), "bom.yaml")
    assert scenario is not None and problems == ()


def test_anchors_and_merge_keys_are_plain_reuse(edit: Callable[[str, str], str]) -> None:
    text = edit(
        "      - id: declare\n        label: Ask for a declaration\n",
        "      - id: declare\n        <<: {label: Ask for a declaration, lean: dove}\n",
    )
    scenario, problems = check_text(text, "merge.yaml")
    assert problems == ()
    assert scenario is not None
    declare = scenario.decision("cargo_question").option("declare")
    assert (declare.label, declare.lean) == ("Ask for a declaration", "dove")


def test_merge_of_a_scalar_is_reported(edit: Callable[[str, str], str]) -> None:
    text = edit("        label: Ask for a declaration\n", "        label: x\n        <<: nope\n")
    _, problems = check_text(text, "merge.yaml")
    assert [str(p) for p in problems] == [
        "merge.yaml:145:13: error: a merge key (<<) takes a mapping or a list of mappings, "
        "got the text 'nope' [decisions[1].options[1]]"
    ]


@pytest.mark.parametrize(
    ("tagged", "message"),
    [
        ("!!int", "'' is not a valid int"),
        ("!!int twelve", "'twelve' is not a valid int"),
        ("!!float", "'' is not a valid float"),
        ("!!bool maybe", "'maybe' is not a valid bool"),
        ("!!timestamp soon", "'soon' is not a valid date"),
    ],
)
def test_explicit_tag_with_bad_text_is_reported(tagged: str, message: str) -> None:
    _, problems = check_text(f"id: {tagged}\n", "tagged.yaml")
    assert str(problems[0]) == f"tagged.yaml:1:5: error: {message} [id]"


def test_lone_surrogate_in_text_is_located() -> None:
    _, problems = check_text("id: x\ntitle: a\ud800b\n", "surrogate.yaml")
    assert [str(p) for p in problems] == [
        "surrogate.yaml:2:9: error: the text holds U+D800, half of a surrogate pair and not "
        "a character; save the file as UTF-8"
    ]
