"""The benchmark corpus: the five articles in ``seeds/`` and KazNERD sentences as pseudo-articles.

KazNERD (Yeshpanov, Khassanov, Varol, "KazNERD: Kazakh Named Entity Recognition Dataset",
LREC 2022; CC BY 4.0) ships its validation split in ``benchmarks/data/kaznerd/IOB2_valid2.txt``:
one token and its IOB2 tag a line, the sentence id on the first line of each sentence, a blank
line between sentences.  Tokens are joined with spaces (``20 , 7 пайызы``) and consecutive
sentences grouped into pseudo-articles of realistic size (1.5-9 thousand characters, like the
seeds), in paragraphs of two to five sentences, each article starting with the
`` date YYYY-MM-DD`` prefix that real scraped articles carry.  Everything is deterministic:
the same files give the same corpus.

Sizes are UTF-8 bytes (what a file on disk measures): the corpus is about 1.6 MB, 0.86 million
characters.  ``sized(n)`` repeats its articles, in order, until *n* bytes are reached.

Run ``python benchmarks/corpus.py`` for its statistics, ``--write FILE`` to write it out
(articles separated by a line holding only ``\\f``).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
KAZNERD = ROOT / "benchmarks" / "data" / "kaznerd" / "IOB2_valid2.txt"
"""The in-repo copy of the KazNERD validation split (override with ``QAZPARSE_KAZNERD``)."""

# Article sizes (characters) and paragraph sizes (sentences) of the pseudo-articles.
ARTICLE_CHARS = (1500, 9000)
PARAGRAPH_SENTENCES = (2, 5)
RANDOM_SEED = 2022  # KazNERD's year: any fixed value gives a reproducible corpus


def kaznerd_path() -> Path:
    """Where the KazNERD file is read from: ``$QAZPARSE_KAZNERD`` or the in-repo copy."""
    override = os.environ.get("QAZPARSE_KAZNERD")
    return Path(override) if override else KAZNERD


def read_kaznerd(path: Path | None = None) -> list[tuple[str, str]]:
    """The sentences of a KazNERD IOB2 file as ``(id, text)`` pairs, tokens joined with spaces.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
    ...     _ = f.write("AID1 O\\nБес O\\nмың O\\n. O\\n\\nBID1 O\\n5000 B-CARDINAL\\n")
    >>> read_kaznerd(Path(f.name))
    [('AID1', 'Бес мың .'), ('BID1', '5000')]
    """
    path = path or kaznerd_path()
    if not path.is_file():
        raise FileNotFoundError(
            f"KazNERD validation split not found at {path}; copy IOB2_valid2.txt there "
            "or point QAZPARSE_KAZNERD at it"
        )
    sentences: list[tuple[str, str]] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        sid = lines[0].split()[0]
        # "token TAG": the tag is the last field; a token never holds a space.
        words = [line.rsplit(" ", 1)[0] if " " in line else line for line in lines[1:]]
        if words:
            sentences.append((sid, " ".join(words)))
    return sentences


def seed_articles() -> list[str]:
    """The five real articles of ``seeds/``, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def pseudo_articles(sentences: list[tuple[str, str]], seed: int = RANDOM_SEED) -> list[str]:
    """Group consecutive sentences into articles of realistic size, with a date prefix.

    >>> arts = pseudo_articles([("AID1", "Бір ."), ("AID2", "Екі .")])
    >>> arts[0].startswith(" date ") and arts[0].endswith("Бір . Екі .")
    True
    """
    rng = random.Random(seed)
    articles: list[str] = []
    i = 0
    while i < len(sentences):
        target = rng.randint(*ARTICLE_CHARS)
        day = _dt.date(2019, 1, 1) + _dt.timedelta(days=rng.randrange(7 * 365))
        paragraphs: list[str] = []
        size = 0
        while i < len(sentences) and size < target:
            count = rng.randint(*PARAGRAPH_SENTENCES)
            para = " ".join(text for _, text in sentences[i : i + count])
            i += count
            paragraphs.append(para)
            size += len(para) + 1
        articles.append(f" date {day.isoformat()} " + "\n".join(paragraphs))
    return articles


@functools.cache
def _corpus() -> tuple[str, ...]:
    return (*seed_articles(), *pseudo_articles(read_kaznerd()))


def corpus() -> list[str]:
    """The benchmark corpus: the seeds, then the KazNERD pseudo-articles."""
    return list(_corpus())


def utf8_size(texts: list[str]) -> int:
    """Total size of *texts* in UTF-8 bytes."""
    return sum(len(t.encode("utf-8")) for t in texts)


def iter_sized(n_bytes: int, articles: list[str] | None = None) -> Iterator[str]:
    """Articles of the corpus, repeated in order, until at least *n_bytes* UTF-8 bytes are given."""
    articles = articles or corpus()
    given = 0
    while True:
        for article in articles:
            if given >= n_bytes:
                return
            yield article
            given += len(article.encode("utf-8"))


def sized(n_bytes: int, articles: list[str] | None = None) -> list[str]:
    """A list of corpus articles (repeated in order) of at least *n_bytes* UTF-8 bytes."""
    return list(iter_sized(n_bytes, articles))


def main(argv: list[str] | None = None) -> int:
    """Print the corpus statistics, or write it to a file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", metavar="FILE", help="write the corpus, articles separated by a \\f line")
    args = parser.parse_args(argv)
    arts = corpus()
    seeds = len(seed_articles())
    chars = sum(map(len, arts))
    sizes = sorted(map(len, arts))
    print(f"articles:   {len(arts)} ({seeds} seeds + {len(arts) - seeds} KazNERD pseudo-articles)")
    print(f"size:       {utf8_size(arts) / 1e6:.2f} MB UTF-8, {chars:,} characters")
    print(f"article:    median {sizes[len(sizes) // 2]:,} chars, {sizes[0]:,}-{sizes[-1]:,}")
    print(f"source:     {kaznerd_path()}")
    if args.write:
        Path(args.write).write_text("\n\f\n".join(arts), encoding="utf-8")
        print(f"written to: {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
