"""What the dependency parse says, for the coder: edge groups and small tests on tokens."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from worldwire.events.patterns import Pattern, PatternBook

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECTS = frozenset({"dobj", "dative", "obj", "iobj", "attr", "oprd"})
# Edges the subject of a predicate is inherited across ("X vows to strengthen", "interested in expanding").
CONTROL = frozenset({"xcomp", "conj", "pcomp", "prep", "acomp", "advcl", "ccomp"})
# Sub-clauses whose words never fill the required words of an outer predicate.
CLAUSES = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj"})
MODIFIERS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
# What a verb of speaking says: its reported clause or quotation, or what it calls someone.
ANTI = re.compile(r"\banti\s*-\s*([a-z]+)")
SAID = frozenset({"ccomp", "parataxis", "oprd", "xcomp", "dobj", "attr"})
WH_WORDS = frozenset({"who", "which", "that", "whom"})
# A reported pronoun with no antecedent is the speaker when it fits the speaker's kind.
SPEAKER_PRONOUNS = {
    "it": frozenset({"state", "organisation"}),
    "they": frozenset({"state", "organisation", "group"}),
    "he": frozenset({"person"}),
    "she": frozenset({"person"}),
}
# the speaker's own side: "we should ..." exhorts the speaker's side, no appeal on another party
FIRST_PERSON = frozenset({"i", "we", "us", "me"})
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "who"})


def lemma_in(token: Token, index: Collection[str]) -> str:
    """The token's lemma if `index` has it, else a form of its word with the inflection taken off: the
    small model's lemmatizer slips on some verbs ("staged" → "stag") and takes a capitalised plural for a
    name ("Rockets struck the embassy": "Rockets")."""
    lemma = token.lemma_.lower()
    if lemma in index:
        return lemma
    word = token.lower_
    for cut, add in (
        ("", ""),
        ("d", ""),
        ("ed", ""),
        ("s", ""),
        ("es", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ied", "y"),
    ):
        if cut and word.endswith(cut) and (form := word[: -len(cut)] + add) in index:
            return form
        if not cut and word in index:
            return word
    return ""


def codes_one_of(token: Token, patterns: Mapping[str, tuple[Pattern, ...]], roots: Collection[str]) -> bool:
    """Whether a pattern of the token's word (in `patterns`: the book's verbs or nouns) has one of `roots`."""
    return any(p.code[:2] in roots for p in patterns.get(lemma_in(token, patterns), ()))


def in_order(pattern: Pattern, lower: list[str], lemmas: list[str], at: int) -> bool:
    """Word-sequence patterns (PETRARCH style): `before` phrases in order before the verb, `after` after
    it; the words of one phrase adjacent, other words allowed between phrases."""

    def found(phrase: list[str], position: int) -> bool:
        return all(
            position + k < len(lower) and word in (lower[position + k], lemmas[position + k])
            for k, word in enumerate(phrase)
        )

    def seek(groups: tuple[frozenset[str], ...], start: int, stop: int) -> bool:
        position = start
        for alternatives in groups:
            phrases = [p.split() for p in alternatives]
            while position < stop and not any(found(p, position) for p in phrases):
                position += 1
            if position >= stop:
                return False
            position += 1
        return True

    return seek(pattern.before, 0, at) and seek(pattern.after, at + 1, len(lower))


def simple_present(verb: Token) -> bool:
    """A verb in the simple present with no auxiliary ("the party supports the ticket"): in news, mostly a
    standing description or a habit, not a dated act."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def dated(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Tuesday", "in June")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def objects_of(token: Token) -> list[Token]:
    """The predicate's objects, with the subject of an object clause ("allowed X to take part", parsed
    as a clause whose subject is X) or of a small clause ("found X unlawful")."""
    found = [c for c in token.children if c.dep_ in OBJECTS]
    for clause in token.children:
        if clause.dep_ == "ccomp" and (
            small_clause(clause) or any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            found += [c for c in clause.children if c.dep_ == "nsubj"]
    if not found and token.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in token.children):
        # "surrounded and threatened the senator": one object shared by both verbs, hung on the first
        found = [c for c in token.head.children if c.dep_ in OBJECTS and c.i > token.i]
    return found


def small_clause(clause: Token) -> bool:
    """ "found [the decision unlawful]": an adjective with a subject and no verb, what the predicate
    says of its object."""
    return clause.pos_ == "ADJ" and not any(c.dep_ in ("aux", "cop") for c in clause.children)


def stranded_preps(verb: Token) -> set[str]:
    """Prepositions the parser hung on the verb's object or on a noun of its first prepositional phrase,
    though they belong to the verb ("charged the suspect in the shooting with murder")."""
    found: set[str] = set()
    for child in verb.children:
        nouns = [child] if child.dep_ == "dobj" else [o for o in child.children if o.dep_ == "pobj"]
        if child.dep_ not in ("dobj", "prep"):
            continue
        for noun in nouns:
            found |= {
                c.lower_ for c in noun.children if c.dep_ == "prep" and c.lower_ != "of" and not dated(c)
            }
    return found


def for_clauses(verb: Token) -> list[Token]:
    """ "called for the troops to withdraw", "pressed for his death to be investigated": a for-to clause,
    which the parser hangs on the verb as a clause with "for" as its mark."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
    ]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def voicing(verb: Token, book: PatternBook) -> bool:
    """A verb that voices its object noun ("issued a demand", "reiterated its call"), not a reaction to it."""
    lemma = verb.lemma_.lower()
    return lemma in book.light_verbs or lemma in book.speech_verbs


def tree_depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def dating_clause(verb: Token, markers: frozenset[str]) -> bool:
    """The verb is in a clause that only dates another ("after X resigned", "before resigning", "since the
    protests began"), or in what such a clause reports ("before he announced he would step down")."""
    while verb.dep_ in ("ccomp", "xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in markers for c in verb.children)
    return verb.dep_ == "pcomp" and verb.head.lower_ in markers


_ELLIPSES = ("[...]", "[…]", "...", "…")


def in_question(token: Token) -> bool:
    """The token's sentence asks: it ends with a question mark, and no ellipsis stands between the token
    and that mark ("... like a bully[...] How can you ...?": a quotation cut short joins two sentences
    the parser reads as one, and only the part after the cut asks)."""
    sent = token.sent
    text = sent.text.rstrip(" \"'”’)")
    if not text.endswith("?"):
        return False
    after = sent.doc.text[token.idx : sent.end_char]
    return not any(mark in after for mark in _ELLIPSES)


def to_clause(node: Token) -> bool:
    """A to-infinitive: "(wants Y) to lift", "(needs) to answer"."""
    return node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
