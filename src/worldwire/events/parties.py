"""The parties of a coded event: a resolved side, a predicate's arguments, and when two sides are one
party."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from worldwire.models import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from worldwire.events.patterns import Pattern


@dataclass(frozen=True, slots=True)
class Side:
    """One resolved party: the actor index it came from and the code used for it."""

    index: int | None
    text: str
    code: str | None
    country: str | None
    sector: str | None
    person: str | None = None  # the person's name: two people of one government are two parties
    # private people (`individual_sectors`): the first mention they refer to, and whether it names one person
    people: int | None = None
    single: bool = False


@dataclass(frozen=True, slots=True)
class Arguments:
    """A predicate's parties (actor indexes), the word it hangs on, and whose act it is when nobody is
    named: `unattributed` (done to someone, or violence, by no named author), `crowd` (a protest's crowd)."""

    source: list[int]
    target: list[int]
    anchor: Token
    unattributed: bool = False
    crowd: Side | None = None
    # the party nobody names that voiced a judgement a party received ("X drew criticism": X's public)
    judge: Side | None = None
    # the act its parties make of it: talks a third party holds between two are mediation
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    score: int


def state_or_organisation(side: Side | None) -> bool:
    """A party with a country, or an organisation's own code ("IGOUNO"): not an unplaced group ("CVL")."""
    return side is not None and (side.country is not None or len(side.code or "") > 3)


def same_party(a: Side, b: Side, apart: frozenset[str] = frozenset()) -> bool:
    """Never a country (or one group's members) acting on itself; but two different sectors of one country
    are two parties ("rebels demanded that the government ...": RWAREB → RWAGOV), and so are two people.
    A country named bare is its state: its own organs are itself ("Syria offered its troops"), but a sector
    in `apart` (its people, opposition, parties, firms: no organ of the state) is another party ("Iran
    issued warrants for 36 people": IRN → IRNCVL; "she urged voters to ...": BLR → BLRCVL), unless it is one
    private person ("returned the boy to her husband": a family's life, no act of a state)."""
    if a.index is not None and a.index == b.index:
        return True
    if a.person and b.person:  # "Trump fired Bolton": USAGOV → USAGOV, two people
        return a.person == b.person
    if a.person or b.person:  # a person and a body: two parties, unless it is the person's own state
        body = b if a.person else a
        return a.country == b.country and body.sector is None
    if a.people is not None and b.people is not None and (a.single or b.single):
        return a.people == b.people  # "he stabbed a woman", "a man attacked his neighbours": CVL → CVL
    if a.country is not None and a.country == b.country:
        other = a if a.sector else b  # the one with a sector, when the other is the country named bare
        return a.sector == b.sector if a.sector and b.sector else other.sector not in apart or other.single
    return a.code is not None and a.code == b.code


def resolved(actors: Sequence[Actor], index: int) -> Actor:
    """Follow `antecedent` links from a pronoun or role mention to the mention that carries the code."""
    actor = actors[index]
    for _ in range(5):
        if actor.code is not None or actor.antecedent is None or not 0 <= actor.antecedent < len(actors):
            break
        merged = actors[actor.antecedent]
        actor = Actor(
            actor.text, actor.start, actor.end, actor.sentence, merged.name, merged.code, merged.country,
            merged.sector, merged.wikidata, merged.kind, merged.members, merged.antecedent,
        )  # fmt: skip
    return actor


def referent(actors: Sequence[Actor], index: int) -> int:
    """The first mention of the party a mention refers to ("he" → "Kino Gabriel"), following `antecedent`."""
    for _ in range(5):
        antecedent = actors[index].antecedent
        if antecedent is None or not 0 <= antecedent < len(actors):
            break
        index = antecedent
    return index


UNKNOWN = Side(None, "", None, None, None)  # the author of unattributed violence
