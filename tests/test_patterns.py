"""User patterns: every element kind, constraint, capture and validation error (from the corpus
``tests/corpus/patterns.toml``); files, Python objects and plugins; overlap resolution, ``explain``;
the prefilter and linear time; and the examples of ``docs/patterns.md``, run as tests."""

from __future__ import annotations

import datetime as dt
import doctest
import io
import json
import pickle
import re
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from qazparse import (
    CustomMention,
    DateMention,
    Grain,
    Money,
    Number,
    Qualifier,
    Quantity,
    RulesError,
    Span,
    default_rules,
    explain,
    extract,
    patterns,
)
from qazparse.extract import make_context, run
from qazparse.patterns import Element, Pattern, compiled_patterns, extract_patterns
from qazparse.rules import Rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = tomllib.loads((ROOT / "tests" / "corpus" / "patterns.toml").read_text(encoding="utf-8"))
DOC = ROOT / "docs" / "patterns.md"


def with_pattern(pid: str, elements: list[dict[str, Any]], **more: Any) -> Rules:
    return default_rules().with_patterns([{"id": pid, "elements": elements, **more}])


def candidates(text: str, rules: Rules) -> list[CustomMention]:
    """The custom mentions the pattern extractor produced, before overlap resolution."""
    context = make_context(text, rules=rules)
    run(context)
    return [m for m in context.found if isinstance(m, CustomMention)]


def shown(value: Any) -> str:
    """The text of a capture: a Span's text, or a mention's span text."""
    return value.text if isinstance(value, Span) else value.span.text


def value_of(mention: Any) -> str:
    if isinstance(mention, Money):
        return f"{mention.amount} {mention.currency}"
    if isinstance(mention, DateMention):
        return str(mention.start)
    return str(mention.value)


# --- the corpus: one test a phrase ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CORPUS["match"], ids=[c["name"] for c in CORPUS["match"]])
def test_corpus_match(case: dict[str, Any]) -> None:
    rules = with_pattern(case["name"], case["pattern"], label="mine")
    text = case["text"]
    found = candidates(text, rules)
    assert [m.span.text for m in found] == case["found"]
    for m in found:
        assert text[m.span.start : m.span.end] == m.span.text
        assert (m.label, m.rule) == ("mine", case["name"])
    for name, expected in case.get("captures", {}).items():
        assert shown(found[0].capture(name)) == expected, name
    for name, expected in case.get("values", {}).items():
        assert value_of(found[0].capture(name)) == expected, name


def _error_id(case: dict[str, Any]) -> str:
    return f"{case['entry']}:{case['problem']}"


@pytest.mark.parametrize("case", CORPUS["error"], ids=[_error_id(c) for c in CORPUS["error"]])
def test_corpus_error(case: dict[str, Any]) -> None:
    with pytest.raises(RulesError) as info:
        default_rules().with_patterns([case["pattern"]])
    assert info.value.entry == case["entry"]
    assert case["problem"] in info.value.problem
    assert info.value.source == "with_patterns"


def test_two_patterns_with_one_id_are_refused() -> None:
    rules = with_pattern("salary", [{"stem": "жалақы"}])
    with pytest.raises(RulesError) as info:
        rules.with_patterns([{"id": "salary", "elements": [{"word": "айлық"}]}])
    assert info.value.entry == "patterns.salary.id"


def test_a_pattern_must_be_a_table() -> None:
    with pytest.raises(RulesError) as info:
        default_rules().with_patterns(["жалақы"])
    assert info.value.entry == "patterns[0]"


# --- built-in dimensions, with hand-made mentions (the element logic alone) -----------------------------------


def _with_found(text: str, rules: Rules, *mentions: Any) -> list[CustomMention]:
    """Run only the pattern extractor, on top of the given built-in mentions."""
    context = make_context(text, rules=rules)
    context.found.extend(mentions)
    return extract_patterns(context)


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


@pytest.mark.parametrize(
    ("constraint", "matches"),
    [
        ({}, ["KZT", "USD"]),
        ({"currency": "KZT"}, ["KZT"]),
        ({"currency": ["USD", "EUR"]}, ["USD"]),
        ({"qualifier": "more_than"}, ["USD"]),
        ({"qualifier": ["exact", "up_to"]}, ["KZT"]),
    ],
    ids=["none", "currency", "currency-list", "qualifier", "qualifier-list"],
)
def test_money_constraints(constraint: dict[str, Any], matches: list[str]) -> None:
    text = "жалақысы 350 теңге, жалақысы 70 доллардан астам"
    kzt = Money(350, "KZT", _span(text, "350 теңге"))
    usd = Money(70, "USD", _span(text, "70 доллардан астам"), Qualifier.MORE_THAN)
    rules = with_pattern("s", [{"stem": "жалақы"}, {"dimension": "money", "capture": "m", **constraint}])
    found = _with_found(text, rules, kzt, usd)
    assert [m.capture("m").currency for m in found] == matches


def test_quantity_and_date_constraints() -> None:
    text = "2019 жылы 81 пайыз, 2019 жылдың мамырында 5 тонна"
    year = DateMention(Grain.YEAR, _span(text, "2019 жылы"), year=2019)
    month = DateMention(Grain.MONTH, Span(20, 41, text[20:41]), year=2019, month=5)
    percent = Quantity(81, "%", "percent", _span(text, "81 пайыз"))
    mass = Quantity(5, "t", "mass", _span(text, "5 тонна"))
    rules = default_rules().with_patterns(
        [
            {"id": "share", "elements": [{"dimension": "date", "grain": "year"}, {"dimension": "quantity"}]},
            {"id": "mass", "elements": [{"dimension": "date"}, {"dimension": "quantity", "dimension_of": "mass"}]},
            {"id": "tonnes", "elements": [{"dimension": "quantity", "unit": "t"}]},
        ]
    )
    found = _with_found(text, rules, year, month, percent, mass)
    assert [(m.rule, m.span.text) for m in found] == [
        ("share", "2019 жылы 81 пайыз"),
        ("mass", "2019 жылдың мамырында 5 тонна"),
        ("tonnes", "5 тонна"),
    ]


def test_date_qualifier_constraint() -> None:
    text = "2025 жылға дейін, 2023 жылы"
    until = DateMention(Grain.YEAR, _span(text, "2025 жылға дейін"), year=2025, qualifier=Qualifier.UP_TO)
    plain = DateMention(Grain.YEAR, _span(text, "2023 жылы"), year=2023)
    rules = with_pattern("deadline", [{"dimension": "date", "qualifier": "up_to", "capture": "by"}])
    found = _with_found(text, rules, until, plain)
    assert [m.capture("by").year for m in found] == [2025]


def test_a_dimension_element_prefers_the_longest_mention_and_sees_the_shorter() -> None:
    text = "350 мың теңге"
    number = Number(350000, _span(text, "350 мың"))
    money = Money(350000, "KZT", Span(0, len(text), text))
    rules = default_rules().with_patterns(
        [
            {"id": "any", "elements": [{"dimension": "money", "capture": "m"}]},
            {"id": "number-then-word", "elements": [{"dimension": "number", "capture": "n"}, {"word": "теңге"}]},
        ]
    )
    found = _with_found(text, rules, number, money)
    assert [(m.rule, m.span.text) for m in found] == [("any", text), ("number-then-word", text)]
    assert found[1].capture("n") is number


def test_a_mention_not_on_token_edges_is_not_matched() -> None:
    text = "1,5 миллион"
    odd = Number(5, Span(2, 3, "5"))  # inside the token "1,5"
    rules = with_pattern("n", [{"dimension": "number"}, {"word": "миллион"}])
    assert _with_found(text, rules, odd) == []


def test_a_repeated_dimension_captures_a_tuple() -> None:
    text = "5, 6, 7"
    numbers = [Number(int(d), _span(text, d)) for d in "567"]
    rules = with_pattern(
        "list",
        [{"dimension": "number", "capture": "first"}, {"word": ","}, {"dimension": "number", "capture": "rest"},
         {"word": ",", "optional": True}, {"dimension": "number", "repeat": [0, 2], "capture": "last"}],
    )
    [found] = _with_found(text, rules, *numbers)
    assert found.capture("first") is numbers[0]
    assert found.capture("rest") is numbers[1]
    assert found.capture("last") == (numbers[2],)
    assert [name for name, _ in found.captures] == ["first", "last", "rest"]


def test_an_absent_optional_capture_is_none() -> None:
    rules = with_pattern("s", [{"word": "айлық", "optional": True, "capture": "kind"}, {"stem": "жалақы"}])
    [found] = candidates("жалақысы", rules)
    assert found.capture("kind") is None
    assert found.captures == ()


def test_a_repeated_word_captures_one_span_over_all_repetitions() -> None:
    rules = with_pattern("s", [{"word": ["орташа", "айлық"], "repeat": [1, 2], "capture": "kind"}, {"stem": "жалақы"}])
    [found] = candidates("Орташа айлық жалақы", rules)
    assert found.capture("kind") == Span(0, 12, "Орташа айлық")


# --- with the real extractors: overlap resolution, Extraction, explain -----------------------------------------


def test_a_user_mention_covering_built_ins_wins() -> None:
    rules = with_pattern("casualties", [{"dimension": "number", "capture": "count"}, {"word": "адам"}])
    ex = extract("Апатта 15 адам зардап шекті.", rules=rules)
    [found] = ex.custom
    assert found.span.text == "15 адам"
    assert found.capture("count").value == 15
    assert ex.numbers == ()
    assert found in ex.all()
    assert ex.by_label("casualties") == [found]


def test_a_user_mention_inside_a_longer_built_in_loses() -> None:
    rules = with_pattern("digits", [{"regex": r"\d+"}])
    text = "бюджеті 350 мың"
    assert [m.span.text for m in candidates(text, rules)] == ["350"]
    ex = extract(text, rules=rules)
    assert ex.custom == ()
    assert [n.value for n in ex.numbers] == [350000]


def test_a_user_mention_as_long_as_a_built_in_wins() -> None:
    rules = with_pattern("count", [{"dimension": "number"}])
    ex = extract("бес", rules=rules)
    assert [m.span.text for m in ex.custom] == ["бес"]
    assert ex.numbers == ()


def test_to_dict_holds_custom_mentions_with_their_captures() -> None:
    rules = with_pattern("casualties", [{"dimension": "number", "capture": "count"}, {"word": "адам"}], label="hurt")
    data = extract("15 адам", rules=rules).to_dict()
    json.dumps(data)
    [item] = data["custom"]
    assert item["kind"] == "custom"
    assert (item["label"], item["rule"]) == ("hurt", "casualties")
    [(name, count)] = item["captures"]
    assert (name, count["kind"], count["value"]) == ("count", "number", 15)


def test_explain_names_the_pattern() -> None:
    rules = with_pattern("salary", [{"stem": "жалақы"}, {"regex": r"\d+", "capture": "n"}])
    trace = explain("Жалақысы 350 болды", rules=rules)
    assert "custom 'Жалақысы 350' <- pattern:salary -> salary n=" in trace


def test_the_date_prefix_is_not_matched() -> None:
    rules = with_pattern("date-word", [{"word": "date"}])
    assert candidates(" date 2025-10-21 date бар", rules)[0].span.start == 17
    assert len(candidates(" date 2025-10-21 date бар", rules)) == 1


def test_spans_point_into_the_original_text() -> None:
    text = "Айлық\u00a0жалақы\u00a0350 мың"  # no-break spaces
    rules = with_pattern("s", [{"word": "айлық"}, {"stem": "жалақы"}, {"dimension": "number", "capture": "n"}])
    [found] = candidates(text, rules)
    assert found.span == Span(0, len(text), text)
    assert found.capture("n").span.text == "350 мың"
    decomposed = "Жалақы\u0301 350"  # a combining mark makes the text non-NFC
    rules = with_pattern("t", [{"regex": r"\w+\u0301"}, {"regex": r"\d+", "capture": "n"}])
    [found] = candidates(decomposed, rules)
    assert found.span.text == decomposed
    assert found.capture("n").text == "350"


# --- Python objects, files, immutability ---------------------------------------------------------------------


def test_pattern_objects_are_accepted() -> None:
    salary = Pattern(
        "salary",
        [Element(word=["айлық", "орташа"], repeat=(0, 2)), Element(stem="жалақы"),
         Element(dimension="number", capture="amount")],
        label="wage",
    )
    rules = default_rules().with_patterns([salary])
    [found] = candidates("орташа айлық жалақы 350 мың", rules)
    assert (found.label, found.rule, found.capture("amount").value) == ("wage", "salary", 350000)
    assert rules.table("patterns")[0]["elements"][0] == {"word": ("айлық", "орташа"), "repeat": (0, 2)}


def test_element_as_data_round_trips_through_validation() -> None:
    element = Element(stem=("литр", "келі"), cases="possessive3+dative", capture="unit", optional=True)
    assert element.as_data() == {"stem": ["литр", "келі"], "cases": "possessive3+dative", "optional": True,
                                 "capture": "unit"}
    pattern = Pattern("p", [element, {"dimension": "money"}])
    assert pattern.as_data() == {"id": "p", "elements": [element.as_data(), {"dimension": "money"}]}
    assert default_rules().with_patterns([pattern]).table("patterns")[0]["label"] == "p"


def test_any_object_with_as_data_is_accepted() -> None:
    class Mine:
        def as_data(self) -> dict[str, Any]:
            return {"id": "mine", "elements": [{"word": "жалақы"}]}

    assert [m.rule for m in candidates("жалақы", default_rules().with_patterns([Mine()]))] == ["mine"]


def test_element_objects_are_validated_with_the_pattern_id() -> None:
    with pytest.raises(RulesError) as info:
        default_rules().with_patterns([Pattern("rate", [Element(stem="бағам"), Element(dimension="money", unit="km")])])
    assert info.value.entry == "patterns.rate.elements[1].unit"


def test_patterns_from_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[patterns]]\nid = "rate"\nlabel = "exchange_rate"\n'
        'elements = [{ stem = "бағам" }, { regex = "\\\\d+", capture = "value" }]\n',
        encoding="utf-8",
    )
    rules = default_rules().with_patterns(path)
    [found] = candidates("доллар бағамы 470 теңге", rules)
    assert (found.label, found.capture("value").text) == ("exchange_rate", "470")
    assert str(path) in rules.sources


def test_patterns_from_a_json_lines_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    lines = [{"id": "a", "elements": [{"word": "жалақы"}]}, {"id": "b", "elements": [{"stem": "бағам"}]}]
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in lines) + "\n\n", encoding="utf-8")
    rules = default_rules().with_patterns(str(path))
    assert [m.rule for m in candidates("жалақы мен бағамы", rules)] == ["a", "b"]


def test_a_bad_pattern_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "elements": [{"regex": "(a*)*"}]}\n', encoding="utf-8")
    with pytest.raises(RulesError) as info:
        default_rules().with_patterns(path)
    assert (info.value.source, info.value.entry) == (str(path), "patterns.a.elements[0].regex")


def test_rules_load_reads_patterns_beside_other_tables(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[patterns]]\nid = "w"\nelements = [{ word = "жалақы" }]\n', encoding="utf-8")
    rules = default_rules().load(path)
    assert [m.rule for m in candidates("жалақы", rules)] == ["w"]


def test_with_patterns_leaves_the_defaults_alone() -> None:
    rules = with_pattern("w", [{"word": "жалақы"}])
    more = rules.with_patterns([{"id": "v", "elements": [{"word": "бағам"}]}])
    assert default_rules().table("patterns") in ({}, ())
    assert [p["id"] for p in rules.table("patterns")] == ["w"]
    assert [p["id"] for p in more.table("patterns")] == ["w", "v"]
    assert candidates("жалақы", default_rules()) == []


def test_patterns_compile_once_per_rules() -> None:
    rules = with_pattern("w", [{"stem": "жалақы"}])
    assert compiled_patterns(rules) is compiled_patterns(rules)


def test_rules_with_patterns_survive_pickling() -> None:
    rules = with_pattern("w", [{"stem": "жалақы"}, {"dimension": "number", "capture": "n"}])
    text = "жалақысы 350 мың"
    before = extract(text, rules=rules)
    again = pickle.loads(pickle.dumps(rules))
    assert extract(text, rules=again) == before


# --- entry points: a fake installed distribution -------------------------------------------------------------


def _fake_distribution(folder: Path, name: str, entry_points: str, module: str) -> None:
    dist = folder / f"{name}-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    (folder / f"{name}.py").write_text(module, encoding="utf-8")


def test_plugins_register_rule_packs_through_entry_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules_file = tmp_path / "pack.toml"
    rules_file.write_text('[[patterns]]\nid = "from-file"\nelements = [{ stem = "бағам" }]\n', encoding="utf-8")
    module = (
        "from qazparse.patterns import Element, Pattern\n"
        f"RULES_FILE = {str(rules_file)!r}\n"
        "def register(rules):\n"
        "    return rules.with_patterns([Pattern('from-code', [Element(stem='жалақы')])])\n"
    )
    entry_points = "[qazparse.rules]\neconomy = qzp_fake_pack:register\nfiles = qzp_fake_pack:RULES_FILE\n"
    _fake_distribution(tmp_path, "qzp_fake_pack", entry_points, module)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "qzp_fake_pack", raising=False)
    try:
        rules = default_rules(plugins=True)
        assert {p["id"] for p in rules.table("patterns")} == {"from-code", "from-file"}
        assert [m.rule for m in candidates("жалақысы мен бағамы", rules)] == ["from-code", "from-file"]
        assert default_rules().table("patterns") in ({}, ())
    finally:
        sys.modules.pop("qzp_fake_pack", None)


def test_a_broken_plugin_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_distribution(tmp_path, "qzp_broken_pack", "[qazparse.rules]\nbroken = qzp_broken_pack:nothing\n", "x = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(RulesError) as info:
            default_rules(plugins=True)
        assert info.value.source == "plugin broken"
    finally:
        sys.modules.pop("qzp_broken_pack", None)


# --- cost: the prefilter, lines, linear time, regex safety -----------------------------------------------------


def _lines_tokenised(text: str, rules: Rules) -> int:
    context = make_context(text, rules=rules)
    run(context)
    doc = context.memo.get("patterns.doc")
    return 0 if doc is None else len(doc._lines)


def test_a_pattern_whose_words_are_absent_splits_nothing() -> None:
    text = "Президент шетелге 23 рет сапарға шықты.\n" * 50
    assert _lines_tokenised(text, with_pattern("w", [{"stem": "жалақы"}, {"dimension": "money"}])) == 0
    assert _lines_tokenised(text, with_pattern("w", [{"word": "шетелге"}, {"word": "жалақы"}])) == 0
    assert _lines_tokenised(text, with_pattern("d", [{"word": "рет"}, {"dimension": "date"}])) == 0


def test_only_lines_holding_every_required_word_are_split() -> None:
    text = "жалақы өсті\nбағам түсті\nжалақы мен бағам\n" * 10
    rules = with_pattern("w", [{"word": "жалақы"}, {"word": "мен", "optional": True}, {"word": "бағам"}])
    assert _lines_tokenised(text, rules) == 10
    assert len(candidates(text, rules)) == 10


def _seconds(call: Any) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def test_matching_time_is_linear_on_adversarial_input() -> None:
    # Every token matches the repeated elements and the pattern never completes: a naive
    # backtracking matcher tries every split of every run of tokens.
    rules = with_pattern(
        "worst",
        [{"word": "а", "repeat": [0, 16]}, {"regex": r"\w+", "repeat": [0, 16]}, {"word": "а", "repeat": [1, 16]},
         {"word": "б"}],
    )

    def run_on(n: int) -> float:
        text = "а " * n + "\n" + "а " * n
        return _seconds(lambda: candidates(text, rules))

    small, large = run_on(500), run_on(2000)
    assert large < 10 * small, (small, large)
    assert large < 5.0


def test_a_regex_that_runs_out_of_time_counts_as_no_match(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = with_pattern("slow", [{"regex": r"\w+"}])
    assert [m.span.text for m in candidates("жалақы", rules)] == ["жалақы"]
    monkeypatch.setattr(patterns, "REGEX_TIMEOUT", 1e-9)  # every call times out at once
    assert candidates("жалақы", rules) == []


def test_a_regex_never_sees_a_very_long_token() -> None:
    rules = with_pattern("long", [{"regex": r"\w+"}])
    long_word = "а" * (patterns.MAX_REGEX_TOKEN + 1)
    assert [m.span.text for m in candidates(f"{long_word} бб", rules)] == ["бб"]


def test_extract_without_patterns_is_untouched() -> None:
    context = make_context("жалақы 350 мың теңге", rules=default_rules())
    assert extract_patterns(context) == []
    assert "patterns.doc" not in context.memo


def test_reference_date_is_irrelevant_to_patterns() -> None:
    rules = with_pattern("w", [{"word": "жалақы"}])
    assert extract("жалақы", rules=rules, reference_date=dt.date(2025, 1, 1)).custom == extract(
        "жалақы", rules=rules
    ).custom


# --- docs/patterns.md: every example runs ------------------------------------------------------------------------

_FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.M | re.S)


def _doc_sections() -> list[tuple[str, list[tuple[str, str, str, int]]]]:
    text = DOC.read_text(encoding="utf-8")
    sections = []
    for match in re.finditer(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        title, body = match.group(1), match.group(2)
        first_line = text[: match.start(2)].count("\n")
        blocks = [
            (m.group(1), m.group(2).strip(), m.group(3), first_line + body[: m.start(3)].count("\n"))
            for m in _FENCE.finditer(body)
        ]
        if any(lang == "python" for lang, _, _, _ in blocks):
            sections.append((title, blocks))
    return sections


DOC_SECTIONS = _doc_sections()


def test_the_docs_build_three_examples() -> None:
    titles = [title for title, _ in DOC_SECTIONS]
    assert {"A salary", "A price per unit", "Casualties"} <= set(titles)
    for _, blocks in DOC_SECTIONS:
        assert any(">>>" in code for lang, _, code, _ in blocks if lang == "python")


@pytest.mark.parametrize(
    "section", DOC_SECTIONS, ids=[re.sub(r"\W+", "-", title.lower()) for title, _ in DOC_SECTIONS]
)
def test_docs_example(section: tuple[str, list[tuple[str, str, str, int]]], tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Files named in a fence (```toml file=salary.toml) are written, Python blocks run in order."""
    title, blocks = section
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "docs_patterns"}
    parser = doctest.DocTestParser()
    examples = 0
    for lang, info, code, line in blocks:
        target = re.search(r"file=(\S+)", info)
        if target:
            (tmp_path / target.group(1)).write_text(code, encoding="utf-8")
        elif lang == "python" and ">>>" in code:
            test = parser.get_doctest(code, namespace, f"{DOC.name}: {title}", str(DOC), line)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            report = io.StringIO()
            runner.run(test, out=report.write, clear_globs=False)
            namespace.update(test.globs)
            examples += len(test.examples)
            assert runner.failures == 0, report.getvalue()
        elif lang == "python":
            exec(compile(code, f"{DOC}:{line}", "exec"), namespace)
    assert examples > 0
