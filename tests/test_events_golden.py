"""Golden events for the five seed articles: precision and recall of type+trigger and of each role.

The golden file ``tests/golden/events_seeds.toml`` is written by hand (guidelines at its top and in
``docs/events.md``).  Run ``python tests/test_events_golden.py`` to print the figures.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from qazparse import Event, extract_events

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden" / "events_seeds.toml"

ROLES = (
    "agent",
    "participants",
    "location",
    "destinations",
    "date",
    "count",
    "quantities",
    "quote",
    "visit_kind",
    "direction",
    "document",
    "event",
)

TRIGGER_PRECISION, TRIGGER_RECALL, ARGUMENT_PRECISION, ARGUMENT_RECALL = 0.9, 0.8, 0.7, 0.7


def seed_texts() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def golden() -> list[dict[str, Any]]:
    return list(tomllib.loads(GOLDEN.read_text(encoding="utf-8"))["events"])


def _contains(predicted: str, gold: str) -> bool:
    """A predicted name matches when it holds the golden text at a word start (any alternative)."""
    low = predicted.lower()
    for alt in gold.split("|"):
        alt = alt.lower()
        i = low.find(alt)
        while i >= 0:
            if i == 0 or not low[i - 1].isalpha():
                return True
            i = low.find(alt, i + 1)
    return False


def _overlap_text(predicted: str, gold: str) -> bool:
    return _contains(predicted, gold) or _contains(gold, predicted)


def predicted_roles(event: Event) -> dict[str, list[Any]]:
    attrs = dict(event.attributes)
    destinations = (
        attrs["destinations"].split("; ")
        if "destinations" in attrs
        else ([event.destination.text] if event.destination else [])
    )
    return {
        "agent": [event.agent.text] if event.agent else [],
        "participants": [p.text for p in event.participants],
        "location": [event.location.text] if event.location else [],
        "destinations": destinations,
        "date": [event.date.span.text] if event.date else [],
        "count": [event.count.value] if event.count else [],
        "quantities": [q.span.text for q in event.quantities],
        "quote": [attrs["quote"]] if "quote" in attrs else [],
        **{k: [attrs[k]] for k in ("visit_kind", "direction", "document", "event") if k in attrs},
    }


def gold_roles(entry: dict[str, Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for role in ROLES:
        value = entry.get(role)
        out[role] = [] if value is None else (list(value) if isinstance(value, list) else [value])
    return out


def _role_match(role: str, predicted: Any, gold: Any) -> bool:
    if role == "count":
        return bool(predicted == gold)
    if role in ("quote", "date", "quantities"):
        return _overlap_text(str(predicted), str(gold))
    if role in ("visit_kind", "direction"):
        return bool(predicted == gold)
    return _contains(str(predicted), str(gold))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    trigger: Score = field(default_factory=Score)
    roles: dict[str, Score] = field(default_factory=dict)
    modality: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def arguments(self) -> Score:
        total = Score()
        for s in self.roles.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total


def _score_roles(
    report: Report, predicted: dict[str, list[Any]], gold: dict[str, list[Any]], ignore: set[str], label: str
) -> None:
    for role in ROLES:
        if role in ignore:
            continue
        score = report.roles.setdefault(role, Score())
        remaining = list(predicted.get(role, []))
        for g in gold.get(role, []):
            hit = next((p for p in remaining if _role_match(role, p, g)), None)
            if hit is None:
                score.fn += 1
                report.misses.append(f"{label}: {role} missed {g!r} (got {predicted.get(role)})")
            else:
                remaining.remove(hit)
                score.tp += 1
        score.fp += len(remaining)
        for p in remaining:
            report.misses.append(f"{label}: {role} extra {p!r}")


def evaluate() -> Report:
    report = Report()
    texts = seed_texts()
    entries = golden()
    for seed, text in texts.items():
        events = extract_events(text)
        gold = [g for g in entries if g["seed"] == seed]
        unmatched = list(events)
        for g in gold:
            g_start, g_end = g["offset"], g["offset"] + len(g["trigger"])
            label = f"{seed}@{g['offset']} {g['type']} {g['trigger']!r}"
            hit = next(
                (e for e in unmatched if e.type == g["type"] and e.trigger.start < g_end and g_start < e.trigger.end),
                None,
            )
            ignore = set(g.get("ignore", ()))
            if hit is None:
                report.trigger.fn += 1
                report.misses.append(f"{label}: event missed")
                _score_roles(report, {}, gold_roles(g), ignore, label)
                continue
            unmatched.remove(hit)
            report.trigger.tp += 1
            report.modality["right" if hit.modality == g.get("modality", "done") else "wrong"] += 1
            _score_roles(report, predicted_roles(hit), gold_roles(g), ignore, label)
        for e in unmatched:
            label = f"{seed}@{e.trigger.start} {e.type} {e.trigger.text!r} [{e.rule}]"
            report.trigger.fp += 1
            report.misses.append(f"{label}: extra event")
            _score_roles(report, predicted_roles(e), {}, set(), label)
    return report


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate()


def test_golden_offsets_point_at_their_triggers() -> None:
    texts = seed_texts()
    entries = golden()
    assert {g["seed"] for g in entries} == set(texts), "every seed has golden events"
    for g in entries:
        text = texts[g["seed"]]
        assert text[g["offset"] : g["offset"] + len(g["trigger"])] == g["trigger"], g
        assert set(g.get("ignore", ())) <= set(ROLES), g


def test_type_and_trigger(report: Report) -> None:
    t = report.trigger
    assert t.precision >= TRIGGER_PRECISION, (t, report.misses)
    assert t.recall >= TRIGGER_RECALL, (t, report.misses)


def test_arguments_pooled(report: Report) -> None:
    a = report.arguments
    assert a.precision >= ARGUMENT_PRECISION, (a, report.misses)
    assert a.recall >= ARGUMENT_RECALL, (a, report.misses)


@pytest.mark.parametrize("role", ["agent", "participants", "destinations", "quote", "quantities", "count"])
def test_main_roles(report: Report, role: str) -> None:
    s = report.roles[role]
    assert s.precision >= ARGUMENT_PRECISION and s.recall >= ARGUMENT_RECALL, (role, s)


def main() -> None:
    r = evaluate()
    print(f"events: P={r.trigger.precision:.3f} R={r.trigger.recall:.3f} ({r.trigger})")
    a = r.arguments
    print(f"arguments (pooled): P={a.precision:.3f} R={a.recall:.3f} ({a})")
    for role, s in r.roles.items():
        print(f"  {role:13s} P={s.precision:.3f} R={s.recall:.3f}  tp={s.tp} fp={s.fp} fn={s.fn}")
    print(f"modality on matched events: {dict(r.modality)}")
    for line in r.misses:
        print("  -", line)


if __name__ == "__main__":
    main()
