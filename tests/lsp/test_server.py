"""``excomm-sim lsp`` in a real exchange: initialize, open, edit, complete, hover, jump, exit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from excomm_sim.tools.starter import starter_text
from lsp.client import Client

URI = "file:///tmp/bridge.yaml"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    client = Client(tmp_path / "home")
    result = client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    capabilities = result["capabilities"]
    assert capabilities["hoverProvider"] and capabilities["definitionProvider"]
    assert capabilities["completionProvider"]["triggerCharacters"] == ['"', "'", "("]
    client.notify("initialized", {})
    yield client
    assert client.close() == 0


def _open(client: Client, text: str, version: int = 1) -> dict[str, Any]:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": URI, "languageId": "yaml", "version": version, "text": text}},
    )
    return client.notification(
        "textDocument/publishDiagnostics", lambda params: params.get("version") == version
    )


def _position(text: str, needle: str, after: int = 0) -> dict[str, int]:
    index = text.index(needle) + after
    line = text.count("\n", 0, index)
    return {"line": line, "character": index - (text.rfind("\n", 0, index) + 1)}


def test_the_starter_has_no_diagnostics(client: Client) -> None:
    assert _open(client, starter_text("bridge"))["diagnostics"] == []


def test_diagnostics_carry_validates_codes_and_ranges(client: Client) -> None:
    text = starter_text("bridge").replace('when: mood != "angry"', 'when: mod != "angry"', 1)
    text = text.replace("when: closed or safety < 20", "when: safety >= 60 and safety < 40", 1)
    found = _open(client, text)["diagnostics"]
    assert [item["code"] for item in found] == ["E202"]
    unknown = found[0]
    assert unknown["severity"] == 1 and unknown["source"] == "excomm-sim"
    assert "unknown variable 'mod' (did you mean 'mood'?)" in unknown["message"]
    start = _position(text, 'mod != "angry"')
    assert unknown["range"]["start"] == start
    assert unknown["range"]["end"] == {"line": start["line"], "character": start["character"] + 3}


def test_an_edit_that_fixes_the_error_shows_the_logic_findings(client: Client) -> None:
    text = starter_text("bridge").replace(
        "when: closed or safety < 20", "when: safety >= 60 and safety < 40", 1
    )
    broken = text.replace("effects: [budget += 1]", "effects: [budgt += 1]", 1)
    assert [d["code"] for d in _open(client, broken)["diagnostics"]] == ["E202"]
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": text}]},
    )
    found = client.notification(
        "textDocument/publishDiagnostics", lambda params: params.get("version") == 2
    )["diagnostics"]
    codes = [item["code"] for item in found]
    assert "E403" in codes
    never = found[codes.index("E403")]
    assert "it needs safety to be at least 60 and below 40 at once" in never["message"]
    assert never["range"]["start"] == _position(text, "safety >= 60 and")
    assert never["range"]["end"]["character"] == _position(text, "safety < 40", 11)["character"]


def test_completion_offers_variables_in_an_expression_and_values_in_a_string(
    client: Client,
) -> None:
    text = starter_text("bridge")
    _open(client, text)
    where = {"textDocument": {"uri": URI}}
    names = client.request(
        "textDocument/completion",
        {**where, "position": _position(text, 'when: mood != "angry"', len("when: mo"))},
    )
    labels = {item["label"] for item in names["items"]}
    assert {"mood", "safety", "budget", "closed", "turn", "chose", "and"} <= labels
    values = client.request(
        "textDocument/completion",
        {**where, "position": _position(text, 'when: mood != "angry"', len('when: mood != "'))},
    )
    assert [item["label"] for item in values["items"]] == ["calm", "uneasy", "angry"]


def test_completion_offers_the_keys_a_mapping_still_lacks(client: Client) -> None:
    text = starter_text("bridge").replace(
        "        label: Allow only cars for now\n",
        "        label: Allow only cars for now\n        hi\n",
        1,
    )
    _open(client, text)
    reply = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": URI}, "position": _position(text, "        hi\n", 10)},
    )
    labels = [item["label"] for item in reply["items"]]
    assert "history" in labels and "history_note" in labels and "when" in labels
    assert "label" not in labels and "trigger" not in labels  # already given


def test_completion_names_decisions_options_roles_and_events(client: Client) -> None:
    text = starter_text("bridge").replace(
        "    when: not closed\n", '    when: not closed or chose("report", "\n', 1
    )
    _open(client, text)
    where = {"textDocument": {"uri": URI}}
    options = client.request(
        "textDocument/completion",
        {**where, "position": _position(text, 'chose("report", "', len('chose("report", "'))},
    )
    assert [item["label"] for item in options["items"]] == ["close_now", "keep_open"]
    decisions = client.request(
        "textDocument/completion",
        {**where, "position": _position(text, 'chose("report', len('chose("'))},
    )
    assert [item["label"] for item in decisions["items"]] == ["report", "repairs", "sign_off"]
    roles = client.request(
        "textDocument/completion",
        {**where, "position": _position(text, "decider: engineer", len("decider: "))},
    )
    assert [item["label"] for item in roles["items"]] == ["mayor", "engineer"]


def test_hover_tells_a_variables_type_range_and_meaning(client: Client) -> None:
    text = starter_text("bridge")
    _open(client, text)
    reply = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": URI}, "position": _position(text, "safety >= 70", 2)},
    )
    value = reply["contents"]["value"]
    assert value.startswith("**safety**: int 0..100, initial 40")
    assert "How sound the bridge is" in value


def test_hover_on_a_key_says_what_it_means(client: Client) -> None:
    text = starter_text("bridge")
    _open(client, text)
    reply = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": URI}, "position": _position(text, "    unavailable:", 6)},
    )
    assert reply["contents"]["value"].startswith("**unavailable** (optional)")


def test_definition_jumps_from_a_name_to_its_declaration(client: Client) -> None:
    text = starter_text("bridge")
    _open(client, text)
    reply = client.request(
        "textDocument/definition",
        {"textDocument": {"uri": URI}, "position": _position(text, "safety >= 70", 1)},
    )
    assert reply["uri"] == URI
    assert reply["range"]["start"] == _position(text, "safety                # an int", 0)
    event = client.request(
        "textDocument/definition",
        {"textDocument": {"uri": URI}, "position": _position(text, "trigger: crack_news", 12)},
    )
    assert event["range"]["start"] == _position(text, "crack_news\n    title")
    option = client.request(
        "textDocument/definition",
        {
            "textDocument": {"uri": URI},
            "position": _position(text, "trigger: lorry_detour", 12),
        },
    )
    assert option["range"]["start"] == _position(text, "lorry_detour          # without")


def test_closing_clears_the_diagnostics(client: Client) -> None:
    _open(client, starter_text("bridge").replace("budget += 1", "budgt += 1", 1))
    client.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    cleared = client.notification(
        "textDocument/publishDiagnostics", lambda params: params["diagnostics"] == []
    )
    assert cleared["uri"] == URI


def test_completion_keeps_working_while_the_yaml_is_broken(client: Client) -> None:
    text = starter_text("bridge")
    _open(client, text)
    broken = text.replace("    when: not closed\n", "    when: \"decided('\n", 1)
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": broken}]},
    )
    found = client.notification(
        "textDocument/publishDiagnostics", lambda params: params.get("version") == 2
    )["diagnostics"]
    assert [item["code"] for item in found] == ["E004"]
    reply = client.request(
        "textDocument/completion",
        {
            "textDocument": {"uri": URI},
            "position": _position(broken, "decided('", len("decided('")),
        },
    )
    assert [item["label"] for item in reply["items"]] == ["report", "repairs", "sign_off"]


def test_yaml_that_is_not_a_scenario_gets_no_diagnostics(client: Client) -> None:
    other = "name: CI\non:\n  push:\n    branches: [main]\n"
    assert _open(client, other)["diagnostics"] == []


def test_requests_about_a_file_never_opened_get_empty_answers(client: Client) -> None:
    unknown = {
        "textDocument": {"uri": "file:///nowhere/x.yaml"},
        "position": {"line": 0, "character": 0},
    }
    assert client.request("textDocument/hover", unknown) is None
    assert client.request("textDocument/definition", unknown) is None
    assert client.request("textDocument/completion", unknown)["items"] == []
