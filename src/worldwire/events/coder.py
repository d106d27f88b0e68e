"""The event coder: predicates and their arguments in each sentence's dependency parse → coded events.

For every verb or event noun whose lemma has patterns, the coder picks the most specific matching
pattern, reads the source (subject, passive agent, owner of an event noun, subject of the governing
verb) and the target (the pattern's preposition, the object, "with/to/against X"), resolves both to actor
mentions, reads the modality, and writes one event per source-target dyad. Reported speech needs no
special case: the inner clause's predicate is coded with its own subject.

One predicate goes through these steps (the classes are layered: `ArgumentReader` ← `CodeRefiner` ←
`Attribution` ← the segment coder, each using only what is below it):

1. predicates (`coder`): which words are events, and the best pattern for each (`_coded`, `_best`);
2. arguments (`arguments.ArgumentReader`): who acted and on whom, from the parse, the story or, when
   nobody is named, the act's one possible author (`_arguments`, `_pairs`);
3. attribution and factuality (`attribution.Attribution`, `modality`): whose words a quotation or a
   reported clause is, criticism and demands in a speaker's own words; asserted, intended, negated ...;
4. codes (`refine.CodeRefiner`): the event code from the pattern's (weapon, deployment, verbal attack);
5. confidence (`confidence`): the chance the event is right, from the cues the steps above leave.

`parties` holds a resolved side and when two sides are one party; `grammar` the parse's edge groups.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from worldwire.actors import default_lexicon
from worldwire.events.attribution import Attribution, Said
from worldwire.events.codebook import cameo_entry, plover_codebook
from worldwire.events.confidence import confidence_model
from worldwire.events.grammar import (
    CLAUSES,
    MODIFIERS,
    OBJECTS,
    SUBJECTS,
    codes_one_of,
    dated,
    dating_clause,
    for_clauses,
    in_order,
    in_question,
    is_passive,
    lemma_in,
    objects_of,
    simple_present,
    small_clause,
    stranded_preps,
    tree_depth,
)
from worldwire.events.modality import history, infinitival, read_modality
from worldwire.events.parties import (
    Arguments,
    Match,
    Side,
    referent,
    resolved,
    same_party,
    state_or_organisation,
)
from worldwire.events.patterns import Pattern, PatternBook, modality_cues, pattern_book
from worldwire.models import ActorDocument, Event, EventActor, EventDocument, Modality

# what puts a reported clause in its subject's future: "announced it will/would/shall ..."
_FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "wo"})

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from worldwire.actors.lexicon import Entry as PlaceEntry


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


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
        # acts told so far, for "the decision", "the move": (where, predicate lemmas, code, who acted)
        self.acts: list[tuple[int, frozenset[str], str, Side]] = []

    def events(self) -> Iterator[Event]:
        seen: set[tuple[object, ...]] = set()  # one event per dyad, code and modality in a sentence
        for event in self._authored(list(self._coded())):
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

    def _coded(self) -> Iterator[Event]:
        for segment in self.doc.annotated.segments:
            token_actor = self._token_actors(segment.offset, segment.doc)
            yield from _SegmentCoder(self, segment.offset, segment.doc, token_actor).events()

    def _authored(self, events: list[Event]) -> list[Event]:
        """ "A car bomb was rammed into the base. Dozens died in the attack, reportedly conducted by the
        Taliban": an attack told with no author takes the author of the same attack (its code) retold with
        one in the sentences just after it (`retold_author_sentences`), as news names the author after the
        blow."""
        reach, roots = self.book.retold_author_sentences, self.book.unattributed_roots
        if not reach:
            return events
        out = []
        for event in events:
            if event.source.code is None and event.cameo[:2] in roots and event.modality == "asserted":
                author = next(
                    (
                        later.source
                        for later in events
                        if 0 < later.sentence - event.sentence <= reach
                        and later.cameo == event.cameo
                        and later.source.code is not None
                        and later.modality == "asserted"
                        and (event.target is None or later.source.code != event.target.code)
                    ),
                    None,
                )
                if author is not None:
                    out.append(replace(event, source=author))
                    continue
            out.append(event)
        return out

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sentence_starts, char) - 1)

    def _token_actors(self, offset: int, parsed: Doc) -> list[int | None]:
        """For each token of the segment, the actor mention covering it (the shortest, when nested)."""
        owner: list[int | None] = [None] * len(parsed)
        width: list[int] = [1 << 30] * len(parsed)
        last = parsed[-1] if len(parsed) else None
        end = offset + (last.idx + len(last.text_with_ws) if last is not None else 0)  # len(parsed.text)
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


class _SegmentCoder(Attribution):
    def events(self) -> list[Event]:
        """Every event of the segment, each sentence's outermost predicate first (verbs and nouns alike):
        a sentence's first event is its main one."""
        ranked: list[tuple[int, int, int, Event]] = []
        for depth, event in self._coded():
            ranked.append((event.sentence, depth, len(ranked), event))
        return [event for *_, event in sorted(ranked, key=lambda r: r[:3])]

    def _coded(self) -> Iterator[tuple[int, Event]]:
        self._told_statements()
        yield from self._speech(self._reported_demands())
        # sentence by sentence, so an act a sentence tells by its noun ("the accused performed two attacks")
        # is told before the next sentence refers back to it ("the first attack left 42 dead")
        for sent in self.parsed.sents:
            yield from self._sentence_coded(self.tokens[sent.start : sent.end])
        yield from self._speech(self._criticisms())
        yield from self._speech(self._requests_acted_on())

    def _sentence_coded(self, tokens: list[Token]) -> Iterator[tuple[int, Event]]:
        verbs = self.book.verbs
        nouns = self.book.nouns
        # Verbs first, in text order, so a governing predicate ("threatened to attack") claims its
        # complement, and a light verb that is itself an event claims its noun; a reporting verb after
        # its report ("..., officials said") claims nothing. The main event is ranked by depth after.
        # A word inside an actor's name ("the Committee to Protect Journalists") is no predicate.
        candidates = [
            t
            for t in tokens
            if t.pos_ in ("VERB", "AUX") and self.token_actor[t.i] is None and lemma_in(t, verbs)
        ]
        for token in candidates:
            match = None if self._claimed(token) else self._best(verbs[lemma_in(token, verbs)], token)
            if match is not None and not self._same_attack(token, match):
                yield from ((tree_depth(token), e) for e in self._code(token, match, "verb"))
        for token in tokens:
            if token.pos_ != "VERB":  # read first: a lemma's forms cost more to try
                continue
            fallback = self.book.fallback.get(lemma_in(token, self.book.fallback))
            if fallback is None or self._claimed(token):
                continue
            # only with a complement that was not coded: "agreed to set up a centre", "agreed to a plan"
            # ... or a that-clause of a promise: "promised every victim will be compensated"
            clause = token.lemma_.lower() in self.book.clause_fallback_verbs
            complements = [
                c
                for c in token.children
                if c.dep_ == "xcomp"
                or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"))
                or (clause and c.dep_ == "ccomp")
            ]
            # what the promise is of is its complement, not a verb coordinated with it: "agreed to add two
            # members but did not accede to the demands" agreed to something uncoded
            if complements and not any(t.i in self.coded_heads for c in complements for t in c.subtree):
                yield from ((tree_depth(token), e) for e in self._code(token, Match(fallback, 0), "verb"))
        yield from self._landed(tokens)
        for token in tokens:
            answer = self.book.answer_verbs.get(token.lemma_.lower())
            if answer is not None and (asker := self._answered(token)) is not None:
                coded = self._code(token, Match(answer, 0), "verb", target=asker)
                yield from ((tree_depth(token), e) for e in coded)
        for token in tokens:
            if (
                token.pos_ not in ("NOUN", "PROPN")
                or not lemma_in(token, nouns)
                or self._mere_gathering(token)
            ):
                continue
            told = token.head.i in self.coded_heads or self._claimed(token)
            claimed = told and not self._judged_act(token)
            if claimed and not self._frames_clause(token):
                continue
            match = self._best(nouns[lemma_in(token, nouns)], token)
            # "praised X in a meeting with Y": the meeting that frames a coded act is a meeting still
            if match is None or (claimed and not self._occasion_participant(token, match.pattern)):
                continue
            yield from ((tree_depth(token.head), e) for e in self._code(token, match, "noun"))
        yield from self._plans(tokens)

    def _landed(self, tokens: list[Token]) -> Iterator[tuple[int, Event]]:
        """ "Two rockets landed near the embassy", "mortar shells fell on the market": a munition
        that is the subject of a verb of landing (`landing_verbs`) reports an attack (`landing_code`)
        by whoever fired it."""
        landing = self.book.landing
        if landing is None:
            return
        for token in tokens:
            if (
                token.pos_ == "VERB"
                and token.lemma_.lower() in self.book.landing_verbs
                and not self._claimed(token)
                and any(
                    c.dep_ == "nsubj"
                    and self.token_actor[c.i] is None
                    and self._munition_word(c, self.book.munitions)
                    for c in token.children
                )
            ):
                yield from ((tree_depth(token), e) for e in self._code(token, Match(landing, 0), "verb"))

    def _plans(self, tokens: list[Token]) -> Iterator[tuple[int, Event]]:
        """The plans the sentence's speakers declare (`_announced_plan`), each as `announced_plan_code`."""
        plan = self.book.announced_plan
        if plan is None:
            return
        for token in tokens:
            act = self._announced_plan(token)
            if act is not None:
                # "they were to form": the infinitive's subject is the clause's
                source = self._subject(token) if act is not token else None
                coded = self._code(act, Match(plan, 0), "verb", source=source or None)
                yield from ((tree_depth(act), e) for e in coded)

    def _announced_plan(self, clause: Token) -> Token | None:
        """ "X announced it would open an office", "X said they were to form working groups": a clause
        reported by a verb of saying or announcing (`plan_announcing_verbs`) in which the speaker, named by a
        pronoun (`plan_subject_pronouns`), says what they will do to something (the act has an object), and
        which codes nothing itself, is a plan declared; its act verb is returned. Not a plan: a question ("did
        not announce whom they would support"), a condition ("would vote for it if ..."), a negated act ("we
        will no longer say"), a schedule with no object ("the Senate said it would meet on Monday")."""
        book = self.book
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in book.plan_announcing_verbs:
            return None
        if any(c.dep_ == "neg" for c in clause.head.children) or any(
            t.tag_ in ("WP", "WP$", "WRB", "WDT") or t.lower_ in ("if", "whether")
            for t in clause.subtree
            if t.i < clause.i
        ):
            return None
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ not in book.plan_subject_pronouns:
            return None
        act = _future_act(clause)
        if act is None or act.pos_ != "VERB" or is_passive(act) or self._claimed(act):
            return None
        words = [*act.children, *clause.children]
        if (
            not any(c.dep_ == "dobj" for c in act.children)
            or any(c.dep_ == "neg" or c.lower_ in ("never", "longer") for c in words)
            or any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in words)
            or any(t.i in self.coded_heads or t.i in self.emitted_heads for t in clause.subtree)
        ):
            return None
        return act

    def _mere_gathering(self, noun: Token) -> bool:
        """ "announced it at a rally", "spoke in a march", "the primaries on March 10": a gathering noun
        (`gathering_nouns`) after a preposition is where something else was said or done, not a protest
        taken part in ("took part in the march" is), and a capitalised one is a month or a name."""
        if noun.lemma_.lower() not in self.book.gathering_nouns:
            return False
        if noun.text[:1].isupper():
            return True
        prep = noun.head
        return (
            noun.dep_ == "pobj"
            and prep.lower_ != "against"
            and prep.head.lemma_.lower() not in self.book.participation_words
        )

    def _speech(self, found: Iterator[Said]) -> Iterator[tuple[int, Event]]:
        """Code what the speech readings found (`attribution`), each as the predicate it names."""
        for said in found:
            coded = self._code(
                said.token,
                said.match,
                said.kind,
                target=said.target,
                claim=said.claim,
                source=said.source,
                judge=said.judge,
            )
            yield from ((tree_depth(said.at or said.token), e) for e in coded)

    def _same_attack(self, token: Token, match: Match) -> bool:
        """ "killed five and wounded 110": a verb of harm joined to one already coded as harm is that act."""
        roots = self.book.one_attack_roots
        if match.pattern.code[:2] not in roots:
            return False
        node, joined = token, None
        while joined is None and node.dep_ in ("conj", "advcl") and node.head.i != node.i:
            node = node.head  # "opened fire, killing two and injuring four"
            joined = self.emitted_heads.get(node.i)
        return joined is not None and joined[:2] in roots

    def _other_than_news(self, token: Token, code: str) -> bool:
        """A verb that tells no act of its subject: it only dates the news ("after the senator resigned"),
        says what an act made possible ("held a referendum, allowing voters to decide"), is another sense
        ("the court demonstrated a shocking ignorance") or states a law ("the constitution requires
        consent", "the old law allowed offenders to go free")."""
        book = self.book
        if (
            self._time_clause(token, code)
            or self._earlier_time(token, code)
            or self._compared_past(token, code)
            or self._past_relationship(token)
            or self._assertion(token, code)
            or self._description(token)
            or self._naming(token, code)
        ):
            return True
        if (
            token.tag_ == "VBG"
            and token.dep_ in ("advcl", "acl")
            and token.lemma_.lower() in book.consequence_verbs
        ):
            self.coded_heads.add(token.i)  # nor is what it made possible done: "allowing courts to order"
            return True
        if (
            code.startswith(book.protest_root)
            and token.lemma_.lower() in book.intransitive_protest_verbs
            and any(c.dep_ in ("dobj", "ccomp") and self.token_actor[c.i] is None for c in token.children)
        ):
            return True
        present = token.tag_ in ("VBZ", "VBP")  # "the website advises", "guidelines call for"
        return any(
            c.dep_ == "nsubj"
            and (
                c.lemma_.lower() in book.provision_nouns
                or (present and c.lemma_.lower() in book.guidance_nouns)
            )
            for c in token.children
        )

    def _naming(self, token: Token, code: str) -> bool:
        """ "called the raid an aggression", "called a halt to the work": a naming verb with a direct object
        names or declares, no appeal or demand (those are made "on" someone or "for" something)."""
        return (
            code.startswith(self.book.naming_object_roots)
            and token.lemma_.lower() in self.book.naming_verbs
            and any(c.dep_ == "dobj" for c in token.children)
        )

    def _time_clause(self, verb: Token, code: str) -> bool:
        """A verb of a clause that dates the main one ("after X resigned", "before resigning"): background,
        and so is what that clause reports ("before he announced he would step down")."""
        if not code.startswith(self.book.time_clause_codes) or verb.head.i == verb.i:
            return False
        return dating_clause(verb, self.book.time_clause_markers)

    def _earlier_time(self, verb: Token, code: str) -> bool:
        """ "X previously committed to a trial", "police have used force before": an adverb on the verb that
        puts the act at some unspecified earlier time tells background, not the news."""
        if not code.startswith(self.book.time_clause_codes):
            return False
        book = self.book
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        adverbs = book.perfect_earlier_time_adverbs if perfect else book.earlier_time_adverbs
        return any(c.dep_ == "advmod" and c.lower_ in adverbs and not list(c.children) for c in verb.children)

    def _compared_past(self, verb: Token, code: str) -> bool:
        """The earlier cases the news is compared with, background: "only once before has Congress voted to
        ...", "Iran last held talks in 2015", "the last time the government ordered the network to shut down
        was in 1972" (and what such a clause reports), "Lincoln was the last candidate to be elected", "the
        House has only impeached two other presidents"."""
        if not code.startswith(self.book.time_clause_codes):
            return False
        node = verb
        while not self._earlier_occasion(node):
            if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
                break
            if node.dep_ == "conj" and (
                node.tag_ in FINITE_TAGS or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
            ):
                break  # "Iran last held talks in 2015 and resumed them on Monday": a finite conjunct is news
            node = node.head
        else:
            return True
        if node.dep_ in ("relcl", "acl") and (self._previous_occasion(node.head) or self._ranked(node)):
            return True
        return self._counted_cases(verb)

    def _earlier_occasion(self, node: Token) -> bool:
        """An adverbial of the verb that puts it on an earlier occasion: "last time, the leaders met", "only
        twice before has X censured Y" (the parser may hang the adverb on the auxiliary), "Iran last held
        talks", "was once jailed" (before the verb; "spoke last" is "at the end", "once again" is no past)."""
        book = self.book
        if any(c.dep_ == "npadvmod" and self._previous_occasion(c) for c in node.children):
            return True  # ("for the last time" is "finally")
        auxiliaries = [a for a in node.children if a.dep_ in ("aux", "auxpass")]
        for c in [*node.children, *(g for a in auxiliaries for g in a.children)]:
            if c.dep_ != "advmod":
                continue
            if c.lower_ in book.perfect_earlier_time_adverbs and self._counted(c):
                return True
            if c.lower_ in book.previous_occasion_adverbs and c.i < node.i and not list(c.children):
                return True
        return False

    def _counted_cases(self, verb: Token) -> bool:
        """ "the House has only impeached two other presidents", "only two other ministers have been
        censured": a perfect whose party is a count of other cases, restricted by "only"."""
        book = self.book
        if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
            return False
        for party in verb.children:
            if party.dep_ not in ("dobj", "nsubj", "nsubjpass"):
                continue
            kids = list(party.children)
            numbers = [k for k in kids if k.dep_ == "nummod"]
            if not numbers or not any(
                k.dep_ == "amod" and k.lower_ in book.counted_case_adjectives for k in kids
            ):
                continue
            near = [*verb.children, *kids, *(g for n in numbers for g in n.children)]
            if any(w.dep_ == "advmod" and w.lower_ in book.restricting_adverbs for w in near):
                return True
        return False

    def _ranked(self, clause: Token) -> bool:
        """ "Trump was the first president to refuse to do so since 1976", "Lincoln was the last candidate
        to be elected": a rank held, told with a past "be", describes its holder against earlier cases
        ("became the first leader to visit Israel", "making her the first royal to run" tell the news)."""
        noun = clause.head
        return (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and noun.dep_ == "attr"
            and noun.head.lemma_.lower() == "be"
            and noun.head.tag_ == "VBD"  # "is the first president to visit North Korea" may be the news
            and any(a.dep_ == "amod" and a.lower_ in self.book.ranking_adjectives for a in noun.children)
        )

    def _previous_occasion(self, noun: Token) -> bool:
        """ "the last time", "the previous occasion": an occasion named as earlier than the news."""
        return noun.lemma_.lower() in self.book.occasion_nouns and any(
            a.dep_ == "amod" and a.lower_ in self.book.previous_adjectives for a in noun.children
        )

    def _counted(self, adverb: Token) -> bool:
        """ "once before", "twice before", "three times before": a count of earlier occasions."""
        counts = [c for c in adverb.children if c.dep_ in ("advmod", "npadvmod")]
        return bool(counts) and all(c.lemma_.lower() in self.book.repetition_words for c in counts)

    def _past_relationship(self, verb: Token) -> bool:
        """ "D'Souza worked with the government": a working relationship in the simple past, with no aim
        ("to broker a ceasefire"), is a life story, not an act of the news."""
        return (
            verb.lemma_.lower() in self.book.relationship_verbs
            and verb.tag_ == "VBD"
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and not any(
                c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in verb.children
            )
        )

    def _assertion(self, verb: Token, code: str) -> bool:
        """ "insisting she was never pressured": a verb of demand with a that-clause in the indicative asserts
        a fact; "insists that the budget include funding" (a subjunctive) demands."""
        if code[:2] != self.book.demand_code[:2] or verb.lemma_.lower() not in self.book.assertion_senses:
            return False
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        return bool(clauses) and all(
            c.tag_ in ("VBD", "VBZ")
            or any(
                a.dep_ in ("aux", "auxpass")
                and (a.tag_ in ("VBD", "VBZ") or a.lower_ in self.book.indicative_auxiliaries)
                for a in c.children
            )
            for c in clauses
        )

    def _description(self, token: Token) -> bool:
        """A predicate in what something is characterized as ("described the raid as designed to intimidate
        civilians"), or in a clause on what is defined ("defines events where four people are killed as
        ..."): a description, no act told."""
        node = token
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return False
            if head.lemma_.lower() in self.book.characterization_verbs and (
                (node.dep_ == "prep" and node.lower_ == "as") or node.dep_ == "dobj"
            ):
                return node is not token and token.pos_ == "VERB"
            if node.dep_ not in ("pcomp", "pobj", "xcomp", "relcl", "prep", "dobj"):
                return False
            node = head
        return False

    def _claimed(self, token: Token) -> bool:
        """True when an enclosing predicate of the same clause chain was already coded."""
        coded = token.i in self.coded_heads  # the clause of a demand already coded
        if coded or self._charged(token, told=True):
            return coded  # unclaimed: "sentenced X for murdering Y" tells the murder too
        node, reported = token, False
        for _ in range(4):
            if infinitival(node) and node.tag_ == "VB":
                return self._asked(node.head)
            if (
                node.dep_ not in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acomp")
                or node.head.i == node.i
                or (node.dep_ == "pobj" and node.head.lower_ in self.book.occasion_preps)
            ):
                return False  # "following an attack on the base by Boko Haram, ...": an act of its own
            reported = reported or node.dep_ in ("ccomp", "pcomp")
            node = node.head
            if reported and self.emitted_heads.get(node.i, "").startswith(self.book.reported_act_codes):
                return False  # "police believe the gang killed him": the accusation and the act told
            if node.i in self.coded_heads:
                return True
        return False

    def _answered(self, verb: Token) -> list[int] | None:
        """ "The government asked the judge to delay his ruling, but he declined": a bare refusal joined to a
        coded appeal or demand answers it; the one who asked is its target (`answer_verbs`)."""
        head = verb.head
        code = self.emitted_heads.get(head.i)
        if (
            verb.dep_ != "conj"
            or verb.pos_ != "VERB"
            or verb.i in self.coded_heads
            or code is None
            or code[:2] not in self.book.addressed_clause_roots
            or any(c.dep_ in OBJECTS or c.dep_ in CLAUSES for c in verb.children)
        ):
            return None
        asker = self._subject(head)
        return asker or None

    def _asked(self, noun: Token) -> bool:
        """ "His refusal to resign", "rejected calls to resign", "declined his offer to step down": the act in
        the infinitive of a noun of rejection or demand, or of the object of an appeal, a demand or a
        rejection, is what was refused, asked or offered, not done (`asked_content_roots`)."""
        if self._asking_noun(noun):
            return True
        code = self.emitted_heads.get(noun.head.i) if noun.dep_ == "dobj" else None
        return code is not None and code[:2] in self.book.asked_content_roots

    def _asking_noun(self, noun: Token) -> bool:
        """ "Trump's refusal to debate", "their demand to withdraw": an event noun of those roots, whose
        infinitive is what it rejects or asks."""
        return noun.pos_ == "NOUN" and codes_one_of(noun, self.book.nouns, self.book.asked_content_roots)

    def _window(self, token: Token) -> set[str]:
        """Lemmas and words of the predicate's dependents, two levels down, outside subjects (a passive's
        agent too) and clauses."""
        words: set[str] = set()
        for clause in for_clauses(token):  # "called for his death to be investigated": asks for an inquiry
            words.update(("for", clause.lemma_.lower()))
        if token.dep_ == "acl" and token.tag_ == "VBN":  # "a lawsuit filed by X against Y": files a lawsuit
            words.add(token.head.lemma_.lower())
        for child in token.children:
            if small_clause(child):
                words.update((child.lemma_.lower(), child.lower_))  # "found the decision unlawful"
                words.update(g.lower_ for g in child.children if g.dep_ == "neg")  # "... not guilty"
            # the passive's agent is its subject: "a base used by the Royal Air Force"; its subject is what
            # was done: "the attack was claimed by the Taliban" claims an attack
            logical_object = child.dep_ == "nsubjpass" and self.token_actor[child.i] is None
            if (
                (child.dep_ in SUBJECTS and not logical_object)
                or child.dep_ in CLAUSES
                or child.dep_ == "agent"
            ):
                continue
            # a participle used as a preposition is no verb or noun: "according to" names no accord,
            # "following the talks" no following
            if child.dep_ != "prep":
                words.add(child.lemma_.lower())
            words.add(child.lower_)
            for grandchild in child.children:
                if grandchild.dep_ not in CLAUSES:
                    if grandchild.dep_ != "prep":
                        words.add(grandchild.lemma_.lower())
                    words.add(grandchild.lower_)
                if grandchild.dep_ == "prep" and grandchild.lower_ == "of":  # "state of emergency"
                    for word in grandchild.children:
                        if word.dep_ == "pobj":  # "part of a military aid programme"
                            words.add(word.lemma_.lower())
                            words.update(w.lemma_.lower() for w in word.lefts if w.dep_ in MODIFIERS)
        return words

    def _best(self, patterns: Sequence[Pattern], token: Token) -> Match | None:
        window = self._window(token)
        sent = token.sent  # spaCy seeks the sentence's bounds on every read
        at = token.i - sent.start
        # "called off its search late on Tuesday": a preposition of time carries no target
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative") and not dated(c)}
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":  # "gave a welcome (…) to X"
            preps |= {c.lower_ for c in token.head.children if c.dep_ in ("prep", "dative") and c.i > token.i}
        preps |= stranded_preps(token)
        if for_clauses(token):  # "called for the killers to be brought to justice": "for" marks the clause
            preps.add("for")
        best: Match | None = None
        # "ordered the journalist's murder": the owner of a noun of harm done by the light verb's subject is
        # its victim, as an "of" phrase would name it
        victim_owned = token.pos_ in ("NOUN", "PROPN") and (
            (token.head.lemma_.lower() in self.book.light_verbs and bool(self._owned_victim(token)))
            or self._patient_owned(token)  # "after his arrest": the owner is whom an "of" would name
        )
        for pattern in patterns:
            if (
                not all(alternatives & window for alternatives in pattern.required)
                or pattern.forbidden & window
            ):
                continue
            if (pattern.before or pattern.after) and not in_order(pattern, *self._sentence_words(sent), at):
                continue
            if pattern.mutual and len(self._subject(token)) < 2:
                continue
            score = 3 * (len(pattern.required) + len(pattern.before) + len(pattern.after)) + pattern.mutual
            if pattern.preps and preps & set(pattern.preps):
                score += 1
            elif pattern.preps and not pattern.required and not victim_owned:
                continue  # a bare "lemma prep" pattern ("agree on", "arrive in") needs its preposition
            if pattern.object_target:  # "petitioned the court", "the court was petitioned by X"
                patients = [*objects_of(token), *(c for c in token.children if c.dep_ == "nsubjpass")]
                persons = pattern.code.startswith(self.book.person_object_codes)
                if not any(self._patients_of(c, persons) for c in patients if not self._done_act(token, c)):
                    continue
                score += 1
            if best is None or score > best.score:
                best = Match(pattern, score)
        return best

    def _sentence_words(self, sent: Span) -> tuple[list[str], list[str]]:
        """The sentence's words and lemmas, lower case: read once, for every predicate of the sentence."""
        words = self.sentence_words.get(sent.start)
        if words is None:
            words = ([t.lower_ for t in sent], [t.lemma_.lower() for t in sent])
            self.sentence_words[sent.start] = words
        return words

    def _unarmed_departure(self, token: Token, pattern: Pattern, source: Side) -> bool:
        """ "The president left Washington": leaving a place is a withdrawal only for armed forces."""
        return (
            pattern.object_target
            and token.lemma_.lower() in self.book.armed_departure_verbs
            and source.sector not in self.book.armed_sectors
        )

    def _unarmed_victory(self, token: Token, pattern: Pattern, source: Side, target: Side | None) -> bool:
        """ "Biden defeated Trump", "the bill was crushed": a victory is fought (190) only where a party that
        bears arms wins or loses ("the army routed the rebels"); an election, a vote or a match is none. And
        only with victor and vanquished named: "ISIS has been defeated" tells a state of things claimed, not
        a battle; "police drove him back to the station" a journey."""
        book = self.book
        if pattern.code != book.victory_code or token.lemma_.lower() not in book.victory_verbs:
            return False
        armed = any(side is not None and side.sector in book.armed_sectors for side in (source, target))
        return not (armed and source.code and target is not None)

    def _responding(self, pattern: Pattern, code: str, source: Side) -> bool:
        """ "Officers arrived at the scene": police coming to a place answer a call; they deploy nothing."""
        return (
            code == pattern.code
            and pattern.code in self.book.reciprocal
            and source.sector in self.book.responding_sectors
        )

    def _uninvestigated(self, token: Token, pattern: Pattern, source: Side) -> bool:
        """ "The BBC interviewed the minister": an interview is an inquiry only when investigators make it."""
        return (
            pattern.object_target
            and pattern.code == self.book.questioning_code
            and token.lemma_.lower() in self.book.questioning_verbs
            and source.sector not in self.book.investigating_sectors
        )

    def _authorless(self, source: Side, code: str) -> bool:
        """ "He was further sanctioned in 2011": with no author named or known, what is said or a diplomatic
        step is no one's act and no event (`authored_roots`); force is coded with no author ("a bomb killed
        ten", "the minister was arrested"), and so is an accusation ("X was accused of fraud")."""
        return source.index is None and not source.code and code[:2] in self.book.authored_roots

    def _patients_of(self, obj: Token, persons: bool = False) -> list[int]:
        """ "Welcomed the minister": the parties an object names, not the sender of a thing it names
        ("received a letter from the president" hosts no president)."""
        sent = {
            i
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "from" and self.token_actor[obj.i] is None
            for t in c.subtree
            if (i := self.token_actor[t.i]) is not None
        }
        if persons and self._thing_named(obj):
            return []
        return [i for i in self._actors_of(obj) if i not in sent]

    def _thing_named(self, obj: Token) -> bool:
        """ "Received the party's nomination", "supported LGBT rights", "received questions on Iran": an
        object that is a thing owned by, given by or about a party is no party acted on; the party is the
        object itself or its appositive, a group or count of its people ("a delegation of", "members of",
        `party_nouns`), or the maker of a thing it made ("backed Israel's plan": `made_things`)."""
        lemma = obj.lemma_.lower()
        return (
            obj.pos_ == "NOUN"
            and self.token_actor[obj.i] is None
            and lemma not in self.book.party_nouns
            and lemma not in self.book.quantity_nouns
            and lemma not in self.book.made_things
            and not any(c.dep_ == "appos" and self.token_actor[c.i] is not None for c in obj.children)
        )

    def _stance_object(self, token: Token, pattern: Pattern) -> bool:
        """ "Endorsed cutting aid to Egypt", "supported the removal of US troops", "has supported LGBT
        rights": a verb of support whose object is a course of action (a gerund) or a thing that names no
        party states a position and endorses nobody; "endorsed Biden", "backed France's proposal" (a thing a
        party made), "supports Turkey's efforts" (one it owns), "support the rights of Palestinians" (a cause
        it holds) do."""
        book = self.book
        if pattern.code not in book.stance_codes or token.lemma_.lower() not in book.stance_verbs:
            return False
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        if not objects:  # "endorsed cutting aid": the act endorsed is a gerund clause
            return any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" for c in token.children)
        speaker = {referent(self.actors, i) for i in self._subject(token)}
        return not any(self._party_endorsed(o, speaker) for o in objects)

    def _party_endorsed(self, obj: Token, speaker: set[int]) -> bool:
        """The object of a verb of support names a party: itself, a thing a party made, a thing another party
        owns, or a cause someone holds ("his candidacy", "the rights of Palestinians")."""
        if obj.tag_ == "VBG":
            return False
        if not self._thing_named(obj):
            return True
        possessors = [c for c in obj.children if c.dep_ == "poss"]
        owners = {referent(self.actors, i) for c in possessors for i in self._actors_of(c)}
        if owners - speaker:  # "supports Turkey's efforts"; "his own efforts" are his position
            return True
        if obj.lemma_.lower() not in self.book.held_causes:
            return False
        # "support his candidacy", "the rights of Palestinians": a cause someone holds
        return bool(possessors) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(self._actors_of(o) for o in c.children)
            for c in obj.children
        )

    def _done_act(self, verb: Token, obj: Token) -> bool:
        """ "ordered the killing of protesters", "ordered the arrest of X": a light verb's object that is an
        event noun names the act the subject has done (through others), not a party the verb acts on."""
        return (
            verb.lemma_.lower() in self.book.light_verbs
            and self.token_actor[obj.i] is None
            and bool(lemma_in(obj, self.book.nouns))
        )

    # ── arguments ────────────────────────────────────────────────────────────────────────────────

    def _told_statements(self) -> None:
        """What a party said counts among the acts told ("Trump announced the troops would leave. ... The
        statement was a surprise"): "the statement" refers back to it, as any act does."""
        for token in self.tokens:
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.book.speech_verbs:
                continue
            speaker = self._sides(self._subject(token)[:1])[:1]
            if speaker and speaker[0].code:
                where, lemmas = self.offset + token.idx, frozenset({token.lemma_.lower()})
                self.parent.acts.append((where, lemmas, self.book.statement_code, speaker[0]))

    def _reports_nothing(self, token: Token, pattern: Pattern, kind: str, args: Arguments) -> bool:
        """The predicate tells no current act: a question, a description, background or an earlier case."""
        if in_question(token):
            return True  # a question asks whether something happened; it reports nothing
        clause = token
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head  # "the Taliban, which seeks to retake control": the aim the clause describes
        if (
            kind == "verb"
            and clause.dep_ == "relcl"
            and simple_present(clause)
            and not self._personal(clause)
        ):
            return True  # "the YPG militia, which supports the PKK" describes; "which I endorse" acts
        if kind == "verb" and self._other_than_news(token, pattern.code):
            return True  # background, a consequence, another sense of the word, or a provision
        # "Iran last held talks with the US in 2015": the light verb of an earlier case
        return kind == "noun" and args.anchor is not token and self._compared_past(args.anchor, pattern.code)

    def _code(
        self,
        token: Token,
        match: Match,
        kind: str,
        target: list[int] | None = None,
        claim: Token | None = None,
        source: list[int] | None = None,
        judge: Side | None = None,
    ) -> Iterator[Event]:
        """One predicate's events, in four steps: its arguments (who acted, on whom), whose act it is when
        nobody is named (or the `judge` the reading implied), its modality, then one event per dyad with its
        codes and confidence."""
        pattern = match.pattern
        if judge is not None:  # "X drew criticism": voiced of X by a party nobody names
            args: Arguments | None = Arguments([], target or [], token, judge=judge) if target else None
        else:
            args = self._arguments(token, pattern, kind, target, source)
        if (
            args is None
            or self._thing_object(token, pattern)
            or self._winner_named(token, pattern)
            or self._stance_object(token, pattern)
        ):
            return  # nobody acts, or no party is acted on ("ordered the killing of pigs")
        if args.code is not None:  # "the envoy held talks between the two factions": a mediation
            pattern = replace(pattern, code=args.code, mutual=False)
        if self._reports_nothing(token, pattern, kind, args):
            return
        self.coded_heads.update(t.i for t in (token, args.anchor, claim) if t is not None)
        recode = self.parent.options.recode_intent
        # the act a judgement is about is told as done, whatever the judgement's own modality: "will not
        # condemn Russia's attack", "will condemn Russia's annexation of Crimea" (no threat of Russia's)
        judged = kind == "noun" and args.anchor is token and self._judged_act(token)
        modality, code = read_modality(
            token, args.anchor, modality_cues(), self.parent.published, pattern.code, recode, judged
        )
        if modality == "historical" and history(token, args.anchor, modality_cues(), self.parent.published):
            return  # "Roosevelt mediated a peace agreement in 1905": history told as background, not news
        cues = {
            "pattern_specific" if match.score >= 3 else "pattern_preposition" if match.score > 0 else "",
            "noun" if kind == "noun" else "",
            "bare_noun" if kind == "noun" and args.anchor is token else "",
            modality if modality != "asserted" else "",
            "quoted" if self._personal(token) else "",  # interview and opinion talk
            "habitual" if simple_present(token) else "",  # "the party supports", "the foundation provides"
        } - {""}
        pairs, origin = self._dyads(token, pattern, args, code)
        sentence = self.parent.sentence_of(self.offset + token.idx)
        anchor = args.anchor
        trigger = token.text if anchor is token else f"{anchor.text} … {token.text}"
        reciprocal = pattern.reciprocal or self.book.reciprocal.get(pattern.code)
        mirrored = reciprocal is None and pattern.code in self.book.mirrored_codes
        if mirrored:
            reciprocal = pattern.code
        for a, b in pairs:
            # "recognized by UNESCO as heritage", "hosted the Women's Championship": recognition and hosting
            # are of a state, a government or an international organisation (unless the pattern names what:
            # "established ties", "host a meeting")
            stateless = (
                pattern.code in self.book.state_target_codes
                and not pattern.required
                and not state_or_organisation(b)
            )
            if (
                stateless
                or (b is not None and same_party(a, b, self._apart(pattern)))
                or self._unarmed_departure(token, pattern, a)
                or self._unarmed_victory(token, pattern, a, b)
                or self._responding(pattern, code, a)
                or self._uninvestigated(token, pattern, a)
                or self._danger_warned(token, pattern, a)
                or self._authorless(a, code)
                or self._unseized(code, a, b)
                or (b is None and self._aimless_intent(code, modality))
                or (b is None and self._private_alone(token, a, code))
                or (b is None and self._standing_stance(token, pattern))
            ):
                continue
            deployed = self._deployment(token, pattern, a, code)
            own_code = (
                self._verbal(token, a)
                or deployed
                or self._foreboding(token, code)
                or self._questioning(token, a)
                or self._on_sector(code, b)
                or self._violence_detail(token, a, b, code)
            )
            evidence = cues | self._party_cues(a, b, origin)
            self.emitted_heads[token.i] = own_code
            # an attack by nobody named is told too: a later "two were injured" may retell it
            if a.code or own_code[:2] in self.book.one_attack_roots:
                # "carried out the airstrike" tells an airstrike; "opposed the withdrawal" tells none, and
                # "police are investigating the shooting" tells no shooting by the police: only a light
                # verb's object is the act done
                light = token.lemma_.lower() in self.book.light_verbs
                done = objects_of(token) if light and own_code[:2] not in self.book.spoken_roots else []
                lemmas = frozenset(
                    {token.lemma_.lower(), anchor.lemma_.lower()}
                    | {obj.lemma_.lower() for obj in done if obj.pos_ == "NOUN"}
                )
                self.parent.acts.append((self.offset + token.idx, lemmas, own_code, a))
            yield self._event(a, b, own_code, modality, sentence, evidence, trigger)
            if (
                reciprocal
                and not deployed
                and b is not None
                and modality == "asserted"
                and (b.country or mirrored)
                and (mirrored or b.sector not in self.book.private_sectors)  # no host in a hospital ward
            ):
                yield self._event(b, a, reciprocal, modality, sentence, evidence, trigger)

    def _apart(self, pattern: Pattern) -> frozenset[str]:
        """The sectors that are another party than their country named bare (`nonstate_sectors`); none for a
        visit or its hosting (`reciprocal`), which is none within one's own country ("the party came to Iraq",
        "Iran hosted the championship")."""
        journeys = {*self.book.reciprocal, *self.book.reciprocal.values()}
        return frozenset() if pattern.code in journeys else self.book.nonstate_sectors

    def _standing_stance(self, token: Token, pattern: Pattern) -> bool:
        """ "X remains fully committed to the campaign", "I am committed to leading our country": a promise
        verb read as a state (the complement of "be", "remain") is a stance held, no promise made to anyone:
        with no counterpart named it is no event."""
        return token.dep_ == "acomp" and self.book.fallback.get(token.lemma_.lower()) is pattern

    def _aimless_intent(self, code: str, modality: Modality) -> bool:
        """ "They would urge calm": an intended act aimed at nobody is no event between parties; it is coded
        once done (promises and threats excepted: see counterpartless_intents)."""
        return modality == "intended" and not code.startswith(self.book.counterpartless_intents)

    def _private_alone(self, token: Token, source: Side, code: str) -> bool:
        """ "The hospital asked for patience", "researchers examined the coral": a private party acting with
        no counterpart named, in a sentence that names no political party, is no political event, unless its
        act is political in itself (a protest, violence, a plea of guilty: `lone_private_codes`). A sentence
        that names a state, a government or an organisation makes the act political though the coder found
        no target in it ("Tutu called for sanctions against Nigeria", "threatened a strike unless Israel
        ..."). International and non-governmental organisations are political parties whatever their field
        (the WHO's code names the health sector)."""
        book = self.book
        if (
            source.sector not in book.unpolitical_sectors
            or (source.code or "").startswith(("IGO", "NGO"))
            or code.startswith(book.lone_private_codes)
        ):
            return False
        named = dict.fromkeys(
            i for t in token.sent if (i := self.token_actor[t.i]) not in (None, source.index)
        )
        # a political party named: its part is missed, not absent
        return not any(
            (other := resolved(self.actors, index)).code and other.sector not in book.unpolitical_sectors
            for index in named
        )

    def _event(
        self,
        a: Side,
        b: Side | None,
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

    def _event_actor(self, side: Side) -> EventActor:
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


def _future_act(clause: Token) -> Token | None:
    """The act a clause puts in its subject's future: "it will/would open" (the clause's verb), "they were
    to form", "it is going to open" (the infinitive)."""
    if clause.lemma_ in ("be", "go") and not any(c.dep_ == "aux" for c in clause.children):
        return next(
            (
                c
                for c in clause.children
                if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in clause.children):
        return clause
    return None
