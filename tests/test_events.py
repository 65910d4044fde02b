"""Event rules one by one: positive and negative sentences, modality, user rules, robustness.

The sentences are the frames of KAZAKH.md §8 (most are the examples observed in real news there),
not the seed articles, so they also check the rules away from the text they were tuned on.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qazparse import Event, RulesError, default_rules, extract, extract_events
from qazparse.entities import strip_case
from qazparse.names import nominative
from qazparse.values import Entity

# sentence, expected type (None: no event of the rule's type), expected facts
CASES: list[tuple[str, str, str | None, dict[str, Any]]] = [
    # visit
    (
        "visit-count",
        "Жыл ішінде Президент шетелге 23 рет сапарға шықты.",
        "visit",
        {"agent": "Президент", "destination": "шетел", "count": 23, "direction": "outgoing"},
    ),
    (
        "visit-kind",
        "Қасым-Жомарт Тоқаев Қостанай облысына жұмыс сапарымен барды.",
        "visit",
        {"agent": "Қасым-Жомарт Тоқаев", "destination": "Қостанай", "visit_kind": "working", "direction": "incoming"},
    ),
    (
        "visit-planned",
        "Президенттің Францияға ресми сапары жоспарлануда.",
        "visit",
        {"destination": "Франция", "visit_kind": "official", "modality": "planned"},
    ),
    (
        "visit-verb-future",
        "Садыр Жапаров Астанаға Қасым-Жомарт Тоқаевтың шақыруымен келеді.",
        "visit",
        {"agent": "Садыр Жапаров", "destination": "Астана", "modality": "planned", "direction": "incoming"},
    ),
    (
        "visit-negated",
        "Президент Мәскеуге сапармен бармайды.",
        "visit",
        {"destination": "Мәскеу", "modality": "negated"},
    ),
    (
        "visit-state-ended",
        "Президенттің Өзбекстанға мемлекеттік сапары аяқталды.",
        "visit",
        {"destination": "Өзбекстан", "visit_kind": "state"},
    ),
    ("visit-noun-result", "Сапардың нәтижесі туралы Президент айтты.", None, {}),
    ("visit-anaphora", "Мен бұл сапарға ерекше мән беріп отырмын.", None, {}),
    ("visit-frame", "Сапар барысында бірқатар мәселе талқыланды.", None, {}),
    ("visit-auxiliary", "Екі елдің байланысы дамып келеді.", None, {}),
    ("visit-no-destination", "Ол үйге кеш келді.", None, {}),
    # meeting
    (
        "meeting-ins",
        "Назарбаев Анкарада Абдулла Гүлмен кездесті.",
        "meeting",
        {"agent": "Назарбаев", "participants": ["Абдулла Гүл"], "location": "Анкара"},
    ),
    (
        "meeting-receive",
        "Президент Ақордада Икрам Адырбековті қабылдады.",
        "meeting",
        {"agent": "Президент", "participants": ["Икрам Адырбеков"], "location": "Ақорда"},
    ),
    (
        "meeting-session",
        "17 шілдеде Минскіде Еуразиялық үкіметаралық кеңестің кезекті отырысы өтті.",
        "meeting",
        {"location": "Минск"},
    ),
    ("meeting-adopt-law", "Үкімет жаңа бағдарламаны қабылдады.", None, {}),
    ("meeting-generic", "Әрбір кездесу түпкі нәтижені көздейді.", None, {}),
    # talks
    (
        "talks",
        "Түркия Президенті Ердоған Анкарада Тоқаевпен келіссөз жүргізді.",
        "talks",
        {"agent": "Ердоған", "participants": ["Тоқаев"], "location": "Анкара"},
    ),
    (
        "talks-views",
        "Мемлекет басшылары халықаралық ахуал жөнінде пікір алмасты.",
        "talks",
        {"agent": "Мемлекет басшылары"},
    ),
    ("talks-frame", "Келіссөз барысында туризм мәселесі талқыланды.", None, {}),
    # agreement
    (
        "agreement-law",
        "Қ.Тоқаев 2024 жылғы 19 маусымда «Масс-медиа туралы» заңға қол қойды.",
        "agreement",
        {"agent": "Қ.Тоқаев", "document": "заң"},
    ),
    ("agreement-passive", "Жалпы 17 құжатқа қол қойылды.", "agreement", {"document": "құжат"}),
    (
        "agreement-future",
        "Мемлекет басшылары екіжақты келісімдерге қол қояды.",
        "agreement",
        {"agent": "Мемлекет басшылары", "document": "келісімдер", "modality": "planned"},
    ),
    ("agreement-agree", "Тараптар ынтымақтастық жүргізуге келісті.", "agreement", {}),
    ("agreement-achieve", "Біз үлкен табысқа қол жеткіздік.", None, {}),
    ("agreement-noun", "Уағдаластық емес, нақты жобалар керек.", None, {}),
    # call
    (
        "call",
        "Елбасы Нұрсұлтан Назарбаев Түрік Республикасының Президенті Реджеп Тайып Ердоғанмен "
        "телефон арқылы сөйлесті, деп хабарлады Президенттің баспасөз қызметі.",
        "call",
        {"agent": "Нұрсұлтан Назарбаев", "participants": ["Реджеп Тайып Ердоған"]},
    ),
    ("call-count", "Президент 43 рет телефон арқылы сөйлесті.", "call", {"count": 43}),
    # invitation
    (
        "invitation",
        "Р.Ердоған Нұрсұлтан Назарбаевты кеңес отырысына қатысу үшін Анкараға шақырды.",
        "invitation",
        {"agent": "Р.Ердоған", "participants": ["Нұрсұлтан Назарбаев"], "destination": "Анкара"},
    ),
    (
        "invitation-come",
        "Тоқаев Си Цзиньпинді Қазақстанға мемлекеттік сапармен келуге шақырды.",
        "invitation",
        {"agent": "Тоқаев", "participants": ["Си Цзиньпин"], "destination": "Қазақстан"},
    ),
    ("invitation-appeal", "Құқық қорғау органдары азаматтарды тексерілмеген ақпаратты таратпауға шақырады.", None, {}),
    ("invitation-appeal-2", "Мемлекет басшысы реалистік тәсілге жүгінуге шақырады.", None, {}),
    # statement
    (
        "statement-quote",
        "«Бұл маңызды қадам», — деді Тоқаев.",
        "statement",
        {"agent": "Тоқаев", "quote": "Бұл маңызды қадам"},
    ),
    (
        "statement-added",
        "«Сапар сәтті өтті», — деп толықтырды Ақорда.",
        "statement",
        {"agent": "Ақорда", "quote": "Сапар сәтті өтті"},
    ),
    ("statement-noted", "Президент тауар айналымы өскенін атап өтті.", "statement", {"agent": "Президент"}),
    (
        "statement-clause",
        "Мемлекет басшысы ынтымақтастыққа мүдделі екеніне тоқталды.",
        "statement",
        {"agent": "Мемлекет басшысы"},
    ),
    ("statement-attributive", "Ерекше атап өтетін жайт бар.", None, {}),
    ("statement-gratitude", "Президент Қытай Төрағасына ризашылығын жеткізді.", None, {}),
    ("statement-opinion", "Бұл дұрыс шешім деп ойлаймын.", None, {}),
    # appointment, dismissal, election
    (
        "appointment",
        "Тарбағатай ауданының әкімі болып Ерлан Текешев тағайындалды.",
        "appointment",
        {"agent": "Ерлан Текешев", "post": "әкімі"},
    ),
    ("dismissal", "Министр қызметінен босатылды.", "dismissal", {"agent": "Министр"}),
    (
        "election",
        "Мейіржан Смағұлов Абай ауданының әкімі лауазымына сайланды.",
        "election",
        {"agent": "Мейіржан Смағұлов"},
    ),
    ("election-voters", "Сайлаушылардың көбі келді.", None, {}),
    # change
    ("change-up", "Тауар айналымы 15,2 пайызға өсті.", "change", {"quantities": ["15,2 пайызға"], "direction": "up"}),
    (
        "change-down",
        "Доллардың бағамы 2,25 теңгеге төмендеді.",
        "change",
        {"quantities": ["2,25 теңгеге"], "direction": "down"},
    ),
    ("change-from-to", "Жобалар саны 29-дан 97-ге дейін артты.", "change", {"direction": "up"}),
    ("change-no-amount", "Экономиканың өсімі байқалды.", None, {}),
    ("change-causative", "Халықтың тұрмыс сапасын арттыру керек.", None, {}),
    # participation
    (
        "participation",
        "Президент форумға қатысып, сөз сөйледі.",
        "participation",
        {"agent": "Президент", "event": "форум"},
    ),
    ("participation-concerning", "Бұл мәселеге қатысты шешім қабылданды.", None, {}),
]

TYPE_OF_CASE = {
    "visit": "visit", "meeting": "meeting", "talks": "talks", "agreement": "agreement", "call": "call",
    "invitation": "invitation", "statement": "statement", "appointment": "appointment",
    "dismissal": "dismissal", "election": "election", "change": "change", "participation": "participation",
}  # fmt: skip


def _type_for(case_id: str) -> str:
    return TYPE_OF_CASE[case_id.split("-")[0]]


def _check(event: Event, facts: dict[str, Any]) -> None:
    attrs = dict(event.attributes)
    for key, want in facts.items():
        if key == "agent":
            assert event.agent is not None and event.agent.text == want, event.agent
        elif key == "participants":
            assert [p.text for p in event.participants] == want
        elif key == "location":
            assert event.location is not None and event.location.text == want, event.location
        elif key == "destination":
            assert event.destination is not None and event.destination.text == want, event.destination
        elif key == "count":
            assert event.count is not None and event.count.value == want, event.count
        elif key == "quantities":
            assert [q.span.text for q in event.quantities] == want
        elif key == "modality":
            assert event.modality == want
        elif key == "quote":
            assert attrs.get("quote") == want
        else:
            assert attrs.get(key) == want, (key, attrs)


@pytest.mark.parametrize(("case_id", "sentence", "expected", "facts"), CASES, ids=[c[0] for c in CASES])
def test_rule(case_id: str, sentence: str, expected: str | None, facts: dict[str, Any]) -> None:
    events = extract_events(sentence)
    wanted = _type_for(case_id)
    of_type = [e for e in events if e.type == wanted]
    if expected is None:
        assert of_type == [], of_type
        return
    assert len(of_type) == 1, events
    event = of_type[0]
    _check(event, facts)
    # spans point into the sentence as given
    for span in (event.trigger, event.span, event.sentence):
        assert sentence[span.start : span.end] == span.text
    assert event.span.contains(event.trigger)
    assert event.sentence.contains(event.trigger)


def test_entities_are_normalised_to_the_nominative() -> None:
    rules = default_rules()
    assert strip_case("Си Цзиньпинді", rules) == ("Си Цзиньпин", "accusative")
    assert strip_case("Әлиевке", rules) == ("Әлиев", "dative")
    assert strip_case("Давоста", rules) == ("Давос", "locative")
    assert strip_case("Анна", rules) == ("Анна", "nominative")  # -на follows only a possessive
    assert strip_case("Ашхабадтағы", rules) == ("Ашхабад", "locative")
    # one reading of names for events and bylines: strip_case is names.nominative (stems of 3+ letters)
    for word in ("Мәскеудің", "Төрағасына", "Ақордаға", "Тоқаевтың", "Ана", "Құс"):
        stem, case = nominative(word, rules, min_stem=3)
        assert strip_case(word, rules) == (stem, case or "nominative")
    assert nominative("Ұлға", rules) == ("Ұл", "dative")
    assert strip_case("Ұлға", rules) == ("Ұлға", "nominative")  # names keep three letters at least
    event = extract_events("Тоқаев Си Цзиньпинді Астанаға шақырды.")[0]
    assert event.participants[0] == Entity("Си Цзиньпин", "person", event.participants[0].span)
    assert event.participants[0].span.text == "Си Цзиньпинді"
    assert event.destination is not None and event.destination.text == "Астана"
    assert event.destination.type == "city"


def test_embedded_visit_belongs_to_the_invitee() -> None:
    events = extract_events("Тоқаев Бейжіңде Си Цзиньпинді Қазақстанға ресми сапармен келуге шақырды.")
    visit = next(e for e in events if e.type == "visit")
    invitation = next(e for e in events if e.type == "invitation")
    assert visit.agent is not None and visit.agent.text == "Си Цзиньпин"
    assert visit.modality == "planned" and visit.location is None
    assert invitation.location is not None and invitation.location.text == "Бейжің"


def test_extraction_carries_the_events() -> None:
    ex = extract("Президент шетелге 23 рет сапарға шықты.")
    assert [e.type for e in ex.events] == ["visit"]
    assert ex.to_dict()["events"][0]["type"] == "visit"


def test_no_events_is_fast_and_empty() -> None:
    text = "Бүгін ауа райы жылы, аспан ашық болады. " * 5000
    start = time.perf_counter()
    assert extract_events(text, rules=default_rules().without_events()) == []
    events = extract_events(text)
    elapsed = time.perf_counter() - start
    assert events == []
    assert elapsed < 10


# --- user rules ---------------------------------------------------------------------------------

ACCIDENT = {
    "id": "accident",
    "type": "accident",
    "triggers": ["жол-көлік апаты", "соқтығыс-"],
    "light_verbs": ["бол-", "орын ал-"],
    "roles": {"locative": "location"},
}


def test_user_adds_an_event_type_as_data() -> None:
    rules = default_rules().with_event(ACCIDENT)
    events = extract_events("Кеше Алматыда жол-көлік апаты болды.", rules=rules)
    accident = [e for e in events if e.type == "accident"]
    assert len(accident) == 1
    assert accident[0].rule == "accident"
    assert accident[0].location is not None and accident[0].location.text == "Алматы"
    # the defaults are untouched
    assert [e for e in extract_events("Кеше Алматыда жол-көлік апаты болды.") if e.type == "accident"] == []


def test_user_replaces_the_default_rules() -> None:
    rules = default_rules().without_events().with_event(ACCIDENT)
    text = "Тоқаев Си Цзиньпинмен кездесті. Астанада екі көлік соқтығысты."
    events = extract_events(text, rules=rules)
    assert [(e.type, e.trigger.text) for e in events] == [("accident", "соқтығысты")]
    assert extract_events(text, rules=default_rules().without_events()) == []


def _protest_rule(context: Any, bounds: Any, mentions: Any) -> list[Event]:
    out = []
    for start, end in bounds:
        i = context.text.lower.find("наразылық", start, end)
        if i >= 0:
            trigger = context.text.span(i, i + len("наразылық"))
            out.append(
                Event(
                    type="protest",
                    trigger=trigger,
                    sentence=context.text.span(start, end),
                    span=trigger,
                    rule="protest",
                )
            )
    return out


def test_user_rule_as_a_callable() -> None:
    rules = default_rules().with_event(_protest_rule)
    events = extract_events("Алаңда наразылық акциясы өтті. Президент шетелге сапарға шықты.", rules=rules)
    assert sorted(e.type for e in events) == ["protest", "visit"]
    assert extract_events("Алаңда наразылық болды.", rules=rules.without_events()) == []


def test_user_rules_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        '[events.accident]\ntype = "accident"\ntriggers = ["апат"]\nlight_verbs = ["бол-"]\n', encoding="utf-8"
    )
    rules = default_rules().load(path)
    assert [e.type for e in extract_events("Түнде апат болды.", rules=rules)] == ["accident"]


@pytest.mark.parametrize(
    ("rule", "entry"),
    [
        ({"id": "x", "triggers": ["апат"]}, "events.x.type"),
        ({"id": "x", "type": "accident"}, "events.x"),
        ({"id": "x", "type": "accident", "triggers": ["Апат"]}, "events.x.triggers[0]"),
        ({"id": "x", "type": "accident", "triggers": ["апат-", "бол"]}, None),
        ({"id": "x", "type": "accident", "triggers": ["апат"], "roles": {"dativ": "location"}}, "events.x.roles.dativ"),
        (
            {"id": "x", "type": "accident", "triggers": ["апат"], "reject_before": ["(unclosed"]},
            "events.x.reject_before[0]",
        ),
        ({"id": "x", "type": "accident", "triggers": ["апат"], "requires": ["weather"]}, "events.x.requires[0]"),
        ({"id": "x", "type": "accident", "triggers": ["апат"], "colour": "red"}, "events.x.colour"),
        ({"id": "x", "type": "Accident", "triggers": ["апат"]}, "events.x.type"),
    ],
)
def test_malformed_rule_raises_at_load_time(rule: dict[str, Any], entry: str | None) -> None:
    if entry is None:  # a well-formed rule with two triggers: no error
        default_rules().with_event(rule)
        return
    with pytest.raises(RulesError) as err:
        default_rules().with_event(rule)
    assert err.value.entry == entry


def test_with_event_refuses_other_things() -> None:
    with pytest.raises(TypeError):
        default_rules().with_event(42)


# --- robustness ---------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "сапарға",
        "шықты",
        "Тоқаев",
        "Си",
        "Цзиньпинмен",
        "кездесті",
        "«",
        "»",
        "—",
        "деді",
        ",",
        ".",
        "23",
        "рет",
        "пайызға",
        "өсіп",
        "қол",
        "қойылды",
        "Астанаға",
        "шақырды",
        "бұл",
        "\n",
        "келуге",
        "Президент",
        "-",
    ]
)


@given(st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=200))
def test_never_raises_and_spans_hold(text: str) -> None:
    for event in extract_events(text):
        for span in (event.trigger, event.span, event.sentence):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert event.span.contains(event.trigger)
        for entity in (event.agent, event.location, event.destination, *event.participants):
            if entity is not None:
                assert text[entity.span.start : entity.span.end] == entity.span.text


def test_adversarial_input_runs_in_linear_time() -> None:
    for chunk in ("сапар", "қол қой", "— деді ", "«", "Тоқаев ", "-" * 50, "ааааа"):
        text = chunk * 4000
        start = time.perf_counter()
        extract_events(text)
        assert time.perf_counter() - start < 5, chunk
