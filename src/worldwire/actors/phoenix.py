"""The Phoenix actor dictionaries (PETRARCH2, MIT) as a lexicon layer under worldwire's own tables.

`worldwire/data/phoenix/` ships three of PETRARCH2's actor dictionaries unchanged (see the README and
LICENSE there). They are read tolerantly (a malformed code is skipped and counted in
`PhoenixLayer.skipped`), and only names that are unlikely to be anything else are kept:

- worldwire wins: a Phoenix name that is a key of worldwire's tables, that starts with one ("President
  Bush", "UN monitor") or with a "former"/modifier word, or that ends with a role noun ("Bush
  administration") is dropped, so worldwire reads those words as it does without the layer. A name may
  start with its own state's name: "United States Department of State" (USAGOV) only narrows "United
  States";
- country-level entries (country names, their misspellings and cities) are left to worldwire's tables;
- an organisation named by one word is kept only as a short acronym, as written in capitals ("FEMA").

The Countries file's agencies ("Department of Defense" → USAMIL) and the International and MilNonState
organisations become `organisation` entries (a dated one stays a PETRARCH `actor`, coded on the day).
The Countries file's persons are opt-in (`persons=True`): they become `person` entries whose terms are
the dictionary's dated codes, the default code filling the time between them, so a name resolves on the
article's date and an office that has ended reads as the dictionary says (`[USAELI]`: ELI). They are off
in `default_lexicon` because on the evaluation sets they cost more than they bring (see `with_phoenix`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from worldwire.actors.lexicon import ActorLexicon, Entry, Term, _tokenizer
from worldwire.actors.petrarch import read_actors

COUNTRY_FILE = "Phoenix.Countries.actors.txt"
GROUP_FILES = ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
# Name particles written in lower case inside a name ("Javier Perez de Cuellar", "Mohammed bin Salman")
_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "la",
        "le",
        "ter",
        "ten",
        "and",
        "of",
        "the",
        "for",
        "in",
        "on",
        "to",
    }
)
_STATE_NAMES = frozenset({"country", "adjective"})
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,4}")  # "CNN", "FEMA", "AT&T": kept only as written, in capitals
# Short capitalised names that are also words or places, seen matching ordinary text ("ZERO" → USAREB)
_NOT_ACRONYMS = frozenset(
    {"ZERO", "CAMO", "ELA", "EYAL", "AMIT", "AMAL", "MANX", "THULE", "GUAM", "RAFAH", "ZANU"}
)


@dataclass(frozen=True, slots=True)
class PhoenixLayer:
    """The Phoenix entries by tokenized key, and what reading and filtering left out."""

    entries: MappingProxyType[tuple[str, ...], tuple[Entry, ...]]
    skipped: tuple[str, ...]  # malformed codes, "file:line: [body]"
    dropped: MappingProxyType[str, int]  # names left out, by reason


def phoenix_folder() -> Path:
    return Path(str(resources.files("worldwire") / "data" / "phoenix"))


def with_phoenix(base: ActorLexicon, folder: Path | None = None, *, persons: bool = False) -> ActorLexicon:
    """`base` with the Phoenix names it lacks added to its case-sensitive names (`exact`).

    `persons` adds the Countries file's dated persons too. Off by default: on the evaluation sets they
    cost more than they bring (a title in the text, "U.N. mediator X", loses to a person's stale or
    namesake entry, and the roles stop in 2014), so worldwire's own reading of unknown names is kept."""
    layer = phoenix_layer(base, folder or phoenix_folder(), persons)
    exact = dict(base.exact)
    for key, entries in layer.entries.items():
        exact.setdefault(key, entries)
    return replace(base, name=f"{base.name}+phoenix", exact=MappingProxyType(exact))


@cache
def phoenix_layer(base: ActorLexicon, folder: Path, persons: bool = False) -> PhoenixLayer:
    """The Phoenix entries that `base` lacks, read once per lexicon and folder."""
    skipped: list[str] = []
    dropped: Counter[str] = Counter()
    candidates: list[tuple[str, Entry]] = []
    sectors = frozenset(e.sector for entries in base.folded.values() for e in entries if e.sector)
    for file in (COUNTRY_FILE, *GROUP_FILES):
        for names, read in read_actors(folder / file, skipped=skipped):
            if file == COUNTRY_FILE and read.terms:  # a person with dated roles (CountryInfo)
                entry = _person(read, base.country_codes) if persons else None
            elif file == COUNTRY_FILE and len(read.code or "") <= 3:
                entry = None  # a country's own names, spellings and cities: worldwire's tables
            else:  # an agency ("Department of State" → USAGOV), organisation or armed group
                entry = _organisation(read, base.country_codes, sectors)
            if entry is None:
                dropped["country, no code or person"] += len(names)
                continue
            person = entry.kind == "person"
            for name in names:
                candidates.extend((form, entry) for form in _forms(name, person=person, dropped=dropped))
    keys: dict[tuple[str, ...], list[Entry]] = {}
    split = _Splitter()
    for form, entry in candidates:
        key = split(form)
        reason = _clash(key, entry, base)
        if reason:
            dropped[reason] += 1
            continue
        found = keys.setdefault(key, [])
        if entry not in found:
            found.append(entry)
    return PhoenixLayer(
        entries=MappingProxyType({k: tuple(v) for k, v in keys.items()}),
        skipped=tuple(skipped),
        dropped=MappingProxyType(dict(dropped)),
    )


class _Splitter:
    """Words as spaCy's tokenizer splits them (`lexicon.words`), fast: it splits on spaces first and an
    alphabetic word without a special rule stays whole, so only the other words go to the tokenizer."""

    def __init__(self) -> None:
        self.tokenizer = _tokenizer()
        self.rules = frozenset(self.tokenizer.rules or ())
        self.seen: dict[str, tuple[str, ...]] = {}

    def __call__(self, form: str) -> tuple[str, ...]:
        out: list[str] = []
        for word in form.split():
            if word.isalpha() and word not in self.rules:
                out.append(word)
                continue
            if word not in self.seen:
                self.seen[word] = tuple(t.text for t in self.tokenizer(word))
            out.extend(self.seen[word])
        return tuple(out)


def _clash(key: tuple[str, ...], entry: Entry, base: ActorLexicon) -> str | None:
    """Why worldwire's own reading of these words must win (None: it has none). A name may start with a
    name of its own state ("United States Department of State" → USAGOV): that only narrows it."""
    country = entry.country or (entry.terms[0].country if entry.terms else None)
    for n in range(1, len(key) + 1):
        head = key[:n]
        own = (*base.exact.get(head, ()), *base.folded.get(tuple(w.lower() for w in head), ()))
        if not own:
            continue
        if n == len(key):
            return "worldwire key"
        if country is None or any(e.country != country or e.kind not in _STATE_NAMES for e in own):
            return "starts with a worldwire key"
    first, last = key[0].lower(), (key[-1].lower(),)
    if first in base.former or first in base.modifiers:
        return "starts with a worldwire key"
    if last in base.folded:
        return "ends with a worldwire role"
    return None


def _forms(name: str, *, person: bool, dropped: Counter[str]) -> list[str]:
    """The spellings news uses for a dictionary name ("ABDUL_RAHMAN_AL-ATTIYAH_")."""
    words = [w for w in name.strip("_").split("_") if w]
    if words and words[0] == "THE":
        words = words[1:]
    if not words:
        return []
    if len(words) == 1:
        if person:
            dropped["one-word person"] += 1
            return []
        if not _ACRONYM.fullmatch(words[0]) or words[0] in _NOT_ACRONYMS:
            dropped["one-word name"] += 1
            return []
        return [words[0]]
    titled = " ".join(_title(w) for w in words)
    particles = " ".join(
        w.lower() if w.lower() in _PARTICLES and i else _title(w) for i, w in enumerate(words)
    )
    return list(dict.fromkeys((titled, particles)))


def _title(word: str) -> str:
    """ "AL-ATTIYAH" → "Al-Attiyah", "O'NEILL" → "O'Neill", "APO'S" → "Apo's", "U.N." stays."""
    if word.isalpha():
        return word.capitalize()
    if "." in word and len(word) <= 6:
        return word
    out = re.sub(r"(^|[-'])([a-z])", lambda m: m.group(1) + m.group(2).upper(), word.lower())
    return re.sub(r"'S$", "'s", out)


def _person(entry: Entry, countries: frozenset[str]) -> Entry | None:
    """A Countries-file entry as a dated person, or None for a country-level entry (no sector code)."""
    codes = [c for c in (entry.code, *(t.code for t in entry.terms)) if c]
    if not codes or all(len(c) <= 3 for c in codes):
        return None
    dated = sorted(
        (_term(t.code, countries, t.start, t.end) for t in entry.terms if t.code), key=lambda t: t.start
    )
    terms = list(dated)
    if entry.code:  # the default code holds outside the dated terms
        edge = ""
        for term in dated:
            if term.start and (not edge or edge < term.start):
                terms.append(_term(entry.code, countries, edge, term.start))
            if not term.end:
                edge = "9999"
                break
            edge = max(edge, term.end)
        if edge != "9999":
            terms.append(_term(entry.code, countries, edge, ""))
    if not terms:
        return None
    terms.sort(key=lambda t: t.start)
    return Entry("person", name=entry.name, terms=tuple(terms))


def _organisation(entry: Entry, countries: frozenset[str], sectors: frozenset[str]) -> Entry | None:
    """An undated International/MilNonState entry as an organisation (country and sector from its code,
    "PSEREBHMS" → PSE, REB; "IGOUNOKID" → its first sector element); a dated one stays a PETRARCH actor."""
    if entry.terms:
        return entry
    code = entry.code
    if code is None:
        return None
    country = code[:3] if code[:3] in countries else None
    elements = [code[i : i + 3] for i in range(0 if len(code) == 3 else 3, len(code), 3)]
    sector = next((e for e in elements if e in sectors), None)
    name = entry.name
    return Entry("organisation", code=code, country=country, sector=sector, name=name, members=entry.members)


def _term(code: str, countries: frozenset[str], start: str, end: str) -> Term:
    country = code[:3] if code[:3] in countries else None
    sector = code[3:6] if country and len(code) >= 6 else None
    return Term(code, country, sector, start, end)
