"""Bylines and attribution: who reports a story, for which outlet, citing whom.

Kazakh news names its source in a few fixed formulas (KAZAKH.md §7), all read here
from the ``bylines`` and ``outlets`` rule tables:

- the report clause after the content: ``..., деп хабарлайды BAQ.KZ тілшісі.``,
  ``деп хабарлайды BAQ.KZ Ақордаға сілтеме жасап`` (the cited source is in the dative);
- source first: ``Бұл туралы Президенттің Баспасөз хатшысы және көмекшісі Руслан Желдібай жазды``;
- "according to": ``Ақорданың баспасөз қызметінің хабарлауынша``, ``Kurs.kz мәліметінше``;
- agency datelines: ``АСТАНА. KAZINFORM — …``, ``АСТАНА, 19 наурыз – Sputnik.``;
- credit labels: ``Автор: …``, ``Фото: Ақорда``, ``Дереккөз: …``, ``Видео: …``, ``Тілші: …``.

Each becomes a :class:`~qazparse.values.Byline` whose span is the whole formula (so a
number inside it, as in ``Хабар 24``, loses to it in overlap resolution).  Fields:

- ``outlet``: the news outlet, by its canonical name when it is in ``outlets.toml``
  (``Baq.kz`` -> ``BAQ.KZ``), else as written (an unknown outlet in a known formula is
  still read);
- ``author`` and ``title``: a person named in the formula, with the title kept apart;
- ``role``: ``correspondent`` (``тілшісі``), ``press_service``, ``source`` (a person or
  body the story relies on), ``photo``, ``author``, ``video``, ``editor`` (labels);
- ``via``: what the story cites, in the nominative (``Ақордаға сілтеме жасап`` -> ``Ақорда``);
- ``date``: the date said inside the formula (``кеше`` in ``Бұл туралы кеше Ақорданың
  баспасөз қызметі хабарлады``), the first one when there are several: the dates
  extractor runs first and its mentions are in ``context.found``.

Quote attribution (``— деді Тоқаев``, ``деп толықтырды Ақорда``, ``делінген
хабарламада``) is not a byline: the events engineer reads it as a ``statement`` event.

>>> from qazparse import parse_byline
>>> b = parse_byline("деп хабарлайды BAQ.KZ Ақордаға сілтеме жасап")
>>> b.outlet, b.via
('BAQ.KZ', 'Ақорда')
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterator, Sequence

import attrs
import regex

from .dates import extract_dates
from .errors import ParseError
from .extract import Context, make_context
from .morphology import WordScan, ending_chain
from .names import (
    Token,
    is_domain,
    is_organization_word,
    is_stop_word,
    is_title_word,
    nominative,
    nominative_phrase,
    person_runs,
    split_title,
    tokenize,
)
from .parsing import content_bounds, parse_whole
from .rules import Rules
from .values import Byline, DateMention, Span

EXPECTED = "a byline formula (деп хабарлайды X, Бұл туралы X хабарлады, X-тің хабарлауынша) or label (Фото: X)"

_OPEN_QUOTES = frozenset('«"“„')
_CLOSE_QUOTES = frozenset('»"”')
_EDGE_BEFORE = r"(?<![\p{L}\p{M}\d])"
_EDGE_AFTER = r"(?![\p{L}\p{M}\d])"
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
# Where a clause ends: a full stop before a space, quote or the end (not the dot of
# BAQ.KZ), a line break, a semicolon.
_CLAUSE_END = regex.compile(r"[.!?…](?=[\s\"»”)]|\Z)|\n|;")
_SENTENCE_START = regex.compile(r"[.!?…\n;:](?=\s)|\n")
_WINDOW = 320
_AFTER_LEADING = regex.compile(r"[^\p{L}\p{M}\d].*", regex.DOTALL)


def _words_regex(words: Sequence[str]) -> str:
    """An alternation of multi-word entries (any run of spaces between words), longest first."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(regex.escape(part) for part in w.split()) for w in ordered)


def _variant_regex(variant: str, folds: dict[str, str]) -> str:
    """A regex for an outlet spelling: look-alike Latin/Cyrillic letters match each other."""
    out: list[str] = []
    for ch in variant.lower():
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in folds:
            out.append(f"[{regex.escape(ch)}{regex.escape(folds[ch])}]")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


@attrs.frozen
class _Matchers:
    """Everything compiled once per Rules."""

    anchor: regex.Pattern[str]
    anchor_starts: WordScan
    outlet: regex.Pattern[str]
    outlet_names: tuple[str, ...]
    descriptor: regex.Pattern[str]
    role: regex.Pattern[str]
    role_end: regex.Pattern[str]
    roles: dict[str, str]
    citing: regex.Pattern[str]
    about_verb: regex.Pattern[str]
    labels: dict[str, str]
    quote_verbs: frozenset[str]
    dateline: regex.Pattern[str]
    report_max: int
    about_max: int
    according_max: int


def _build(rules: Rules) -> _Matchers:
    data = rules.table("bylines")
    folds: dict[str, str] = {}
    for latin, cyrillic in data.get("lookalikes", {}).items():
        folds[latin] = cyrillic
        folds[cyrillic] = latin
    # Outlets: one group a spelling, longest first, each with any case ending after it
    # ("Tengrinews.kz-ке", "ҚазАқпаратқа").
    spellings: list[tuple[str, str]] = []
    for entry in rules.table("outlets").values():
        for variant in {entry["name"], *entry["variants"]}:
            spellings.append((variant, entry["name"]))
    spellings.sort(key=lambda p: (-len(p[0]), p[0]))
    chain = ending_chain(rules, minimum=1)
    branches = [f"(?P<o{i}>{_variant_regex(v, folds)})" for i, (v, _) in enumerate(spellings)]
    outlet = regex.compile(
        f"{_EDGE_BEFORE}(?:{'|'.join(branches) or '(?!)'})(?:-?{chain})?{_EDGE_AFTER}(?!\\.[\\p{{L}}\\d])"
    )
    report = data["report"]
    about = data["about"]
    according = data["according"]
    labels = {k: v for k, v in data["labels"].items()}
    anchor = regex.compile(
        "|".join(
            [
                f"(?P<report>{_EDGE_BEFORE}(?:{_words_regex(report['quotative'])})\\s+"
                f"(?P<verb>{_words_regex(report['verbs'])}){_EDGE_AFTER})",
                f"(?P<about>{_EDGE_BEFORE}(?:{_words_regex(about['openers'])}){_EDGE_AFTER})",
                f"(?P<according>{_EDGE_BEFORE}(?:{_words_regex(according['words'])}){_EDGE_AFTER})",
                f"(?P<label>{_EDGE_BEFORE}(?P<word>{_words_regex(list(labels))})[ \\t]*:)",
            ]
        )
    )
    # Where an anchor may start: the leading letters and digits of the first word of each formula
    # at a word start (see WordScan); the anchor itself is tried only there.
    firsts = [
        _AFTER_LEADING.sub("", w)
        for w in (*report["quotative"], *about["openers"], *according["words"], *labels)
    ]
    anchor_starts = WordScan(firsts)
    roles = {" ".join(k.split()): v for k, v in data["roles"].items()}
    dashes = "".join(regex.escape(d) for d in data["dateline"]["dashes"])
    city_word = r"\p{Lu}[\p{Lu}\-]*\p{Lu}"
    more = max(0, data["dateline"]["max_city_words"] - 1)
    dateline = regex.compile(
        rf"""(?m)^[ \t]*(?:date[ \t]+\d{{4}}-\d{{2}}-\d{{2}}\s+)?
        (?P<city>{city_word}(?:[ \t]{city_word}){{0,{more}}})
        (?:
            \.[ \t]+(?P<o1>[^\n{dashes}]{{2,40}}?)[ \t]*(?:[{dashes}]|\Z)
          | ,[ \t]*\d{{1,2}}[ \t]+\p{{L}}+[ \t]*[{dashes}][ \t]*(?P<o2>[^\n.,]{{2,40}}?)(?:\.|\Z)
        )""",
        regex.VERBOSE,
    )
    return _Matchers(
        anchor=anchor,
        anchor_starts=anchor_starts,
        outlet=outlet,
        outlet_names=tuple(name for _, name in spellings),
        descriptor=regex.compile(f"(?:{_words_regex(data['descriptors']['words'])}){_EDGE_AFTER}"),
        role=regex.compile(f"(?:{_words_regex(list(roles))}){_EDGE_AFTER}"),
        role_end=regex.compile(f"{_EDGE_BEFORE}(?:{_words_regex(list(roles))})\\Z"),
        roles=roles,
        citing=regex.compile(f"(?:{_words_regex(report['citing'])}){_EDGE_AFTER}"),
        about_verb=regex.compile(f"(?:{_words_regex(about['verbs'])}){_EDGE_AFTER}"),
        labels={" ".join(k.split()): v for k, v in labels.items()},
        quote_verbs=frozenset(report["quote_verbs"]),
        dateline=dateline,
        report_max=report["max_words"],
        about_max=about["max_words"],
        according_max=according["max_words"],
    )


def _matchers(rules: Rules) -> _Matchers:
    found: _Matchers = rules.compiled("bylines.matchers", _build)
    return found


# --- reading the parts of a formula ------------------------------------------------------


@attrs.define
class _Read:
    """The fields read so far and the token index reading stopped at."""

    next: int
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    role: str | None = None
    via: str | None = None


class _Slot:
    """Tokens of one stretch of text, with the matchers and the text they index."""

    def __init__(self, context: Context, m: _Matchers, tokens: list[Token]) -> None:
        self.rules = context.rules
        self.norm = context.text.norm
        self.low = context.text.lower
        self.m = m
        self.tokens = tokens

    def phrase(self, i: int, j: int) -> str:
        toks = self.tokens[i:j]
        while toks and not toks[-1].is_word and toks[-1].text not in _CLOSE_QUOTES:
            toks = toks[:-1]
        if not toks:
            return ""
        return self.norm[toks[0].start : toks[-1].end]

    def index_at(self, offset: int, start: int = 0) -> int | None:
        """The index of the token that starts at *offset*, or None when *offset* is inside a token."""
        for k in range(start, len(self.tokens)):
            tok = self.tokens[k]
            if tok.start >= offset:
                return k if tok.start == offset or not self.low[offset : tok.start].strip() else None
            if tok.end > offset:
                return None
        return len(self.tokens)

    def match_words(self, pattern: regex.Pattern[str], i: int) -> tuple[int, str] | None:
        """Match *pattern* at token *i*; return the next token index and the matched text."""
        if i >= len(self.tokens) or not self.tokens[i].is_word:
            return None
        hit = pattern.match(self.low, self.tokens[i].start, self.tokens[-1].end)
        if not hit:
            return None
        nxt = self.index_at(hit.end(), i)
        if nxt is None:
            return None
        return nxt, hit.group()

    def outlet(self, i: int) -> tuple[str, bool, int] | None:
        """An outlet at token *i*: (name, known, next index).  Known outlets, quoted names, domains."""
        if i >= len(self.tokens):
            return None
        quoted = self.tokens[i].text in _OPEN_QUOTES
        k = i + 1 if quoted else i
        if k >= len(self.tokens):
            return None
        for at in (i, k) if quoted else (i,):
            # a spelling may hold its own quotes: «ҚазАқпарат» ХАА
            hit = self.m.outlet.match(self.low, self.tokens[at].start, self.tokens[-1].end)
            nxt = self.index_at(hit.end(), at) if hit else None
            if hit and nxt is not None:
                name = next(self.m.outlet_names[int(g[1:])] for g, v in hit.groupdict().items() if v is not None)
                return name, True, self._close(nxt, quoted and at == k)
        if quoted:
            for j in range(k, min(len(self.tokens), k + 7)):
                if self.tokens[j].text in _CLOSE_QUOTES and j > k:
                    return self.phrase(k, j), False, self._after_quote(j + 1)
                if not self.tokens[j].is_word:
                    break
            else:
                if len(self.tokens) <= k + 7:
                    # the closing quote fell outside the slot (sentence end): «Ұлт ақпарат»
                    return self.phrase(k, len(self.tokens)), False, len(self.tokens)
            return None
        tok = self.tokens[k]
        if is_domain(tok.text):
            return tok.text, False, k + 1
        return None

    def _close(self, nxt: int, quoted: bool) -> int:
        if quoted and nxt < len(self.tokens) and self.tokens[nxt].text in _CLOSE_QUOTES:
            return self._after_quote(nxt + 1)
        return nxt

    def _after_quote(self, nxt: int) -> int:
        # a case ending written after the closing quote: «QazAqparat»-қа
        if nxt + 1 < len(self.tokens) and self.tokens[nxt].text == "-" and self.tokens[nxt + 1].is_word:
            _, case = nominative("x-" + self.tokens[nxt + 1].text, self.rules)
            if case is not None:
                return nxt + 2
        return nxt

    def descriptors(self, i: int) -> int:
        found = self.match_words(self.m.descriptor, i)
        return found[0] if found else i

    def role(self, i: int) -> tuple[str | None, int]:
        found = self.match_words(self.m.role, i)
        if not found:
            return None, i
        return self.m.roles[" ".join(found[1].split())], found[0]

    def find_role(self, i: int, j: int, role: str) -> tuple[int, int] | None:
        """The first role word of kind *role* in tokens i..j: (its index, the index after it)."""
        for k in range(i, j):
            found = self.match_words(self.m.role, k)
            if found and found[0] <= j and self.m.roles[" ".join(found[1].split())] == role:
                return k, found[0]
        return None

    def person(self, i: int, j: int, *, slot: bool = False, cases: tuple[str, ...] = ()) -> _Read | None:
        """A person (with a title) filling tokens i..j exactly."""
        runs = person_runs(self.tokens[i:j], self.rules, slot=slot)
        if not runs or runs[0][1] != j - i:
            return None
        read = split_title(self.tokens[i:j], self.rules, cases=cases, slot=slot, norm=self.norm)
        if read is None or read.name is None:
            return None
        return _Read(j, author=read.name, title=read.title, role=_title_role(self.m, read.title))

    def outlet_phrase(self, i: int, j: int) -> _Read | None:
        """An outlet at token i, then its descriptors, role word and a named writer."""
        found = self.outlet(i)
        if found is None:
            return None
        name, _, k = found
        k = self.descriptors(k)
        role, k = self.role(k)
        read = _Read(k, outlet=name, role=role)
        if role is not None and k < j:
            runs = person_runs(self.tokens[k:j], self.rules, slot=True)
            if runs and runs[0][0] == 0:
                end = k + runs[0][1]
                read.author = nominative_phrase(self.phrase(k, end), self.rules, ())[0]
                read.next = end
        return read

    def capitalised(self, i: int, j: int) -> _Read | None:
        """An unknown outlet written as capitalised words (``Dala News``), with its descriptors and role."""
        k = i
        while (
            k < j
            and k - i < 4
            and self.tokens[k].is_word
            and self.tokens[k].is_capitalised
            and not is_title_word(self.tokens[k].text, self.rules)
            and not is_stop_word(self.tokens[k].text, self.rules)
        ):
            k += 1
        if k == i:
            return None
        name = self.phrase(i, k)
        k = self.descriptors(k)
        role, k = self.role(k)
        return _Read(k, outlet=name, role=role)

    def cited(self, i: int, j: int) -> str | None:
        """The cited source in tokens i..j (dative), in the nominative."""
        if i >= j:
            return None
        found = self.outlet(i)
        if found is not None and found[2] >= j:
            return found[0] if found[1] else nominative(found[0], self.rules, ("dative",))[0]
        text = self.phrase(i, j).strip('«»"“”„ ')
        if not text:
            return None
        return nominative_phrase(text, self.rules, ("dative",))[0]


def _title_role(m: _Matchers, title: str | None) -> str:
    """The role a title ends in (``BAQ.KZ тілшісі`` -> correspondent), else ``source``."""
    found = m.role_end.search(title.lower()) if title else None
    return m.roles[" ".join(found.group().split())] if found else "source"


def _clause_end(norm: str, start: int, *, commas: bool) -> int:
    stop = min(len(norm), start + _WINDOW)
    hit = _CLAUSE_END.search(norm, start, stop)
    end = hit.start() if hit else stop
    if not commas:
        comma = norm.find(",", start, end)
        if comma >= 0:
            end = comma
    return end


def _until_break(tokens: list[Token], limit: int) -> list[Token]:
    """Tokens up to the first phrase-ending punctuation (quotes and hyphens are kept), at most *limit* words."""
    out: list[Token] = []
    words = 0
    for tok in tokens:
        if not tok.is_word and tok.text not in _OPEN_QUOTES and tok.text not in _CLOSE_QUOTES and tok.text != "-":
            break
        out.append(tok)
        words += tok.is_word
        if words >= limit:
            break
    return out


def _dates(context: Context) -> tuple[list[int], list[DateMention]]:
    """The dates earlier extractors found, in text order (first start, then the longest), with their starts."""
    dates = sorted(
        (d for d in context.found if isinstance(d, DateMention)),
        key=lambda d: (d.span.start, -(d.span.end - d.span.start)),
    )
    return [d.span.start for d in dates], dates


def _date_in(context: Context, span: Span) -> DateMention | None:
    """The first date mention lying inside *span* (a span of the original text), or None."""
    shared: tuple[list[int], list[DateMention]] = context.shared("bylines.dates", _dates)
    starts, dates = shared
    for k in range(bisect.bisect_left(starts, span.start), len(dates)):
        if dates[k].span.start >= span.end:
            break
        if span.contains(dates[k].span):
            return dates[k]
    return None


def _make(context: Context, start: int, end: int, read: _Read, rule: str) -> Byline | None:
    if end <= start:
        return None
    span = context.text.span(start, end)
    byline = Byline(
        span,
        outlet=read.outlet,
        author=read.author,
        role=read.role,
        via=read.via,
        title=read.title,
        date=_date_in(context, span),
    )
    note: Byline = context.note(byline, f"bylines:{rule}")
    return note


# --- the formulas ------------------------------------------------------------------------


def _report(context: Context, m: _Matchers, hit: regex.Match[str]) -> Byline | None:
    """``деп хабарлайды <SOURCE> [тілшісі] [<CITED>-ға сілтеме жасап]``."""
    norm = context.text.norm
    verb = " ".join(hit.group("verb").split())
    if verb in m.quote_verbs:
        before = norm[max(0, hit.start() - 12) : hit.start()].rstrip(" ,-–—\t")
        if before[-1:] in _CLOSE_QUOTES:
            return None
    end = _clause_end(norm, hit.end(), commas=False)
    slot = _Slot(context, m, _until_break(tokenize(norm, hit.end(), end), m.report_max))
    toks = slot.tokens
    n = len(toks)
    if not n:
        return None
    cite: tuple[int, int] | None = None
    for k in range(1, n):
        found = slot.match_words(m.citing, k)
        if found:
            cite = (k, found[0])
            break
    j = cite[0] if cite else n
    read = slot.outlet_phrase(0, j)
    if read is None:
        press = slot.find_role(0, min(j, 7), "press_service")
        if press is not None and all(t.is_word for t in toks[: press[0]]):
            read = _Read(press[1], outlet=slot.phrase(0, press[1]), role="press_service")
    if read is None and cite is None:
        read = slot.person(0, j)
    if read is None:
        read = slot.capitalised(0, j)
        if read is not None and read.next < j and cite is None:
            return None
    if read is None:
        return None
    if cite is not None:
        via = slot.cited(read.next, cite[0])
        if via is None:
            return None
        read.via = via
        read.next = cite[1]
    return _make(context, hit.start(), toks[read.next - 1].end, read, "report")


def _about(context: Context, m: _Matchers, hit: regex.Match[str]) -> Byline | None:
    """``Бұл туралы <SOURCE> хабарлады/жазды/мәлімдеді``."""
    norm = context.text.norm
    end = _clause_end(norm, hit.end(), commas=True)
    slot = _Slot(context, m, tokenize(norm, hit.end(), end))
    verb_at: tuple[int, int] | None = None
    words = 0
    for k, tok in enumerate(slot.tokens):
        if not tok.is_word:
            continue
        found = slot.match_words(m.about_verb, k) if k else None
        if found:
            verb_at = (k, found[0])
            break
        words += 1
        if words > m.about_max:
            return None
    if verb_at is None:
        return None
    i, j = 0, verb_at[0]
    while i < j and (not slot.tokens[i].is_word or is_stop_word(slot.tokens[i].text, context.rules)):
        i += 1
    if i >= j or any(t.text in ":()" for t in slot.tokens[i:j]):
        return None
    read = slot.outlet_phrase(i, j)
    if read is None:
        titled = split_title(slot.tokens[i:j], context.rules, norm=norm)
        if titled is not None:
            role = _title_role(m, titled.title) if titled.name else "source"
            read = _Read(j, author=titled.name, title=titled.title, role=role)
    if read is None:
        phrase = slot.tokens[i:j]
        body = [t for t in phrase if t.is_word]
        notable = any(t.is_capitalised or is_domain(t.text) for t in body) or (
            body and is_organization_word(body[-1].text, context.rules)
        )
        if not notable:
            return None
        press = slot.find_role(i, j, "press_service")
        read = _Read(j, via=slot.phrase(i, j), role="press_service" if press else "source")
    return _make(context, hit.start(), slot.tokens[verb_at[1] - 1].end, read, "about")


def _according(context: Context, m: _Matchers, hit: regex.Match[str]) -> Byline | None:
    """``<SOURCE>-тың хабарлауынша`` / ``мәліметінше`` / ``мәліметі бойынша``."""
    norm = context.text.norm
    rules = context.rules
    lo = max(context.body_start, hit.start() - _WINDOW)
    starts = [s.end() for s in _SENTENCE_START.finditer(norm, lo, hit.start())]
    lo = starts[-1] if starts else lo
    toks = tokenize(norm, lo, hit.start())
    k = len(toks)
    while (
        k > 0
        and len(toks) - k < m.according_max
        and toks[k - 1].is_word
        and not is_stop_word(toks[k - 1].text, rules)
        and not norm[toks[k - 1].end : (toks[k].start if k < len(toks) else hit.start())].strip()
    ):
        k -= 1
    phrase = toks[k:]
    if not phrase:
        return None
    head = phrase[-1].text
    slot = _Slot(context, m, phrase)
    found = slot.outlet(0)
    if found is not None and found[2] == len(phrase):
        via = found[0] if found[1] else nominative(found[0], rules, ("genitive",))[0]
        return _make(context, phrase[0].start, hit.end(), _Read(len(phrase), via=via, role="source"), "according")
    latin = not _CYRILLIC.search(head)
    if not (latin or nominative(head, rules, ("genitive",))[1] or is_domain(head)):
        return None
    capitals = [x for x, t in enumerate(phrase) if t.is_capitalised]
    if capitals:
        phrase = phrase[capitals[0] :]
    else:
        phrase = phrase[-3:]
        if not (is_organization_word(head, rules) or is_title_word(head, rules)):
            return None
    slot = _Slot(context, m, phrase)
    read = slot.person(0, len(phrase), cases=("genitive",))
    if read is None:
        text = nominative_phrase(slot.phrase(0, len(phrase)), rules, ("genitive",))[0]
        if is_title_word(phrase[-1].text, rules):
            read = _Read(len(phrase), title=text, role="source")
        else:
            press = slot.find_role(0, len(phrase), "press_service") or (
                "баспасөз" in text.lower() and is_organization_word(phrase[-1].text, rules)
            )
            read = _Read(len(phrase), via=text, role="press_service" if press else "source")
    return _make(context, phrase[0].start, hit.end(), read, "according")


_LABEL_BEFORE = frozenset('\n.!?»”"|•)')
_LABEL_MAX_WORDS = 8


def _label(context: Context, m: _Matchers, hit: regex.Match[str]) -> Byline | None:
    """``Фото: Ақорда``, ``Автор: Миражан Махан``, ``Көрнекі сурет: NUR.KZ/Владимир Третьяков``."""
    norm = context.text.norm
    if not norm[hit.start()].isupper():
        return None
    before = norm[context.body_start : hit.start()].rstrip(" \t")
    if before and before[-1] not in _LABEL_BEFORE:
        return None
    role = m.labels[" ".join(hit.group("word").split())]
    end = _clause_end(norm, hit.end(), commas=True)
    toks = tokenize(norm, hit.end(), end)
    if not toks or (not toks[0].is_word and toks[0].text not in _OPEN_QUOTES):
        return None
    slot = _Slot(context, m, toks)
    read = _Read(0, role=role)
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].text not in "/|":
            j += 1
        if not _label_part(slot, i, j, read):
            break
        i = j + 1
    if read.next == 0:
        return None
    return _make(context, hit.start(), toks[read.next - 1].end, read, "label")


def _label_part(slot: _Slot, i: int, j: int, read: _Read) -> bool:
    """Read one ``/``-separated part of a label value into *read*; False when it reads as nothing."""
    found = slot.outlet(i)
    if found is not None and (found[2] == j or found[1]):
        read.outlet = read.outlet or found[0]
        read.next = found[2]
        return found[2] == j
    people: list[str] = []
    k = i
    while k < j:
        runs = person_runs(slot.tokens[k:j], slot.rules, slot=True)
        if not runs or runs[0][0] != 0:
            break
        end = k + runs[0][1]
        people.append(slot.phrase(k, end))
        k = end
        if k < j and slot.tokens[k].text == "," and k + 1 < j:
            k += 1
            continue
        break
    if people:
        read.author = ", ".join(people)
        read.next = k
        return k == j
    words = [t for t in slot.tokens[i:j] if t.is_word]
    if not words or len(words) > _LABEL_MAX_WORDS or any(t.text == "," for t in slot.tokens[i:j]):
        return False
    read.via = read.via or slot.phrase(i, j).strip('«»"“”„ ')
    read.next = j
    return True


def _datelines(context: Context, m: _Matchers) -> list[Byline]:
    """``АСТАНА. KAZINFORM —`` and ``АСТАНА, 19 наурыз – Sputnik.`` at the start of a line."""
    norm = context.text.norm
    low = context.text.lower
    out = []
    after = 0
    for pos in _line_starts(norm, context.body_start):
        hit = m.dateline.match(norm, pos) if pos >= after else None
        if hit is None:
            continue
        after = hit.end()
        group = "o1" if hit.group("o1") is not None else "o2"
        start, end = hit.span(group)
        text = norm[start:end].strip()
        known = m.outlet.fullmatch(low, start, start + len(text))
        if known:
            name = next(m.outlet_names[int(g[1:])] for g, v in known.groupdict().items() if v is not None)
        elif len(text.split()) <= 3 and all(_unknown_agency(w) for w in text.split()):
            name = text
        else:
            continue
        byline = _make(context, hit.start("city"), start + len(text), _Read(0, outlet=name), "dateline")
        if byline is not None:
            out.append(byline)
    return out


def _line_starts(text: str, start: int) -> Iterator[int]:
    """The offsets from *start* on where a line starts (where ``^`` matches in multiline mode).

    Trying the dateline pattern only there is what its ``finditer`` does, without a regex
    engine stepping through every character of the text.

    >>> list(_line_starts("а\\nб\\n", 0)), list(_line_starts("а\\nб\\n", 1))
    ([0, 2, 4], [2, 4])
    """
    if start == 0:
        yield 0
    i = text.find("\n", max(start - 1, 0))
    while i >= 0:
        yield i + 1
        i = text.find("\n", i + 1)


def _unknown_agency(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if not letters or not word[0].isupper():
        return False
    return all(c.isupper() for c in letters) or not _CYRILLIC.search(word)


_HANDLERS = {"report": _report, "about": _about, "according": _according, "label": _label}


def _anchors(m: _Matchers, lower: str, start: int) -> Iterator[regex.Match[str]]:
    """What ``m.anchor.finditer(lower, start)`` finds, trying the anchor only where it may start."""
    after = start
    for pos, _ in m.anchor_starts.starts(lower, start):
        if pos < after:
            continue
        hit = m.anchor.match(lower, pos)
        if hit is not None:
            after = hit.end()
            yield hit


def extract_bylines(context: Context) -> list[Byline]:
    """Every byline formula and credit label in the text (an extractor; see ``qazparse.extract``).

    >>> from qazparse import extract
    >>> [(b.outlet, b.role) for b in extract("Бұл туралы ... , деп хабарлайды BAQ.KZ тілшісі.").bylines]
    [('BAQ.KZ', 'correspondent')]
    """
    m = _matchers(context.rules)
    found: list[Byline] = []
    for hit in _anchors(m, context.text.lower, context.body_start):
        handler = _HANDLERS.get(hit.lastgroup or "")
        byline = handler(context, m, hit) if handler else None
        if byline is not None:
            found.append(byline)
    found.extend(_datelines(context, m))
    return found


def _with_dates(context: Context) -> list[Byline]:
    """The bylines of a strict parse, after the dates inside them (read as in running text)."""
    strict = context.strict
    context.strict = False
    try:
        context.found.extend(extract_dates(context))
    finally:
        context.strict = strict
    return extract_bylines(context)


def parse_byline(text: str, *, reference: _dt.date | None = None, rules: Rules | None = None) -> Byline:
    """Read one byline formula or label that makes up the whole of *text*.

    Raises :class:`~qazparse.ParseError` when *text* is not one.  A date said inside the
    formula is its ``date``, resolved against *reference* when one is given.

    >>> b = parse_byline("деп хабарлайды BAQ.KZ тілшісі")
    >>> b.outlet, b.role
    ('BAQ.KZ', 'correspondent')
    >>> parse_byline("Фото: Ақорда").via
    'Ақорда'
    >>> parse_byline("Бұл туралы бүгін BAQ.KZ хабарлады", reference=_dt.date(2025, 10, 21)).date.start
    datetime.date(2025, 10, 21)
    """
    try:
        found: Byline = parse_whole(text, EXPECTED, _with_dates, (Byline,), reference_date=reference, rules=rules)
    except ParseError as err:
        # A byline may end in the closing quote of an outlet's name (деп хабарлайды
        # «Ұлт ақпарат»), which the generic bounds take for outer punctuation.
        quoted = _ending_in_quote(text, reference, rules)
        if quoted is None:
            raise err from None
        return quoted
    return found


def _ending_in_quote(text: str, reference: _dt.date | None, rules: Rules | None) -> Byline | None:
    start, _ = content_bounds(text)
    end = len(text.rstrip(" \t\n.,;:!?…"))
    if end <= start or text[end - 1] not in _CLOSE_QUOTES:
        return None
    context = make_context(text, reference, rules)
    context.strict = True
    for byline in _with_dates(context):
        if byline.span.start == start and byline.span.end == end:
            return byline
    return None
