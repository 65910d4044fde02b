"""Money, distances and quantities: the corpus files, rules data, extension and word edges."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from _timing import cpu_seconds
from qazparse import (
    Distance,
    Money,
    ParseError,
    Qualifier,
    Quantity,
    RulesError,
    default_rules,
    explain,
    extract,
    parse_distance,
    parse_money,
    parse_quantity,
)
from qazparse.dates import extract_dates
from qazparse.extract import Context, make_context
from qazparse.numerals import extract_numerals
from qazparse.quantities import extract_quantities
from qazparse.values import exact

CORPUS = Path(__file__).resolve().parent / "corpus"
MONEY = tomllib.loads((CORPUS / "money.toml").read_text(encoding="utf-8"))
QUANTITIES = tomllib.loads((CORPUS / "quantities.toml").read_text(encoding="utf-8"))


def _num(text: str | None) -> Any:
    return None if text is None else exact(Decimal(text))


def _cases(entries: list[dict[str, Any]]) -> list[Any]:
    return [pytest.param(entry, form, id=form) for entry in entries for form in entry["forms"]]


def _money_fields(m: Money) -> dict[str, Any]:
    return {"amount": m.amount, "currency": m.currency, "qualifier": m.qualifier, "low": m.low, "high": m.high}


def _expected_money(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "amount": _num(entry["amount"]),
        "currency": entry["currency"],
        "qualifier": Qualifier(entry.get("qualifier", "exact")),
        "low": _num(entry.get("low")),
        "high": _num(entry.get("high")),
    }


def _quantity_fields(q: Distance | Quantity) -> dict[str, Any]:
    out = {"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "low": q.low, "high": q.high}
    if isinstance(q, Distance):
        out["meters"] = q.meters
    else:
        out["dimension"] = q.dimension
    return out


def _expected_quantity(entry: dict[str, Any]) -> dict[str, Any]:
    out = {
        "value": _num(entry["value"]),
        "unit": entry["unit"],
        "qualifier": Qualifier(entry.get("qualifier", "exact")),
        "low": _num(entry.get("low")),
        "high": _num(entry.get("high")),
    }
    if entry["kind"] == "distance":
        out["meters"] = _num(entry["meters"])
    else:
        out["dimension"] = entry["dimension"]
    return out


# --- the corpus: strict parsers ------------------------------------------------------------------


@pytest.mark.parametrize(("entry", "form"), _cases(MONEY["money"]))
def test_money_corpus(entry: dict[str, Any], form: str) -> None:
    money = parse_money(form)
    assert _money_fields(money) == _expected_money(entry)
    assert money.span.text == form


@pytest.mark.parametrize(("entry", "form"), _cases(QUANTITIES["quantity"]))
def test_quantity_corpus(entry: dict[str, Any], form: str) -> None:
    parsed = parse_distance(form) if entry["kind"] == "distance" else parse_quantity(form)
    assert _quantity_fields(parsed) == _expected_quantity(entry)
    assert parsed.span.text == form


# --- the corpus: the same phrases inside running text ----------------------------------------------

_FRAME = "Деректерге сәйкес, көрсеткіш {} болды."


def _in_text(form: str) -> tuple[str, int, list[Any]]:
    text = _FRAME.format(form)
    found = extract(text)
    return text, text.index(form), [*found.money, *found.distances, *found.quantities]


@pytest.mark.parametrize(("entry", "form"), _cases(MONEY["money"]))
def test_money_corpus_in_text(entry: dict[str, Any], form: str) -> None:
    text, at, found = _in_text(form)
    assert len(found) == 1, found
    money = found[0]
    assert isinstance(money, Money)
    assert _money_fields(money) == _expected_money(entry)
    # a verb (асты, асатын, аспайды) sets the qualifier but stays outside the span in running text
    assert money.span.start == at
    assert form.startswith(money.span.text)
    assert text[money.span.start : money.span.end] == money.span.text


@pytest.mark.parametrize(("entry", "form"), _cases(QUANTITIES["quantity"]))
def test_quantity_corpus_in_text(entry: dict[str, Any], form: str) -> None:
    _text, at, found = _in_text(form)
    assert len(found) == 1, found
    q = found[0]
    assert isinstance(q, Distance if entry["kind"] == "distance" else Quantity)
    assert _quantity_fields(q) == _expected_quantity(entry)
    assert q.span.start == at
    assert form.startswith(q.span.text)


# --- negatives ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", MONEY["negative"]["forms"] + QUANTITIES["negative"]["forms"])
def test_negative_corpus(text: str) -> None:
    found = extract(text)
    assert not found.money and not found.distances and not found.quantities, found
    for parse in (parse_money, parse_distance, parse_quantity):
        with pytest.raises(ParseError):
            parse(text)


@pytest.mark.parametrize(
    "text",
    ["Метрода 5 адам болды", "Доллар бағамы 3,43 теңгеге қымбаттады", "Рубль мен теңге бағамы"],
)
def test_word_edges_in_text(text: str) -> None:
    found = extract(text)
    spans = [m.span.text for m in (*found.money, *found.distances, *found.quantities)]
    assert all("етро" not in s and "убль" not in s and "оллар" not in s for s in spans), spans


def test_a_bare_number_is_never_money() -> None:
    found = extract("Бағасы 1 000 000, ал көлемі 5 000 000.")
    assert not found.money
    assert [n.value for n in found.numbers] == [1000000, 5000000]


def test_a_calendar_year_before_zhyl_is_not_a_duration_but_a_long_time_is() -> None:
    found = extract("2025 жылы Қазақстан 120 жылға жалдау туралы келісім жасады.")
    assert [(q.value, q.unit) for q in found.quantities] == [(120, "y")]


def test_verb_qualifier_stays_outside_the_span_in_running_text() -> None:
    text = "Құны 70 миллиард доллардан асатын келісімдерге қол қойылды."
    (money,) = extract(text).money
    assert money.span.text == "70 миллиард доллардан"
    assert money.qualifier is Qualifier.MORE_THAN
    assert parse_money("70 миллиард доллардан асатын").span.text == "70 миллиард доллардан асатын"


def test_postposition_qualifier_is_inside_the_span() -> None:
    (q,) = extract("жүк 10 миллион тоннаға дейін жеткізіледі").quantities
    assert (q.span.text, q.qualifier) == ("10 миллион тоннаға дейін", Qualifier.UP_TO)


def test_repeated_unit_from_to_stays_two_mentions() -> None:
    found = extract("35 пайыздан 25 пайызға дейін төмендеді").quantities
    assert [(q.span.text, q.value, q.qualifier) for q in found] == [
        ("35 пайыздан", 35, Qualifier.EXACT),
        ("25 пайызға дейін", 25, Qualifier.UP_TO),
    ]


def test_spans_map_back_to_the_original_text() -> None:
    text = "Бағасы\u00a01\u00a0000\u00a0₸ және 2,5\u00a0км\u2011ге жетті"
    found = extract(text)
    (money,) = found.money
    (distance,) = found.distances
    assert text[money.span.start : money.span.end] == money.span.text == "1\u00a0000\u00a0₸"
    assert distance.span.text == "2,5\u00a0км\u2011ге"


def test_parse_errors_say_what_was_expected() -> None:
    with pytest.raises(ParseError) as err:
        parse_money("70 миллиард")
    assert err.value.expected == "an amount of money"
    with pytest.raises(ParseError):
        parse_money("5 шақырым")
    with pytest.raises(ParseError):
        parse_distance("5 тонна")
    with pytest.raises(ParseError):
        parse_quantity("5 доллар")
    with pytest.raises(TypeError):
        parse_money(5)  # type: ignore[arg-type]


def test_explain_names_the_rule() -> None:
    trace = explain("$1,5 млрд және 20 мың теңгедей")
    assert "quantities:symbol-before" in trace
    assert "quantities:currency" in trace


def test_to_dict_is_json_ready() -> None:
    data = parse_money("1 234 567,50 ₸").to_dict()
    assert data["amount"] == "1234567.5" and data["currency"] == "KZT" and data["kind"] == "money"


# --- rules as data ------------------------------------------------------------------------------


def test_with_currency_adds_a_currency() -> None:
    with pytest.raises(ParseError):
        parse_money("5 манат")
    rules = default_rules().with_currency("AZN", names=["манат"], symbols=["₼"])
    for text in ("5 манат", "5 манатқа", "бес манаттан астам", "₼5"):
        money = parse_money(text, rules=rules)
        assert (money.amount, money.currency) == (5, "AZN"), text
    assert [m.currency for m in extract("Бағасы 5 манат.", rules=rules).money] == ["AZN"]
    assert not extract("Бағасы 5 манат.").money  # the default rules are unchanged


def test_with_currency_extends_a_known_currency() -> None:
    rules = default_rules().with_currency("USD", names=["бакс"])
    assert parse_money("100 бакс", rules=rules).currency == "USD"
    assert parse_money("100 доллар", rules=rules).currency == "USD"


def test_with_unit_adds_a_unit() -> None:
    rules = default_rules().with_unit("verst", dimension="distance", factor="1066.8", names=["верст"])
    d = parse_distance("10 верстке", rules=rules)
    assert (d.value, d.unit, d.meters) == (10, "verst", 10668)
    rules = default_rules().with_unit("pood", dimension="mass", factor="16.38", names=["пұт"])
    q = parse_quantity("3 пұттан астам", rules=rules)
    assert (q.value, q.unit, q.dimension, q.qualifier) == (3, "pood", "mass", Qualifier.MORE_THAN)


def test_rules_file_extends_currencies(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[currencies.manat]\ncode = "TMT"\nnames = ["манат"]\nsymbols = []\n', encoding="utf-8")
    assert parse_money("5 манат", rules=default_rules().load(path)).currency == "TMT"


@pytest.mark.parametrize(
    ("table", "entry", "where"),
    [
        ("currencies", '[currencies.manat]\ncode = "azn"\nnames = ["манат"]\nsymbols = []\n', "currencies.manat.code"),
        ("currencies", '[currencies.manat]\ncode = "AZN"\nsymbols = []\n', "currencies.manat.names"),
        (
            "currencies",
            '[currencies.x]\ncode = "AZN"\nnames = []\nsymbols = []\nfactor = "-1"\n',
            "currencies.x.factor",
        ),
        (
            "currencies",
            '[currencies.x]\ncode = "AZN"\nnames = []\nsymbols = []\ncolour = "red"\n',
            "currencies.x.colour",
        ),
        (
            "units",
            '[units.verst]\nunit = "verst"\ndimension = "distance"\nfactor = "x"\nnames = []\nabbreviations = []\n',
            "units.verst.factor",
        ),
        (
            "units",
            '[units.verst]\nunit = "verst"\ndimension = "Distance"\nfactor = "1"\nnames = []\nabbreviations = []\n',
            "units.verst.dimension",
        ),
        ("units", '[units.verst]\nunit = "verst"\ndimension = "distance"\nfactor = "1"\nnames = []\n', "units.verst"),
    ],
)
def test_schema_errors_name_the_file_and_the_entry(tmp_path: Path, table: str, entry: str, where: str) -> None:
    path = tmp_path / f"bad_{table}.toml"
    path.write_text(entry, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        default_rules().load(path)
    assert err.value.source == str(path)
    assert err.value.entry.startswith(where)


def test_builtin_data_is_consistent() -> None:
    rules = default_rules()
    codes = rules.currency_codes()
    assert {"KZT", "USD", "EUR", "RUB", "CNY", "GBP", "KGS", "UZS", "TRY", "JPY"} <= codes
    units = rules.table("units")
    assert {u["unit"] for u in units.values() if u["dimension"] == "distance"} >= {"km", "m", "cm", "mm", "mi", "nmi"}
    for key, u in units.items():
        assert u["names"] or u.get("phrases") or u["abbreviations"] or u.get("symbols"), key
    # no two entries claim the same written form
    seen: dict[str, str] = {}
    for table in ("currencies", "units"):
        for key, e in rules.table(table).items():
            for form in (*e["names"], *e.get("phrases", ()), *e.get("abbreviations", ()), *e.get("symbols", ())):
                assert seen.setdefault(form.lower(), f"{table}.{key}") == f"{table}.{key}", form


# --- the KazNERD value check: its own digit reader ---------------------------------------------

_EVAL = Path(__file__).resolve().parent.parent / "benchmarks" / "kaznerd_eval.py"


def _kaznerd_eval() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("kaznerd_eval", _EVAL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("span", "after", "value"),
    [
        ("2,5 мың", "", "2500"),
        ("40-қа жуық", "", "40"),
        ("8 – 12", "", "8"),
        ("3 – 2", "", "2"),
        ("10 – 15 мың", "", "10000"),
        ("80-нен 60 шақырымға дейін", "", "60"),
        ("4-тен 1-і", "", "0.25"),
        ("3-тен 1", "бөлігі шетелде", "0.3333333333"),
        ("5 тиын", "", "0.05"),
        ("5 центнер", "", "5"),
        ("минус 35 градус", "", "-35"),
        ("20 градус суық", "", "-20"),
        ("1 метр 20 сантиметр", "", "1.2"),
        ("6 тонна 600 килограмм", "", "6.6"),
        ("93,4 миллиард теңге", "", "93400000000"),
        ("кемі 5", "", "5"),
    ],
)
def test_kaznerd_gold_reader(span: str, after: str, value: str) -> None:
    """The value check reads the digit spans with its own reader, under the same conventions."""
    assert _kaznerd_eval().gold_value(span, after) == Decimal(value)


def test_kaznerd_rebuild_keeps_entity_boundaries() -> None:
    rebuild = _kaznerd_eval().rebuild
    tokens = ["Белок", "14", ",", "14", ",", "8", "."]
    assert rebuild(tokens)[0] == "Белок 14,14,8 ."
    assert rebuild(tokens, ["O", "B-C", "O", "B-C", "I-C", "I-C", "O"])[0] == "Белок 14 , 14,8 ."
    assert rebuild(["20", ",", "7", "%"], ["B-P", "I-P", "I-P", "I-P"])[0] == "20,7 %"


# --- linear time ---------------------------------------------------------------------------

# Long runs that used to cost quadratic time: each duration looked through every date found so
# far, and each amount through every numeral for the start of a from-to range.
ADVERSARIAL = {
    "durations": "үш жыл бойы ",
    "distances": "10 км ",
    "ranges": "үш пен бес доллар ",
}
SCALE_SIZE = 32_000
SCALE_FACTOR = 3.0  # linear code measures 1.8-2.3 when the size doubles


def _quantities_timer(text: str) -> Callable[[], float]:
    """Time extract_quantities alone: the numerals and dates it builds on are read beforehand."""
    prepared = make_context(text)
    prepared.found.extend(extract_numerals(prepared))  # as extract() runs them: numerals, then dates
    prepared.found.extend(extract_dates(prepared))
    memo = {k: v for k, v in prepared.memo.items() if not k.startswith("quantities.")}

    def run() -> float:
        context = Context(prepared.text, prepared.rules, memo=dict(memo), found=list(prepared.found))
        return cpu_seconds(lambda: extract_quantities(context))

    return run


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_quantities_take_linear_time_on_adversarial_input(unit: str) -> None:
    small = _quantities_timer(unit * (SCALE_SIZE // len(unit)))
    base = min(small() for _ in range(3))
    large = _quantities_timer(unit * (2 * SCALE_SIZE // len(unit)))
    best = float("inf")
    for _ in range(3):
        best = min(best, large())
        if best <= SCALE_FACTOR * base:
            break
    assert best / max(base, 1e-4) <= SCALE_FACTOR
