# ruff: noqa: E501  (the expected lines are exact compiler-style messages, kept whole)
"""Every class of mistake the loader catches, each at its exact file:line:column.

Each case edits one spot of the valid harbour fixture and lists every problem expected,
so a test also fails when a mistake cascades into unrelated errors.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

NEW_VARIABLE_BEFORE = "decisions:\n  - id: first_contact"

CASES: dict[str, tuple[str, str, list[str]]] = {
    "unknown_key_with_did_you_mean": (
        "    briefing: You want the cargo inspected.",
        "    breifing: You want the cargo inspected.",
        [
            "harbour.yaml:38:5: error: unknown key 'breifing' in a role (did you mean 'briefing'?) [roles[1].breifing]",
        ],
    ),
    "missing_required_key": (
        "    title: Dockworkers protest\n",
        "",
        ["harbour.yaml:153:5: error: missing required key 'title' in an event [events[0].title]"],
    ),
    "required_key_without_value": (
        "title: The Harbour Standoff",
        "title:",
        ["harbour.yaml:5:7: error: 'title' must have a value [title]"],
    ),
    "empty_required_text": (
        "title: The Harbour Standoff",
        'title: ""',
        ["harbour.yaml:5:8: error: 'title' must not be empty [title]"],
    ),
    "list_where_text_expected": (
        "label: Radio the captain",
        "label: [Radio, the captain]",
        ["harbour.yaml:87:16: error: expected text, got a list [decisions[0].options[0].label]"],
    ),
    "text_where_integer_expected": (
        "after: 1",
        "after: soon",
        [
            "harbour.yaml:126:20: error: expected an integer, got the text 'soon' [decisions[0].options[1].delayed[0].after]"
        ],
    ),
    "quoted_integer": (
        "strength: 3",
        'strength: "3"',
        [
            "harbour.yaml:98:23: error: expected an integer, got the text '3'; remove the quotes [decisions[0].options[0].stances[0].strength]"
        ],
    ),
    "float_where_integer_expected": (
        "days: 2",
        "days: 1.5",
        [
            "harbour.yaml:137:11: error: expected an integer, got the number 1.5; whole numbers only [decisions[1].days]"
        ],
    ),
    "base_sixty_integer": (
        "days: 2",
        "days: 1:30",
        [
            "harbour.yaml:137:11: error: YAML 1.1 reads 1:30 as a base-60 number (90); write the number you mean [decisions[1].days]"
        ],
    ),
    "integer_outside_bounds": (
        "strength: 3",
        "strength: 5",
        [
            "harbour.yaml:98:23: error: 'strength' is 5; expected 1 to 3 [decisions[0].options[0].stances[0].strength]"
        ],
    ),
    "value_not_in_choices": (
        "position: oppose",
        "position: opose",
        [
            "harbour.yaml:101:23: error: 'opose' is not one of favour, oppose (did you mean 'oppose'?) [decisions[0].options[0].stances[1].position]"
        ],
    ),
    "invalid_id": (
        "  - id: cargo_question",
        "  - id: Cargo-Question",
        [
            "harbour.yaml:131:9: error: 'Cargo-Question' is not a valid id: use lowercase letters, digits and _, starting with a letter [decisions[1].id]"
        ],
    ),
    "text_where_list_expected": (
        "    options:\n      - id: seize",
        "    options: seize\n    optionz:\n      - id: seize",
        [
            "harbour.yaml:138:14: error: expected a list, got the text 'seize' [decisions[1].options]",
            "harbour.yaml:139:5: error: unknown key 'optionz' in a decision (did you mean 'options'?) [decisions[1].optionz]",
        ],
    ),
    "empty_required_list": (
        '    options:\n      - id: seize\n        label: Seize it\n        effects: [cargo = "seized", tension += 15]\n        lean: hawk\n      - id: declare\n        label: Ask for a declaration\n        effects:\n          - cargo = "declared"\n          - tension = max(tension - 10, 0)\n        stances:\n          - role: mayor\n            position: favour\n            reason: A paper trail calms everyone.\n',
        "    options: []\n",
        ["harbour.yaml:138:14: error: 'options' needs at least one item [decisions[1].options]"],
    ),
    "text_where_mapping_expected": (
        "  - id: cargo_question\n",
        "  - just text\n  - id: cargo_question\n",
        [
            "harbour.yaml:131:5: error: expected a decision (a mapping of keys), got the text 'just text' [decisions[1]]"
        ],
    ),
    "effect_written_as_mapping": (
        "          - goodwill += 1",
        "          - goodwill: 1",
        [
            "harbour.yaml:91:13: error: expected an effect as text (like 'tension -= 10'), got a mapping [decisions[0].options[0].effects[1]]"
        ],
    ),
    "duplicate_mapping_key": (
        "    days: 2\n",
        "    days: 2\n    days: 3\n",
        [
            "harbour.yaml:138:5: error: duplicate key 'days' (first given on line 137); YAML would silently keep only the last one [decisions[1].days]"
        ],
    ),
    "duplicate_decision_id": (
        "  - id: cargo_question",
        "  - id: first_contact",
        [
            "harbour.yaml:131:5: error: duplicate decision id 'first_contact' (first used on line 77) [decisions[1].id]"
        ],
    ),
    "duplicate_option_id": (
        "      - id: declare",
        "      - id: seize",
        [
            "harbour.yaml:143:9: error: duplicate option id 'seize' (first used on line 139) [decisions[1].options[1].id]"
        ],
    ),
    "duplicate_variable_id": (
        NEW_VARIABLE_BEFORE,
        "  - id: tension\n    type: bool\n    label: Again\n    initial: false\n"
        + NEW_VARIABLE_BEFORE,
        [
            "harbour.yaml:76:5: error: duplicate variable id 'tension' (first used on line 50) [variables[4].id]"
        ],
    ),
    "unknown_decider_role": (
        "decider: admiral",
        "decider: admirl",
        [
            "harbour.yaml:133:14: error: unknown role 'admirl' (did you mean 'admiral'?) [decisions[1].decider]"
        ],
    ),
    "unknown_stance_role": (
        "          - role: mayor",
        "          - role: mayer",
        [
            "harbour.yaml:149:19: error: unknown role 'mayer' (did you mean 'mayor'?) [decisions[1].options[1].stances[0].role]"
        ],
    ),
    "unknown_trigger_event": (
        "trigger: scuffle_news",
        "trigger: scufle_news",
        [
            "harbour.yaml:124:24: error: unknown event 'scufle_news' (did you mean 'scuffle_news'?) [decisions[0].options[1].chance.outcomes[1].trigger]",
            "harbour.yaml:158:5: warning: event 'scuffle_news' never fires: it has no 'when' and no trigger names it [events[1]]",
        ],
    ),
    "unknown_citation_source": (
        '- "log p.1 ¶2"',
        '- "lgo p.1 ¶2"',
        [
            "harbour.yaml:81:9: error: unknown source 'lgo' (did you mean 'log'?) [decisions[0].sources[0]]"
        ],
    ),
    "unknown_citation_source_in_mapping": (
        "{source: minutes,",
        "{source: minute,",
        [
            "harbour.yaml:82:18: error: unknown source 'minute' (did you mean 'minutes'?) [decisions[0].sources[1].source]"
        ],
    ),
    "unreadable_citation": (
        '- "log p.1 ¶2"',
        '- "log page one"',
        [
            "harbour.yaml:81:9: error: cannot read the citation 'log page one': write 'source p.N ¶N (note)' or a mapping with source, page, paragraph, note [decisions[0].sources[0]]"
        ],
    ),
    "unknown_variable_in_expression": (
        "          - tension -= 5",
        "          - tensoin -= 5",
        [
            "harbour.yaml:90:13: error: unknown variable 'tensoin' (did you mean 'tension'?) [decisions[0].options[0].effects[0]]"
        ],
    ),
    "type_mismatch_in_expression": (
        "when: tension >= 40",
        'when: tension >= "high"',
        [
            "harbour.yaml:106:26: error: '>=' compares numbers, but this is the text 'high' [decisions[0].options[1].when]"
        ],
    ),
    "chose_names_unknown_option": (
        'chose("first_contact", "board")',
        'chose("first_contact", "bord")',
        [
            "harbour.yaml:136:38: error: 'bord' is not an option of decision 'first_contact' (expected one of: board, radio; did you mean 'board'?) [decisions[1].when]"
        ],
    ),
    "chose_names_unknown_decision": (
        'chose("first_contact", "board")',
        'chose("first_contct", "board")',
        [
            "harbour.yaml:136:21: error: unknown decision 'first_contct' (did you mean 'first_contact'?) [decisions[1].when]"
        ],
    ),
    "initial_outside_range": (
        "initial: 50",
        "initial: 150",
        [
            "harbour.yaml:55:14: error: initial value 150 is outside min..max (0..100) [variables[0].initial]"
        ],
    ),
    "initial_not_among_values": (
        "initial: unknown",
        "initial: unknwn",
        [
            "harbour.yaml:68:14: error: initial value 'unknwn' is not one of the values (unknown, declared, inspected, seized) (did you mean 'unknown'?) [variables[2].initial]"
        ],
    ),
    "effect_assigns_literal_outside_range": (
        "tension += 15]",
        "tension = 150]",
        [
            "harbour.yaml:141:47: error: 150 is outside tension's range 0..100 [decisions[1].options[0].effects[1]]"
        ],
    ),
    "comparison_with_literal_outside_range": (
        "when: tension >= 40",
        "when: tension >= 400",
        [
            "harbour.yaml:106:26: warning: 400 is outside tension's range 0..100, so 'tension >= 400' is always false [decisions[0].options[1].when]"
        ],
    ),
    "max_below_min": (
        "    min: 0\n    max: 10",
        "    min: 10\n    max: 0",
        ["harbour.yaml:57:10: error: max 0 is below min 10 [variables[0].max]"],
    ),
    "int_key_on_bool_variable": (
        "    label: Freighter boarded\n",
        "    label: Freighter boarded\n    min: 0\n",
        [
            "harbour.yaml:62:5: error: 'min' applies only to int variables, not bool [variables[1].min]"
        ],
    ),
    "display_unsuited_to_kind": (
        "    display: meter",
        "    display: flag",
        [
            "harbour.yaml:54:14: error: display flag does not suit an int variable [variables[0].display]"
        ],
    ),
    "builtin_name_as_variable": (
        NEW_VARIABLE_BEFORE,
        "  - id: turn\n    type: int\n    label: Turn\n    initial: 0\n    min: 0\n    max: 9\n"
        + NEW_VARIABLE_BEFORE,
        [
            "harbour.yaml:76:9: error: 'turn' is built in (turns/days so far); pick another id [variables[4].id]"
        ],
    ),
    "no_president": (
        "    president: true\n",
        "",
        ["harbour.yaml:21:3: error: no role has president: true (exactly one must) [roles]"],
    ),
    "two_presidents": (
        "    title: Harbour defence chief\n",
        "    title: Harbour defence chief\n    president: true\n",
        [
            "harbour.yaml:34:5: error: more than one role has president: true (the first is on line 21); exactly one must [roles]"
        ],
    ),
    "no_fallback_ending": (
        "    title: Stalemate\n",
        "    title: Stalemate\n    when: turn > 3\n",
        [
            "harbour.yaml:169:3: error: no ending is the fallback: exactly one ending must have no 'when' [endings]"
        ],
    ),
    "two_fallback_endings": (
        '    title: Settled\n    when: cargo == "declared" and tension < 60\n',
        "    title: Settled\n",
        [
            "harbour.yaml:183:5: error: more than one ending has no 'when' (the first is on line 175); exactly one fallback is allowed [endings]"
        ],
    ),
    "early_fallback_ending": (
        "    title: Stalemate\n",
        "    title: Stalemate\n    early: true\n",
        [
            "harbour.yaml:184:5: error: the fallback ending 'stalemate' (no 'when') cannot be early: it would end the game at once [endings[2].early]"
        ],
    ),
    "two_history_options_in_a_decision": (
        "        label: Send a boarding party\n",
        "        label: Send a boarding party\n        history: true\n",
        [
            "harbour.yaml:104:9: error: more than one option of decision 'first_contact' has history: true (the first is on line 86) [decisions[0].options]"
        ],
    ),
    "two_history_outcomes_in_a_chance": (
        "              label: A scuffle on deck\n",
        "              label: A scuffle on deck\n              history: true\n",
        [
            "harbour.yaml:119:15: error: more than one outcome has history: true (the first is on line 114) [decisions[0].options[1].chance.outcomes]"
        ],
    ),
    "two_historical_endings": (
        "    title: Stalemate\n",
        "    title: Stalemate\n    historical: true\n",
        [
            "harbour.yaml:184:5: error: more than one ending has historical: true (the first is on line 175) [endings]"
        ],
    ),
    "unsupported_format": (
        "format: 1",
        "format: 3",
        [
            "harbour.yaml:3:9: error: format 3 is not supported: this excomm-sim reads formats 1, 2 [format]"
        ],
    ),
    "unavailable_without_when": (
        "        label: Seize it\n",
        "        label: Seize it\n        unavailable: Not yet.\n",
        [
            "harbour.yaml:141:22: warning: 'unavailable' is shown only when 'when' is false, and this option has no 'when' [decisions[1].options[0].unavailable]"
        ],
    ),
    "event_that_never_fires": (
        "trigger: scuffle_news",
        "trigger: protest",
        [
            "harbour.yaml:158:5: warning: event 'scuffle_news' never fires: it has no 'when' and no trigger names it [events[1]]"
        ],
    ),
    "yes_in_a_boolean_field": (
        "president: true",
        "president: yes",
        [
            "harbour.yaml:24:16: error: expected true or false, got yes; write true [roles[0].president]"
        ],
    ),
    "no_in_a_text_field": (
        "label: Seize it",
        "label: no",
        [
            'harbour.yaml:140:16: warning: YAML reads no as a boolean; quote it ("no") if you mean the word [decisions[1].options[0].label]'
        ],
    ),
    "unquoted_version_number": (
        'version: "0.3"',
        "version: 0.3",
        [
            'harbour.yaml:6:10: error: version must be text: YAML reads 0.3 as a number; quote it (version: "0.3") [version]'
        ],
    ),
    "date_in_another_format": (
        "date: 1962-10-01",
        "date: 1 October 1962",
        [
            "harbour.yaml:7:7: error: expected a date as YYYY-MM-DD (1962-11-03), got the text '1 October 1962' [date]"
        ],
    ),
    "impossible_date": (
        "date: 1962-10-01",
        "date: 1962-02-30",
        ["harbour.yaml:7:7: error: '1962-02-30' is not a valid date [date]"],
    ),
    "date_with_a_time": (
        "date: 1962-10-01",
        "date: 1962-10-01 10:00:00",
        [
            "harbour.yaml:7:7: error: expected a date as YYYY-MM-DD (1962-11-03), got the date 1962-10-01 10:00:00 [date]"
        ],
    ),
    "comma_inside_flow_mapping": (
        "note: the mayor's question}",
        "note: the mayor, question}",
        [
            "harbour.yaml:82:67: error: unknown key 'question' in a citation; inside { } a comma ends the entry, so quote text that contains commas [decisions[0].sources[1].question]"
        ],
    ),
    "foreign_yaml_tag": (
        "label: Seize it",
        "label: !!python/object:os.system Seize it",
        [
            "harbour.yaml:140:16: error: the YAML tag !!python/object:os.system is not allowed: a scenario holds only plain YAML data [decisions[1].options[0].label]"
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_mistake_is_reported_at_its_place(
    case: str,
    edit: Callable[[str, str], str],
    findings: Callable[[str], list[str]],
) -> None:
    old, new, expected = CASES[case]
    assert findings(edit(old, new)) == expected
