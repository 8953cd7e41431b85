"""The targets file's JSON Schema, for editors (yaml-language-server) and other tools.

The loader in :mod:`gxcheck.targets` is the authority and reports located
messages; this schema says the same in a form editors understand. A test
checks that both accept the bundled catalogue and reject the same bad files.
"""

from __future__ import annotations

from typing import Any

from gxcheck.model import Commitment, Curve, Kind, Op

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
SCHEMA_ID = "https://gxcheck.invalid/schema/targets-v1.json"

_TEXT = {
    "type": "object",
    "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
    "required": ["zh", "en"],
    "additionalProperties": False,
}
# A name or a reason: Chinese text, or {zh, en}; English output shows the Chinese when en is absent.
_NAME = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {**_TEXT, "required": ["zh"]},
    ]
}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_YEAR = {"type": "integer", "minimum": 1949, "maximum": 2100}

TARGET_PROPERTIES: dict[str, dict[str, Any]] = {
    "id": {"type": "string", "pattern": ID_PATTERN, "description": "Stable snake_case id; CSV rows use it."},
    "area": {"type": "string", "description": "One of the ids under `areas`."},
    "name": {
        **_NAME,
        "description": "The indicator's name: Chinese text, or {zh, en} (without en, English shows zh).",
    },
    "kind": {"enum": [k.value for k in Kind], "description": "What the figure measures."},
    "op": {"enum": [o.value for o in Op], "description": "How the actual is compared with `value`."},
    "value": {
        "type": ["number", "string", "boolean"],
        "description": "The target in the plan's unit; true for a milestone; a label for an ordinal.",
    },
    "unit": {
        "type": "string",
        "description": "The plan's unit: %, 个, 家, 万人, 亿元 … (empty for milestones).",
    },
    "unit_en": {
        "type": "string",
        "description": "The unit in English, where the built-in table (个 → none, 家 → firms, 万人 → "
        "10,000 people …) has none or a better word is wanted: beds, km, platforms.",
    },
    "commitment": {
        "enum": [c.value for c in Commitment],
        "description": "确保 ensure, 力争 strive, or plain.",
    },
    "quote": {"type": "string", "minLength": 1, "description": "The plan's own words, verbatim."},
    "tolerance": {"type": "number", "exclusiveMinimum": 0, "description": "Half-width of a 左右 band."},
    "baseline": {"type": ["number", "string"], "description": "The previous year's figure."},
    "scale": {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "minItems": 2,
        "uniqueItems": True,
        "description": "An ordinal scale, better first.",
    },
    "deadline": {**_DATE, "description": "Milestones only: due date (default: the year's end)."},
    "near_band": {"type": "number", "minimum": 0, "description": "Width of the 基本完成 band, in the unit."},
    "note": {
        **_NAME,
        "description": "How the file interprets the plan: text, or {zh, en}.",
    },
    "horizon": {**_YEAR, "description": "Multi-year plans: the year the target is due (default: the last)."},
    "baseline_year": {
        **_YEAR,
        "description": "Multi-year plans: the year the baseline describes (default: the base year).",
    },
    "path": {
        "enum": [c.value for c in Curve],
        "description": "Multi-year plans: linear (default), or compound for 年均增长.",
    },
    "times": {
        "type": "number",
        "exclusiveMinimum": 0,
        "description": "倍增: the target is times × baseline (2 for 倍增); replaces value.",
    },
}
TARGET_REQUIRED = ["id", "area", "name", "kind", "op", "value", "unit", "commitment", "quote"]

PLAN_PROPERTIES: dict[str, dict[str, Any]] = {
    "title": _NAME,
    "year": {**_YEAR, "description": "An annual plan's year."},
    "first_year": {**_YEAR, "description": "A multi-year plan's first year (with last_year)."},
    "last_year": {**_YEAR, "description": "A multi-year plan's last year: targets are due at its end."},
    "base_year": {**_YEAR, "description": "The year a multi-year plan measures from (default: first − 1)."},
    "published": _DATE,
    "publisher": {**_NAME, "description": "Optional: who published the plan."},
    "url": {"type": "string", "minLength": 1, "description": "Optional: where the plan was published."},
}
PLAN_REQUIRED = ["title", "published"]  # and year, or first_year and last_year
MULTI_YEAR_ONLY = ("horizon", "baseline_year", "path")
AREA_PROPERTIES: dict[str, dict[str, Any]] = {
    "id": {"type": "string", "pattern": ID_PATTERN},
    "zh": {"type": "string", "minLength": 1},
    "en": {"type": "string", "minLength": 1, "description": "Optional: English output shows zh without it."},
    "numbered": {
        "type": "boolean",
        "description": "Counted （一）, （二）… among the numbered areas (default true); "
        "false for a group the plan does not number, such as its headline targets.",
    },
}
AREA_REQUIRED = ["id", "zh"]
EXCLUSION_PROPERTIES: dict[str, dict[str, Any]] = {
    "quote": {"type": "string", "minLength": 1, "description": "The plan's own words, verbatim."},
    "reason": {**_NAME, "description": "Why these words are not a target: text, or {zh, en}."},
}
_SPAN_KEYS = ("first_year", "last_year", "base_year")
TOP_PROPERTIES = ("version", "plan", "near_fraction", "areas", "targets", "excluded")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a targets file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "gxcheck targets file",
        "type": "object",
        "required": ["version", "plan", "areas", "targets"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
            "plan": {
                "type": "object",
                "properties": PLAN_PROPERTIES,
                "required": PLAN_REQUIRED,
                "additionalProperties": False,
                "oneOf": [
                    {"required": ["year"], "not": {"anyOf": [{"required": [k]} for k in _SPAN_KEYS]}},
                    {"required": ["first_year", "last_year"], "not": {"required": ["year"]}},
                ],
            },
            "near_fraction": {"type": "number", "minimum": 0, "maximum": 1},
            "areas": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": AREA_PROPERTIES,
                    "required": AREA_REQUIRED,
                    "additionalProperties": False,
                },
            },
            "targets": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": TARGET_PROPERTIES,
                    "required": [k for k in TARGET_REQUIRED if k != "value"],
                    "additionalProperties": False,
                    "allOf": [
                        {
                            "if": {"properties": {"op": {"const": "about"}}},
                            "then": {"required": ["tolerance"]},
                            "else": {"not": {"required": ["tolerance"]}},
                        },
                        {
                            "if": {"properties": {"kind": {"const": "ordinal"}}},
                            "then": {"required": ["scale"], "properties": {"value": {"type": "string"}}},
                            "else": {"not": {"required": ["scale"]}},
                        },
                        {
                            "if": {"properties": {"kind": {"const": "milestone"}}},
                            "then": {"properties": {"op": {"const": "done"}, "value": {"const": True}}},
                            "else": {
                                "properties": {"op": {"not": {"const": "done"}}},
                                "not": {"required": ["deadline"]},
                            },
                        },
                        {
                            "if": {"properties": {"kind": {"const": "ceiling"}}},
                            "then": {"properties": {"op": {"enum": ["<=", "<"]}}},
                        },
                        {
                            "if": {"properties": {"kind": {"const": "rank"}}},
                            "then": {"properties": {"op": {"enum": ["<=", "<", "=="]}}},
                        },
                        {
                            "if": {"properties": {"kind": {"enum": ["ordinal", "milestone"]}}},
                            "else": {"properties": {"value": {"type": "number"}}},
                        },
                        {
                            "if": {"required": ["times"]},
                            "then": {
                                "required": ["baseline"],
                                "not": {"required": ["value"]},
                                "properties": {"kind": {"const": "level"}},
                            },
                            "else": {"required": ["value"]},
                        },
                    ],
                },
            },
            "excluded": {
                "type": "array",
                "description": "Words of the plan that hold a number but are not a target, each with why.",
                "items": {
                    "type": "object",
                    "properties": EXCLUSION_PROPERTIES,
                    "required": list(EXCLUSION_PROPERTIES),
                    "additionalProperties": False,
                },
            },
        },
    }
