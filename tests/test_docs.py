"""The examples in the README, the docs and the docstrings run as tests, so they cannot drift from the code.

``docs/patterns.md`` writes files in its examples and has its own runner in
``tests/test_patterns.py``; every other page with ``>>>`` examples is run here.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "qazparse"
OWN_RUNNER = {"patterns.md"}
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
WITH_EXAMPLES = [p for p in DOCS if ">>> " in p.read_text(encoding="utf-8") and p.name not in OWN_RUNNER]


def _examples(path: Path) -> doctest.DocTest:
    # A closing code fence ends an example's expected output, as a blank line does.
    text = "\n".join("" if line.strip() == "```" else line for line in path.read_text(encoding="utf-8").splitlines())
    return doctest.DocTestParser().get_doctest(text, {}, path.name, str(path), 0)


@pytest.mark.parametrize("path", WITH_EXAMPLES, ids=lambda p: p.name)
def test_examples_in_docs(path: Path) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(_examples(path))
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {path.name}"


MODULES = sorted(
    "qazparse." + ".".join(p.relative_to(SRC).with_suffix("").parts)
    for p in SRC.rglob("*.py")
    if p.name not in {"__main__.py"} and "schemas" not in p.parts
)


@pytest.mark.parametrize("name", MODULES)
def test_examples_in_docstrings(name: str) -> None:
    module = importlib.import_module(name.removesuffix(".__init__"))
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples failed in {name}"


def test_readme_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && qazparse extract seeds/" in readme
    assert "pip install '.[test]' && pytest" in readme
