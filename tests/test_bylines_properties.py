"""Hypothesis: byline formulas assembled from random parts parse back to those parts."""

from __future__ import annotations

import string

from hypothesis import example, given
from hypothesis import strategies as st

from qazparse import default_rules, extract, parse_byline
from qazparse.bylines import _anchors, _matchers

RULES = default_rules()
OUTLETS = sorted(
    {(variant, entry["name"]) for entry in RULES.table("outlets").values() for variant in entry["variants"]}
)
ROLE_WORDS = sorted((w, r) for w, r in RULES.table("bylines")["roles"].items() if r != "press_service")
VERBS = ["хабарлайды", "жазады", "хабарлады"]
CITING = ["сілтеме жасап", "сілтеп", "сілтеме беріп"]
# Cited sources in the nominative; the test builds their dative by the rules of
# KAZAKH.md §2.2 (an oracle kept apart from the library's reading of it).
CITED = [
    "Ақорда",
    "Үкімет",
    "Парламент",
    "Сенат",
    "Мәжіліс",
    "Ұлттық банк",
    "Астана әкімдігі",
    "Ақорданың баспасөз қызметі",
    "министрліктің ресми сайты",
    "Қаржы министрлігі",
    "Бас прокуратура",
    "Денсаулық сақтау министрлігі",
    "Алматы қаласының әкімдігі",
    "Мемлекеттік кірістер комитеті",
]
CONTENT = ["Жиын өтті", "Баға 2 пайызға өсті", "Президент Бакуге 12 қазанда барады", "Жол жабылды"]

_BACK, _FRONT = set("аоұыя"), set("әеөүі")
_VOICELESS = set("птқксшщфхцчһбвгд")


def dative(phrase: str) -> str:
    """Nominative -> dative by harmony and the final sound (KAZAKH.md §2.2)."""
    word = phrase.split()[-1]
    vowels = [c for c in word.lower() if c in _BACK | _FRONT]
    back = bool(vowels) and vowels[-1] in _BACK
    last = word[-1].lower()
    if len(phrase.split()) > 1 and last in "ыі" and word.lower().endswith(("сы", "сі", "ы", "і")):
        ending = "на" if back else "не"  # after the 3rd-person possessive
    elif last in _VOICELESS:
        ending = "қа" if back else "ке"
    else:
        ending = "ға" if back else "ге"
    return phrase + ending


domains = st.builds(
    lambda name, tld: f"{name}.{tld}",
    st.text(string.ascii_lowercase, min_size=3, max_size=10),
    st.sampled_from(["kz", "com", "org"]),
)


@given(
    outlet=st.sampled_from(OUTLETS),
    role=st.none() | st.sampled_from(ROLE_WORDS),
    cited=st.none() | st.sampled_from(CITED),
    verb=st.sampled_from(VERBS),
    citing=st.sampled_from(CITING),
    content=st.sampled_from(CONTENT),
)
def test_report_formula_round_trip(
    outlet: tuple[str, str],
    role: tuple[str, str] | None,
    cited: str | None,
    verb: str,
    citing: str,
    content: str,
) -> None:
    variant, name = outlet
    formula = f"деп {verb} {variant}"
    if role:
        formula += f" {role[0]}"
    if cited:
        formula += f" {dative(cited)} {citing}"
    byline = parse_byline(formula)
    assert (byline.outlet, byline.role, byline.via) == (name, role[1] if role else None, cited)
    text = f"{content}, {formula}. Келесі сөйлем."
    found = extract(text).bylines
    assert len(found) == 1
    assert found[0].span.start == len(content) + 2
    assert found[0].span.text == formula
    assert (found[0].outlet, found[0].via) == (name, cited)


@given(domain=domains, cited=st.sampled_from(CITED), known=st.sampled_from(OUTLETS))
def test_unknown_outlet_in_a_known_formula(domain: str, cited: str, known: tuple[str, str]) -> None:
    byline = parse_byline(f"деп хабарлайды {domain} тілшісі {dative(cited)} сілтеме жасап")
    assert (byline.outlet, byline.role, byline.via) == (domain, "correspondent", cited)
    # a known outlet cited by an unknown one comes back under its canonical name
    byline = parse_byline(f"деп хабарлайды {domain} {known[0]}-ке сілтеп")
    assert (byline.outlet, byline.via) == (domain, known[1])


@given(
    label=st.sampled_from(sorted(RULES.table("bylines")["labels"].items())),
    outlet=st.sampled_from(OUTLETS),
)
def test_label_round_trip(label: tuple[str, str], outlet: tuple[str, str]) -> None:
    word, role = label
    byline = parse_byline(f"{word.capitalize()}: {outlet[0]}")
    assert (byline.role, byline.outlet) == (role, outlet[1])


@given(st.text(alphabet="деп хабарлайды BAQ.KZ тілшісі Бұл туралы,.«»—-:Фото\n0123 аәіөүұқ", max_size=300))
def test_spans_are_exact_and_never_raise(text: str) -> None:
    for byline in extract(text).bylines:
        assert 0 <= byline.span.start < byline.span.end <= len(text)
        assert text[byline.span.start : byline.span.end] == byline.span.text


_DATA = RULES.table("bylines")
ANCHOR_WORDS = sorted(
    {
        *_DATA["report"]["quotative"],
        *(f"{q} {v}" for q in _DATA["report"]["quotative"] for v in _DATA["report"]["verbs"]),
        *_DATA["about"]["openers"],
        *_DATA["according"]["words"],
        *(f"{label}:" for label in _DATA["labels"]),
        "бұл",
        "мәліметі",
    }
)


@given(
    st.lists(
        st.tuples(st.sampled_from(ANCHOR_WORDS), st.sampled_from(["", " ", "  ", "x", "ә", "1", ":", "-", "\n", ", "]))
        .map("".join),
        max_size=20,
    ).map("".join),
    st.integers(0, 4),
)
@example("бұл туралы деп хабарлайды фото:", 0)
@example("xдеп хабарлайды мәліметі бойынша", 1)
def test_anchor_scan_is_finditer(text: str, start: int) -> None:
    """The anchors are looked for only where a formula's first word starts: the same matches as a full scan."""
    m = _matchers(RULES)
    lower = text.lower()
    assert [h.span() for h in _anchors(m, lower, start)] == [h.span() for h in m.anchor.finditer(lower, start)]
