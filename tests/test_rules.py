"""Rules as data: loading, validation with named entries, immutable extension."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from qazparse import RulesError, default_rules
from qazparse.rules import load_tables

DATA = Path(str(resources.files("qazparse.rules").joinpath("data")))


def test_builtin_tables_load_and_validate() -> None:
    rules = default_rules()
    assert "morphology" in rules.tables
    assert "dative" in rules.table("morphology")["endings"]
    assert all(src.startswith("qazparse/rules/data/") for src in rules.sources)


def _broken_copy(tmp_path: Path, table: str, old: str, new: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / f"{table}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {table}.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_broken_data_file_names_file_and_entry(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "morphology", 'dative = ["ға"', 'dative = ["Ға1"')
    with pytest.raises(RulesError) as info:
        load_tables(folder)
    err = info.value
    assert err.source.endswith("morphology.toml")
    assert err.entry == "morphology.endings.dative[0]"
    assert "lower-case" in err.problem


def test_unknown_field_is_named(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "morphology", "[mutations]", "[mutation]")
    with pytest.raises(RulesError) as info:
        load_tables(folder)
    assert info.value.entry in {"morphology.mutation", "morphology.mutations"}


def test_invalid_toml_is_reported(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "morphology", "[endings]", "[endings")
    with pytest.raises(RulesError, match=r"morphology\.toml.*not valid TOML"):
        load_tables(folder)


def test_unknown_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[no_such_table]\nx = 1\n', encoding="utf-8")
    with pytest.raises(RulesError) as info:
        default_rules().load(path)
    assert info.value.source == str(path)
    assert info.value.entry == "no_such_table"


def test_extending_returns_new_rules_and_leaves_defaults_alone() -> None:
    base = default_rules()
    before = dict(base.table("morphology")["endings"])
    more = base.extend("morphology", {"endings": {"dative": ["на"]}})
    assert more is not base
    assert base.table("morphology")["endings"] == before
    assert default_rules().table("morphology")["endings"] == before
    assert more.table("morphology")["endings"]["dative"] == before["dative"]  # "на" is there already


def test_extend_validates_the_new_entry() -> None:
    with pytest.raises(RulesError) as info:
        default_rules().extend("morphology", {"endings": {"dative": [5]}})
    assert info.value.entry.startswith("morphology.endings.dative[")
    assert info.value.source == "<python>"


def test_user_file_json_and_toml(tmp_path: Path) -> None:
    toml = tmp_path / "r.toml"
    toml.write_text('[morphology.endings]\nlocative = ["дағы"]\n', encoding="utf-8")
    js = tmp_path / "r.json"
    js.write_text(json.dumps({"morphology": {"endings": {"ablative": ["дын"]}}}), encoding="utf-8")
    rules = default_rules().load(toml).load(js)
    assert "дағы" in rules.table("morphology")["endings"]["locative"]
    assert "дын" in rules.table("morphology")["endings"]["ablative"]
    assert str(toml) in rules.sources and str(js) in rules.sources


def test_broken_user_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(RulesError, match=r"bad.toml.*UTF-8"):
        default_rules().load(bad)
    with pytest.raises(RulesError, match="cannot read"):
        default_rules().load(tmp_path / "missing.toml")


def test_compiled_cache_is_per_rules() -> None:
    calls = []

    def build(r: object) -> int:
        calls.append(r)
        return len(calls)

    base = default_rules()
    key = "test.cache.probe"
    assert base.compiled(key, build) == base.compiled(key, build)
    other = base.extend("morphology", {"endings": {"locative": ["дағы"]}})
    other.compiled(key, build)
    assert len(calls) == 2


def test_with_extractor_runs_a_user_callable() -> None:
    from qazparse import Number, extract
    from qazparse.values import Span

    def sevens(context):  # type: ignore[no-untyped-def]
        for i, ch in enumerate(context.text.norm):
            if ch == "⁷":
                yield Number(7, context.text.span(i, i + 1))

    rules = default_rules().with_extractor(sevens)
    ex = extract("саны ⁷ болды", rules=rules)
    assert ex.numbers == (Number(7, Span(5, 6, "⁷")),)
    with pytest.raises(TypeError):
        default_rules().with_extractor("not callable")  # type: ignore[arg-type]
