"""The command line on real and broken input: good files are processed, bad ones reported, exit 1.

``qazparse.cli.main(argv, stdin=..., stdout=..., stderr=...)`` is called in-process; one test runs
``python -m qazparse`` as a real subprocess on ``seeds/``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qazparse import cli, extract

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

GOOD = {
    "a_good.txt": " date 2025-10-21 Президент 2021 жылы шетелге 23 рет сапарға шықты. Кеше 70 миллиард доллар.",
    "b_good.txt": "Жүк тасымалдау көлемі 15,2 пайызға өсіп, 168 960 шақырым жол жүрді.",
    "c_empty.txt": "",
}


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(argv, stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def spans_in(data: Any) -> Iterator[dict[str, Any]]:
    """Every span-shaped dict (start, end, text) anywhere in a JSON record."""
    if isinstance(data, dict):
        if {"start", "end", "text"} <= data.keys() and isinstance(data["start"], int):
            yield data
        for value in data.values():
            yield from spans_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from spans_in(item)


def check_record(record: dict[str, Any], original: str) -> None:
    for span in spans_in(record):
        assert 0 <= span["start"] < span["end"] <= len(original)
        assert original[span["start"] : span["end"]] == span["text"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def messy(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The good files plus binary, non-UTF-8 and too large ones."""
    monkeypatch.setattr(cli, "MAX_BYTES", 4096)
    (folder / "d_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "e_kz1048.txt").write_bytes("Президент бес мың теңге".encode("kz1048"))
    (folder / "f_huge.txt").write_text("бес мың теңге. " * 1000, encoding="utf-8")
    return folder


BAD = {"d_binary.txt": "binary", "e_kz1048.txt": "UTF-8", "f_huge.txt": "larger"}


def test_a_folder_of_good_files_exits_0(folder: Path) -> None:
    status, out, err = run(["extract", str(folder)])
    assert status == 0, err
    assert err == ""
    got = records(out)
    assert [Path(r["file"]).name for r in got] == sorted(GOOD)
    for record in got:
        check_record(record, GOOD[Path(record["file"]).name])
    first = got[0]
    assert first["reference_date"] == "2025-10-21"
    assert first["mentions"], "the good article has mentions"
    assert first["mentions"] == [m.to_dict() for m in extract(GOOD["a_good.txt"]).all()]


def test_an_empty_file_is_an_article_with_nothing_in_it(folder: Path) -> None:
    status, out, _ = run(["extract", str(folder / "c_empty.txt")])
    assert status == 0
    (record,) = records(out)
    assert record["mentions"] == [] and record["events"] == []


def test_bad_files_are_reported_and_good_ones_still_processed(messy: Path) -> None:
    missing = messy / "no_such_file.txt"
    status, out, err = run(["extract", str(messy), str(missing)])
    assert status == 1
    assert [Path(r["file"]).name for r in records(out)] == sorted(GOOD)
    lines = err.splitlines()
    for name, reason in {**BAD, "no_such_file.txt": "no such file"}.items():
        (line,) = [x for x in lines if name in x]
        assert reason in line
    assert len(lines) == len(BAD) + 1


@pytest.mark.parametrize("bad", sorted(BAD))
def test_each_bad_file_alone_exits_1(messy: Path, bad: str) -> None:
    status, out, err = run(["extract", str(messy / bad)])
    assert status == 1
    assert out == ""
    assert bad in err


def test_a_missing_path_alone_exits_1(tmp_path: Path) -> None:
    status, out, err = run(["extract", str(tmp_path / "absent.txt")])
    assert (status, out) == (1, "")
    assert "absent.txt" in err


def test_stdin(folder: Path) -> None:
    text = GOOD["a_good.txt"]
    status, out, err = run(["extract", "-"], stdin=text.encode("utf-8"))
    assert status == 0, err
    (record,) = records(out)
    assert record["file"] == "<stdin>"
    check_record(record, text)
    assert record["mentions"] == [m.to_dict() for m in extract(text).all()]


def test_stdin_that_is_not_utf8_is_reported() -> None:
    status, out, err = run(["extract", "-"], stdin="бес мың".encode("kz1048"))
    assert (status, out) == (1, "")
    assert "UTF-8" in err


def test_format_json_is_one_list(folder: Path) -> None:
    status, out, _ = run(["extract", "--format", "json", str(folder)])
    assert status == 0
    data = json.loads(out)
    assert isinstance(data, list)
    assert data == records(run(["extract", str(folder)])[1])


def test_format_table_names_every_file(folder: Path) -> None:
    status, out, _ = run(["extract", "--format", "table", str(folder)])
    assert status == 0
    for name in GOOD:
        assert f"== {folder / name}" in out


def test_reference_date_option(folder: Path) -> None:
    path = str(folder / "b_good.txt")
    status, out, _ = run(["extract", "--reference-date", "2024-02-29", path])
    assert status == 0
    (record,) = records(out)
    assert record["reference_date"] == "2024-02-29"


def test_reference_date_option_overrides_the_prefix(folder: Path) -> None:
    status, out, _ = run(["extract", "--reference-date", "2024-02-29", str(folder / "a_good.txt")])
    assert status == 0
    assert records(out)[0]["reference_date"] == "2024-02-29"


@pytest.mark.parametrize("bad", ["2024-02-30", "yesterday", "21.10.2025"])
def test_a_bad_reference_date_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["extract", "--reference-date", bad, "-"])
    assert info.value.code == 2
    assert bad in capsys.readouterr().err


def test_jobs_2_keeps_order(tmp_path: Path) -> None:
    names = []
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt")) * 3):
        name = f"{i:02}_{seed.name}"
        text = seed.read_text(encoding="utf-8")
        # Alternate long and short articles, so a worker finishing early would reorder them.
        (tmp_path / name).write_text(text if i % 2 else text[:200], encoding="utf-8")
        names.append(name)
    status1, out1, _ = run(["extract", "--jobs", "1", str(tmp_path)])
    status2, out2, _ = run(["extract", "--jobs", "2", str(tmp_path)])
    assert status1 == status2 == 0
    assert [Path(r["file"]).name for r in records(out2)] == sorted(names)
    assert out2 == out1


def test_jobs_must_be_positive(folder: Path) -> None:
    status, out, err = run(["extract", "--jobs", "0", str(folder)])
    assert (status, out) == (2, "")
    assert "--jobs" in err


def test_a_broken_rules_file_names_the_file(folder: Path, tmp_path: Path) -> None:
    rules = tmp_path / "my_rules.toml"
    rules.write_text('[morphology.endings]\nmine = ["ЛАР"]\n', encoding="utf-8")
    status, out, err = run(["extract", "--rules", str(rules), str(folder)])
    assert (status, out) == (2, "")
    assert str(rules) in err and "morphology.endings.mine[0]" in err


def test_python_m_qazparse_on_seeds() -> None:
    """A real subprocess: five JSON lines whose every span is the original text at its offsets."""
    done = subprocess.run(
        [sys.executable, "-m", "qazparse", "extract", "seeds/"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == 5
    seeds = sorted(SEEDS.glob("*.txt"))
    for line, seed in zip(lines, seeds, strict=True):
        record = json.loads(line)
        assert Path(record["file"]).name == seed.name
        check_record(record, seed.read_text(encoding="utf-8"))
    assert sum(len(json.loads(line)["mentions"]) for line in lines) > 0
