"""Schema of ``gazetteer.toml``: countries, cities, regions and generic places in Kazakh."""

from ..schema import Check, Table

_NAME = Check(str, lambda s: len(s) <= 80 and "\n" not in s, "a place name is one line of at most 80 characters")

_PLACE = {
    "name": _NAME,
    "variants?": [_NAME],
    "home?": bool,
    "country?": Check(str, lambda s: len(s) == 2 and s.isupper(), "a country is a 2-letter ISO 3166 code"),
}

SCHEMA = {
    "countries": Table(_PLACE, key=lambda k: len(k) == 2 and k.isupper(), key_message="a country key is an ISO code"),
    "cities?": Table(_PLACE),
    "regions?": Table(_PLACE),
    "generic?": Table(_PLACE),
}
