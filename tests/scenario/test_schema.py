"""The JSON Schema: committed copy up to date, and valid scenarios pass its constraints.

No JSON Schema library is a dependency, so ``_violations`` below checks the draft-07
keywords the schema uses (type, properties, required, additionalProperties, enum, const,
pattern, minimum/maximum, minItems, items, anyOf, allOf, if/then, not, $ref). It reads the
data as an editor does: YAML 1.2, where a date is text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from excomm_sim.paths import bundled_scenarios_dir
from excomm_sim.scenario.schema import json_schema, schema_text

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "scenario.schema.json"
FIXTURE = Path(__file__).parent / "fixtures" / "harbour.yaml"
TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "boolean": bool,
    "number": (int, float),
}


def _is_type(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, TYPES[name])


def _violations(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str) -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/definitions/")
        return _violations(value, root["definitions"][name], root, at)
    found: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, name) for name in names):
            return [f"{at}: {value!r} is not {names}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: {value!r} != {schema['const']!r}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        found.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if "minimum" in schema and isinstance(value, int) and value < schema["minimum"]:
        found.append(f"{at}: {value} < {schema['minimum']}")
    if "maximum" in schema and isinstance(value, int) and value > schema["maximum"]:
        found.append(f"{at}: {value} > {schema['maximum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{at}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for index, item in enumerate(value):
                found += _violations(item, schema["items"], root, f"{at}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                found.append(f"{at}: missing {key}")
        for key, item in value.items():
            if key in properties:
                found += _violations(item, properties[key], root, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{at}: unexpected key {key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += _violations(item, schema["additionalProperties"], root, f"{at}.{key}")
    for part in schema.get("allOf", []):
        if "if" in part:
            if not _violations(value, part["if"], root, at):
                found += _violations(value, part["then"], root, at)
        else:
            found += _violations(value, part, root, at)
    if "anyOf" in schema and all(_violations(value, part, root, at) for part in schema["anyOf"]):
        found.append(f"{at}: matches none of anyOf")
    if "not" in schema and not _violations(value, schema["not"], root, at):
        found.append(f"{at}: matches what is forbidden")
    return found


def _as_an_editor_reads_it(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _as_an_editor_reads_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_an_editor_reads_it(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _check(path: Path) -> list[str]:
    data = _as_an_editor_reads_it(yaml.safe_load(path.read_text(encoding="utf-8")))
    schema = json_schema()
    return _violations(data, schema, schema, "$")


def test_committed_schema_is_up_to_date() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: excomm-sim schema -o docs/scenario.schema.json"
    )


def test_schema_is_draft_07_json() -> None:
    schema = json.loads(schema_text())
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["additionalProperties"] is False


def test_fixture_satisfies_the_schema() -> None:
    assert _check(FIXTURE) == []


def test_the_format_2_fixture_satisfies_the_schema() -> None:
    """Phases, dates, documents and the bibliography (tests/scenario/fixtures/calendar.yaml)."""
    assert _check(FIXTURE.with_name("calendar.yaml")) == []
    assert _check(FIXTURE.with_name("secrets.yaml")) == []


@pytest.mark.parametrize("path", sorted(bundled_scenarios_dir().glob("*.yaml")), ids=str)
def test_bundled_scenario_satisfies_the_schema(path: Path) -> None:
    assert _check(path) == []


def test_schema_flags_an_unknown_key(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        FIXTURE.read_text(encoding="utf-8").replace("    bio: Thirty", "    boi: Thirty", 1),
        encoding="utf-8",
    )
    assert _check(path) == ["$.roles[1]: missing bio", "$.roles[1]: unexpected key boi"]


def test_every_object_forbids_extra_keys() -> None:
    def objects(schema: Any) -> list[dict[str, Any]]:
        if isinstance(schema, dict):
            found = [schema] if schema.get("type") == "object" and "properties" in schema else []
            return found + [o for item in schema.values() for o in objects(item)]
        if isinstance(schema, list):
            return [o for item in schema for o in objects(item)]
        return []

    assert all(obj.get("additionalProperties") is False for obj in objects(json_schema()))


def test_every_property_has_a_description() -> None:
    schema = json_schema()
    missing = [
        f"{name}.{key}"
        for name, definition in [("$", schema), *schema["definitions"].items()]
        for key, prop in definition.get("properties", {}).items()
        if "description" not in prop and key != "id"
    ]
    assert missing == []
