"""Schema of ``titles.toml``: titles and posts (as inflecting stems) and organisations."""

from ..schema import Check, Table

_STEM = Check(str, lambda s: s == s.lower() and "\n" not in s, "a title is written in lower case, as a stem")
_NAME = Check(str, lambda s: "\n" not in s and len(s) <= 80, "an organisation name is one line")

SCHEMA = {
    "titles": Table({"words": [_STEM]}),
    "organizations?": Table({"names": [_NAME]}),
}
