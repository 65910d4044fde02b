"""Score ``qazparse.extract()`` against the gold spans of the KazNERD validation split.

    python benchmarks/kaznerd_eval.py [--labels CARDINAL ORDINAL ...] [--limit N]
                                      [--errors LABEL] [--write docs/accuracy.md] [--json out.json]

Data: KazNERD (Yeshpanov, Khassanov, Varol, LREC 2022, CC BY 4.0), a copy of the validation split in
``benchmarks/data/kaznerd/`` (see its README for the attribution).

What is measured
----------------
1. **Spans**, per label, for DATE, TIME, MONEY, CARDINAL, ORDINAL, PERCENTAGE and QUANTITY: precision,
   recall and F1 with *exact* matching (same start and end) and with *overlap* matching (a predicted span
   counts when it overlaps a gold span of the same label, and a gold span counts when a prediction of its
   label overlaps it).  Our mention kinds map to labels by :data:`LABEL_OF` (see :func:`label_of`):

   ===========================================  ===========
   qazparse mention                             KazNERD label
   ===========================================  ===========
   ``Number``                                   CARDINAL
   ``Ordinal``                                  ORDINAL
   ``Money``                                    MONEY
   ``Quantity`` with dimension ``percent``      PERCENTAGE
   ``Quantity`` duration of a day or longer     DATE
   ``Quantity`` duration shorter than a day     TIME
   ``Quantity`` with dimension ``age``          DATE (KazNERD tags ages DATE: ``38 жастағы``)
   ``Quantity`` with dimension ``count``        CARDINAL (``23 рет``, ``екі есе``: counts, not measures;
                                                a count of times is scored by its number part, see
                                                :func:`scored_span`)
   ``Quantity`` of any other dimension          QUANTITY
   ``Distance``                                 QUANTITY
   ``DateMention`` with grain hour or minute    TIME
   ``DateMention`` of any other grain           DATE
   ``Byline.date`` (the date inside a byline)   as a ``DateMention`` (``бүгін`` in ``Бұл туралы бүгін ...``)
   ``Byline`` itself, user patterns             (not scored)
   ===========================================  ===========

2. **Values** on the word/digit sentence pairs: a sentence ``AIDn`` spells its numbers in words and
   ``BIDn`` is the same sentence with digits and the same annotation.  For each pair of gold spans of a
   label (the k-th span of the label in ``AIDn`` and in ``BIDn``) the gold value is read from the digit
   span by :func:`gold_value`, a small reader that shares no code or data with qazparse, and we check
   that the value qazparse gives to the mention overlapping each span equals it (for a range, the low
   end).  The reader follows the same conventions as qazparse's values, so like is compared with like:
   scale words (``2,5 мың`` = 2500), a range or a from-to phrase gives its low end (``80-нен 60
   шақырымға дейін`` = 60), ``N-нан M-і`` or ``N-нан M бөлігі`` is the fraction M/N, a currency
   subunit is a hundredth of its currency (``5 тиын`` = 0.05 KZT), a sign word gives the sign
   (``минус 35 градус``, ``20 градус суық`` = -35, -20), and two units of one dimension are one amount
   in the first (``1 метр 20 сантиметр`` = 1.2 m).  "Words right" is the hard half of the check:
   qazparse reads the spelled-out number and must agree with the digits.

How sentences are rebuilt
-------------------------
Sentences come one token a line.  The text is the tokens joined by single spaces, except that the
digit renderings' machine tokenisation of a number (``20 , 7`` for ``20,7``, ``16 : 00`` for ``16:00``) is
undone: a ``,`` or ``:`` between two digit tokens is glued to both, unless the annotation puts an entity
boundary there (``14 , 14 , 8`` tagged as two CARDINALs is the list "14, 14,8": one number is one
entity).  Token offsets are kept, so gold token spans become character spans.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import qazparse  # noqa: E402
from qazparse.values import Byline, DateMention, Distance, Money, Number, Ordinal, Quantity  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "kaznerd" / "IOB2_valid2.txt"
LABELS = ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENTAGE", "QUANTITY")
VALUE_LABELS = ("CARDINAL", "MONEY", "PERCENTAGE", "QUANTITY", "ORDINAL")

LABEL_OF = {
    "Number": "CARDINAL",
    "Ordinal": "ORDINAL",
    "Money": "MONEY",
    "Quantity/percent": "PERCENTAGE",
    "Quantity/duration >= 1 day": "DATE",
    "Quantity/duration < 1 day": "TIME",
    "Quantity/age": "DATE",
    "Quantity/count": "CARDINAL",
    "Quantity/other": "QUANTITY",
    "Distance": "QUANTITY",
    "DateMention/hour,minute": "TIME",
    "DateMention/other": "DATE",
    "Byline.date": "DATE (TIME for grain hour, minute)",
}
"""The mapping from our mention kinds to KazNERD labels (documentation; :func:`label_of` applies it)."""

_SHORT_DURATIONS = frozenset({"h", "min", "s", "ms", "hour", "minute", "second"})


def label_of(mention: Any) -> str | None:
    """The KazNERD label of one of our mentions, or None when it has none."""
    if isinstance(mention, Number):
        return "CARDINAL"
    if isinstance(mention, Ordinal):
        return "ORDINAL"
    if isinstance(mention, Money):
        return "MONEY"
    if isinstance(mention, Distance):
        return "QUANTITY"
    if isinstance(mention, Quantity):
        if mention.dimension == "percent":
            return "PERCENTAGE"
        if mention.dimension == "count":
            return "CARDINAL"
        if mention.dimension == "duration":
            return "TIME" if mention.unit in _SHORT_DURATIONS else "DATE"
        if mention.dimension == "age":
            return "DATE"
        return "QUANTITY"
    if isinstance(mention, DateMention):
        return "TIME" if mention.grain.value in {"hour", "minute"} else "DATE"
    return None


def value_of(mention: Any) -> Any:
    """The numeric value of a mention (the low end of a range), or None."""
    for name in ("value", "amount"):
        value = getattr(mention, name, None)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            low = getattr(mention, "low", None)
            return low if low is not None else value
    return None


# --- reading the file -------------------------------------------------------------------------


class Sentence:
    """One sentence: id, tokens, tags, the rebuilt text and each token's character offsets."""

    __slots__ = ("id", "offsets", "tags", "text", "tokens")

    def __init__(self, sid: str, tokens: list[str], tags: list[str]) -> None:
        self.id = sid
        self.tokens = tokens
        self.tags = tags
        self.text, self.offsets = rebuild(tokens, tags)

    @property
    def kind(self) -> str:
        return re.match(r"[A-Z]*", self.id).group()[:-2] or "?"  # type: ignore[union-attr]

    @property
    def number(self) -> str:
        return re.sub(r"^[A-Z]+", "", self.id)

    def spans(self) -> list[tuple[str, int, int]]:
        """Gold entities as (label, char start, char end)."""
        out: list[tuple[str, int, int]] = []
        current: list[Any] | None = None
        for i, tag in enumerate(self.tags):
            if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[0] != tag[2:])):
                if current:
                    out.append((current[0], current[1], current[2]))
                current = [tag[2:], i, i + 1]
            elif tag.startswith("I-") and current is not None:
                current[2] = i + 1
            else:
                if current:
                    out.append((current[0], current[1], current[2]))
                current = None
        if current:
            out.append((current[0], current[1], current[2]))
        return [(lab, self.offsets[a][0], self.offsets[b - 1][1]) for lab, a, b in out]


def rebuild(tokens: list[str], tags: list[str] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with single spaces, gluing ``,``/``:`` between digit tokens (``20 , 7`` → ``20,7``).

    Only when the digits after the mark are one to three digits long (a decimal part or minutes);
    ``2006 , 2007`` is a list and stays apart.  With *tags*, not across an entity boundary either:
    ``14 , 14 , 8`` tagged B, O, B, I, I is the list "14, 14,8" (a number is one entity).
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    joins = [_joins(tokens, tags, i) for i in range(len(tokens))]
    for i, tok in enumerate(tokens):
        glue = joins[i] or (i > 0 and joins[i - 1])
        if i > 0 and not glue:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), offsets


def _joins(tokens: list[str], tags: list[str] | None, i: int) -> bool:
    """Is token i a ``,``/``:`` that is glued to the digit tokens on both sides?"""
    if not (0 < i < len(tokens) - 1 and tokens[i] in {",", ":"}):
        return False
    if not (_digit_end(tokens[i - 1]) and _digit_start(tokens[i + 1])):
        return False
    if tags is None:
        return True
    inside = [tag.startswith("I-") for tag in tags[i : i + 2]]
    outside = [tag == "O" for tag in tags[i : i + 2]]
    return all(inside) or all(outside)


def _digit_end(tok: str) -> bool:
    return bool(tok) and tok[-1].isdigit()


def _digit_start(tok: str) -> bool:
    return re.match(r"\d{1,3}(?!\d)", tok) is not None


def read(path: Path = DATA) -> Iterator[Sentence]:
    """The sentences of a KazNERD IOB2 file."""
    sid: str | None = None
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if sid is not None:
                    yield Sentence(sid, tokens, tags)
                sid, tokens, tags = None, [], []
                continue
            token, _, tag = line.rpartition(" ")
            if sid is None:
                sid = token.strip()
                continue
            tokens.append(token.strip() or token)
            tags.append(tag)
    if sid is not None:
        yield Sentence(sid, tokens, tags)


# --- scoring ------------------------------------------------------------------------------------


class Score:
    """Counts for one label: exact and overlap matching."""

    def __init__(self) -> None:
        self.gold = 0
        self.pred = 0
        self.exact = 0
        self.pred_overlap = 0
        self.gold_overlap = 0

    @staticmethod
    def _prf(tp_p: int, pred: int, tp_r: int, gold: int) -> tuple[float, float, float]:
        p = tp_p / pred if pred else 0.0
        r = tp_r / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def exact_prf(self) -> tuple[float, float, float]:
        return self._prf(self.exact, self.pred, self.exact, self.gold)

    def overlap_prf(self) -> tuple[float, float, float]:
        return self._prf(self.pred_overlap, self.pred, self.gold_overlap, self.gold)


def predictions(text: str) -> tuple[list[tuple[str, int, int, Any]], str | None]:
    """Our mentions as (label, start, end, mention); an error message if extract() failed."""
    try:
        found = qazparse.extract(text)
    except Exception as err:  # a benchmark reports a crash, it does not stop on it
        return [], f"{type(err).__name__}: {err}"
    out = []
    for m in found.all():
        if isinstance(m, Byline) and m.date is not None:
            m = m.date  # the byline covers its date (Бұл туралы бүгін ...): score the date
        label = label_of(m)
        if label is not None:
            start, end = scored_span(m)
            out.append((label, start, end, m))
    return out, None


# A count of times (``23 рет``, ``бір мәрте``) is one mention for qazparse, the number with its unit
# word; KazNERD's CARDINAL holds the number alone (while ``екі есе`` keeps ``есе``).  Such a count is
# scored by its number part: the span cut before the first word that starts with a word for
# "times" (the unit word and anything after it, ``реттен астам``, are left out).
_TIMES_WORD = re.compile(r"[\s-]+(?:рет|мәрте|ret)", re.IGNORECASE)


def scored_span(mention: Any) -> tuple[int, int]:
    """The offsets a mention is scored with: its span, or the number part of a count of times."""
    span = mention.span
    if isinstance(mention, Quantity) and mention.dimension == "count" and mention.unit == "times":
        cut = _TIMES_WORD.search(span.text)
        if cut is not None and cut.start() > 0:
            return span.start, span.start + cut.start()
    return span.start, span.end


# Gold DATE and TIME spans that name no date or time a DateMention can hold, counted apart (see
# docs/accuracy.md): recurrences ("every year": жыл сайын, күнделікті, күннен-күнге, colloquial
# күнде/жылда) and season adjectives used as classifiers (жазғы лагерь "summer camp", көктемгі
# егіс "spring sowing", қысқы киім "winter clothes").  The scores are given with and without them;
# predictions are never dropped, so an extra overlapping one of these spans still counts against us.
APART = {
    "recurrence": re.compile(
        r"(?:^|\s)(?:\w+\s+)?сайын|(?:^|\s)күнделікті|^(\w{3})\w*-\1\w*$|^(?:күнде|жылда)$", re.IGNORECASE
    ),
    "season adjective": re.compile(r"^(?:жаз|көктем|күз|қыс)(?:ғы|гі|қы|кі|дік|тік|гі)$", re.IGNORECASE),
}
APART_LABELS = ("DATE", "TIME")


def apart_group(label: str, text: str) -> str | None:
    """The group of :data:`APART` a gold span belongs to, or None (``жыл сайын`` -> recurrence)."""
    if label not in APART_LABELS:
        return None
    return next((name for name, pattern in APART.items() if pattern.search(text.strip())), None)


def score_sentence(
    sentence: Sentence,
    preds: list[tuple[str, int, int, Any]],
    labels: Iterable[str],
    scores: dict[str, Score],
    errors: dict[str, list[str]] | None = None,
    *,
    without_apart: bool = False,
) -> None:
    gold = [g for g in sentence.spans() if g[0] in labels]
    if without_apart:
        gold = [g for g in gold if apart_group(g[0], sentence.text[g[1] : g[2]]) is None]
    for label in labels:
        gs = [(a, b) for lab, a, b in gold if lab == label]
        ps = [(a, b) for lab, a, b, _ in preds if lab == label]
        s = scores[label]
        s.gold += len(gs)
        s.pred += len(ps)
        gset = set(gs)
        s.exact += sum(1 for p in set(ps) if p in gset)
        s.pred_overlap += sum(1 for a, b in ps if any(a < gb and ga < b for ga, gb in gs))
        s.gold_overlap += sum(1 for a, b in gs if any(a < pb and pa < b for pa, pb in ps))
        if errors is not None and label in errors:
            text = sentence.text
            for a, b in gs:
                if (a, b) not in set(ps):
                    near = [text[pa:pb] for pa, pb in ps if pa < b and a < pb]
                    errors[label].append(f"MISS  {text[a:b]!r}  got {near}  | {sentence.id}: {text}")
            for a, b in ps:
                if (a, b) not in gset:
                    near = [text[ga:gb] for ga, gb in gs if ga < b and a < gb]
                    errors[label].append(f"EXTRA {text[a:b]!r}  gold {near}  | {sentence.id}: {text}")


# --- values on the AID/BID pairs ----------------------------------------------------------------

# The gold value of a digit span comes from this small reader, written for the benchmark and
# sharing no code or data with qazparse.  It knows the conventions a value must follow (KAZAKH.md
# §1.3-1.6, §5.1, §6), so that like is compared with like: a subunit is a hundredth of its
# currency, a sign word gives the sign, two units of one dimension make one amount in the first,
# a range and a from-to phrase give their low end, "N-нан M-і" is the fraction M/N.
_SCALE_WORDS = {
    "мың": 3, "миллион": 6, "млн": 6, "миллиард": 9, "млрд": 9, "триллион": 12, "трлн": 12,
}  # fmt: skip
_MINUS_BEFORE = ("минус",)
_MINUS_AFTER = ("суық", "аяз")  # 20 градус суық = -20 °C
# Units that combine with a smaller one of their dimension (1 метр 20 сантиметр = 1.2 m), and the
# currency subunits, worth a hundredth of their currency (5 тиын = 0.05 KZT).
_CURRENCIES = ("KZT", "USD", "RUB")
_COMPOUND_UNITS = {
    "километр": ("length", Decimal(1000)), "шақырым": ("length", Decimal(1000)), "метр": ("length", Decimal(1)),
    "сантиметр": ("length", Decimal("0.01")), "миллиметр": ("length", Decimal("0.001")),
    "тонна": ("mass", Decimal(1000)), "центнер": ("mass", Decimal(100)), "килограмм": ("mass", Decimal(1)),
    "грамм": ("mass", Decimal("0.001")), "сағат": ("time", Decimal(3600)), "минут": ("time", Decimal(60)),
    "секунд": ("time", Decimal(1)), "теңге": ("KZT", Decimal(1)), "тиын": ("KZT", Decimal("0.01")),
    "доллар": ("USD", Decimal(1)), "цент": ("USD", Decimal("0.01")), "рубль": ("RUB", Decimal(1)),
    "рубл": ("RUB", Decimal(1)), "копейка": ("RUB", Decimal("0.01")),
}  # fmt: skip
_ABLATIVE = ("тен", "тан", "ден", "дан", "нен", "нан")
_GOLD_NUMBER = re.compile(r"[-+]?\d+(?:[,.]\d+)?")
_GOLD_FRACTION = re.compile(
    r"(\d+)-(?:тен|тан|ден|дан|нен|нан)\s+(\d+)(?:-(?:і|ы|сі|сы)|\s+(?:бөлі|үлес))", re.IGNORECASE
)
_DASHES = {"-", "–", "—"}
FRACTION_PLACES = 10  # common fractions are compared rounded to this many places (qazparse's choice)


def _number(token: str) -> Decimal | None:
    m = _GOLD_NUMBER.match(token)
    return Decimal(m.group().replace(",", ".")) if m else None


def _unit(token: str) -> tuple[str, Decimal] | None:
    for stem, unit in sorted(_COMPOUND_UNITS.items(), key=lambda kv: -len(kv[0])):
        if token.startswith(stem):
            return unit
    return None


def gold_value(span_text: str, after: str = "") -> Decimal | None:
    """The value a digit span states, read without qazparse.

    ``2,5 мың`` → 2500, ``40-қа жуық`` → 40, ``8 – 12`` → 8 and ``3 – 2`` → 2 (a range gives its
    low end), ``80-нен 60 шақырымға дейін`` → 60 (from-to), ``4-тен 1-і`` → 0.25 (a fraction),
    ``5 тиын`` → 0.05, ``минус 35 градус`` and ``20 градус суық`` → -35 and -20,
    ``1 метр 20 сантиметр`` → 1.2.  *after* is the text after the span: a "part" word there
    makes a fraction (``3-тен 1`` + ``бөлігі``).
    """
    frac = _GOLD_FRACTION.search(f"{span_text} {' '.join(after.split()[:1])}")
    if frac is not None and int(frac.group(2)) < int(frac.group(1)):
        q = Decimal(frac.group(2)) / Decimal(frac.group(1))
        return q.quantize(Decimal(1).scaleb(-FRACTION_PLACES)).normalize()
    tokens = span_text.lower().split()
    at = next((i for i, t in enumerate(tokens) if _number(t) is not None), None)
    if at is None:
        return None
    first = _number(tokens[at])
    assert first is not None
    ends = [first]
    rest = tokens[at + 1 :]
    if len(rest) > 1 and rest[0] in _DASHES and _number(rest[1]) is not None:
        ends.append(_number(rest[1]))  # type: ignore[arg-type]
        rest = rest[2:]  # a range: the scale word after the high end applies to the low end too
    elif rest and _number(rest[0]) is not None and tokens[at].split("-")[-1] in _ABLATIVE:
        ends.append(_number(rest[0]))  # type: ignore[arg-type]
        rest = rest[1:]  # from N to M: 80-нен 60 шақырымға дейін
    factor = Decimal(1)
    for stem, power in _SCALE_WORDS.items():
        if rest and rest[0].startswith(stem):
            factor = Decimal(10) ** power
            rest = rest[1:]
            break
    unit = _unit(rest[0]) if rest else None
    if unit is not None and unit[0] in _CURRENCIES:
        factor *= unit[1]  # a subunit: 5 тиын = 0.05 KZT
    values = [e * factor for e in ends]
    if unit is not None and len(ends) == 1 and len(rest) > 2 and _number(rest[1]) is not None:
        small = _unit(rest[2])  # 1 метр 20 сантиметр
        if small is not None and small[0] == unit[0] and small[1] < unit[1]:
            values = [values[0] + _number(rest[1]) * small[1] / unit[1]]  # type: ignore[operator]
    negative = (at > 0 and tokens[at - 1] in _MINUS_BEFORE) or any(t.startswith(_MINUS_AFTER) for t in rest)
    if negative:
        values = [-v for v in values]
    return min(values)


def pair_values(
    pairs: dict[str, dict[str, tuple[Sentence, list[Any]]]],
    labels: Iterable[str],
    errors: dict[str, list[str]] | None = None,
) -> dict[str, dict[str, int]]:
    """Value accuracy on AID/BID pairs, per label: counts of pairs, words right, digits right."""
    out: dict[str, dict[str, int]] = {}
    for label in labels:
        counts = Counter({"pairs": 0, "words_ok": 0, "digits_ok": 0, "both_ok": 0, "skipped": 0})
        for renderings in pairs.values():
            if "A" not in renderings or "B" not in renderings:
                continue
            (sa, pa), (sb, pb) = renderings["A"], renderings["B"]
            ga = [(a, b) for lab, a, b in sa.spans() if lab == label]
            gb = [(a, b) for lab, a, b in sb.spans() if lab == label]
            if len(ga) != len(gb):
                counts["skipped"] += len(ga)
                continue
            for (a1, b1), (a2, b2) in zip(ga, gb, strict=True):
                gold = gold_value(sb.text[a2:b2], sb.text[b2 : b2 + 40])
                if gold is None:
                    counts["skipped"] += 1
                    continue
                counts["pairs"] += 1
                words = _value_at(pa, a1, b1)
                digits = _value_at(pb, a2, b2)
                ok_w = words is not None and Decimal(words) == gold
                ok_d = digits is not None and Decimal(digits) == gold
                counts["words_ok"] += ok_w
                counts["digits_ok"] += ok_d
                counts["both_ok"] += ok_w and ok_d
                if errors is not None and label in errors and not (ok_w and ok_d):
                    errors[label].append(
                        f"VALUE gold {gold} | words {sa.text[a1:b1]!r} -> {words}"
                        f" | digits {sb.text[a2:b2]!r} -> {digits}"
                    )
        out[label] = dict(counts)
    return out


def _value_at(preds: list[tuple[str, int, int, Any]], a: int, b: int) -> Any:
    best = None
    for _lab, pa, pb, m in preds:
        if pa < b and a < pb:
            value = value_of(m)
            if value is not None and (best is None or pa < best[0]):
                best = (pa, value)
    return None if best is None else best[1]


# --- the run ------------------------------------------------------------------------------------


def isolate(sentence: Sentence, preds: list[tuple[str, int, int, Any]]) -> list[tuple[str, int, int, Any]]:
    """Drop predictions that overlap a gold span of a *different* numeric label (``--isolate``).

    A development aid for one extractor at a time: a number inside a gold DATE or MONEY span is
    dropped as if the date or money extractor had claimed it.
    """
    gold = [(lab, a, b) for lab, a, b in sentence.spans() if lab in LABELS]
    return [p for p in preds if not any(lab != p[0] and a < p[2] and p[1] < b for lab, a, b in gold)]


def unnest(sentence: Sentence, preds: list[tuple[str, int, int, Any]]) -> list[tuple[str, int, int, Any]]:
    """Drop predictions that lie inside a gold span of a label we do not produce (LAW, POSITION, ...).

    KazNERD is annotated flat: the ordinal in ``Кодекстің 128-інші бабы`` (LAW) or in ``бірінші
    орынбасары`` (POSITION) is part of that entity and not annotated on its own, while qazparse reports
    every number.  Such nested predictions are not scored (``--count-nested`` scores them as errors).
    """
    outer = [(a, b) for lab, a, b in sentence.spans() if lab not in LABELS]
    if not outer:
        return preds
    return [p for p in preds if not any(a <= p[1] and p[2] <= b for a, b in outer)]


def run(
    labels: tuple[str, ...],
    limit: int | None,
    error_labels: tuple[str, ...],
    *,
    isolated: bool = False,
    count_nested: bool = False,
) -> dict[str, Any]:
    started = time.perf_counter()
    scores = {label: Score() for label in labels}
    without = {label: Score() for label in labels if label in APART_LABELS}
    apart: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_kind: dict[str, dict[str, Score]] = defaultdict(lambda: {label: Score() for label in labels})
    errors: dict[str, list[str]] = {label: [] for label in error_labels}
    crashes: list[str] = []
    pairs: dict[str, dict[str, tuple[Sentence, list[Any]]]] = defaultdict(dict)
    n = 0
    for sentence in read():
        if limit is not None and n >= limit:
            break
        n += 1
        preds, crash = predictions(sentence.text)
        if crash:
            crashes.append(f"{sentence.id}: {crash}")
        if not count_nested:
            preds = unnest(sentence, preds)
        if isolated:
            preds = isolate(sentence, preds)
        score_sentence(sentence, preds, labels, scores, errors)
        score_sentence(sentence, preds, tuple(without), without, without_apart=True)
        for label, a, b in sentence.spans():
            group = apart_group(label, sentence.text[a:b]) if label in labels else None
            if group is not None:
                counts = apart[(group, label)]
                counts["gold"] += 1
                counts["overlapped"] += any(lab == label and pa < b and a < pb for lab, pa, pb, _ in preds)
        group = "words" if sentence.kind == "A" else "digits" if sentence.kind in {"B", "C", "E", "F"} else "latin"
        score_sentence(sentence, preds, labels, by_kind[group])
        if sentence.kind in {"A", "B"}:
            pairs[sentence.number][sentence.kind] = (sentence, preds)
    values = pair_values(pairs, [lab for lab in VALUE_LABELS if lab in labels], errors)
    return {
        "sentences": n,
        "seconds": time.perf_counter() - started,
        "scores": scores,
        "without_apart": without,
        "apart": dict(apart),
        "by_kind": dict(by_kind),
        "values": values,
        "errors": errors,
        "crashes": crashes,
        "isolated": isolated,
        "count_nested": count_nested,
    }


def _row(label: str, s: Score) -> str:
    ep, er, ef = s.exact_prf()
    op, orr, of = s.overlap_prf()
    return f"| {label} | {s.gold} | {s.pred} | {ep:.3f} | {er:.3f} | **{ef:.3f}** | {op:.3f} | {orr:.3f} | {of:.3f} |"


def report(result: dict[str, Any]) -> str:
    lines = [
        f"KazNERD validation split: {result['sentences']} sentences in {result['seconds']:.1f} s "
        f"(qazparse {qazparse.__version__})"
        + ("; nested predictions scored" if result["count_nested"] else "")
        + ("; --isolate: predictions inside gold spans of other labels dropped" if result["isolated"] else "")
        + ".",
        "",
        "| label | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, s in result["scores"].items():
        lines.append(_row(label, s))
    if result["without_apart"]:
        lines += [
            "",
            "Gold spans counted apart: they name no date or time a `DateMention` can hold (see docs/accuracy.md).",
            "",
            "| group | label | gold spans | overlapped by a prediction |",
            "|---|---|---|---|",
        ]
        for (group, label), c in sorted(result["apart"].items()):
            lines.append(f"| {group} | {label} | {c['gold']} | {c['overlapped']} |")
        lines += [
            "",
            "The same scores without those gold spans (every prediction still counted):",
            "",
            "| label | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for label, s in result["without_apart"].items():
            lines.append(_row(label, s))
    for group in ("words", "digits"):
        if group in result["by_kind"]:
            lines += ["", f"Only the {group} renderings ({'AID' if group == 'words' else 'BID, CID, EID, FID'}):", ""]
            lines += [
                "| label | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
                "|---|---|---|---|---|---|---|---|---|",
            ]
            for label, s in result["by_kind"][group].items():
                lines.append(_row(label, s))
    if result["values"]:
        lines += [
            "",
            "Values on the AID/BID pairs (gold value read from the digit span):",
            "",
            "| label | pairs | words right | digits right | both right | skipped |",
            "|---|---|---|---|---|---|",
        ]
        for label, c in result["values"].items():
            p = c["pairs"] or 1
            lines.append(
                f"| {label} | {c['pairs']} | {c['words_ok'] / p:.3f} | {c['digits_ok'] / p:.3f} | "
                f"**{c['both_ok'] / p:.3f}** | {c['skipped']} |"
            )
    if result["crashes"]:
        lines += ["", f"extract() raised on {len(result['crashes'])} sentences, e.g. {result['crashes'][0]}"]
    return "\n".join(lines)


def _write(path: Path, body: str) -> None:
    """Put the report between the markers in *path* (create the file when missing)."""
    begin, end = "<!-- kaznerd:begin -->", "<!-- kaznerd:end -->"
    block = f"{begin}\n{body}\n{end}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if begin in text and end in text:
            text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = f"# Accuracy\n\n{block}\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", nargs="+", default=list(LABELS), type=str.upper, help="labels to score")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument(
        "--errors", nargs="*", default=[], type=str.upper, help="print misses and extras for these labels"
    )
    parser.add_argument("--max-errors", type=int, default=60, help="how many errors to print per label")
    parser.add_argument(
        "--isolate",
        action="store_true",
        help="drop predictions overlapping gold spans of other labels (to score one extractor alone)",
    )
    parser.add_argument(
        "--count-nested",
        action="store_true",
        help="score predictions inside gold spans of other entity types (LAW, POSITION, ...) as errors",
    )
    parser.add_argument("--write", type=Path, default=None, help="write the report into this Markdown file")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    unknown = set(args.labels) - set(LABELS)
    if unknown:
        parser.error(f"unknown labels: {', '.join(sorted(unknown))} (known: {', '.join(LABELS)})")
    labels = tuple(lab for lab in LABELS if lab in args.labels)
    result = run(labels, args.limit, tuple(args.errors), isolated=args.isolate, count_nested=args.count_nested)
    body = report(result)
    print(body)
    for label, errs in result["errors"].items():
        print(f"\n--- {label}: {len(errs)} errors (first {args.max_errors}) ---")
        for e in errs[: args.max_errors]:
            print(e)
    if args.write:
        _write(args.write, body)
    if args.json:
        data = {
            "sentences": result["sentences"],
            "seconds": result["seconds"],
            "labels": {
                lab: {
                    "gold": s.gold,
                    "predicted": s.pred,
                    "exact": dict(zip(("p", "r", "f1"), s.exact_prf(), strict=True)),
                    "overlap": dict(zip(("p", "r", "f1"), s.overlap_prf(), strict=True)),
                }
                for lab, s in result["scores"].items()
            },
            "values": result["values"],
            "apart": {f"{g}/{lab}": dict(c) for (g, lab), c in result["apart"].items()},
            "labels_without_apart": {
                lab: {
                    "gold": s.gold,
                    "predicted": s.pred,
                    "exact": dict(zip(("p", "r", "f1"), s.exact_prf(), strict=True)),
                    "overlap": dict(zip(("p", "r", "f1"), s.overlap_prf(), strict=True)),
                }
                for lab, s in result["without_apart"].items()
            },
            "crashes": len(result["crashes"]),
        }
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
