"""Schema of ``events.toml``: event rules by id.

Each rule names an event ``type`` and how to find it: ``triggers`` (stems that match every
inflected form: ``сапар`` is a noun stem, ``кездес-`` a verb stem, earlier words of a phrase are
matched as written: ``телефон арқылы сөйлес-``), exact ``words``, and which Kazakh case fills which
argument role.  See ``docs/events.md``.  Every error names the rule and the field
(``events.visit.roles.dativ: unknown case``).
"""

from __future__ import annotations

from typing import Any

import regex

from ...errors import RulesError
from ..schema import Check, Table, validate

CASES = frozenset({"nominative", "genitive", "dative", "accusative", "locative", "ablative", "instrumental"})
"""Case names a role may be attached to."""

CORE_ROLES = frozenset({"agent", "participant", "location", "destination"})
"""Roles filled with an :class:`~qazparse.values.Entity`; any other role name becomes an attribute."""

REQUIRABLE = frozenset({*CORE_ROLES, "date", "count", "quantity", "quote"})
"""What a rule may require before it emits an event."""

ENTITY_TYPES = frozenset({"person", "title", "organization", "country", "city", "region", "place", "other"})

_TRIGGER_CHARS = regex.compile(r"^[\p{Ll}\p{M}'][\p{Ll}\p{M}' -]*$")


def _trigger(value: Any, source: str, path: str) -> str:
    text: str = validate(value, str, source, path)
    if not _TRIGGER_CHARS.match(text):
        raise RulesError(source, path, f"a trigger is lower-case words (a verb stem ends with '-'), not {text!r}")
    words = text.split()
    if any(w.endswith("-") for w in words[:-1]) or any(w.strip("-") == "" for w in words):
        raise RulesError(source, path, f"only the last word of a trigger may be a verb stem ending in '-': {text!r}")
    return " ".join(words)


def _word(value: Any, source: str, path: str) -> str:
    text: str = validate(value, str, source, path)
    if not _TRIGGER_CHARS.match(text.replace("*", "")) or text.endswith("-"):
        raise RulesError(source, path, f"a word is written in lower case (a * matches any letters), not {text!r}")
    return " ".join(text.split())


def _pattern(value: Any, source: str, path: str) -> str:
    text: str = validate(value, str, source, path)
    try:
        regex.compile(text)
    except regex.error as err:
        raise RulesError(source, path, f"not a valid regular expression: {err}") from None
    return text


def _role(value: Any, source: str, path: str) -> str:
    text: str = validate(value, str, source, path)
    if not regex.fullmatch(r"[a-z][a-z_]*", text):
        raise RulesError(source, path, f"a role is a lower-case name such as 'agent' or 'document', not {text!r}")
    return text


def _requires(value: Any, source: str, path: str) -> str:
    text: str = validate(value, str, source, path)
    if text not in REQUIRABLE:
        raise RulesError(source, path, f"can require only: {', '.join(sorted(REQUIRABLE))}; not {text!r}")
    return text


def _entity_type(value: Any, source: str, path: str) -> str:
    text: str = validate(value, str, source, path)
    if text not in ENTITY_TYPES:
        raise RulesError(source, path, f"an entity type is one of: {', '.join(sorted(ENTITY_TYPES))}; not {text!r}")
    return text


_CASE_TABLE = Table(
    _role, key=lambda k: k in CASES, key_message=f"unknown case (use one of: {', '.join(sorted(CASES))})"
)

_RULE = Check(
    {
        "type": Check(str, lambda s: bool(regex.fullmatch(r"[a-z][a-z0-9_]*", s)), "a type is a lower-case name"),
        "triggers?": [_trigger],
        "words?": [_word],
        "not_forms?": [_word],
        "light_verbs?": [_trigger],
        "needs_dependent?": bool,
        "roles?": _CASE_TABLE,
        "roles_after?": _CASE_TABLE,
        "object?": {"case": Check(str, lambda s: s in CASES, "unknown case"), "attribute": _role},
        "modifiers?": Table(Table(str)),
        "attributes?": Table(str),
        "requires?": [_requires],
        "participant_types?": [_entity_type],
        "agent_types?": [_entity_type],
        "quantities?": bool,
        "count?": bool,
        "quote?": bool,
        "direction?": bool,
        "embedded?": bool,
        "tense_modality?": bool,
        "modality?": Check(
            str,
            lambda s: s in {"done", "planned", "negated", "possible"},
            "modality is done, planned, negated or possible",
        ),
        "require_before?": [_pattern],
        "reject_before?": [_pattern],
        "require_after?": [_pattern],
        "reject_after?": [_pattern],
        "priority?": int,
        "description?": str,
    },
    lambda rule: bool(rule.get("triggers") or rule.get("words")),
    "a rule needs at least one of 'triggers' or 'words'",
)

SCHEMA = Table(
    _RULE,
    key=lambda k: bool(regex.fullmatch(r"[A-Za-z0-9_.:-]+", k)),
    key_message="a rule id is letters, digits, _ . : -",
)
