"""Schema of the ``patterns`` table: user mention types (see ``docs/patterns.md``).

The table is a *list* of patterns; ``Rules.with_patterns`` and ``Rules.load`` append to it.
A pattern is ``{id, label?, elements}`` and each element is exactly one of

- ``word``: a literal token (or a list of them), matched case-insensitively;
- ``stem``: a stem (or a list) matched with any chain of endings from the ``morphology``
  table, optionally restricted by ``cases`` (``"dative"``, or a chain such as
  ``"possessive3+dative"``, or ``"nominative"`` for no ending);
- ``dimension``: one built-in mention (``number``, ``ordinal``, ``money``, ``distance``,
  ``quantity``, ``date``) with optional constraints (``currency``, ``unit``,
  ``dimension_of``, ``qualifier``, ``grain``);
- ``regex``: a regular expression that must match one whole token as written;

plus ``optional``, ``repeat = [min, max]`` and ``capture = "name"``.

Every error names the pattern by its id and the field:

>>> from qazparse import default_rules, RulesError
>>> try:
...     default_rules().with_patterns([{"id": "x", "elements": [{"regex": "(a+)+"}]}])
... except RulesError as err:
...     print(err.entry)
patterns.x.elements[0].regex
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable
from importlib import resources
from typing import Any

import regex

from ...errors import RulesError

MAX_ELEMENTS = 16
"""A pattern has at most this many elements."""
MAX_REPEAT = 16
"""``repeat = [min, max]`` allows at most this many repetitions."""
MAX_SPAN = 64
"""The repetitions of all elements of a pattern add up to at most this many."""

KINDS = ("word", "stem", "dimension", "regex")
"""The element kinds: each element has exactly one of these fields."""

DIMENSIONS: dict[str, frozenset[str]] = {
    "number": frozenset({"qualifier"}),
    "ordinal": frozenset(),
    "money": frozenset({"currency", "qualifier"}),
    "distance": frozenset({"unit", "qualifier"}),
    "quantity": frozenset({"unit", "dimension_of", "qualifier"}),
    "date": frozenset({"grain", "qualifier"}),
}
"""The built-in dimensions an element may name, with the constraints each one takes."""

_QUANTITY_DIMENSIONS = frozenset(
    {"percent", "mass", "area", "volume", "duration", "speed", "temperature", "count", "energy", "power"}
)
_QUALIFIERS = frozenset({"exact", "more_than", "less_than", "at_least", "up_to", "approximately"})
_GRAINS = frozenset({"minute", "hour", "day", "week", "month", "quarter", "half", "year", "decade", "century"})

CONSTRAINTS = ("currency", "unit", "dimension_of", "qualifier", "grain")
_FIELDS = frozenset({*KINDS, "cases", *CONSTRAINTS, "optional", "repeat", "capture"})
_PATTERN_FIELDS = frozenset({"id", "label", "elements"})

TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\d]")
"""One token, exactly as ``qazparse.patterns`` splits text (a word, a number, a sign)."""
_STEM = regex.compile(r"[\p{L}\p{M}]+")
_CAPTURE = regex.compile(r"[^\W\d]\w*")


@functools.cache
def case_names() -> frozenset[str]:
    """The names a ``cases`` entry may use: the ending groups of ``morphology.toml``, and ``nominative``.

    >>> "dative" in case_names() and "nominative" in case_names()
    True
    """
    data = resources.files("qazparse.rules").joinpath("data", "morphology.toml").read_text(encoding="utf-8")
    return frozenset({"nominative", *tomllib.loads(data)["endings"]})


def is_token(text: str) -> bool:
    """True when *text* is exactly one token (``жалақы``, ``350``, ``«``), not two (``BAQ.KZ``)."""
    m = TOKEN.fullmatch(text)
    return m is not None


# --- regex safety -----------------------------------------------------------------------------------------


def _quantifier_at(pattern: str, i: int) -> tuple[int, int] | None:
    """The quantifier starting at *i* as (maximum repetitions, its length), or None.

    The maximum is ``-1`` for unbounded (``*``, ``+``, ``{2,}``).
    """
    if i >= len(pattern):
        return None
    c = pattern[i]
    if c in "*+":
        top, size = -1, 1
    elif c == "?":
        top, size = 1, 1
    elif c == "{":
        m = regex.match(r"\{(\d*)(?:(,)(\d*))?\}", pattern[i:])
        if m is None or (not m.group(1) and not m.group(3)):
            return None
        unbounded = m.group(2) is not None and not m.group(3)
        top = -1 if unbounded else int(m.group(3) or m.group(1))
        size = m.end()
    else:
        return None
    if i + size < len(pattern) and pattern[i + size] in "?+":  # lazy or possessive
        size += 1
    return top, size


def _skip_class(pattern: str, i: int) -> int:
    """The index just past the character class opened at ``pattern[i] == '['``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    depth = 1
    while j < len(pattern) and depth:
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        j += 1
    return j


def _skip_escape(pattern: str, i: int) -> int:
    """The index just past the escape at ``pattern[i] == '\\\\'`` (``\\p{L}``, ``\\x{41}``, ``\\d``)."""
    j = i + 2
    if j - 1 < len(pattern) and pattern[j - 1] in "pPNxuUg" and j < len(pattern) and pattern[j] == "{":
        close = pattern.find("}", j)
        return len(pattern) if close < 0 else close + 1
    return j


NESTED = "a repeated group holds a quantifier or an alternation (nested repetition can backtrack exponentially)"


def catastrophic(pattern: str) -> str | None:
    """Why *pattern* could backtrack exponentially, or None when it cannot.

    A group repeated more than once (``*``, ``+``, ``{2,}``, ``{0,5}``) may not itself hold
    a quantifier or an alternation: ``(a+)+``, ``(a|ab)*`` and ``(\\w+\\s?)*`` are refused,
    ``(?:ға|ге)?`` and ``\\d{2,4}`` are fine.

    >>> catastrophic(r"(a+)+b") == NESTED
    True
    >>> catastrophic(r"\\p{Lu}\\p{Ll}+(?:ов|ев)?") is None
    True
    """
    # Each open group: [holds a quantifier or alternation]
    stack: list[bool] = [False]
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i = _skip_escape(pattern, i)
            nested = False
        elif c == "[":
            i = _skip_class(pattern, i)
            nested = False
        elif c == "(":
            stack.append(False)
            i += 1
            continue
        elif c == ")":
            nested = stack.pop() if len(stack) > 1 else False
            i += 1
        elif c == "|":
            stack[-1] = True
            i += 1
            continue
        else:
            i += 1
            nested = False
        quantifier = _quantifier_at(pattern, i)
        if quantifier is None:
            continue
        top, size = quantifier
        if nested and top != 1 and top != 0:
            return NESTED
        stack[-1] = True
        i += size
        # A quantified group counts as a quantifier for the group around it.
    return None


# --- validation -------------------------------------------------------------------------------------------


def _at(path: str, value: Any, n: int) -> str:
    """The path of item *n* of a field that may be one string or a list."""
    return path if isinstance(value, str) else f"{path}[{n}]"


def _strings(value: Any, source: str, path: str, what: str) -> tuple[str, ...]:
    """A non-empty string or list of them, as a tuple."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not items:
        raise RulesError(source, path, f"must be {what} or a non-empty list of them, not {value!r}")
    for n, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise RulesError(source, _at(path, value, n), f"must be a non-empty string, not {item!r}")
    return tuple(items)


def _each(
    value: Any, source: str, path: str, what: str, ok: Callable[[str], bool], problem: Callable[[str], str]
) -> str | tuple[str, ...]:
    """Check a string-or-list field item by item; keep its shape (a string stays a string)."""
    items = _strings(value, source, path, what)
    for n, item in enumerate(items):
        if not ok(item):
            raise RulesError(source, _at(path, value, n), problem(item))
    return value if isinstance(value, str) else items


def _one_of(value: Any, allowed: frozenset[str], source: str, path: str, what: str) -> str | tuple[str, ...]:
    expected = ", ".join(sorted(allowed))
    return _each(
        value, source, path, what, allowed.__contains__, lambda s: f"unknown {what} {s!r} (expected one of: {expected})"
    )


def _check_regex(pattern: Any, source: str, path: str) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(source, path, f"must be a non-empty string, not {pattern!r}")
    try:
        regex.compile(pattern)
    except regex.error as err:
        raise RulesError(source, path, f"not a valid regular expression: {err}") from None
    danger = catastrophic(pattern)
    if danger:
        raise RulesError(source, path, danger)
    return pattern


def _check_dimension(name: Any, source: str, path: str) -> str:
    if not isinstance(name, str) or name not in DIMENSIONS:
        raise RulesError(source, path, f"unknown dimension {name!r} (expected one of: {', '.join(DIMENSIONS)})")
    return name


def _valid_case(spec: str) -> bool:
    known = case_names()
    return spec == "nominative" or all(part in known and part != "nominative" for part in spec.split("+"))


_KIND_CHECKS: dict[str, Callable[[Any, str, str], Any]] = {
    "word": lambda v, src, path: _each(
        v, src, path, "a word", lambda w: is_token(w.strip()),
        lambda w: f"{w!r} is not one token: give each word its own element",
    ),
    "stem": lambda v, src, path: _each(
        v, src, path, "a stem", lambda w: _STEM.fullmatch(w) is not None, lambda w: f"a stem is letters only, not {w!r}"
    ),
    "regex": _check_regex,
    "dimension": _check_dimension,
}

_CONSTRAINT_CHECKS: dict[str, Callable[[Any, str, str], Any]] = {
    "currency": lambda v, src, path: _each(
        v, src, path, "a currency code", lambda c: regex.fullmatch(r"[A-Z]{3}", c) is not None,
        lambda c: f"a currency is an ISO 4217 code such as KZT, not {c!r}",
    ),
    "unit": lambda v, src, path: _strings(v, src, path, "a unit") if not isinstance(v, str) else v,
    "dimension_of": lambda v, src, path: _one_of(v, _QUANTITY_DIMENSIONS, src, path, "quantity dimension"),
    "qualifier": lambda v, src, path: _one_of(v, _QUALIFIERS, src, path, "qualifier"),
    "grain": lambda v, src, path: _one_of(v, _GRAINS, src, path, "grain"),
}


def _check_repeat(element: dict[str, Any], source: str, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "optional" in element:
        if not isinstance(element["optional"], bool):
            raise RulesError(source, f"{path}.optional", f"must be true or false, not {element['optional']!r}")
        if "repeat" in element:
            raise RulesError(source, f"{path}.optional", "give optional or repeat, not both ([0, n] is optional)")
        out["optional"] = element["optional"]
    if "repeat" in element:
        rep = element["repeat"]
        pair = isinstance(rep, (list, tuple)) and len(rep) == 2
        if not pair or not all(isinstance(n, int) and not isinstance(n, bool) for n in rep):
            raise RulesError(source, f"{path}.repeat", f"must be [min, max], two integers, not {rep!r}")
        low, high = rep
        if not 0 <= low <= high or not 1 <= high <= MAX_REPEAT:
            raise RulesError(
                source, f"{path}.repeat", f"needs 0 <= min <= max and 1 <= max <= {MAX_REPEAT}, not {list(rep)}"
            )
        out["repeat"] = (low, high)
    return out


def _check_element(element: Any, source: str, path: str) -> dict[str, Any]:
    if hasattr(element, "as_data"):
        element = element.as_data()
    if not isinstance(element, dict):
        raise RulesError(source, path, f"an element must be a table, not {type(element).__name__}")
    for key in element:
        if key not in _FIELDS:
            raise RulesError(source, f"{path}.{key}", f"unknown field (expected one of: {', '.join(sorted(_FIELDS))})")
    kinds = [k for k in KINDS if k in element]
    if len(kinds) != 1:
        has = f"it has {', '.join(kinds)}" if kinds else "it has none"
        raise RulesError(source, path, f"an element needs exactly one of: {', '.join(KINDS)} ({has})")
    kind = kinds[0]
    out: dict[str, Any] = {kind: _KIND_CHECKS[kind](element[kind], source, f"{path}.{kind}")}
    if "cases" in element:
        if kind != "stem":
            raise RulesError(source, f"{path}.cases", "only a stem element takes cases")
        names = ", ".join(sorted(case_names()))
        out["cases"] = _each(
            element["cases"], source, f"{path}.cases", "a case", _valid_case,
            lambda c: f"unknown case {c!r} (expected case names joined by '+': {names})",
        )
    for key in CONSTRAINTS:
        if key not in element:
            continue
        if kind != "dimension":
            raise RulesError(source, f"{path}.{key}", "only a dimension element takes constraints")
        allowed = DIMENSIONS[out["dimension"]]
        if key not in allowed:
            takes = ", ".join(sorted(allowed)) or "no constraints"
            raise RulesError(source, f"{path}.{key}", f"a {out['dimension']} element takes only: {takes}")
        out[key] = _CONSTRAINT_CHECKS[key](element[key], source, f"{path}.{key}")
    out.update(_check_repeat(element, source, path))
    if "capture" in element:
        name = element["capture"]
        if not isinstance(name, str) or not _CAPTURE.fullmatch(name):
            raise RulesError(
                source, f"{path}.capture", f"a capture name is an identifier such as 'amount', not {name!r}"
            )
        out["capture"] = name
    return out


def repetitions(element: dict[str, Any]) -> tuple[int, int]:
    """How often a validated element may match: ``(min, max)``.

    >>> repetitions({"word": "ай", "optional": True}), repetitions({"word": "ай", "repeat": (1, 3)})
    ((0, 1), (1, 3))
    """
    if "repeat" in element:
        low, high = element["repeat"]
        return int(low), int(high)
    return (0, 1) if element.get("optional") else (1, 1)


def _check_pattern(pattern: Any, source: str, path: str) -> dict[str, Any]:
    if hasattr(pattern, "as_data"):
        pattern = pattern.as_data()
    if not isinstance(pattern, dict):
        raise RulesError(source, path, f"a pattern must be a table, not {type(pattern).__name__}")
    pid = pattern.get("id")
    if not isinstance(pid, str) or not pid.strip():
        raise RulesError(source, f"{path}.id", f"every pattern needs an id (a non-empty string), not {pid!r}")
    where = f"patterns.{pid}"
    for key in pattern:
        if key not in _PATTERN_FIELDS:
            raise RulesError(source, f"{where}.{key}", "unknown field (expected one of: elements, id, label)")
    label = pattern.get("label", pid)
    if not isinstance(label, str) or not label.strip():
        raise RulesError(source, f"{where}.label", f"must be a non-empty string, not {label!r}")
    elements = pattern.get("elements")
    if not isinstance(elements, (list, tuple)) or not elements:
        raise RulesError(source, f"{where}.elements", "must be a non-empty list of elements")
    if len(elements) > MAX_ELEMENTS:
        raise RulesError(source, f"{where}.elements", f"at most {MAX_ELEMENTS} elements, not {len(elements)}")
    checked = tuple(_check_element(e, source, f"{where}.elements[{n}]") for n, e in enumerate(elements))
    bounds = [repetitions(e) for e in checked]
    if all(low == 0 for low, _ in bounds):
        raise RulesError(source, f"{where}.elements", "every element is optional: the pattern could match nothing")
    if sum(high for _, high in bounds) > MAX_SPAN:
        raise RulesError(source, f"{where}.elements", f"the repetitions add up to more than {MAX_SPAN} matches")
    names: set[str] = set()
    for n, element in enumerate(checked):
        name = element.get("capture")
        if name in names:
            raise RulesError(source, f"{where}.elements[{n}].capture", f"the capture name {name!r} is used twice")
        if name:
            names.add(name)
    return {"id": pid, "label": label, "elements": checked}


def check_patterns(value: Any, source: str, path: str) -> tuple[dict[str, Any], ...]:
    """Validate the ``patterns`` table: a list of patterns with distinct ids."""
    if not isinstance(value, (list, tuple)):
        raise RulesError(source, path, f"must be a list of patterns, not {type(value).__name__}")
    out = tuple(_check_pattern(p, source, f"{path}[{n}]") for n, p in enumerate(value))
    seen: set[str] = set()
    for pattern in out:
        if pattern["id"] in seen:
            raise RulesError(source, f"patterns.{pattern['id']}.id", "two patterns have this id")
        seen.add(pattern["id"])
    return out


SCHEMA = check_patterns
