"""The text layer: normalisation for matching, with a map back to the original.

Matchers never see the caller's string directly.  They see :class:`Text`, whose
``norm`` is the string normalised for matching (NFC; no-break and thin spaces as
plain spaces; the hyphen family as ``-``; Latin look-alikes inside Cyrillic words
as Cyrillic letters) and whose ``lower`` is ``norm`` in lower case, character for
character.  ``Text.span(start, end)`` turns offsets in ``norm``/``lower`` into a
:class:`~qazparse.values.Span` of the original string.

>>> t = normalize("Бес\\u00a0мың")
>>> t.norm
'Бес мың'
>>> t.span(4, 7)
Span(start=4, end=7, text='мың')
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Sequence

import attrs
import regex

from .values import Span

# One-to-one replacements: every character maps to exactly one character, so they
# never move offsets.
_SPACES = "\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2004\u2005\u2006\u205f\u3000"
_HYPHENS = "\u2010\u2011\u2012\u2212\u00ad"
_ONE_TO_ONE = str.maketrans(
    {
        **{c: " " for c in _SPACES},
        **{c: "-" for c in _HYPHENS},
        "\u2015": "\u2014",  # horizontal bar: an em dash
        "\u2019": "'",
        "\u02bc": "'",
        "\u2018": "'",
    }
)
# The same as (from, to) pairs: a str.replace per character present is ~30x faster
# than str.translate with a dict on long non-ASCII text (benchmarks/bench.py).
_ONE_TO_ONE_PAIRS = tuple((chr(k), str(v)) for k, v in _ONE_TO_ONE.items())


def _one_to_one(s: str) -> str:
    for old, new in _ONE_TO_ONE_PAIRS:
        if old in s:
            s = s.replace(old, new)
    return s


# Latin letters that look like Cyrillic ones.  They are replaced only inside words
# that also hold Cyrillic letters, so English words and Roman numerals stay as written.
_LOOKALIKES = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
    "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "X": "Х", "Y": "У", "I": "І",
    "H": "Н", "K": "К", "M": "М", "T": "Т", "B": "В",
    "\u0259": "\u04d9", "\u018f": "\u04d8",  # Latin schwa ə Ə -> Cyrillic ә Ә
}  # fmt: skip
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_LOOKALIKE_CLASS = "".join(_LOOKALIKES)
# A look-alike next to a Cyrillic letter.  The rare look-alike comes first, so the
# search skips quickly over Cyrillic text (8x faster than starting with \p{Cyrillic}).
_MIXED_HINT = regex.compile(
    rf"(?<=\p{{Cyrillic}})[{_LOOKALIKE_CLASS}]|[{_LOOKALIKE_CLASS}](?=\p{{Cyrillic}})"
)
# A fast first look for _MIXED_HINT on the standard ``re`` engine (several times faster): the rare
# look-alike first, then a neighbour in the Cyrillic blocks.  The blocks hold every character
# of the Cyrillic script (tests/test_text.py checks this against the regex module's own
# tables), so a text this pattern passes over has no hint.
_CYRILLIC_BLOCKS = "\u0400-\u052f\u1c80-\u1c8f\u1d2b\u1d78\u2de0-\u2dff\ua640-\ua69f\ufe2e\ufe2f\U0001e030-\U0001e08f"
_MIXED_PREFILTER = re.compile(f"[{_LOOKALIKE_CLASS}](?:(?<=[{_CYRILLIC_BLOCKS}].)|(?=[{_CYRILLIC_BLOCKS}]))")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LOOKALIKE = regex.compile(rf"[{_LOOKALIKE_CLASS}]")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
# Decimal digits of other scripts (Arabic-Indic ٣, Devanagari ३, ...) read as ASCII digits, so
# every matcher sees 0-9 only; one that this Python cannot decode becomes U+FFFD (no digit).
_OTHER_DIGIT = regex.compile(r"[^\P{Nd}0-9]")
# Where such a digit may stand, for a first look on the fast standard engine: past U+065F (every
# non-ASCII decimal digit is; Kazakh Cyrillic is not), outside the punctuation and symbol
# blocks U+2000-U+2BFF (№, ₸ and dashes live there; no digit does).  tests/test_text.py checks
# this against the regex module's tables.
_DIGIT_BLOCKS = "\u0660-\u1fff\u2c00-\U0010ffff"
_OTHER_DIGIT_PREFILTER = re.compile(f"[{_DIGIT_BLOCKS}]")


def _ascii_digit(m: regex.Match[str]) -> str:
    return str(unicodedata.decimal(m.group(), "\ufffd"))
_SEGMENT = regex.compile(r"\P{M}\p{M}*|\p{M}+", regex.DOTALL)

_DATE_PREFIX = regex.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+|\Z)")


@attrs.frozen(eq=False)
class Text:
    """A string prepared for matching, with an offset map to the original.

    Attributes:
        original: the caller's string, untouched.
        norm: the normalised string (same case as the original).
        lower: ``norm`` in lower case; same length as ``norm``.
    """

    original: str
    norm: str
    lower: str
    _starts: Sequence[int] | None = None
    _ends: Sequence[int] | None = None

    def start_of(self, index: int) -> int:
        """The original offset of the character at normalised *index*."""
        if self._starts is None:
            return index
        if index >= len(self._starts):
            return len(self.original)
        return self._starts[index]

    def end_of(self, index: int) -> int:
        """The original offset just after the normalised character ``index - 1``."""
        if self._ends is None:
            return index
        if index <= 0:
            return 0
        return self._ends[index - 1]

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of the original text behind ``norm[start:end]``."""
        if self._starts is None:  # offsets are the same (no character was recomposed)
            return Span(start, end, self.original[start:end])
        ostart = self.start_of(start)
        oend = self.end_of(end)
        return Span(ostart, oend, self.original[ostart:oend])


def _lower(norm: str) -> str:
    low = norm.lower()
    if len(low) == len(norm):
        return low
    # A few letters (such as U+0130) grow when lowered; keep the length fixed.
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in norm)


def _fix_lookalikes(s: str) -> str:
    if not _MIXED_PREFILTER.search(s) or not _MIXED_HINT.search(s):
        return s
    parts: list[str] = []
    last = 0
    for m in _WORD.finditer(s):
        word = m.group()
        if _CYRILLIC.search(word) and _LOOKALIKE.search(word):
            parts.append(s[last : m.start()])
            parts.append(word.translate(_LOOKALIKE_TABLE))
            last = m.end()
    parts.append(s[last:])
    return "".join(parts)


def normalize(original: str) -> Text:
    """Normalise *original* for matching and keep the map back to it.

    >>> normalize("Қазақстанда 2025 жылы").norm
    'Қазақстанда 2025 жылы'
    >>> normalize("бip").norm  # Latin i and p inside a Cyrillic word
    'бір'
    """
    if not isinstance(original, str):
        raise TypeError(f"text must be str, not {type(original).__name__}")
    starts: list[int] | None = None
    ends: list[int] | None = None
    if unicodedata.is_normalized("NFC", original):
        nfc = original
    else:
        pieces: list[str] = []
        starts, ends = [], []
        for m in _SEGMENT.finditer(original):
            piece = unicodedata.normalize("NFC", m.group())
            pieces.append(piece)
            starts.extend([m.start()] * len(piece))
            ends.extend([m.end()] * len(piece))
        nfc = "".join(pieces)
    norm = _fix_lookalikes(_one_to_one(nfc))
    if _OTHER_DIGIT_PREFILTER.search(norm) and _OTHER_DIGIT.search(norm):
        norm = _OTHER_DIGIT.sub(_ascii_digit, norm)
    return Text(original, norm, _lower(norm), starts, ends)


# --- sentences and tokens -------------------------------------------------------------

_SENTENCE_END = regex.compile(
    r"""
    (?:
        (?<![\s.](?:ж|жж|т\.б|т\.с|б\.з\.д|б\.з|млн|млрд|трлн|ғ|г|км|см|мм|проф|акад|м|пр|т\.|№))
        [.!?…]+ ["»”)]*          # a full stop (not after a known abbreviation) and closing quotes
        (?=\s+["«“(\-–—]?\p{Lu}|\s*\n|\s*\Z)
      |
        \n+                     # or a line break
    )
    """,
    regex.VERBOSE,
)

_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{M}\d]")


def sentence_bounds(norm: str) -> list[tuple[int, int]]:
    """Split normalised text into sentences: a list of (start, end) offsets.

    >>> s = "Бұл бірінші сөйлем. Бұл екінші сөйлем."
    >>> [s[a:b] for a, b in sentence_bounds(s)]
    ['Бұл бірінші сөйлем.', 'Бұл екінші сөйлем.']
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(norm):
        end = m.end()
        _append_trimmed(norm, start, end, bounds)
        start = end
    _append_trimmed(norm, start, len(norm), bounds)
    return bounds


def _append_trimmed(norm: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def sentences(text: str | Text) -> list[Span]:
    """The sentences of *text* as spans of the original string.

    >>> [s.text for s in sentences("Тоқаев келді. Ол сөйледі.")]
    ['Тоқаев келді.', 'Ол сөйледі.']
    """
    t = text if isinstance(text, Text) else normalize(text)
    return [t.span(a, b) for a, b in sentence_bounds(t.norm)]


def tokens(text: str | Text) -> list[Span]:
    """Words, numbers and single punctuation marks of *text*, as spans of the original.

    >>> [s.text for s in tokens("60-тан астам")]
    ['60', '-', 'тан', 'астам']
    """
    t = text if isinstance(text, Text) else normalize(text)
    return [t.span(m.start(), m.end()) for m in _TOKEN.finditer(t.norm)]


# --- the article date prefix ----------------------------------------------------------


def date_prefix(text: str) -> tuple[_dt.date | None, int]:
    """Read the `` date YYYY-MM-DD`` metadata prefix of an article.

    Returns the date (or None) and the offset where the article body starts.

    >>> date_prefix(" date 2025-10-21 Қасым-Жомарт Тоқаев")
    (datetime.date(2025, 10, 21), 17)
    >>> date_prefix("Президент бір жыл ішінде")
    (None, 0)
    """
    m = _DATE_PREFIX.match(text)
    if not m:
        return None, 0
    try:
        day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, 0
    return day, m.end()


@attrs.frozen
class Document:
    """An article: its text and its reference date.

    Attributes:
        text: the full text, prefix included (spans point into it).
        reference_date: the date relative mentions resolve against, or None.
        body_start: the offset where the body starts, after any `` date`` prefix.

    >>> Document.from_text(" date 2025-10-21 Биыл ...").reference_date
    datetime.date(2025, 10, 21)
    """

    text: str
    reference_date: _dt.date | None = None
    body_start: int = 0

    @classmethod
    def from_text(cls, text: str, reference_date: _dt.date | None = None) -> Document:
        """Build a document, taking the reference date from the prefix unless one is given."""
        found, body = date_prefix(text)
        return cls(text, reference_date if reference_date is not None else found, body)
