"""The event coder: predicates and their arguments in each sentence's dependency parse → coded events.

For every verb or event noun whose lemma has patterns, the coder picks the most specific matching
pattern, reads the source (subject, passive agent, owner of an event noun, subject of the governing
verb) and the target (the pattern's preposition, the object, "with/to/against X"), resolves both to actor
mentions, reads the modality, and writes one event per source-target dyad. Reported speech needs no
special case: the inner clause's predicate is coded with its own subject.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from worldwire.actors import default_lexicon
from worldwire.events.codebook import cameo_entry, plover_codebook
from worldwire.events.confidence import confidence_model
from worldwire.events.modality import infinitival, read_modality
from worldwire.events.patterns import Pattern, PatternBook, modality_cues, pattern_book
from worldwire.models import Actor, ActorDocument, Event, EventActor, EventDocument, Modality
from worldwire.nlp import inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from worldwire.actors.lexicon import Entry as PlaceEntry

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECTS = frozenset({"dobj", "dative", "obj", "iobj", "attr", "oprd"})
# Edges the subject of a predicate is inherited across ("X vows to strengthen", "interested in expanding").
CONTROL = frozenset({"xcomp", "conj", "pcomp", "prep", "acomp", "advcl", "ccomp"})
# Sub-clauses whose words never fill the required words of an outer predicate.
CLAUSES = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj"})
MODIFIERS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
# What a verb of speaking says: its reported clause or quotation, or what it calls someone.
_ANTI = re.compile(r"\banti\s*-\s*([a-z]+)")
SAID = frozenset({"ccomp", "parataxis", "oprd", "xcomp", "dobj", "attr"})
WH_WORDS = frozenset({"who", "which", "that", "whom"})
# A reported pronoun with no antecedent is the speaker when it fits the speaker's kind.
SPEAKER_PRONOUNS = {
    "it": frozenset({"state", "organisation"}),
    "they": frozenset({"state", "organisation", "group"}),
    "he": frozenset({"person"}),
    "she": frozenset({"person"}),
}


@dataclass(frozen=True, slots=True)
class _Side:
    """One resolved party: the actor index it came from and the code used for it."""

    index: int | None
    text: str
    code: str | None
    country: str | None
    sector: str | None
    person: str | None = None  # the person's name: two people of one government are two parties


_UNKNOWN = _Side(None, "", None, None, None)  # the author of unattributed violence

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "who"})


@dataclass(frozen=True, slots=True)
class _Arguments:
    """A predicate's parties (actor indexes), the word it hangs on, and whose act it is when nobody is
    named: `unattributed` (done to someone, or violence, by no named author), `crowd` (a protest's crowd)."""

    source: list[int]
    target: list[int]
    anchor: Token
    unattributed: bool = False
    crowd: _Side | None = None


@dataclass(frozen=True, slots=True)
class _Match:
    pattern: Pattern
    score: int


@dataclass(frozen=True, slots=True)
class CoderOptions:
    """How to code: the pattern book (None: worldwire's own), whether intended events become CAMEO 03x,
    and whether a visit's destination may be read from a country adjective or capital."""

    book: PatternBook | None = None
    recode_intent: bool = True
    places: bool = True


def code_document(doc: ActorDocument, options: CoderOptions = CoderOptions()) -> EventDocument:
    """Code every sentence of one document (all of them: nothing is truncated)."""
    if doc.error is not None or not doc.annotated.segments:
        return EventDocument(actors=doc)
    coder = _DocumentCoder(doc, options)
    # Sentence order; within a sentence, the order coded (outermost predicate first).
    return EventDocument(actors=doc, events=tuple(sorted(coder.events(), key=lambda e: e.sentence)))


class _DocumentCoder:
    def __init__(self, doc: ActorDocument, options: CoderOptions) -> None:
        self.doc = doc
        self.options = options
        self.book: PatternBook = options.book or pattern_book()
        self.sentences = doc.annotated.sentences
        self.sentence_starts = [s.start for s in self.sentences]
        self.places = place_names() if options.places else {}
        self.published = _published(doc.clean.date)

    def events(self) -> Iterator[Event]:
        seen: set[tuple[object, ...]] = set()  # one event per dyad, code and modality in a sentence
        for segment in self.doc.annotated.segments:
            token_actor = self._token_actors(segment.offset, segment.doc)
            for event in _SegmentCoder(self, segment.offset, segment.doc, token_actor).events():
                key = (
                    event.sentence,
                    event.source.code,
                    event.source.actor,
                    _target_key(event),
                    event.cameo,
                    event.modality,
                )
                if key not in seen:
                    seen.add(key)
                    yield event

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sentence_starts, char) - 1)

    def _token_actors(self, offset: int, parsed: Doc) -> list[int | None]:
        """For each token of the segment, the actor mention covering it (the shortest, when nested)."""
        owner: list[int | None] = [None] * len(parsed)
        width: list[int] = [1 << 30] * len(parsed)
        end = offset + len(parsed.text)
        for index, actor in enumerate(self.doc.actors):
            if actor.start < offset or actor.end > end:
                continue
            span = parsed.char_span(actor.start - offset, actor.end - offset, alignment_mode="expand")
            if span is None:
                continue
            size = actor.end - actor.start
            for token in span:
                if size < width[token.i]:
                    owner[token.i], width[token.i] = index, size
        return owner


def _target_key(event: Event) -> tuple[str | None, int | None]:
    return (None, None) if event.target is None else (event.target.code, event.target.actor)


class _SegmentCoder:
    def __init__(
        self, parent: _DocumentCoder, offset: int, parsed: Doc, token_actor: list[int | None]
    ) -> None:
        self.parent = parent
        self.book = parent.book
        self.actors = parent.doc.actors
        self.offset = offset
        self.parsed = parsed
        self.token_actor = token_actor
        self.coded_heads: set[int] = set()
        self.emitted_heads: set[int] = set()  # predicates that gave an event (coded_heads: also those tried)
        self.blocked: tuple[_Side, ...] = ()  # the acting party, never its own target
        self.reciprocal_codes = frozenset(self.book.reciprocal.values())

    # ── predicates ───────────────────────────────────────────────────────────────────────────────

    def events(self) -> list[Event]:
        """Every event of the segment, each sentence's outermost predicate first (verbs and nouns alike):
        a sentence's first event is its main one."""
        ranked: list[tuple[int, int, int, Event]] = []
        for depth, event in self._coded():
            ranked.append((event.sentence, depth, len(ranked), event))
        return [event for *_, event in sorted(ranked, key=lambda r: r[:3])]

    def _coded(self) -> Iterator[tuple[int, Event]]:
        verbs = self.book.verbs
        nouns = self.book.nouns
        # Verbs first, in text order, so a governing predicate ("threatened to attack") claims its
        # complement, and a light verb that is itself an event claims its noun; a reporting verb after
        # its report ("..., officials said") claims nothing. The main event is ranked by depth after.
        # A word inside an actor's name ("the Committee to Protect Journalists") is no predicate.
        candidates = [
            t
            for t in self.parsed
            if t.pos_ in ("VERB", "AUX") and self.token_actor[t.i] is None and lemma_in(t, verbs)
        ]
        yield from self._reported_demands()
        for token in candidates:
            match = None if self._claimed(token) else self._best(verbs[lemma_in(token, verbs)], token)
            if match is not None:
                yield from ((_depth(token), e) for e in self._code(token, match, "verb"))
        for token in self.parsed:
            fallback = self.book.fallback.get(lemma_in(token, self.book.fallback))
            if fallback is None or token.pos_ != "VERB" or self._claimed(token):
                continue
            # only with a complement that was not coded: "agreed to set up a centre", "agreed to a plan"
            complement = any(
                c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"))
                for c in token.children
            )
            if complement and not any(t.i in self.coded_heads for t in token.subtree):
                yield from ((_depth(token), e) for e in self._code(token, _Match(fallback, 0), "verb"))
        for token in self.parsed:
            if token.pos_ not in ("NOUN", "PROPN") or not lemma_in(token, nouns):
                continue
            if token.head.i in self.coded_heads or self._claimed(token):
                continue
            match = self._best(nouns[lemma_in(token, nouns)], token)
            if match is not None:
                yield from ((_depth(token.head), e) for e in self._code(token, match, "noun"))
        for verb, source, code, target in self._criticisms():
            said = Pattern(code, "verb", verb.lemma_.lower(), (), (), False, 0, verb.lemma_.lower())
            coded = self._code(verb, _Match(said, 0), "verb", target=target, source=source)
            yield from ((_depth(verb), e) for e in coded)

    def _criticisms(self) -> Iterator[tuple[Token, list[int], str, list[int]]]:
        """ "The statement was a stab in the back," said X: a speaker's words of blame that code nothing
        themselves are a criticism or an accusation by the speaker of the party they name; words of praise
        about a party they name ("D'Souza had been an iconic leader") are praise. The words are a
        reported clause or quotation of a verb of speaking, or a quotation running on from a sentence
        before whose speaker is named."""
        book = self.book
        speaker: tuple[list[int], Token] | None = None
        for sent in self.parsed.sents:
            verb = next(
                (
                    t
                    for t in sent
                    if t.pos_ == "VERB"
                    and t.lemma_.lower() in book.evaluation_verbs
                    and any(c.dep_ in SAID for c in t.children)
                ),
                None,
            )
            if verb is not None:
                # what was said, or what something was called ("characterized the attack as a violation")
                said = [c for c in verb.children if c.dep_ in SAID or (c.dep_ == "prep" and c.lower_ == "as")]
                words = [t for c in said for t in c.subtree]
                source = self._subject(verb) or self._issuer(verb)
                speaker = (source, verb) if source else None
            elif speaker is not None and self._quote_runs_on(sent):
                source, verb = speaker[0], sent.root
                words = list(sent)
            else:
                speaker = None
                continue
            if not source or any(t.i in self.emitted_heads for t in words):
                continue
            lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
            code = (
                book.accusation_code
                if lemmas & book.accusation_words
                else book.criticism_code
                if lemmas & book.criticism_words
                else None
            )
            speakers = {referent(self.actors, i) for i in source}
            voices = self._sides(source)
            named = [
                i
                for t in words
                if (i := self.token_actor[t.i]) is not None
                and referent(self.actors, i) not in speakers  # not "we" in the speaker's own words
                and not any(
                    _same_party(a, b) for a in voices for b in self._sides([i])
                )  # "Iraqi sovereignty"
            ]
            if code is None and lemmas & book.sympathy_words and named:
                yield verb, source, book.sympathy_code, named[:1]  # "our condolences to the family"
            elif code is None and lemmas & book.praise_words and named:
                yield verb, source, book.praise_code, named[:1]  # "Y was an iconic leader," said X
            if code is None:
                continue
            blamed = [i for i in named if resolved(self.actors, i).sector not in book.unconventional_targets]
            yield verb, source, code, blamed[:1]

    def _issuer(self, verb: Token) -> list[int]:
        """ "X released a statement which read ...": who issued the statement that speaks."""
        statement = verb.head if verb.dep_ == "relcl" else None
        if statement is None or statement.lemma_.lower() not in self.book.speech_nouns:
            return []
        return self._subject(statement.head) if statement.dep_ in OBJECTS else []

    def _quote_runs_on(self, sent: Span) -> bool:
        """The sentence starts inside a quotation opened in an earlier sentence."""
        return inside_quotation(self.parsed.text[: sent.start_char])

    def _reported_demands(self) -> Iterator[tuple[int, Event]]:
        """ "X said Y must withdraw": a demand by the speaker on the reported clause's subject."""
        book = self.book
        for verb in self.parsed:
            if verb.lemma_.lower() not in book.speech_verbs or verb.i in self.coded_heads:
                continue
            for clause in verb.children:
                if clause.dep_ != "ccomp" or clause.i in self.coded_heads:
                    continue
                if not any(c.dep_ == "aux" and c.lower_ in book.demand_auxiliaries for c in clause.children):
                    continue
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                target = self._actors_of(subjects[0]) if subjects else []
                if target:
                    demand = Pattern(book.demand_code, "verb", verb.lemma_.lower(), (), (), False, 0, "must")
                    coded = self._code(verb, _Match(demand, 0), "verb", target=target, claim=clause)
                    yield from ((_depth(verb), e) for e in coded)
        yield from self._noun_demands()
        yield from self._complaints()

    def _complaints(self) -> Iterator[tuple[int, Event]]:
        """ "Turkey protested that Greece had violated its airspace": a complaint against the clause's subject
        (the clause keeps its own event)."""
        book = self.book
        for verb in self.parsed:
            lemma = verb.lemma_.lower()
            code = book.complaint_verbs.get(lemma) or (
                book.accusation_code if lemma in book.speech_verbs else None
            )
            if code is None or verb.pos_ != "VERB" or verb.i in self.coded_heads:
                continue
            for clause in verb.children:
                if clause.dep_ != "ccomp" or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
                ):
                    continue
                if lemma not in book.complaint_verbs and not self._blames(clause):
                    continue  # "X said Y is responsible for the attack" accuses Y; "X said Y won" does not
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                target = self._actors_of(subjects[0]) if subjects else []
                if target:
                    complaint = Pattern(
                        code, "verb", verb.lemma_.lower(), (), (), False, 0, verb.lemma_.lower()
                    )
                    coded = self._code(verb, _Match(complaint, 0), "verb", target=target)
                    yield from ((_depth(verb), e) for e in coded)
                    break

    def _blames(self, clause: Token) -> bool:
        """A clause that holds its subject to blame: "Y is responsible for", "Y was behind", "Y is guilty"."""
        return clause.lemma_.lower() == "be" and any(
            (c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.book.blame_predicates)
            or (c.dep_ == "prep" and c.lower_ in self.book.blame_predicates)
            for c in clause.children
        )

    def _noun_demands(self) -> Iterator[tuple[int, Event]]:
        """ "X reiterated its demand that Y ease ...", "issued a reminder to Y that it must ...": a demand by
        the noun's owner on the clause's subject (a speech noun needs a demand auxiliary)."""
        book = self.book
        for noun in self.parsed:
            lemma = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or (lemma not in book.demand_nouns and lemma not in book.speech_nouns):
                continue
            # the parser often hangs the clause on the verb whose object the noun is
            held = [c for c in noun.head.children if c.i > noun.i] if noun.dep_ == "dobj" else []
            for clause in (*noun.children, *held):
                if clause.dep_ not in ("acl", "ccomp", "relcl") or clause.i in self.coded_heads:
                    continue
                if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    continue
                must = any(c.dep_ == "aux" and c.lower_ in book.demand_auxiliaries for c in clause.children)
                if lemma not in book.demand_nouns and not must:
                    continue
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                target = self._actors_of(subjects[0]) if subjects else []
                if subjects and not target and subjects[0].lower_ in SPEAKER_PRONOUNS:
                    # "a reminder to Iraq that it must"
                    target = self._pobj_actors(noun, ("to",)) or self._pobj_actors(noun.head, ("to",))
                if target:
                    demand = Pattern(book.demand_code, "noun", lemma, (), (), False, 0, lemma)
                    coded = self._code(noun, _Match(demand, 0), "noun", claim=clause, target=target)
                    yield from ((_depth(noun.head), e) for e in coded)

    def _claimed(self, token: Token) -> bool:
        """True when an enclosing predicate of the same clause chain was already coded."""
        if token.i in self.coded_heads:
            return True  # the clause of a demand already coded
        node = token
        for _ in range(4):
            if (
                node.dep_ not in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acomp")
                or node.head.i == node.i
            ):
                return False
            node = node.head
            if node.i in self.coded_heads:
                return True
        return False

    def _window(self, token: Token) -> set[str]:
        """Lemmas and words of the predicate's dependents, two levels down, outside subjects and clauses."""
        words: set[str] = set()
        if token.dep_ == "acl" and token.tag_ == "VBN":  # "a lawsuit filed by X against Y": files a lawsuit
            words.add(token.head.lemma_.lower())
        for child in token.children:
            if child.dep_ in SUBJECTS or child.dep_ in CLAUSES:
                continue
            words.add(child.lemma_.lower())
            words.add(child.lower_)
            for grandchild in child.children:
                if grandchild.dep_ not in CLAUSES:
                    words.add(grandchild.lemma_.lower())
                    words.add(grandchild.lower_)
                if grandchild.dep_ == "prep" and grandchild.lower_ == "of":  # "state of emergency"
                    for word in grandchild.children:
                        if word.dep_ == "pobj":  # "part of a military aid programme"
                            words.add(word.lemma_.lower())
                            words.update(w.lemma_.lower() for w in word.lefts if w.dep_ in MODIFIERS)
        return words

    def _best(self, patterns: Sequence[Pattern], token: Token) -> _Match | None:
        window = self._window(token)
        lower = [t.lower_ for t in token.sent]
        lemmas = [t.lemma_.lower() for t in token.sent]
        at = token.i - token.sent.start
        # "called off its search late on Tuesday": a preposition of time carries no target
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative") and not _dated(c)}
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":  # "gave a welcome (…) to X"
            preps |= {c.lower_ for c in token.head.children if c.dep_ in ("prep", "dative") and c.i > token.i}
        preps |= _stranded_preps(token)
        best: _Match | None = None
        for pattern in patterns:
            if (
                not all(alternatives & window for alternatives in pattern.required)
                or pattern.forbidden & window
            ):
                continue
            if (pattern.before or pattern.after) and not _in_order(pattern, lower, lemmas, at):
                continue
            if pattern.mutual and len(self._subject(token)) < 2:
                continue
            score = 3 * (len(pattern.required) + len(pattern.before) + len(pattern.after)) + pattern.mutual
            if pattern.preps and preps & set(pattern.preps):
                score += 1
            elif pattern.preps and not pattern.required:
                continue  # a bare "lemma prep" pattern ("agree on", "arrive in") needs its preposition
            if pattern.object_target:
                if not any(self._actors_of(c) for c in _objects(token)):
                    continue
                score += 1
            if best is None or score > best.score:
                best = _Match(pattern, score)
        return best

    # ── arguments ────────────────────────────────────────────────────────────────────────────────

    def _actors_of(self, token: Token) -> list[int]:
        """Actor mentions that an argument head stands for: itself and its conjuncts, else their owners
        ("Kazakhstan's president"), else "of" phrases ("the president of Kazakhstan")."""
        found: list[int] = []
        for unit in (token, *token.conjuncts):
            own = self.token_actor[unit.i]
            if own is not None:
                found.append(own)
                continue
            inner = [
                self.token_actor[t.i]
                for child in unit.lefts
                if child.dep_ in MODIFIERS or child.dep_ == "det"
                for t in child.subtree
                if self.token_actor[t.i] is not None
            ]
            if not inner:
                inner = [
                    self.token_actor[t.i]
                    for child in unit.rights
                    if child.dep_ == "prep" and child.lower_ in ("of", "from")
                    for t in child.subtree
                    if self.token_actor[t.i] is not None
                ]
            if not inner:  # "Kenzo Oshima, the United Nations relief coordinator": the apposition's
                inner = [i for child in unit.rights if child.dep_ == "appos" for i in self._actors_of(child)]
            found.extend(i for i in inner if i is not None)
        return list(dict.fromkeys(found))

    def _others(self, indexes: Iterable[int]) -> list[int]:
        """Mentions that are not the acting party itself ("Syria offered its troops": not SYR → SYRMIL)."""
        kept = []
        for index in indexes:
            sides = self._sides([index])
            if not sides or not all(any(_same_party(s, b) for b in self.blocked) for s in sides):
                kept.append(index)
        return kept

    def _pobj_actors(self, head: Token, preps: Iterable[str]) -> list[int]:
        wanted = set(preps)
        found: list[int] = []
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in wanted and not self._channel(child):
                for obj in child.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        found.extend(self._actors_of(obj))
        return self._others(found)

    def _channel(self, prep: Token) -> bool:
        """ "on Twitter", "via television": a preposition that names where words were said, not a party."""
        return prep.lower_ in self.book.channel_preps and any(
            o.dep_ == "pobj" and o.lower_ in self.book.channels for o in prep.children
        )

    def _subject(self, token: Token) -> list[int]:
        """The acting party of a verb: passive agent, subject, or the controller up the clause chain."""
        node: Token | None = token
        for _ in range(5):
            if node is None:
                break
            found = self._own_subject(node)
            if found is None:
                found, node = self._inherited(node)
            if found is not None:
                return found
        return []

    def _inherited(self, node: Token) -> tuple[list[int] | None, Token | None]:
        """For a clause without its own subject: the subject it takes over (found), or the word to look
        at next (node), or neither (no subject)."""
        passive_modifier = node.tag_ == "VBN" and node.dep_ in ("advcl", "acl", "amod")
        imperative = (
            node.tag_ == "VB"
            and node.dep_ in ("ROOT", "conj")
            and not any(c.dep_ == "aux" for c in node.children)
        )
        # "when asked ...", "a man armed with a knife": the head's subject undergoes it; "ask anyone" has
        # no actor; a head clause's subject does not reach into reported speech.
        # "urged Y to comply": asked of Y, not done by Y
        directed = (
            node.dep_ == "xcomp"
            and node.head.lemma_.lower() in self.book.directive_verbs
            and any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in node.head.children)
        )  # not "Russia pushed to block the resolution": Russia blocks
        # "were confirmed killed", "was reported kidnapped": the subject undergoes the participle
        participle = node.dep_ == "xcomp" and node.tag_ == "VBN"
        if passive_modifier or imperative or directed or participle or node.head.i == node.i:
            return [], None
        if node.dep_ in ("acl", "relcl"):
            found = self._copular_subject(node.head) or self._actors_of(node.head)
            if found or node.head.dep_ not in ("dobj", "attr") or not infinitival(node):
                return found, None
            # "Russia has no plans to attack", "took steps to ease": the owner of the plans, the steps
            return None, node.head.head
        if node.dep_ not in CONTROL or (node.dep_ == "ccomp" and node.head.lemma_.lower() != "be"):
            return [], None
        if node.dep_ == "xcomp":
            # raising: "X was seen to break into ...", "X is said to have attacked": X acts;
            # object control: "urged Y to withdraw": Y withdraws
            passive = not any(c.dep_ == "agent" for c in node.head.children)
            takers = [
                c
                for c in node.head.children
                if c.dep_ in ("dobj", "dative") or (passive and c.dep_ == "nsubjpass")
            ]
            controlled = [i for c in takers for i in self._actors_of(c)]
            if controlled:
                return controlled, None
        return None, node.head

    def _own_subject(self, node: Token) -> list[int] | None:
        """The subject a clause states itself (None: it states none, look up the chain)."""
        for by in (c for c in node.children if c.dep_ == "agent"):
            actors = [i for obj in by.children if obj.dep_ == "pobj" for i in self._actors_of(obj)]
            if actors:
                return actors
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        for subject in subjects:
            if subject.lower_ in WH_WORDS and node.dep_ == "relcl":
                return self._actors_of(node.head)
            if self.token_actor[subject.i] is None and lemma_in(subject, self.book.nouns):
                return []  # "a Kabul car bombing killed five": the event noun's modifiers are no authors
            actors = self._actors_of(subject) or self._copular_subject(subject)
            if not actors and subject.lower_ in SPEAKER_PRONOUNS and node.dep_ == "ccomp":
                # "Switzerland said it had expelled ...": the reported "it" is the speaker; not in
                # "officials said it killed nine people".
                kinds = SPEAKER_PRONOUNS[subject.lower_]
                speaker = [c for c in node.head.children if c.dep_ == "nsubj"]
                said = self._actors_of(speaker[0]) if speaker else []
                actors = [i for i in said if resolved(self.actors, i).kind in kinds]
            if actors:
                return actors
        return self._passive_subject(node, bool(subjects))

    def _passive_subject(self, node: Token, has_subject: bool) -> list[int] | None:
        """A passive clause names no actor ([]), except a stative passive: "X is opposed to" (X acts)."""
        passives = [c for c in node.children if c.dep_ == "nsubjpass"]
        if passives and not has_subject and lemma_in(node, dict.fromkeys(self.book.stative_passives)):
            return self._actors_of(passives[0])
        return [] if has_subject or passives else None

    def _stray_agent(self, verb: Token) -> list[int]:
        """The by-phrase of a passive that the parser hung lower down ("accused of misusing funds by X")."""
        stack = [c for c in verb.children if c.dep_ in ("prep", "pcomp", "pobj", "dobj")]
        while stack:
            word = stack.pop()
            if word.dep_ in ("prep", "agent") and word.lower_ == "by":
                actors = [i for obj in word.children if obj.dep_ == "pobj" for i in self._actors_of(obj)]
                if actors:
                    return actors
            stack.extend(c for c in word.children if c.dep_ in ("prep", "pcomp", "pobj", "dobj"))
        return []

    def _copular_subject(self, noun: Token) -> list[int]:
        """ "The first of the leaders to arrive ... was President X": subject = the copula's attribute."""
        node = noun
        while node.dep_ in ("pobj", "prep") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "nsubj" and node.head.lemma_.lower() == "be":
            for attr in node.head.children:
                if attr.dep_ in ("attr", "acomp"):
                    return self._actors_of(attr)
        return []

    def _verb_target(self, token: Token, pattern: Pattern) -> list[int]:
        objects = [*_objects(token), *(c for c in token.children if c.dep_ == "nsubjpass")]
        if pattern.preps:
            named = self._pobj_actors(token, pattern.preps)
            for obj in objects:
                named += self._pobj_actors(obj, pattern.preps)
            if named:
                return named
        for obj in objects:
            actors = self._others(self._actors_of(obj)) or self._pobj_actors(obj, self.book.default_preps)
            if actors:
                return actors
        if pattern.object_target:
            return []
        found = self._pobj_actors(token, self.book.default_preps)
        if not found:
            for child in token.children:
                if child.dep_ in ("prt", "advmod"):
                    found += self._pobj_actors(child, self.book.default_preps)
        if not found:
            # "threatened to attack Ukraine", "refused to release the ship": the complement's object.
            for child in token.children:
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                    found += self._verb_target(child, pattern)
        return found

    def _following_actor(
        self, token: Token, code: str, strict: Token | None = None, skip: Iterable[int | None] = ()
    ) -> list[int]:
        """The first actor after the predicate within its own clause (not its subject, not a sub-clause):
        the target when no argument position names one ("acted on a resolution against X"). `strict`
        (talk; the predicate): only through addressee prepositions, and through no object but the
        predicate's own phrase."""
        places = self.book.place_preps
        if code[:2] in self.book.location_roots:
            places = places - self.book.location_preps

        bound = self.book.clause_bound

        def follow(word: Token) -> bool:
            if word.dep_ in ("conj", "cc", "punct"):
                return False
            if bound and (word.dep_ in CLAUSES or word.dep_ in ("relcl", "acl")):
                return False
            if strict is not None and self.token_actor[word.i] is None:
                if word.dep_ in OBJECTS and not (word.left_edge.i <= strict.i <= word.right_edge.i):
                    return False
                if word.dep_ == "prep" and word.lower_ not in self.book.addressee_preps:
                    return False
            return not (word.dep_ == "prep" and (word.lower_ in places or self._channel(word)))

        stack = [c for c in token.rights if follow(c)]
        words: list[Token] = []
        while stack:
            word = stack.pop()
            words.append(word)
            stack.extend(c for c in word.children if follow(c))
        for word in sorted(words, key=lambda w: w.i):
            index = self.token_actor[word.i]
            if index is not None and index not in skip and self._others([index]):
                return [index]
        return []

    def _noun_source(self, noun: Token) -> tuple[list[int], Token | None]:
        """The owner of an event noun ("Russia's attack", "the attack by X"), else the subject of the light
        verb it is the object of ("X launched an attack"); and that light verb."""
        source: list[int] = []
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
                source = self._actors_of(child) if child.dep_ == "poss" else self._pobj_actors(noun, ("by",))
                if source:
                    break
        if not source:  # "the expulsions of diplomats by Poland": the by-phrase hung on the object
            objects = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
            source = [i for o in objects if o.dep_ == "pobj" for i in self._pobj_actors(o, ("by",))]
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            if verb.lower_ not in self.book.light_verb_preps:
                return source, None  # "ordered patrols after protests": a circumstance, not an object
            verb = verb.head
        if (
            noun.dep_ in ("dobj", "pobj", "attr", "nsubjpass")
            and verb.lemma_.lower() in self.book.light_verbs
        ):
            return source or self._subject(verb), verb
        return source, None

    def _noun_arguments(self, noun: Token, pattern: Pattern) -> tuple[list[int], list[int], Token | None]:
        """Source and target of an event noun, and the light verb it hangs on (if any)."""
        source, light = self._noun_source(noun)
        owned = bool(source)
        if not source:  # "U.S. sanctions against Iran"
            modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
            source = next(([i] for c in modifiers if (i := self.token_actor[c.i]) is not None), [])
        self.blocked = tuple(self._sides(source))
        preps = pattern.preps or self.book.default_preps
        target = self._pobj_actors(noun, preps)
        if not target and light is not None:
            target = self._pobj_actors(light, preps)
        if not owned and not target:
            return [], [], light  # "Turkish occupation" alone (a caption, a legend) is no event
        if not target:
            target = [
                i
                for child in noun.lefts
                if child.dep_ in ("compound", "amod", "nmod")
                for t in child.subtree
                if (i := self.token_actor[t.i]) is not None and i not in source
            ]
        return source, target, light

    # ── events ───────────────────────────────────────────────────────────────────────────────────

    def _code(
        self,
        token: Token,
        match: _Match,
        kind: str,
        target: list[int] | None = None,
        claim: Token | None = None,
        source: list[int] | None = None,
    ) -> Iterator[Event]:
        """One predicate's events, in four steps: its arguments (who acted, on whom), whose act it is when
        nobody is named, its modality, then one event per dyad with its codes and confidence."""
        pattern = match.pattern
        args = self._arguments(token, pattern, kind, target, source)
        if args is None or self._thing_object(token, pattern):
            return  # nobody acts, or no party is acted on ("ordered the killing of pigs")
        if token.sent.text.rstrip(" \"'”’)").endswith("?"):
            return  # a question asks whether something happened; it reports nothing
        self.coded_heads.update(t.i for t in (token, args.anchor, claim) if t is not None)
        recode = self.parent.options.recode_intent
        modality, code = read_modality(
            token, args.anchor, modality_cues(), self.parent.published, pattern.code, recode
        )
        cues = {
            "pattern_specific" if match.score >= 3 else "pattern_preposition" if match.score > 0 else "",
            "noun" if kind == "noun" else "",
            "bare_noun" if kind == "noun" and args.anchor is token else "",
            modality if modality != "asserted" else "",
            "quoted" if self._personal(token) else "",  # interview and opinion talk
            "habitual" if _simple_present(token) else "",  # "the party supports", "the foundation provides"
        } - {""}
        pairs, origin = self._dyads(token, pattern, args, code)
        sentence = self.parent.sentence_of(self.offset + token.idx)
        anchor = args.anchor
        trigger = token.text if anchor is token else f"{anchor.text} … {token.text}"
        reciprocal = pattern.reciprocal or self.book.reciprocal.get(pattern.code)
        for a, b in pairs:
            # "recognized by UNESCO as heritage", "hosted the Women's Championship": recognition and hosting
            # are of a state, a government or an international organisation (unless the pattern names what:
            # "established ties", "host a meeting")
            stateless = (
                pattern.code in self.book.state_target_codes
                and not pattern.required
                and not _state_or_organisation(b)
            )
            if stateless or (b is not None and _same_party(a, b)):
                continue
            deployed = self._deployment(token, pattern, a, code)
            own_code = self._verbal(token, a) or deployed or self._violence_detail(token, a, b, code)
            evidence = cues | self._party_cues(a, b, origin)
            self.emitted_heads.add(token.i)
            yield self._event(a, b, own_code, modality, sentence, evidence, trigger)
            if reciprocal and not deployed and b is not None and modality == "asserted" and b.country:
                yield self._event(b, a, reciprocal, modality, sentence, evidence, trigger)

    def _arguments(
        self,
        token: Token,
        pattern: Pattern,
        kind: str,
        target: list[int] | None,
        source: list[int] | None,
    ) -> _Arguments | None:
        """Who acted and on whom, as actor indexes, and whose act it is when the text names nobody: done
        to someone by nobody named ("X was arrested"), violence with no author, a protest by its crowd.
        None when nobody acts."""
        patient = False
        if kind == "verb":
            if pattern.code in self.book.reciprocal and self._thing_subject(token):
                return None  # "our condolences go to the families": no one pays a visit
            source, anchor = source or self._subject(token), token
            if not source and _passive(token):  # "accused of misusing funds by officials"
                source = self._stray_agent(token)
                patient = not source and pattern.code[:2] in self.book.patient_passive_roots
            self.blocked = tuple(self._sides(source))
            if patient and target is None:  # "X was arrested": done to X by someone unnamed
                target = [i for c in token.children if c.dep_ == "nsubjpass" for i in self._actors_of(c)]
            target = target if target is not None else self._verb_target(token, pattern)
            target = self._one_act(token, pattern, target)
        else:
            self.blocked = ()
            source, found, light = self._noun_arguments(token, pattern)
            if target is not None and not source:  # a demand noun: its owner, or the subject it is object of
                voiced = token.dep_ == "dobj" and _voicing(token.head, self.book)  # not "rejected the demand"
                source = self._noun_source(token)[0] or (self._subject(token.head) if voiced else [])
            target = target if target is not None else found
            anchor = light if light is not None else token
        args = _Arguments(source, target or [], anchor)
        if source:
            return args
        if (patient and target) or self._unattributed_violence(token, pattern, kind, target or []):
            return replace(args, unattributed=True)
        crowd = self._crowd(token, pattern) if kind == "noun" else None
        return None if crowd is None else replace(args, crowd=crowd)

    def _thing_subject(self, verb: Token) -> bool:
        """The verb's subject is a thing an actor owns, not the actor ("our condolences go to ...", "his
        letter arrived"); not "the first deployment of NATO troops arrived"."""
        return any(
            c.dep_ == "nsubj"
            and c.pos_ == "NOUN"
            and self.token_actor[c.i] is None
            and any(o.dep_ == "poss" for o in c.children)
            for c in verb.children
        )

    def _unattributed_violence(self, token: Token, pattern: Pattern, kind: str, target: list[int]) -> bool:
        """Violence with no author named ("three soldiers were killed by a roadside bomb"): kept when the
        sentence names a weapon or an attack, never a natural hazard, an accident verb alone or an order."""
        ambiguous = {token.i} if token.lemma_.lower() in self.book.ambiguous_violence_verbs else set()
        # an order or exhortation ("take a knife and attack the tourists") reports no attack
        bare = kind == "verb" and token.tag_ == "VB" and not any(c.dep_ == "aux" for c in token.children)
        return (
            not bare
            and pattern.code[:2] in self.book.unattributed_roots
            and bool(target)
            and any(t.lemma_.lower() in self.book.violence_words for t in token.sent if t.i not in ambiguous)
            and not any(t.lemma_.lower() in self.book.natural_hazards for t in token.sent)
        )

    def _dyads(
        self, token: Token, pattern: Pattern, args: _Arguments, code: str
    ) -> tuple[list[tuple[_Side, _Side | None]], str]:
        """The dyads of one predicate, and where their target came from (a confidence cue)."""
        if args.crowd is not None:
            opposed = self._sides(args.target) or self._opposed(token, args.crowd)
            return [(args.crowd, b) for b in opposed] or [(args.crowd, None)], "target_argument"
        if args.unattributed:
            sides = self._sides(args.target)
            return [(self._implied_agent(token, code, b), b) for b in sides], "target_argument"
        return self._pairs(token, args.anchor, pattern, args.source, args.target, code)

    def _crowd(self, noun: Token, pattern: Pattern) -> _Side | None:
        """ "Anti-government demonstrations in Tehran continued": a protest named by its noun alone is made
        by the protesters of the state where it happens (none named: no event)."""
        sector = self.book.implied_agent(pattern.code)
        if sector is None or not pattern.code.startswith("14"):
            return None
        country = self._where(noun, noun.head)
        return None if country is None else _Side(None, "", country + sector, country, sector)

    def _opposed(self, noun: Token, crowd: _Side) -> list[_Side]:
        """What an "anti-" word names ("anti-government" protests: the government of the crowd's state)."""
        before = noun.doc[noun.left_edge.i : noun.i].text.lower()
        for word in _ANTI.findall(before):
            sector = self.book.anti_targets.get(word)
            if sector and crowd.country:
                return [_Side(None, f"anti-{word}", crowd.country + sector, crowd.country, sector)]
        return []

    def _one_act(self, token: Token, pattern: Pattern, target: list[int]) -> list[int]:
        """ "Rebels attacked the post, killing three soldiers", "police fired tear gas to disperse
        protesters": a force used and what it did or was for are one act, coded once, on the party it
        fell on: the participle or purpose clause is claimed, and its object is the target."""
        if pattern.code[:2] not in self.book.forceful_roots:
            return target
        for clause in token.children:
            lemma = lemma_in(clause, self.book.verbs)
            if clause.dep_ not in ("advcl", "xcomp") or clause.pos_ != "VERB" or not lemma:
                continue
            if not any(p.code[:2] in self.book.forceful_roots for p in self.book.verbs[lemma]):
                continue
            self.coded_heads.add(clause.i)
            if not target:
                target = [i for c in _objects(clause) for i in self._others(self._actors_of(c))]
        return target

    def _implied_agent(self, token: Token, code: str, target: _Side) -> _Side:
        """The one possible author of an act done to `target` by nobody named: "X was arrested in Syria" by
        Syria's police, "X was arrested" by the police of X's state; else nobody."""
        sector = self.book.implied_agent(code)
        country = self._where(token) or target.country
        if sector is None or country is None:
            return _UNKNOWN
        return _Side(None, "", country + sector, country, sector)

    def _where(self, *heads: Token) -> str | None:
        """The state of the place a word names as where something happened ("arrested in Syria"): of the
        first of `heads` that names a place."""
        places = next((p for head in heads if (p := self._pobj_actors(head, self.book.location_preps))), [])
        return next((side.country for side in self._sides(places) if side.country), None)

    def _party_cues(self, source: _Side, target: _Side | None, found: str) -> set[str]:
        """How firmly the parties are known: a state, organisation or national actor, one reached through a
        pronoun, one with no state; where the target came from (an argument, the next actor in the clause,
        the story, none)."""
        cues = {found if target is not None else "target_none"}
        if source.index is None and source.code is None:
            cues.add("source_none")
        elif source.country is None and not (source.code or "").startswith("IGO"):
            cues.add("source_partial")
        else:
            cues.add("source_national")
            if source.index is not None and self.actors[source.index].text.lower() in PRONOUNS:
                cues.add("source_pronoun")
        if target is not None and target.country is None and not (target.code or "").startswith("IGO"):
            cues.add("target_partial")
        if target is not None and target.country is not None and target.country == source.country:
            cues.add("domestic")
        return cues

    def _personal(self, token: Token) -> bool:
        """The predicate is inside a quotation, or its sentence speaks in the first or second person
        ("I", "we", "you"): interview and opinion talk, weaker evidence of an event."""
        sent = token.sent
        before = sent.doc.text[sent.start_char : token.idx]
        straight = before.count('"') % 2 == 1
        curly = before.rfind("\u201c") > before.rfind("\u201d")
        personal = any(t.lower_ in self.book.personal_pronouns and t.tag_ in ("PRP", "PRP$") for t in sent)
        return straight or curly or personal

    def _thing_object(self, token: Token, pattern: Pattern) -> bool:
        """Material cooperation and conflict act on parties: an object that is an animal, a thing or an aim
        and no actor ("equipped horses", "the killing of pigs", "retreated from a goal") is another sense."""
        book = self.book
        if not any(pattern.code.startswith(root) for root in book.party_object_roots):
            return False
        preps = set(pattern.preps) | ({"of"} if token.pos_ in ("NOUN", "PROPN") else set())
        words = [c for c in token.children if c.dep_ in OBJECTS]
        words += [
            o
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in preps
            for o in c.children
            if o.dep_ == "pobj"
        ]
        counted = [  # "thousands of pigs": what is counted
            o
            for w in words
            if w.like_num or w.lemma_.lower() in book.quantity_nouns
            for c in w.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return any(
            w.lemma_.lower() in book.non_party_objects and self.token_actor[w.i] is None
            for w in (*words, *counted)
        )

    def _pairs(
        self, token: Token, anchor: Token, pattern: Pattern, source: list[int], target: list[int], code: str
    ) -> tuple[list[tuple[_Side, _Side | None]], str]:
        """The dyads to code, and where their target came from (a confidence cue): an argument, the next
        actor in the clause (or a compound subject acting mutually), the story, or none."""
        sources = self._sides(source)
        if pattern.code in self.book.reciprocal:  # "people visiting Hong Kong": no party pays a visit
            sources = [a for a in sources if a.country is not None or len(a.code or "") > 3]
        # the predicate is never its own target ("expressed opposition to X": not the OPP "opposition")
        wording = frozenset().union(*pattern.required)  # "express opposition to": "opposition" is no party
        # ... but a national party named by those words is one ("hosted the Russian president")
        itself = {self.token_actor[token.i], self.token_actor[anchor.i]} | {
            index
            for c in token.children
            if c.dep_ in OBJECTS
            and c.lemma_.lower() in wording
            and (index := self.token_actor[c.i]) is not None
            and resolved(self.actors, index).country is None
        }
        targets = [t for t in self._sides(target) if t.index not in source and t.index not in itself]
        found = "target_argument"
        if pattern.code in self.book.reciprocal:  # a visit is to a country or an organisation, not a hospital
            targets = [t for t in targets if t.country is not None or len(t.code or "") > 3]
        if not targets and pattern.code in self.book.reciprocal:
            targets = self._place_sides(token, pattern)
            if not targets:
                return [], found  # a visit is to somewhere: "leave room for" is none
        symmetric = pattern.code not in self.book.reciprocal and pattern.code not in self.reciprocal_codes
        mutual = pattern.mutual or (
            symmetric and any(pattern.code.startswith(prefix) for prefix in self.book.mutual_roots)
        )
        several = len({s.country or s.code for s in sources}) > 1  # not one party named twice ("APEC")
        if not targets and mutual and several:
            return [(a, b) for a in sources for b in sources if not _same_party(a, b)], "target_following"
        if not targets and pattern.code in self.book.own_ground_codes:
            return [(a, None) for a in sources], "target_none"
        fallback = self.book.fallback.get(pattern.lemma) is pattern
        strict = fallback or any(pattern.code.startswith(r) for r in self.book.argument_target_roots)
        if not targets:
            following = self._following_actor(anchor, pattern.code, token if strict else None, itself)
            targets = [t for t in self._sides(following) if t.index not in source]
            found = "target_following"
        if not targets and pattern.code[:2] in self.book.context_target_roots:
            targets, found = self._context_target(token, sources), "target_context"
        if targets:
            return [(a, b) for a in sources for b in targets], found
        if pattern.code[:3] in self.book.needs_target_roots:
            return [], found  # a meeting with nobody named is no event ("she discusses her background")
        # No recipient, or only the actor's own country ("Russia's government criticised Russian media"):
        # coded without one, never as a same-country dyad.
        return [(a, None) for a in sources], "target_none"

    def _context_target(self, token: Token, sources: list[_Side]) -> list[_Side]:
        """The counterpart the story gives when the clause names none: the nearest party named before the
        predicate in its sentence, else the last one named in the sentence before; never the acting party,
        never a place named as where something is, never a role with no state."""
        at = self.offset + token.idx
        sentence = self.parent.sentence_of(at)
        before = [
            i
            for i, actor in enumerate(self.actors)
            if sentence - 1 <= actor.sentence <= sentence and actor.end <= at and actor.start >= self.offset
        ]
        for index in reversed(before):
            if self._locative(index):
                continue
            for side in self._sides([index]):
                if side.country is None and len(side.code or "") <= 3:
                    continue
                if any(side.index == s.index or side.code == s.code or _same_party(s, side) for s in sources):
                    continue  # nor the actor's own body ("Judge X rejected ...": not the court)
                return [side]
        return []

    def _locative(self, index: int) -> bool:
        """The mention is where something is or happens ("in Iraq", "at the embassy", "on Twitter")."""
        actor = self.actors[index]
        span = self.parsed.char_span(
            actor.start - self.offset, actor.end - self.offset, alignment_mode="expand"
        )
        if span is None:
            return True
        head = span.root
        return head.dep_ == "pobj" and (
            head.head.lower_ in self.book.location_preps or self._channel(head.head)
        )

    def _deployment(self, token: Token, pattern: Pattern, source: _Side, code: str) -> str | None:
        """ "NATO peacekeeping troops arrived in Bosnia": armed forces arriving are deployed, not visiting
        (peacekeepers: 074; others: 154); an intended arrival keeps its intent code."""
        book = self.book
        if (
            pattern.code not in book.reciprocal
            or code != pattern.code
            or source.sector not in book.armed_sectors
        ):
            return None
        words = {t.lemma_.lower() for t in token.sent}
        return book.peacekeeping_code if words & book.peacekeeping_words else book.deployment_code

    def _verbal(self, token: Token, source: _Side) -> str | None:
        """ "Biden attacked Trump": an unarmed party attacking a person attacks in words."""
        book = self.book
        if lemma_in(token, dict.fromkeys(book.verbal_attack_verbs)) == "" or source.index is None:
            return None
        if source.sector in book.armed_sectors or resolved(self.actors, source.index).kind == "state":
            return None  # "Israel attacked a Hamas commander" is no criticism
        words = [c for c in token.children if c.dep_ in OBJECTS]
        objects = [i for c in words for i in self._actors_of(c)]
        person = any(resolved(self.actors, i).kind == "person" for i in objects)
        stand = any(
            c.lemma_.lower() in book.verbal_attack_objects and self.token_actor[c.i] is None for c in words
        )
        return book.verbal_attack_code if person or stand else None

    def _violence_detail(self, token: Token, source: _Side, target: _Side | None, code: str) -> str:
        """A violent act coded as CAMEO's codebook would: by its weapon when the sentence names one ("killed
        in an airstrike" 195, "a car bomb" 1832), as repression when police use force on protesters (175),
        as unconventional violence when a party that is no armed force attacks civilians (180)."""
        book = self.book
        if code[:2] not in ("18", "19"):
            return code
        if code in book.refinable_violence:
            words = [(t.lemma_.lower(), t.lower_) for t in token.sent]
            for phrase, weapon in book.weapon_codes:
                if any(
                    all(k + j < len(words) and part in words[k + j] for j, part in enumerate(phrase))
                    for k in range(len(words))
                ):
                    code = weapon
                    break
        victims = target is None or target.sector in book.unconventional_targets
        if (
            source.sector in book.repression_sources
            and target is not None
            and (target.sector in book.repression_targets)
        ):
            return book.repression_code
        state = source.index is not None and resolved(self.actors, source.index).kind == "state"
        armed = state or source.sector in book.conventional_armed_sectors
        if code in book.refinable_violence and code[:2] == "19" and not armed and victims:
            return book.unconventional_code
        return code

    def _sides(self, indexes: Iterable[int]) -> list[_Side]:
        """Resolve mentions (following pronoun antecedents) and spread groups into their members."""
        sides: list[_Side] = []
        for index in dict.fromkeys(indexes):
            actor = resolved(self.actors, index)
            if actor.members and actor.kind == "group":  # "the five Central Asian leaders": each member
                for member in actor.members:
                    country = member[:3] if member[:3].isalpha() else None
                    sides.append(_Side(index, actor.text, member, country, member[3:6] or None))
            elif actor.code is not None or actor.country is not None:
                person = actor.name if actor.kind == "person" else None
                sides.append(_Side(index, actor.text, actor.code, actor.country, actor.sector, person))
        return sides

    def _place_sides(self, token: Token, pattern: Pattern) -> list[_Side]:
        """A visit's destination given as a place ("arrived in the northwest Chinese city of X"): the
        country named by a country adjective or capital in the prepositional phrase."""
        preps = set(pattern.preps) | {"in", "at", "to"}
        places = self.parent.places
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            for word in child.subtree:
                for entry in places.get(word.text, ()):
                    return [_Side(None, word.text, entry.country, entry.country, None)]
        return []

    def _event(
        self,
        a: _Side,
        b: _Side | None,
        code: str,
        modality: Modality,
        sentence: int,
        cues: set[str],
        trigger: str,
    ) -> Event:
        entry = cameo_entry(code)  # a foreign pattern book's own codes (PETRARCH tests) read as their root
        plover = plover_codebook().coding(code)
        span = self.parent.sentences[sentence]
        text = self.parent.doc.clean.text
        return Event(
            source=self._event_actor(a),
            target=None if b is None else self._event_actor(b),
            cameo=code,
            goldstein=entry.goldstein,
            quad_class=entry.quad_class,
            plover=plover.category if plover else "",
            plover_mode=(plover.mode or None) if plover else None,
            modality=modality,
            sentence=sentence,
            start=span.start,
            end=span.end,
            evidence=text[span.start : span.end],
            confidence=confidence_model().estimate(cues),
            trigger=trigger,
            cues=tuple(sorted(cues)),
        )

    def _event_actor(self, side: _Side) -> EventActor:
        return EventActor(side.text, side.code, side.country, side.sector, side.index)


def _published(text: str | None) -> date | None:
    """The document's date ("YYYY-MM-DD", or only its year): what "long ago" is measured from."""
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        year = (text or "")[:4]
        return date(int(year), 12, 31) if year.isdigit() and int(year) > 0 else None


@cache
def place_names() -> Mapping[str, tuple[PlaceEntry, ...]]:
    """Country adjectives and capitals of the actors lexicon ("Chinese", "Beijing"), by word."""
    lexicon = default_lexicon()
    return {
        key[0]: entries
        for key, all_entries in lexicon.exact.items()
        if len(key) == 1
        and (entries := tuple(e for e in all_entries if e.kind in ("adjective", "capital") and e.country))
    }


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


def lemma_in(token: Token, index: Mapping[str, object]) -> str:
    """The token's lemma if `index` has it, else a form of its word with the inflection taken off: the
    small model's lemmatizer slips on some verbs ("staged" → "stag")."""
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


def _in_order(pattern: Pattern, lower: list[str], lemmas: list[str], at: int) -> bool:
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


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present with no auxiliary ("the party supports the ticket"): in news, mostly a
    standing description or a habit, not a dated act."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _state_or_organisation(side: _Side | None) -> bool:
    """A party with a country, or an organisation's own code ("IGOUNO"): not an unplaced group ("CVL")."""
    return side is not None and (side.country is not None or len(side.code or "") > 3)


def _dated(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Tuesday", "in June")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _same_party(a: _Side, b: _Side) -> bool:
    """Never a country (or one group's members) acting on itself; but two different sectors of one country
    are two parties ("rebels demanded that the government ...": RWAREB → RWAGOV), and so are two people."""
    if a.index is not None and a.index == b.index:
        return True
    if a.person and b.person:  # "Trump fired Bolton": USAGOV → USAGOV, two people
        return a.person == b.person
    if a.person or b.person:  # a person and a body: two parties, unless it is the person's own state
        body = b if a.person else a
        return a.country == b.country and body.sector is None
    if a.country is not None and a.country == b.country:
        return not (a.sector and b.sector and a.sector != b.sector)
    return a.code is not None and a.code == b.code


def _objects(token: Token) -> list[Token]:
    """The predicate's objects, with the subject of an object clause ("allowed X to take part", parsed
    as a clause whose subject is X)."""
    found = [c for c in token.children if c.dep_ in OBJECTS]
    for clause in token.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            found += [c for c in clause.children if c.dep_ == "nsubj"]
    return found


def _stranded_preps(verb: Token) -> set[str]:
    """Prepositions the parser hung on the verb's object or on a noun of its first prepositional phrase,
    though they belong to the verb ("charged the suspect in the shooting with murder")."""
    found: set[str] = set()
    for child in verb.children:
        nouns = [child] if child.dep_ == "dobj" else [o for o in child.children if o.dep_ == "pobj"]
        if child.dep_ not in ("dobj", "prep"):
            continue
        for noun in nouns:
            found |= {
                c.lower_ for c in noun.children if c.dep_ == "prep" and c.lower_ != "of" and not _dated(c)
            }
    return found


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _voicing(verb: Token, book: PatternBook) -> bool:
    """A verb that voices its object noun ("issued a demand", "reiterated its call"), not a reaction to it."""
    lemma = verb.lemma_.lower()
    return lemma in book.light_verbs or lemma in book.speech_verbs


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth
