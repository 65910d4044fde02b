"""Schema of ``morphology.toml``: endings by function, and consonant mutations."""

from ..schema import Check, Table

_ENDING = Check(str, lambda s: s.isalpha() and s == s.lower(), "an ending is lower-case letters only")

SCHEMA = {
    "endings": Table([_ENDING]),
    "mutations": Table(Check(str, lambda s: len(s) == 1, "a mutation maps one letter to one letter"),
                       key=lambda k: len(k) == 1, key_message="a mutation maps one letter"),
}
