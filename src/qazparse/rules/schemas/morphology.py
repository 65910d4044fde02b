"""Schema of ``morphology.toml``: endings by function, consonant mutations, and the tables that
choose one allomorph when writing a form (harmony, sound classes, forms)."""

from ..schema import Check, Table

_ENDING = Check(str, lambda s: s.isalpha() and s == s.lower(), "an ending is lower-case letters only")
_LETTER = Check(str, lambda s: len(s) == 1 and s == s.lower(), "one lower-case letter")
_CLASSES = {"V", "N", "L", "R", "Z", "T", "*"}
_PAIR = Check([_ENDING], lambda p: len(p) == 2, "a form is [back, front]")

SCHEMA = {
    "endings": Table([_ENDING]),
    "mutations": Table(Check(str, lambda s: len(s) == 1, "a mutation maps one letter to one letter"),
                       key=lambda k: len(k) == 1, key_message="a mutation maps one letter"),
    "harmony?": {
        "back": [_LETTER],
        "front": [_LETTER],
        "back_glides": [_LETTER],
        "front_glides?": [_LETTER],
        "soft": [_LETTER],
    },
    "sounds?": Table([_LETTER], key=lambda k: k in _CLASSES - {"T", "*"}, key_message="a class is V N L R or Z"),
    "forms?": Table(Table(_PAIR, key=lambda k: k in _CLASSES, key_message="a class is V N L R Z T or *")),
}
