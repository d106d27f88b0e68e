"""Read PETRARCH/TABARI actor and agent dictionaries into an `ActorLexicon`.

The format (TABARI manual, ch. 5; PETRARCH's `PETR.Validate.*.txt`):

- actors: ``NAME [CODE]`` lines, synonyms on ``+NAME`` lines, and dated codes on indented lines
  ``[CODE <YYMMDD]`` (before), ``[CODE >YYMMDD]`` (from), ``[CODE YYMMDD-YYMMDD]`` (between); a code
  without a date is the default. ``---`` means "not an actor". Words are joined by ``_``; a phrase without
  a final ``_`` also matches words that start with it ("ARGENTIN" matches "Argentina").
- agents: ``NAME {PLURAL} [~GOV]`` — the agent's code follows the actor's (``[NGO~]``: precedes it);
  ``{}`` means no plural; ``!SET! = A, B`` defines a substitution set used as ``CONGRESS!PERSON!``.
- ``#`` starts a comment, ``<!-- ... -->`` is a comment block.

Only the dictionaries' codes are used (none of worldwire's role vocabulary), so codes come out exactly as
the dictionaries compose them ("Dagolath's prime minister" → DAGGOV); worldwire's grammar words
(modifiers, "former" → ELI, pronouns, counterparts) are kept, since they carry no codes of their own.
A code block naming several actors (``[FRO/BIL/SAM]``) makes a group with those members.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from worldwire.actors.lexicon import ActorLexicon, Entry, RoleTable, Term, build_lexicon, plural
from worldwire.datafiles import load_data
from worldwire.errors import DataFileError, Errors

_BRACKET = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"^\s*([^\s<>]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*$")
_SET = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_MARKER = re.compile(r"!(\w+)!")


def petrarch_lexicon(folder: Path, *, skipped: list[str] | None = None) -> ActorLexicon:
    """The lexicon of the ``*.actors.txt`` and ``*.agents.txt`` dictionaries in `folder`.

    Strict by default: a malformed code fails with E403. Given a `skipped` list (tolerant mode, for
    dictionaries shipped as they were published), a code that cannot be read is left out and its place
    ("file:line: [body]") is appended to the list instead."""
    actors = sorted(folder.glob("*actors.txt"))
    agents = sorted(folder.glob("*agents.txt"))
    if not actors:
        raise DataFileError(
            Errors.E403.format(path=folder, reason="no *actors.txt dictionary in this folder")
        )
    folded: list[tuple[str, Entry]] = []
    prefixes: list[tuple[str, Entry]] = []
    codes: set[str] = set()
    for path in actors:
        for names, entry in read_actors(path, skipped=skipped):
            for name in names:
                phrase = name.rstrip("_")
                folded.append((phrase, entry))
                if not name.endswith("_") and "_" not in phrase and " " not in phrase:
                    prefixes.append((phrase, entry))
            for code in (entry.code, *(t.code for t in entry.terms)):
                if code and len(code) == 3:
                    codes.add(code)
    for path in agents:
        folded.extend(_read_agents(path))
    grammar: RoleTable = load_data("roles")
    words_only = RoleTable(
        entries=tuple((form, entry) for form, entry in grammar.entries if entry.kind == "counterpart"),
        modifiers=grammar.modifiers,
        former=grammar.former,
        pronoun_gender=grammar.pronoun_gender,
        plural_pronouns=grammar.plural_pronouns,
        units=grammar.units,
        title_gender=grammar.title_gender,
        speech=grammar.speech,
    )
    return build_lexicon(
        f"petrarch:{folder.name}", folded=folded, prefixes=prefixes, roles=words_only, country_codes=codes
    )


def _lines(path: Path) -> list[tuple[int, str]]:
    """Lines without comments: `#` to the end of line, and `<!-- ... -->` / `<! -- ... -->` blocks."""
    out: list[tuple[int, str]] = []
    in_block = False
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if in_block:
            if "-->" in line:
                in_block = False
            continue
        if line.lstrip().startswith("<!"):
            in_block = "-->" not in line
            continue
        content = line.split("#", 1)[0].rstrip()
        if content.strip():
            out.append((number, content))
    return out


def read_actors(path: Path, *, skipped: list[str] | None = None) -> list[tuple[list[str], Entry]]:
    """The entries of one actors dictionary: each with its names (``_``-joined, as written).

    Strict (a malformed code raises DataFileError) unless `skipped` is given: then such a code is left
    out of its entry and recorded there as "file:line: [body]"."""
    entries: list[tuple[list[str], Entry]] = []
    names: list[str] = []
    default: str | None = None
    terms: list[Term] = []
    seen_code = False

    def close() -> None:
        if names and seen_code:
            entries.append((list(names), _actor_entry(names[0], default, terms)))

    for number, line in _lines(path):
        stripped = line.strip()
        if stripped.startswith("+"):
            names.append(_name(stripped[1:]))
            continue
        if line[0].isspace() or stripped.startswith("["):
            for default_code, term in _codes(stripped, path, number, skipped):
                seen_code = True
                if term is None:
                    default = default_code if default is None else default
                else:
                    terms.append(term)
            continue
        close()
        head = stripped.split("[", 1)[0]
        names, default, terms, seen_code = [_name(head)], None, [], False
        for default_code, term in _codes(stripped[len(head) :], path, number, skipped):
            seen_code = True
            if term is None:
                default = default_code if default is None else default
            else:
                terms.append(term)
    close()
    return entries


def _name(text: str) -> str:
    return "_".join(text.split())


def _actor_entry(name: str, default: str | None, terms: list[Term]) -> Entry:
    readable = name.strip("_").replace("_", " ").title()
    members = tuple(default.split("/")) if default and "/" in default else ()
    code = members[0] if members else default
    return Entry("actor", code=code, name=readable, terms=tuple(terms), members=members)


def _codes(
    text: str, path: Path, number: int, skipped: list[str] | None = None
) -> list[tuple[str | None, Term | None]]:
    """`[CODE]` → (CODE, None); `[CODE <950601]` → (None, Term); "---" is no actor (code None).
    A malformed code fails, or with `skipped` given is recorded there and left out."""
    out: list[tuple[str | None, Term | None]] = []
    for body in _BRACKET.findall(text):
        match = _DATED.match(body)
        days = _days(match) if match is not None else None
        if match is None or days is None:
            if skipped is not None:
                skipped.append(f"{path.name}:{number}: [{body}]")
                continue
            raise DataFileError(
                Errors.E403.format(path=f"{path}:{number}", reason=f"cannot read actor code [{body}]")
            )
        code = _clean_code(match.group(1))
        sign, single, first, last = days
        if sign is None and not first:
            out.append((code, None))
        elif sign == "<":
            out.append((None, Term(code, None, None, end=single)))
        elif sign == ">":
            out.append((None, Term(code, None, None, start=single)))
        else:
            out.append((None, Term(code, None, None, start=first, end=_next_day(last))))
    return out


def _days(match: re.Match[str]) -> tuple[str | None, str, str, str] | None:
    """The sign and the ISO dates of a code (`_iso`); None when a date is not a real day ("19990231")."""
    sign, *values = match.groups()[1:]
    days = [_iso(v) if v else "" for v in values]
    if not all(_real_day(day) for day in days if day):
        return None
    return sign, days[0], days[1], days[2]


@cache
def _real_day(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _clean_code(raw: str) -> str | None:
    code = raw.upper()
    return None if not code.strip("-+/") else code


def _iso(value: str) -> str:
    """YYMMDD (TABARI: 19YY from 30, else 20YY) or YYYYMMDD → YYYY-MM-DD."""
    if len(value) == 6:
        year = int(value[:2])
        value = f"{1900 + year if year >= 30 else 2000 + year}{value[2:]}"
    return f"{value[:4]}-{value[4:6]}-{value[6:]}"


def _next_day(value: str) -> str:
    """A TABARI range includes its last day; `Term.end` is exclusive."""
    return (date.fromisoformat(value) + timedelta(days=1)).isoformat()


def _read_agents(path: Path) -> list[tuple[str, Entry]]:
    sets: dict[str, list[str]] = {}
    out: list[tuple[str, Entry]] = []
    for number, line in _lines(path):
        stripped = line.strip()
        definition = _SET.match(stripped)
        if definition:
            sets[definition.group(1)] = [w.strip() for w in definition.group(2).split(",") if w.strip()]
            continue
        codes = _BRACKET.findall(stripped)
        if not codes:
            raise DataFileError(
                Errors.E403.format(path=f"{path}:{number}", reason="agent line without [code]")
            )
        head = stripped.split("[", 1)[0]
        plurals = re.findall(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", "", head).strip()
        code = codes[0].strip()
        prefix = code.endswith("~")
        sector = code.strip("~ ").upper()
        for form in _expand(phrase, sets):
            name = form.strip("_").replace("_", " ").lower()
            entry = Entry("role", sector=sector, name=name, prefix=prefix)
            out.append((name, entry))
            if not plurals:
                out.append((plural(name), entry))
            elif plurals[0].strip():
                out.append((plurals[0].strip().replace("_", " ").lower(), entry))
    return out


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """`CONGRESS!PERSON!` with !PERSON! = MAN, MEN → CONGRESSMAN, CONGRESSMEN."""
    marker = _MARKER.search(phrase)
    if marker is None or marker.group(1) not in sets:
        return [phrase]
    out: list[str] = []
    for word in sets[marker.group(1)]:
        out.extend(_expand(phrase[: marker.start()] + word + phrase[marker.end() :], sets))
    return out
