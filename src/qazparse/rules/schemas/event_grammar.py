"""Schema of ``event_grammar.toml``: verb endings, modality cues, clause words."""

from ..schema import Check

_MORPH = Check(str, lambda s: s.isalpha() and s == s.lower(), "an ending is lower-case letters only")
_WORD = Check(
    str,
    lambda s: s == s.lower() and s.replace("*", "").replace("-", "").isalpha(),
    "a cue word is lower-case letters, with an optional trailing *",
)

SCHEMA = {
    "verb": {
        "voice": [_MORPH],
        "negation": [_MORPH],
        "finite": [_MORPH],
        "person": [_MORPH],
        "converb": [_MORPH],
        "nominal": [_MORPH],
        "verbal_noun": [_MORPH],
        "participle": [_MORPH],
    },
    "modality": {
        "planned_forms": [_MORPH],
        "possible_forms": [_MORPH],
        "planned_after": [_WORD],
        "possible_after": [_WORD],
        "negated_after": [_WORD],
        "planned_before": [_WORD],
        "window": Check(int, lambda n: 0 < n <= 10, "the window is 1 to 10 words"),
    },
    "clause": {
        "demonstratives": [_WORD],
        "function_words": [_WORD],
        "postpositions": [_WORD],
        "conjunctions": [_WORD],
        "controllers": [_WORD],
        "reflexive": [_WORD],
        "place_nouns": [_WORD],
        "not_names": [_WORD],
    },
}
