"""Parse repairs: mend, right after parsing, misparses of the small model that would hide a sentence's
predicate from the actor reader and the event coder."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NOMINALS = frozenset({"NOUN", "PROPN"})


SUBCLAUSES = frozenset({"relcl", "advcl", "ccomp", "acl", "csubj", "pcomp"})
# Words that are a preposition or a subordinator: "after the vote" / "after the mayor was stabbed".
SUBORDINATORS = frozenset({"after", "before", "since", "until", "till"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def repair_misparses(doc: Doc) -> int:
    """Mend two parses of the small model that leave a news clause with no verb, its head a noun: a finite
    past verb read as a reduced relative on its subject ("A student group protested outside the embassy":
    "protested" an acl of "group") or as an adjective before its object ("Smith murdered two men":
    "murdered" an amod of "men"). When the noun heads the sentence (or a clause the parser could not label,
    `dep`) and has no finite verb of its own but in a subordinate clause, the past verb is the predicate:
    it takes the noun's place, the noun its subject (or its object). Returns how many were mended."""
    mended = 0
    for noun in [t for t in doc if t.pos_ in NOMINALS and t.dep_ in ("ROOT", "dep")]:
        verb = _reduced_predicate(noun) or _adjective_predicate(noun)
        if verb is None or any(_main_finite(t) for t in noun.subtree if t.i != verb.i):
            continue
        subject = noun if verb.dep_ == "acl" else doc[verb.i - 1]
        while subject.head.i not in (noun.i, verb.head.i, verb.i) and subject.head.i < verb.i:
            subject = subject.head
        if noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:  # "...; McArthur murdered men; ...": a clause of its own beside the main one
            verb.head, verb.dep_ = noun.head, "parataxis"
        if subject.i != noun.i:  # "Smith murdered men": Smith the subject, the men the object
            noun.head, noun.dep_ = verb, "dobj"
        subject.head, subject.dep_ = verb, "nsubj"
        mended += 1
    for marker in [t for t in doc if t.dep_ == "prep" and t.lower_ in SUBORDINATORS]:
        mended += _mend_time_clause(marker)
    for verb in [t for t in doc if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")]:
        mended += _mend_conjoined_subject(verb)
    return mended


def _mend_conjoined_subject(verb: Token) -> int:
    """ "US troops had defeated ISIS and Turkey would be moving into Syria": a second clause's subject read
    as a conjunct of the first clause's object, its verb left a conjunct with no subject. A finite verb (or
    its auxiliary) right after that conjunct, which has no subject of its own, is that noun's clause: the
    noun is its subject and "and" joins the two clauses. Returns 1 when mended."""
    doc = verb.doc
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return 0
    first = verb.left_edge
    if first.i == 0 or first.tag_ not in FINITE_TAGS:
        return 0
    if first.i != verb.i and (first.head.i != verb.i or first.dep_ not in ("aux", "auxpass")):
        return 0
    subject = doc[first.i - 1]
    while subject.dep_ != "conj" and subject.head.i != subject.i and subject.head.i < first.i:
        subject = subject.head  # "the Turkish army would ...": the noun phrase's head
    cc = [c for c in subject.head.children if c.dep_ == "cc" and c.i < subject.i]
    if (
        subject.dep_ != "conj"
        or subject.pos_ not in NOMINALS
        or subject.right_edge.i != first.i - 1
        or subject.head.dep_ not in ("dobj", "pobj", "attr")
        or subject.head.i < verb.head.i
        or not any(t.i == subject.head.i for t in verb.head.subtree)
        or not cc
    ):
        return 0
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subject.head, subject.dep_ = verb, "nsubjpass" if passive else "nsubj"
    cc[-1].head = verb.head
    return 1


def _mend_time_clause(marker: Token) -> int:
    """ "X was arrested after Adamowicz, mayor of Gdansk, was stabbed": a subordinator read as a
    preposition, the clause's subject as its object and the clause's verb hung elsewhere with no subject.
    When a finite verb (or its auxiliary) comes right after that object and has no subject of its own, the
    object is its subject and the verb's clause is marked by the word. Returns 1 when mended."""
    objects = [c for c in marker.children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].right_edge.i + 1 >= len(marker.doc):
        return 0
    subject = objects[0]
    first = marker.doc[subject.right_edge.i + 1]
    verb = first.head if first.dep_ in ("aux", "auxpass") else first
    if (
        first.tag_ not in FINITE_TAGS
        or verb.pos_ not in ("VERB", "AUX")
        or verb.i < subject.i
        or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        or subject.left_edge.i <= verb.head.i <= subject.right_edge.i
        or verb.head.i == verb.i
    ):
        return 0
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    verb.head, verb.dep_ = marker.head, "advcl"
    marker.head, marker.dep_ = verb, "mark"
    subject.head, subject.dep_ = verb, "nsubjpass" if passive else "nsubj"
    return 1


def _main_finite(token: Token) -> bool:
    """A finite verb (or auxiliary) of the clause itself, not of a clause under it."""
    clause = token.head if token.dep_ in ("aux", "auxpass") else token
    return token.tag_ in FINITE_TAGS and clause.dep_ not in SUBCLAUSES


def _reduced_predicate(root: Token) -> Token | None:
    """ "A student group protested outside the embassy": a bare past verb on the root noun, no comma
    between them (but for an apposition: "Smith, a lawyer, sued ..."), that says something of its own (an
    object, a preposition, a particle or a clause), not a by-phrase ("territory claimed by X")."""
    for verb in root.rights:
        if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
            continue
        if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children):
            return None
        punctuated = any(t.is_punct and t.tag_ != "HYPH" for t in root.doc[root.i + 1 : verb.i])
        if punctuated and not _apposed(root, verb):
            return None  # "the men, arrested on Tuesday": a participle set off; not "Smith, a lawyer, sued"
        if not any(
            c.dep_ in ("dobj", "dative", "oprd", "prep", "prt", "xcomp", "ccomp") for c in verb.children
        ):
            return None
        return verb
    return None


def _adjective_predicate(root: Token) -> Token | None:
    """ "Smith murdered two men": a past-tense verb (VBD, never a participle: "the detained men") parsed as
    an adjective of the root noun, right after a name or noun that the parser hung on that noun or verb."""
    # "Trump nominated Judge Barrett": the adjective may sit on a title compounded with the root
    heads = [root, *(c for c in root.lefts if c.dep_ == "compound")]
    for verb in (c for h in heads for c in h.lefts):
        if verb.dep_ != "amod" or verb.tag_ != "VBD" or verb.i == root.left_edge.i:
            continue
        before = root.doc[verb.i - 1]
        if before.pos_ not in NOMINALS or before.dep_ not in ("npadvmod", "compound", "nmod", "nsubj"):
            return None
        if before.head.i not in (verb.head.i, root.i, verb.i):
            return None
        return verb
    return None


def _apposed(root: Token, verb: Token) -> bool:
    """ "Smith, a lawyer, sued ...": the only punctuation between the noun and the verb the commas round an
    apposition that ends right before the verb."""
    doc = root.doc
    for appos in (t for t in doc[root.i + 1 : verb.i] if t.dep_ == "appos"):
        start, end = appos.left_edge.i - 1, appos.right_edge.i + 1
        if end != verb.i - 1 or doc[start].text != "," or doc[end].text != ",":
            continue
        inside = range(start, end + 1)
        return not any(
            t.is_punct and t.tag_ != "HYPH" and t.i not in inside for t in doc[root.i + 1 : verb.i]
        )
    return False
