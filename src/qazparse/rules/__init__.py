"""Rules: every word list the library knows, bundled, validated and extensible.

The built-in data lives in ``qazparse/rules/data/*.toml``, one file a table
(``numerals``, ``calendar``, ``currencies``, ``units``, ``outlets``, ``events``, ...).
Each table has a schema in ``qazparse/rules/schemas/<table>.py``; a file that breaks
it raises :class:`~qazparse.errors.RulesError` naming the file and the entry.

A :class:`Rules` value is immutable: ``with_*`` methods return a new one.

>>> from qazparse import default_rules
>>> rules = default_rules().with_currency("AZN", names=["манат"])
>>> "AZN" in {c["code"] for c in rules.table("currencies").values()}
True
"""

from __future__ import annotations

import functools
import importlib
import json
import tomllib
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from ..errors import RulesError
from .schema import validate

Extractor = Callable[[Any], Iterable[Any]]
"""A search step: takes a :class:`qazparse.extract.Context`, yields mentions."""

# The built-in search steps, in the order they run.  Each is a plain callable with
# the same signature a user's extractor has.
DEFAULT_EXTRACTORS = (
    "qazparse.numerals:extract_numerals",
    "qazparse.dates:extract_dates",
    "qazparse.quantities:extract_quantities",
    "qazparse.bylines:extract_bylines",
    "qazparse.patterns:extract_patterns",
)

# Tables that hold lists rather than keyed entries are merged by appending.
_LIST_TABLES = frozenset({"patterns"})


def _schema(table: str, source: str) -> Any:
    try:
        module = importlib.import_module(f"{__name__}.schemas.{table}")
    except ModuleNotFoundError:
        raise RulesError(source, table, "unknown table (no schema for it)") from None
    return module.SCHEMA


def _merge(old: Any, new: Any) -> Any:
    """Deep-merge *new* into *old*: tables merge, lists append (no repeats), scalars replace."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = dict(old)
        for key, value in new.items():
            out[key] = _merge(old[key], value) if key in old else value
        return out
    if isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
        return [*old, *(v for v in new if v not in old)]
    return new


def _resolve(dotted: str) -> Extractor:
    module, _, name = dotted.partition(":")
    func: Extractor = getattr(importlib.import_module(module), name)
    return func


@attrs.frozen(eq=False)
class Rules:
    """An immutable bundle of rule tables, event rules, user patterns and extractors.

    Attributes:
        tables: validated data by table name (``currencies``, ``units``, ...).
        extractors: the search steps ``extract()`` runs, in order.
        event_rules: extra event rules given as plain callables.
        sources: where the tables came from (files), for error messages.
    """

    tables: Mapping[str, Any]
    extractors: tuple[Extractor, ...] = ()
    event_rules: tuple[Any, ...] = ()
    sources: tuple[str, ...] = ()
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False)

    def table(self, name: str) -> Any:
        """The validated data of table *name* (an empty dict when there is none)."""
        return self.tables.get(name, {})

    def compiled(self, key: str, build: Callable[[Rules], Any]) -> Any:
        """Build something from these rules once (a regex, a lookup) and keep it."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache.setdefault(key, build(self))
            return value

    # --- extending -------------------------------------------------------------------

    def extend(self, table: str, data: Any, source: str = "<python>") -> Rules:
        """A new Rules with *data* merged into *table* and the result validated.

        >>> from qazparse import default_rules
        >>> r = default_rules().extend("outlets", {"sarbaz": {"name": "Sarbaz", "variants": ["Сарбаз"]}})
        >>> r.table("outlets")["sarbaz"]["name"]
        'Sarbaz'
        """
        schema = _schema(table, source)
        old = _thaw(self.tables.get(table, [] if table in _LIST_TABLES else {}))
        if table in _LIST_TABLES:
            if not isinstance(data, (list, tuple)):
                raise RulesError(source, table, "must be a list")
            merged: Any = [*old, *data]
        else:
            if not isinstance(data, dict):
                raise RulesError(source, table, "must be a table")
            merged = _merge(old, data)
        merged = validate(merged, schema, source, table)
        tables = dict(self.tables)
        tables[table] = merged
        return attrs.evolve(self, tables=tables, sources=(*self.sources, source), cache={})

    def with_currency(
        self, code: str, *, names: Iterable[str] = (), symbols: Iterable[str] = (), key: str | None = None
    ) -> Rules:
        """Add a currency (or more names and symbols for a known one).

        *names* are stems: every case form is matched (``манат`` also finds ``манатқа``).

        >>> from qazparse import default_rules, parse_money
        >>> rules = default_rules().with_currency("AZN", names=["манат"])
        >>> "AZN" in rules.currency_codes()
        True
        """
        entry = {"code": code, "names": list(names), "symbols": list(symbols)}
        return self.extend("currencies", {key or code: entry}, "with_currency")

    def currency_codes(self) -> set[str]:
        """The ISO codes of every known currency."""
        return {entry["code"] for entry in self.table("currencies").values()}

    def with_unit(
        self,
        unit: str,
        *,
        dimension: str,
        factor: str | int = 1,
        names: Iterable[str] = (),
        abbreviations: Iterable[str] = (),
        key: str | None = None,
    ) -> Rules:
        """Add a unit of measure; *factor* converts it to the dimension's base unit.

        >>> from qazparse import default_rules
        >>> rules = default_rules().with_unit("verst", dimension="distance", factor="1066.8", names=["шақырым-верст"])
        >>> rules.table("units")["verst"]["unit"]
        'verst'
        """
        entry = {
            "unit": unit,
            "dimension": dimension,
            "factor": str(factor),
            "names": list(names),
            "abbreviations": list(abbreviations),
        }
        return self.extend("units", {key or unit: entry}, "with_unit")

    def with_outlet(self, name: str, *, variants: Iterable[str] = (), key: str | None = None) -> Rules:
        """Add a news outlet with the spellings it goes by.

        >>> from qazparse import default_rules
        >>> "Sarbaz" in [o["name"] for o in default_rules().with_outlet("Sarbaz").table("outlets").values()]
        True
        """
        entry = {"name": name, "variants": [name, *variants]}
        return self.extend("outlets", {key or name.lower(): entry}, "with_outlet")

    def with_event(self, rule: Any, *, key: str | None = None) -> Rules:
        """Add an event rule: a dict in the ``events`` table format, or a plain callable.

        A callable gets ``(context, sentence_bounds, mentions)`` and returns events; see
        ``docs/events.md``.
        """
        if callable(rule):
            return attrs.evolve(self, event_rules=(*self.event_rules, rule), cache={})
        if not isinstance(rule, dict):
            raise TypeError(f"rule must be a dict or a callable, not {type(rule).__name__}")
        rule_id = key or rule.get("id") or rule.get("type")
        if not isinstance(rule_id, str):
            raise RulesError("with_event", "events", "a rule needs an 'id' or a 'type'")
        body = {k: v for k, v in rule.items() if k != "id"}
        return self.extend("events", {rule_id: body}, "with_event")

    def without_events(self) -> Rules:
        """The same rules with no event rules at all (to replace the defaults)."""
        tables = dict(self.tables)
        tables["events"] = {}
        return attrs.evolve(self, tables=tables, event_rules=(), cache={})

    def with_patterns(self, patterns: Iterable[Any] | str | Path) -> Rules:
        """Add user patterns: dicts, ``Pattern`` objects, or a TOML/JSON-lines file path.

        See ``docs/patterns.md``.
        """
        if isinstance(patterns, (str, Path)):
            path = Path(patterns)
            return self.extend("patterns", list(_read_patterns_file(path)), str(path))
        items = [_pattern_data(p) for p in patterns]
        return self.extend("patterns", items, "with_patterns")

    def with_extractor(self, extractor: Extractor) -> Rules:
        """Add a search step: a callable taking a ``Context`` and yielding mentions."""
        if not callable(extractor):
            raise TypeError("extractor must be callable")
        return attrs.evolve(self, extractors=(*self.extractors, extractor), cache={})

    def load(self, path: str | Path) -> Rules:
        """Merge a user's rules file (TOML, or JSON with the same shape) into these rules.

        Top-level keys name tables (``currencies``, ``units``, ``outlets``, ``events``,
        ``patterns``, ...); their entries are merged into the built-in ones.
        """
        path = Path(path)
        data = _read_rules_file(path)
        rules = self
        for table, content in data.items():
            rules = rules.extend(table, content, str(path))
        return rules


def _thaw(value: Any) -> Any:
    """Validated data uses tuples; turn them back into lists for re-validation."""
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_thaw(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "as_data"):
        return value.as_data()
    return value


def _pattern_data(pattern: Any) -> Any:
    if hasattr(pattern, "as_data"):
        return pattern.as_data()
    return pattern


def _read_rules_file(path: Path) -> dict[str, Any]:
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise RulesError(source, "", f"cannot read the file: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise RulesError(source, "", f"not UTF-8 (byte {err.start})") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as err:
        raise RulesError(source, "", f"not valid {'JSON' if path.suffix == '.json' else 'TOML'}: {err}") from None
    if not isinstance(data, dict):
        raise RulesError(source, "", "the top level must be a table")
    return data


def _read_patterns_file(path: Path) -> list[Any]:
    """Patterns from TOML (``[[patterns]]``) or JSON lines (one pattern a line)."""
    source = str(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise RulesError(source, "", f"cannot read the file: {err}") from None
        out = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise RulesError(source, f"line {number}", f"not valid JSON: {err.msg}") from None
        return out
    data = _read_rules_file(path)
    patterns = data.get("patterns")
    if not isinstance(patterns, list):
        raise RulesError(source, "patterns", "expected a list of [[patterns]] tables")
    return patterns


def load_tables(folder: Traversable | Path | None = None) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Read and validate every ``<table>.toml`` in *folder* (default: the built-in data)."""
    tables: dict[str, Any] = {}
    sources = []
    builtin = folder is None
    where: Traversable | Path = resources.files(__name__).joinpath("data") if folder is None else folder
    for item in sorted(where.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".toml"):
            continue
        table = item.name[: -len(".toml")]
        source = f"qazparse/rules/data/{item.name}" if builtin else str(item)
        try:
            raw = tomllib.loads(item.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise RulesError(source, "", f"not valid TOML: {err}") from None
        tables[table] = validate(raw, _schema(table, source), source, table)
        sources.append(source)
    return tables, tuple(sources)


@functools.cache
def _default_rules() -> Rules:
    tables, sources = load_tables()
    extractors = tuple(_resolve(name) for name in DEFAULT_EXTRACTORS)
    return Rules(tables=tables, extractors=extractors, sources=sources)


def default_rules(*, plugins: bool = False) -> Rules:
    """The built-in rules (loaded once, then shared: they are immutable).

    With ``plugins=True``, rule packs registered by installed packages under the
    ``qazparse.rules`` entry-point group are merged in: each entry point names a
    callable that takes a :class:`Rules` and returns an extended one, or a path to
    a rules file.

    >>> from qazparse import default_rules
    >>> default_rules() is default_rules()
    True
    """
    rules = _default_rules()
    if plugins:
        rules = _with_plugins(rules)
    return rules


def _with_plugins(rules: Rules) -> Rules:
    from importlib.metadata import entry_points

    for entry in sorted(entry_points(group="qazparse.rules"), key=lambda e: e.name):
        try:
            pack = entry.load()
        except Exception as err:  # a broken plugin must say which one it is
            raise RulesError(f"plugin {entry.name}", entry.value, f"cannot load: {err}") from err
        if callable(pack):
            result = pack(rules)
            if not isinstance(result, Rules):
                raise RulesError(f"plugin {entry.name}", entry.value, "must return a Rules object")
            rules = result
        elif isinstance(pack, (str, Path)):
            rules = rules.load(pack)
        else:
            raise RulesError(f"plugin {entry.name}", entry.value, "must be a callable or a path to a rules file")
    return rules


__all__ = ["DEFAULT_EXTRACTORS", "Extractor", "Rules", "default_rules", "load_tables"]
