"""Modality of a coded event: asserted, intended, hypothetical, negated or historical.

Read from the predicate, the light verb an event noun hangs on, and the chain of words that govern them
within the clause ("vows to strengthen", "is interested in expanding", "if X attacks", "did not meet"),
with the cue vocabularies of data/modality/v1.toml.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import TYPE_CHECKING

from worldwire.events.grammar import simple_present
from worldwire.events.patterns import ModalityCues
from worldwire.models import Modality

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.tokens import Token

# Edges along which a governing word's modality carries down to the predicate.
CHAIN = frozenset({"xcomp", "pcomp", "prep", "pobj", "acomp", "dobj", "conj", "acl", "attr", "nsubjpass"})
CLAUSE_BREAKS = frozenset({"ccomp", "relcl", "advcl", "acl", "parataxis", "csubj", "conj", "xcomp"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
MONTHS = {
    **{name: i for i, name in enumerate(calendar.month_name) if name},
    **{name: i for i, name in enumerate(calendar.month_abbr) if name},
    "Sept": 9,
}


def _chain(token: Token, anchor: Token, cues: ModalityCues, alone: bool = False) -> list[Token]:
    """The predicate, its anchor, and the words governing them up the clause (not across reported speech,
    nor out of an event noun that is the occasion of its clause: `occasion_prepositions`); `alone`: the
    predicate only, an act told as done whatever governs it."""
    chain = [token] if anchor is token else [token, anchor]
    node = anchor
    for _ in range(0 if alone else 6):
        if (node.dep_ not in CHAIN and not infinitival(node)) or node.head.i == node.i:
            break
        if _occasion(node, cues):
            break  # "vowed revenge after the killing of X": the killing is told as done
        if node.dep_ == "conj" and (node.tag_ in FINITE or _own_subject(node)):
            # "would have faced X but resigned": a finite conjunct states its own event, and so does one
            # with its own subject ("X is not illegal, but an author was sentenced")
            break
        node = node.head
        chain.append(node)
    return chain


def _occasion(node: Token, cues: ModalityCues) -> bool:
    """An event noun after an occasion preposition hung on a verb: "after the killing", "despite the attack"
    ("following" may be parsed as a verb: "following the arrest")."""
    prep = node.head
    return (
        node.pos_ in ("NOUN", "PROPN")
        and node.dep_ in ("pobj", "dobj")
        and prep.lower_ in cues.occasion_prepositions
        and (node.dep_ == "pobj" or prep.lower_ == "following")
    )


def _own_subject(node: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)


def infinitival(node: Token) -> bool:
    """A to-clause on a noun ("plans to attack", "steps to ease"), whether parsed as acl or relcl."""
    return node.dep_ == "acl" or (
        node.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    )


def _clause(token: Token) -> list[Token]:
    """The predicate's own clause: its subtree without nested clauses."""
    words = [token]
    stack = [c for c in token.children if c.dep_ not in CLAUSE_BREAKS]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(c for c in word.children if c.dep_ not in CLAUSE_BREAKS)
    return words


def read_modality(
    token: Token,
    anchor: Token,
    cues: ModalityCues,
    published: date | None,
    code: str,
    recode: bool = True,
    alone: bool = False,
) -> tuple[Modality, str]:
    """The event's modality, and its CAMEO code as that modality makes it: an intended event becomes an
    expression of intent (03x), or a threat when made conditional ("... unless Y"); a negated intention
    ("will not accept", "refuses to meet") a rejection (12x). `alone`: an act told as done by what governs
    it ("Russia did not condemn Turkey's invasion": the invasion is told), read from its own words only."""
    chain = _chain(token, anchor, cues, alone)
    children = [c for word in chain for c in word.children]
    # the light verb of an event noun states the event, not an intention: "undertook a mission",
    # "committed atrocities", "offered concessions" (its own auxiliaries still count: "will undertake")
    performative = _performative(chain, children, cues)  # "we would like to thank": thanks, said now
    intended = not performative and _intended(
        [token, *chain[2:]] if anchor is not token else chain, children, cues
    )
    unfound = _unfound(chain, cues)  # "did not find X had attacked": no refusal of X's either
    if unfound or _negated(chain, children, cues):
        # "they must not send weapons" forbids; it is no refusal by "they"
        obliged = any(c.dep_ == "aux" and c.lower_ in cues.obligation_auxiliaries for c in children)
        prevented = any(w.lemma_.lower() in cues.prevention_verbs for w in chain[1:])
        refused = (intended and not obliged and not prevented) or any(
            w.lemma_.lower() in cues.refusal_verbs for w in chain[1:]
        )
        refusal = cues.refusal_code(code) if refused and recode and not unfound else None
        return ("asserted", refusal) if refusal else ("negated", code)
    habitual = _habitual(chain, children, cues)  # "would sometimes kill" is no possibility
    aim = not intended and _purpose(chain, cues)  # an aim is no event and no declared intention
    if not (habitual or performative) and (aim or _hypothetical(chain, children, cues)):
        # "X may halt its mediation if ...": a hostile step made conditional is a threat
        threat = cues.threat_code(code) if recode and _conditional(chain, cues) else None
        return ("intended", threat) if threat else ("hypothetical", code)
    if habitual or any(_historical(t, a, cues, published) for t, a in _dated_clauses(token, anchor)):
        return "historical", code
    if not intended or not recode:
        return ("intended" if intended else "asserted"), code
    if code[:2] in cues.preparation_roots and any(
        w.lemma_.lower() in cues.preparation_words or w.lower_ in cues.preparation_words for w in chain[1:]
    ):
        return "asserted", cues.preparation_code  # "prepared to resume shelling": a show of force
    # "would consider charging him": a policy option weighed, neither intention nor threat
    weighed = token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in cues.consideration_verbs
    threat = cues.threat_code(code) if _conditional(chain, cues) else None
    return "intended", cues.consideration_code if weighed else threat or cues.intent_code(code)


def condition_clauses(word: Token, cues: ModalityCues) -> list[Token]:
    """The clauses that make `word` conditional: "withdraw unless Y stops the shelling"."""
    return [
        c
        for c in word.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in cues.condition_markers for m in c.children)
    ]


def _conditional(chain: list[Token], cues: ModalityCues) -> bool:
    """ "X will withdraw unless Y ...": a condition clause on the intended action."""
    return any(condition_clauses(word, cues) for word in chain)


def _negation_among(
    children: Iterable[Token], cues: ModalityCues, deps: tuple[str, ...] = ("det", "advmod", "preconj")
) -> bool:
    """A negation among a word's dependents: "not", or a negation word in one of `deps` ("never", "no")."""
    return any(c.dep_ == "neg" or (c.lower_ in cues.negation_words and c.dep_ in deps) for c in children)


def _negated(chain: list[Token], children: list[Token], cues: ModalityCues) -> bool:
    if _negation_among(children, cues):
        return True
    if any(c.lower_ in cues.negative_objects and c.dep_ == "dobj" for c in chain[0].children):
        return True
    # "expressed no regret", "offered no apology": an object denied by its determiner; so is the subject of a
    # passive ("no soldiers were injured"), the object of its verb
    if any(
        c.dep_ in ("dobj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ in cues.negation_words for d in c.children)
        for c in chain[0].children
    ):
        return True
    return any(
        (
            (w.lemma_.lower() in cues.negating_verbs or w.lemma_.lower() in cues.prevention_verbs)
            and w.pos_ == "VERB"
        )
        or (w.lower_ in cues.negating_adjectives and w.pos_ == "ADJ")
        for w in chain[1:]
    )


def _unfound(chain: list[Token], cues: ModalityCues) -> bool:
    """ "The inquiry did not find the agency had broken the law": what a negated finding governs."""
    top = chain[-1]
    return (
        top.dep_ == "ccomp"
        and top.head.lemma_.lower() in cues.evidence_verbs
        and _negation_among(top.head.children, cues, ("advmod",))
    )


def _habitual(chain: list[Token], children: list[Token], cues: ModalityCues) -> bool:
    """ "they used to demand", "they would sometimes kill": what was done again and again, back then."""
    if any(w.lower_ == "used" and w.dep_ != "amod" and _to_clause(c) for w in chain[1:] for c in w.children):
        return True
    would = any(c.dep_ == "aux" and c.lower_ == "would" for c in children)
    return would and any(c.dep_ == "advmod" and c.lower_ in cues.habitual_words for c in children)


def _performative(chain: list[Token], children: list[Token], cues: ModalityCues) -> bool:
    """ "I would urge anyone with information to call", "we would like to thank X": the speaker does what
    the verb names by saying it, however politely hedged."""
    return (
        chain[0].lemma_.lower() in cues.performative_verbs
        and all(w.lemma_.lower() in cues.performative_lead_ins for w in chain[1:])
        and any(c.dep_ == "nsubj" and c.lower_ in cues.performative_subjects for c in children)
        and not _conditional(chain, cues)  # "if elected, I would ask Congress to ..."
    )


def _hypothetical(chain: list[Token], children: list[Token], cues: ModalityCues) -> bool:
    if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_markers for c in children):
        return True
    if any(w.pos_ == "ADJ" and w.lower_ in cues.possibility_adjectives for w in chain[1:]):
        return True  # "is eligible to appeal": a right, not an appeal
    if any(w.pos_ in ("VERB", "AUX") and w.lemma_.lower() in cues.obligation_verbs for w in chain[1:]):
        return True  # "they need to stand by us": what someone ought to do
    # "the speaker is allowed to adjourn the house": a power the rules give, not its use;
    # "people convicted of fraud are barred from office": a rule, not a happening
    if any(_permitted(w, cues) for w in chain[1:]) or _generic_present(chain, cues):
        return True
    governed = [*chain, chain[-1].head] if chain[-1].dep_ in ("ccomp", "xcomp") else chain
    if any({"would", "have"} <= {c.lower_ for c in w.children if c.dep_ == "aux"} for w in governed):
        return True  # "a bill that would have allowed China to extradite": what did not happen
    generic = _generic(children, cues)
    # "X said it would meet Y": reported speech shifts "will" to "would"; that is an intention.
    reported = any(w.dep_ == "ccomp" for w in chain) and not generic
    modals = cues.hypothetical_auxiliaries | (cues.future_auxiliaries if generic else frozenset())
    return any(
        (c.dep_ == "aux" and c.lower_ in modals and not (reported and c.lower_ == "would"))
        or (c.dep_ == "advmod" and c.lower_ in cues.hypothetical_words)
        for c in children
    )


def _generic(children: list[Token], cues: ModalityCues) -> bool:
    """A subject that names no one in particular: "a country", "any member" (not "a Canadian missionary")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lemma_.lower() in cues.generic_nouns
        and any(d.dep_ == "det" and d.lower_ in cues.generic_determiners for d in c.children)
        for c in children
    )


def _present(word: Token) -> bool:
    """A simple-present clause, active or passive ("faces", "are referred"), not a perfect or progressive."""
    if word.tag_ in ("VBZ", "VBP"):
        return simple_present(word)
    auxes = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
    return word.tag_ == "VBN" and [c.dep_ for c in auxes] == ["auxpass"] and auxes[0].tag_ in ("VBZ", "VBP")


def _permitted(word: Token, cues: ModalityCues) -> bool:
    """ "is allowed to", "are required to": a present-tense permission or duty governing the act."""
    return word.lower_ in cues.permission_participles and word.tag_ == "VBN" and _present(word)


def _generic_present(chain: list[Token], cues: ModalityCues) -> bool:
    """A simple-present clause whose subject names no one in particular: a bare plural ("countries that
    leave lose access", "people held in contempt are referred to prosecutors"), "anyone", "a member that
    ..."; the act may be the clause's own or a participle on that subject ("people held in contempt")."""
    words = [*chain, chain[0].head] if chain[0].dep_ == "acl" else chain
    for word in words:
        subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and _present(word) and any(_generic_subject(s, cues) for s in subjects):
            return True
    return False


def _generic_subject(subject: Token, cues: ModalityCues) -> bool:
    lemma = subject.lemma_.lower()
    dets = [c.lower_ for c in subject.children if c.dep_ in ("det", "poss", "nummod", "compound", "amod")]
    if lemma in cues.generic_people and subject.tag_ != "NNS":
        return not dets  # "anyone", "everyone"
    if lemma not in cues.generic_people and lemma not in cues.generic_nouns:
        return False
    if subject.tag_ == "NNS":
        return not dets  # "people", "countries": no "the", "its", "two", "EU", "Western"
    return len(dets) == 1 and dets[0] in cues.generic_determiners  # "a member", "any country", "every state"


def _intended(chain: list[Token], children: list[Token], cues: ModalityCues) -> bool:
    # "Trump's planned trip to Warsaw", "the expected visit": an event noun planned, not made
    if chain[0].pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in cues.intent_adjectives for c in chain[0].children
    ):
        return True
    if any(
        c.dep_ == "aux" and (c.lower_ in cues.future_auxiliaries or c.lower_ == "would") for c in children
    ):
        return True
    for word in chain[1:]:
        lemma = word.lemma_.lower()
        if (
            (word.pos_ in ("VERB", "AUX") and lemma in cues.intent_verbs)
            or (  # "ready to", and participles used so: "troops are poised to attack"
                (word.pos_ == "ADJ" or word.tag_ == "VBN")
                and (lemma in cues.intent_adjectives or word.lower_ in cues.intent_adjectives)
            )
            or (word.pos_ == "NOUN" and lemma in cues.intent_nouns)
            or (word.lower_ == "going" and any(c.dep_ == "xcomp" for c in word.children))
            or (lemma == "be" and any(_to_clause(c) for c in word.children))  # "were to storm"
        ):
            return True
    return False


def _purpose(chain: list[Token], cues: ModalityCues) -> bool:
    """ "came to Iraq to fight ISIS": a purpose clause says what an act was for, neither something done nor
    a plan the actor declared (not on "took steps/measures to ease", nor "crowds gathered to protest": those
    state the act itself)."""
    return any(
        w.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in w.children)
        and not any(c.dep_ == "dobj" and c.lemma_.lower() in cues.action_nouns for c in w.head.children)
        and not (w.lemma_.lower() in cues.assembly_purposes and w.head.lemma_.lower() in cues.assembly_verbs)
        for w in chain
    )


def _to_clause(word: Token) -> bool:
    return word.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)


def historical(token: Token, cues: ModalityCues, published: date | None) -> bool:
    """The predicate's clause tells the past before the news: dated years back, or a word of history."""
    return _historical(token, token, cues, published)


def _historical(token: Token, anchor: Token, cues: ModalityCues, published: date | None) -> bool:
    clause = _clause(anchor)
    lemmas = {w.lemma_.lower() for w in clause}
    if lemmas & cues.historical_words and (lemmas & cues.historical_units or "ago" not in lemmas):
        return True
    if anchor.dep_ == "pobj" and anchor.head.head.lemma_.lower() in cues.historical_words:
        return True  # "the 70th anniversary of the Party's takeover"
    if published is None:
        return False
    for year, word in _dating_years(token, anchor):
        month = _month(word)
        if month is None and year <= published.year - cues.historical_min_years:
            return True
        if month is not None:
            months = (published.year - year) * 12 + published.month - month
            if months > cues.historical_min_months:
                return True
    return False


def history(token: Token, anchor: Token, cues: ModalityCues, published: date | None) -> bool:
    """The predicate is dated only to a year long before the document (`history_min_years`): history told
    as background ("Roosevelt mediated a peace agreement in 1905"), not news."""
    if published is None:
        return False
    oldest = published.year - cues.history_min_years
    return any(
        year <= oldest for t, a in _dated_clauses(token, anchor) for year, _word in _dating_years(t, a)
    )


def _dated_clauses(token: Token, anchor: Token) -> list[tuple[Token, Token]]:
    """The predicate with its anchor, and the clause an adverbial clause hangs on, whose date is its own."""
    return [(token, anchor)] + ([(anchor.head, anchor.head)] if anchor.dep_ == "advcl" else [])


def _dating_years(token: Token, anchor: Token) -> Iterator[tuple[int, Token]]:
    """The years (and their words) that date the predicate in its clause: "in 1992", not "its 2018 Act"."""
    for word in _clause(anchor):
        found = YEAR.fullmatch(word.text)
        if found and word.ent_type_ == "DATE" and _dates(word, anchor, token):
            yield int(found.group(1)), word


def _month(year: Token) -> int | None:
    """The month named in the year's own date phrase ("March 2018", "3 March 2018"), if any."""
    entity = [t for t in year.doc[max(0, year.i - 3) : year.i] if t.ent_type_ == "DATE"]
    for word in reversed(entity):
        name = word.text.rstrip(".").title()
        if name in MONTHS:
            return MONTHS[name]
    return None


def _dates(word: Token, anchor: Token, token: Token) -> bool:
    """A year that dates the predicate ("in 1992", "on 3 March 1992") or its event noun ("the 1944 attack"),
    not a name's year ("its 2018 Act")."""
    node = word
    for _ in range(4):  # up through the date phrase itself
        if node.head.i == node.i or node.head.ent_type_ != "DATE":
            break
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "since":
        return False  # "the first to refuse since 1976": a span reaching the present
    if token.pos_ in ("NOUN", "PROPN") and node.head.i == token.i:  # "the 1944 attack", "its 2003 invasion"
        return node.dep_ in ("nummod", "compound", "amod", "nmod", "npadvmod", "poss")
    if node.head.i == anchor.i:
        return node.dep_ in ("npadvmod", "nmod", "advmod", "tmod", "pobj", "dobj") or node.dep_ == "prep"
    return node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i == anchor.i
