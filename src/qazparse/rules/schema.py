"""A small schema checker for rule data.

A schema is plain data: ``str``, ``int``, ``bool``, ``Decimal`` (a number written as
a string or an int), ``[schema]`` (a list of), a ``dict`` record (keys ending in ``?``
are optional; unknown keys are an error), :class:`Table` (any keys, each entry
checked against one schema) and :class:`Check` (a predicate with a message).

Every error is a :class:`~qazparse.errors.RulesError` naming the source file and
the path of the bad entry (``currencies.tenge.symbols[1]``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ..errors import RulesError


@attrs.frozen
class Table:
    """Any number of entries with free keys, each matching ``entry``."""

    entry: Any
    key: Callable[[str], bool] | None = None
    key_message: str = "bad key"


@attrs.frozen
class Check:
    """``schema`` plus a predicate: ``Check(str, lambda s: s.isupper(), "must be upper case")``."""

    schema: Any
    predicate: Callable[[Any], bool]
    message: str


def validate(value: Any, schema: Any, source: str, path: str) -> Any:
    """Check *value* against *schema*; return it with lists as tuples and numbers as Decimal."""
    if isinstance(schema, Check):
        checked = validate(value, schema.schema, source, path)
        if not schema.predicate(checked):
            raise RulesError(source, path, schema.message)
        return checked
    if schema is str:
        if not isinstance(value, str) or not value.strip():
            raise RulesError(source, path, f"must be a non-empty string, not {value!r}")
        return value
    if schema is bool:
        if not isinstance(value, bool):
            raise RulesError(source, path, f"must be true or false, not {value!r}")
        return value
    if schema is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise RulesError(source, path, f"must be an integer, not {value!r}")
        return value
    if schema is Decimal:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise RulesError(source, path, f"must be a number written as a string or integer, not {value!r}")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise RulesError(source, path, f"is not a number: {value!r}") from None
        if not number.is_finite():
            raise RulesError(source, path, f"must be finite, not {value!r}")
        return number
    if isinstance(schema, list):
        if not isinstance(value, (list, tuple)):
            raise RulesError(source, path, f"must be a list, not {type(value).__name__}")
        return tuple(validate(v, schema[0], source, f"{path}[{i}]") for i, v in enumerate(value))
    if isinstance(schema, Table):
        if not isinstance(value, dict):
            raise RulesError(source, path, f"must be a table, not {type(value).__name__}")
        out = {}
        for key, entry in value.items():
            sub = f"{path}.{key}" if path else str(key)
            if schema.key is not None and not schema.key(key):
                raise RulesError(source, sub, schema.key_message)
            out[key] = validate(entry, schema.entry, source, sub)
        return out
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            raise RulesError(source, path, f"must be a table, not {type(value).__name__}")
        known = {k.rstrip("?"): k.endswith("?") for k in schema}
        for key in value:
            if key not in known:
                expected = ", ".join(sorted(known))
                where = f"{path}.{key}" if path else key
                raise RulesError(source, where, f"unknown field (expected one of: {expected})")
        out = {}
        for key, optional in known.items():
            sub = f"{path}.{key}" if path else key
            if key not in value:
                if not optional:
                    raise RulesError(source, sub, "is required")
                continue
            out[key] = validate(value[key], schema[key + "?" if optional else key], source, sub)
        return out
    if callable(schema) and not isinstance(schema, type):
        return schema(value, source, path)
    raise TypeError(f"unknown schema {schema!r}")
