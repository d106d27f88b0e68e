"""Who acted and on whom: the subject, object, preposition and context readings of a predicate's parties."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from worldwire.events.grammar import (
    ANTI,
    CLAUSES,
    CONTROL,
    MODIFIERS,
    OBJECTS,
    SPEAKER_PRONOUNS,
    WH_WORDS,
    codes_one_of,
    dated,
    dating_clause,
    for_clauses,
    is_passive,
    lemma_in,
    objects_of,
    voicing,
)
from worldwire.events.modality import condition_clauses, historical, infinitival
from worldwire.events.parties import UNKNOWN, Arguments, Side, referent, resolved, same_party
from worldwire.events.patterns import Pattern, modality_cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from worldwire.events.coder import _DocumentCoder


class SegmentState:
    """What the coder of one parsed segment holds: the document coder, the pattern book, the actor mentions
    and, per token, the mention covering it; the predicates coded so far."""

    def __init__(
        self, parent: _DocumentCoder, offset: int, parsed: Doc, token_actor: list[int | None]
    ) -> None:
        self.parent = parent
        self.book = parent.book
        self.actors = parent.doc.actors
        self.offset = offset
        self.parsed = parsed
        self.tokens: list[Token] = list(parsed)  # spaCy makes a new Token on every pass over a Doc
        # per sentence (by its first token): its words and lemmas, lower case, for word-order patterns
        self.sentence_words: dict[int, tuple[list[str], list[str]]] = {}
        self.token_actor = token_actor
        self.coded_heads: set[int] = set()
        # predicates that gave an event, with its code (coded_heads: also those tried)
        self.emitted_heads: dict[int, str] = {}
        self.blocked: tuple[Side, ...] = ()  # the acting party, never its own target
        self.reciprocal_codes = frozenset(self.book.reciprocal.values())

    @cached_property
    def text(self) -> str:
        """The segment's text, read once: spaCy rebuilds `Doc.text` from its tokens on every read."""
        return self.parsed.text

    # ── predicates ───────────────────────────────────────────────────────────────────────────────


class ArgumentReader(SegmentState):
    """Argument reading for the segment coder (mixed into `_SegmentCoder`)."""

    def _actors_of(self, token: Token) -> list[int]:
        """Actor mentions that an argument head stands for: itself and its conjuncts, else their owners
        ("Kazakhstan's president"), else "of" phrases ("the president of Kazakhstan")."""
        found: list[int] = []
        for unit in (token, *token.conjuncts):
            own = self.token_actor[unit.i]
            if own is not None:
                found.append(own)
                found.extend(self._joined_inside(unit, own))
                continue
            inner = [
                self.token_actor[t.i]
                for child in unit.lefts
                if child.dep_ in MODIFIERS or child.dep_ == "det"
                for t in child.subtree
                if self.token_actor[t.i] is not None
            ]
            if not inner:
                # "the decision by Turkey"; "the proclamation of Golan Heights as Israeli by Trump": a made
                # thing's author before what it is about
                made = unit.lemma_.lower() in self.book.made_things
                for preps in (("by", "from"), ("of", "from")) if made else (("of", "from"),):
                    inner = [
                        self.token_actor[t.i]
                        for child in unit.rights
                        if child.dep_ == "prep" and child.lower_ in preps
                        for t in child.subtree
                        if self.token_actor[t.i] is not None
                    ]
                    if inner:
                        break
            if not inner:
                inner.extend(self._members_in(unit))
            if not inner:  # "Kenzo Oshima, the United Nations relief coordinator": the apposition's
                inner = [i for child in unit.rights if child.dep_ == "appos" for i in self._actors_of(child)]
            found.extend(i for i in inner if i is not None)
        return list(dict.fromkeys(found))

    def _members_in(self, unit: Token) -> list[int]:
        """ "working with colleagues in the British Transport Police", "met officials at the Interior
        Ministry": people (`party_nouns`) in or at a body are that body's; not a place ("civilians in
        Syria": a state or town named bare, or a group of private people, is where they are)."""
        if unit.lemma_.lower() not in self.book.party_nouns:
            return []
        found = [
            index
            for child in unit.rights
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "within")
            for pobj in child.children
            if pobj.dep_ == "pobj" and (index := self.token_actor[pobj.i]) is not None
        ]
        return [i for i in found if resolved(self.actors, i).sector not in (None, "CVL")][:1]

    def _joined_inside(self, unit: Token, own: int) -> list[int]:
        """ "US President Donald Trump and Turkish President Recep Erdogan met": the parser hangs one of two
        titled names inside the other (in its left part, or under its apposition); an "and" there that
        joins a word of this name to another name joins that party (not "the Police and Crime Commissioner
        Stephen Mold", whose "and" joins no two names)."""
        inside = [*unit.lefts, *(c for c in unit.rights if c.dep_ == "appos")]
        found: list[int] = []
        for t in (t for child in inside for t in child.subtree):
            if t.dep_ != "cc" or t.lower_ != "and":
                continue
            for conj in (c for c in t.head.children if c.dep_ == "conj"):
                pair = {self.token_actor[t.head.i], self.token_actor[conj.i]}
                if own in pair and len(pair - {None}) == 2:
                    found.extend(i for i in pair if i is not None and i != own)
        return found

    def _others(self, indexes: Iterable[int]) -> list[int]:
        """Mentions that are not the acting party itself ("Syria offered its troops": not SYR → SYRMIL)."""
        kept = []
        for index in indexes:
            sides = self._sides([index])
            if not sides or not all(
                any(same_party(s, b, self.book.nonstate_sectors) for b in self.blocked) for s in sides
            ):
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
            o.dep_ == "pobj" and (o.lower_ in self.book.channels or self._medium(o)) for o in prep.children
        )

    def _medium(self, word: Token) -> bool:
        """ "spoke on Fox News": a news medium named as where words were said."""
        index = self.token_actor[word.i]
        return index is not None and resolved(self.actors, index).sector == "MED"

    def _subject(self, token: Token) -> list[int]:
        """The acting party of a verb: passive agent, subject, or the controller up the clause chain."""
        node: Token | None = token
        for _ in range(5):
            if node is None:
                break
            found = self._own_subject(node)
            if found is None:
                found = self._passive_partner(node)
            if found is None:
                found, node = self._inherited(node)
            if found is not None:
                return found
        return []

    def _passive_partner(self, node: Token) -> list[int] | None:
        """ "The minister was briefed, and flew to the city": an active verb joined to a passive one shares
        its subject (not "was arrested and charged", a passive too). None: no such verb."""
        if node.dep_ != "conj" or node.tag_ not in ("VBD", "VBZ", "VBP") or is_passive(node):
            return None
        head = node.head
        patients = [c for c in head.children if c.dep_ == "nsubjpass"]
        if not patients or not is_passive(head) or any(c.dep_ == "agent" for c in head.children):
            return None
        return self._actors_of(patients[0])

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
            return self._noun_clause_owner(node)
        if node.dep_ not in CONTROL or (node.dep_ == "ccomp" and node.head.lemma_.lower() != "be"):
            return [], None
        controller = self._gerund_controller(node)
        if controller is not None:
            return controller, None
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
        # "urged the embassy to reconsider and spoke with Pompeo", "arranged for troops to be ready and has
        # asked ...": a finite verb is no part of the infinitive it is parsed as joined to; it shares the
        # subject of the verb above
        return None, node.head.head if self._finite_beside_infinitive(node) else node.head

    @staticmethod
    def _finite_beside_infinitive(node: Token) -> bool:
        """A finite verb (told in a tense: "spoke", "has asked", "will meet") parsed as a conjunct of an
        infinitive ("to reconsider", "for X to be ready")."""
        head = node.head
        if node.dep_ != "conj" or head.tag_ != "VB":
            return False
        finite = node.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in node.children
        )
        if head.dep_ == "xcomp":
            return node.tag_ in ("VBD", "VBZ")
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        return finite and to and head.dep_ in ("advcl", "xcomp")

    def _charged(self, token: Token, *, told: bool = False) -> bool:
        """ "Sentenced X for murdering Y", "arrested a man for attacking a woman", "found X guilty of raping
        Y", "jailed for the rape of Y": an act (a gerund or an event noun) after a preposition
        (`object_control_preps`) of a coded legal action (`legal_action_codes`), or of its object or
        complement, is the act the action was taken for, done by the one it was taken against.

        `told`: the act must also be one of violence, protest or refusal (`legal_told_roots`). The coder asks
        this when deciding whether the act is told as having happened, which only those acts are ("convicted
        of obstructing justice" is the charge's wording); who did the act, which the arguments ask, is the
        one charged whatever the act."""
        book = self.book
        prep = token.head
        if token.dep_ not in ("pcomp", "pobj") or prep.lower_ not in book.object_control_preps:
            return False
        if told and not codes_one_of(
            token, book.nouns if token.pos_ in ("NOUN", "PROPN") else book.verbs, book.legal_told_roots
        ):
            return False
        holder = prep.head
        if holder.dep_ in ("dobj", "acomp", "ccomp", "oprd") and holder.pos_ not in ("VERB", "AUX"):
            holder = holder.head  # "arrested a man for ...", "found two officers guilty of ..."
        return self.emitted_heads.get(holder.i, "").startswith(book.legal_action_codes)

    def _gerund_controller(self, node: Token) -> list[int] | None:
        """ "accused Iran of attacking tankers", "sentenced X for murdering Y", "X was convicted of killing
        Y": a gerund (or, for `_charged`, an event noun) after a preposition (`object_control_preps`) of a
        verb's object is done by that object (a party: the direct object, or the subject of the passive), not
        by the verb's subject; the object of "arrested a man for attacking" too. None: no such gerund, or its
        object is no party."""
        prep = node.head
        if (
            node.dep_ not in ("pcomp", "pobj")
            or node.tag_ not in ("VBG", "NN", "NNS")
            or prep.dep_ != "prep"
            or prep.lower_ not in self.book.object_control_preps
            or prep.head.i == prep.i
        ):
            return None
        holder = prep.head
        if holder.pos_ in ("NOUN", "PROPN", "PRON") and holder.dep_ in ("dobj", "nsubjpass"):
            takers = [holder]
        elif holder.pos_ in ("VERB", "AUX"):
            # the object, or the passive's subject nearest the verb ("A resident of Ohio, Smith is accused")
            takers = [c for c in holder.children if c.dep_ == "dobj"]
            takers = takers or [c for c in holder.children if c.dep_ == "nsubjpass" and c.i < holder.i][-1:]
        else:
            return None
        found = [i for c in takers for i in self._actors_of(c)]
        return found or None

    def _noun_clause_owner(self, node: Token) -> tuple[list[int] | None, Token | None]:
        """The subject a clause on a noun takes over ("Russia's plan to attack"), as `_inherited` gives it."""
        found = self._copular_subject(node.head) or self._actors_of(node.head) or self._enactor(node.head)
        if found or node.head.dep_ not in ("dobj", "attr") or not infinitival(node):
            return found, None
        judged = self.emitted_heads.get(node.head.head.i, "")
        if judged[:2] in self.book.judged_act_roots:
            return [], None  # "the opposition criticized a law banning parties": not the critic's act
        # "Russia has no plans to attack", "took steps to ease": the owner of the plans, the steps
        return None, node.head.head

    def _own_subject(self, node: Token) -> list[int] | None:
        """The subject a clause states itself (None: it states none, look up the chain)."""
        for by in (c for c in node.children if c.dep_ == "agent"):
            actors = [i for obj in by.children if obj.dep_ == "pobj" for i in self._actors_of(obj)]
            if actors:
                return actors
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        if len(subjects) > 1 and node.dep_ == "relcl":
            # "fighters which European nations have refused to repatriate": "which" parsed as a second
            # subject is the clause's object; the nations refuse
            subjects = [c for c in subjects if c.lower_ not in WH_WORDS] or subjects
        for said_subject in subjects:
            relative = said_subject.lower_ in WH_WORDS and node.dep_ == "relcl"
            # "a shooting of protesters that left two dead": a relative pronoun stands for the antecedent
            subject = node.head if relative else said_subject
            if self.token_actor[subject.i] is None and lemma_in(subject, self.book.nouns):
                # "a Kabul car bombing killed five": a place in the event noun is no author; "Israeli air
                # strikes killed three", "Russia's shelling", "a Taliban attack": a party's adjective,
                # possessive or name is
                return [
                    i
                    for c in subject.children
                    if c.dep_ in ("poss", "compound") or (c.dep_ == "amod" and c.pos_ == "ADJ")
                    if (i := self.token_actor[c.i]) is not None
                ]
            if relative:  # "a decree that bars ...": the party that signed it
                return self._actors_of(subject) or self._enactor(subject)
            actors = (
                self._joint_speakers(subject, node)
                or self._actors_of(subject)
                or self._copular_subject(subject)
            )
            if not actors and subject.lower_ in SPEAKER_PRONOUNS and node.dep_ == "ccomp":
                # "Switzerland said it had expelled ...": the reported "it" is the speaker; not in
                # "officials said it killed nine people".
                kinds = SPEAKER_PRONOUNS[subject.lower_]
                speaker = [c for c in node.head.children if c.dep_ == "nsubj"]
                # ... nor "officials confirmed it has killed three": "it" stands for no plural speaker
                said = self._actors_of(speaker[0]) if speaker and self._agrees(subject, speaker[0]) else []
                actors = [i for i in said if resolved(self.actors, i).kind in kinds]
            if actors:
                return actors
        return self._passive_subject(node, bool(subjects))

    def _joint_speakers(self, subject: Token, clause: Token) -> list[int]:
        """ "Chile and Peru said they would form working groups", "US and Chinese officials said they had
        agreed": a "they" that is the subject of a clause reported by parties named together (coordinated)
        stands for all of them, whatever party a "they" named before stands for; none otherwise."""
        if subject.lower_ != "they" or clause.dep_ != "ccomp":
            return []
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or not any(t.dep_ == "cc" for t in speaker.subtree):
            return []
        said = self._actors_of(speaker)
        return said if len(said) > 1 else []

    def _agrees(self, pronoun: Token, speaker: Token) -> bool:
        """A reported "it" stands for a speaker named in the singular ("the ministry said it had ..."), not
        for one named in the plural ("officials said it killed nine people": "it" is the blast)."""
        return not (pronoun.lower_ == "it" and speaker.tag_ in ("NNS", "NNPS"))

    def _enactor(self, noun: Token) -> list[int]:
        """ "signed a decree banning X", "voted on a resolution to expel Y", "a law barring Z was passed by
        W": what an enacted instrument does is done by the party that enacts it, the subject or agent of the
        enacting verb the instrument is the object of (not "did not sign", not "criticized the decree")."""
        if noun.lemma_.lower() not in self.book.enacted_instruments:
            return []
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in self.book.enacting_preps:
            verb = verb.head  # "voted on a resolution"
        elif noun.dep_ not in ("dobj", "nsubjpass"):
            return []
        if verb.lemma_.lower() not in self.book.enacting_verbs or any(c.dep_ == "neg" for c in verb.children):
            return []
        return self._subject(verb)

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

    def _stranded_author(self, verb: Token, objects: list[Token]) -> list[int]:
        """ "denied the accusation by the United States": the author of a thing a party makes, its by-phrase
        hung on the active verb."""
        made = any(o.lemma_.lower() in self.book.made_things for o in objects)
        return self._pobj_actors(verb, ("by",)) if made and not is_passive(verb) else []

    def _unowned_made_author(self, verb: Token, obj: Token) -> list[int]:
        """ "attacked the proclamation of the islands as French territory by Spain": the by-phrase after a
        made thing with no owner before it names its author, wherever the parser hangs it in the verb's
        phrase (not in a clause of its own, not the verb's passive agent)."""
        if obj.lemma_.lower() not in self.book.made_things or is_passive(verb):
            return []
        if any(self.token_actor[t.i] is not None for c in obj.lefts for t in c.subtree):
            return []  # "Spain's decision": its owner
        for word in verb.subtree:
            if word.i <= obj.i or word.dep_ != "prep" or word.lower_ != "by":
                continue
            path = [a for a in word.ancestors if a.i != verb.i and verb in a.ancestors]
            if any(a.dep_ in ("relcl", "ccomp", "advcl", "acl", "xcomp", "conj") for a in path):
                continue
            found = self._pobj_actors(word.head, ("by",))
            if found:
                return found
        return []

    def _patient_words(self, token: Token, pattern: Pattern) -> list[Token]:
        """The word for whom a passive predicate's act was done: its passive subject, the noun a relative
        pronoun stands for ("a banker who was arrested"), the noun a bare past participle modifies ("the
        prisoners detained during the protests", "the mayor, charged with fraud, resigned"), or the subject of
        the clause a bare past participle qualifies ("he appeared in court, charged with murder")."""
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        if subjects:
            relative = subjects[0].lower_ in WH_WORDS and token.dep_ == "relcl"
            return [token.head] if relative else subjects
        if token.tag_ != "VBN" or any(c.dep_ in ("nsubj", "aux", "auxpass", "dobj") for c in token.children):
            return []
        if token.dep_ == "advcl":  # "he appeared in court, charged with murder": the clause's subject,
            # for what is done to a patient (not "Rebuked by X, Y was drawn into talks": background)
            if not pattern.code.startswith(tuple(self.book.patient_passive_roots)):
                return []
            return [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [token.head] if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") else []

    def _verb_target(self, token: Token, pattern: Pattern) -> list[int]:
        objects = [*objects_of(token), *self._patient_words(token, pattern)]
        if pattern.code.startswith(self.book.instrument_object_codes):
            objects = []  # "deployed the National Guard": the forces are the actor's means
        elif token.lemma_.lower() in self.book.topic_object_verbs:
            objects = []  # "discussed his role on the Biden ticket": what is talked about, not with whom
        if pattern.preps:
            named = self._pobj_actors(token, pattern.preps)
            for obj in objects:
                named += self._pobj_actors(obj, pattern.preps)
            if named:
                return named
        for obj in objects:
            actors = self._unowned_made_author(token, obj) or self._others(self._actors_of(obj))
            actors = actors or self._pobj_actors(obj, self.book.default_preps)
            if actors:
                return actors
        authors = self._stranded_author(token, objects)
        if authors or pattern.object_target:
            return authors
        found = self._pobj_actors(token, self.book.default_preps)
        if not found:
            for child in token.children:
                if child.dep_ in ("prt", "advmod"):
                    found += self._pobj_actors(child, self.book.default_preps)
        return found or self._complement_target(token, pattern)

    def _complement_target(self, token: Token, pattern: Pattern) -> list[int]:
        """ "threatened to attack Ukraine", "refused to release the ship": the complement's object;
        "recommended the troops withdraw", "demanded that Israel stop": whom an appeal's clause asks."""
        found: list[int] = []
        for child in token.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                found += self._verb_target(child, pattern)
        if not found and pattern.code[:2] in self.book.addressed_clause_roots:
            for clause in [*(c for c in token.children if c.dep_ == "ccomp"), *for_clauses(token)]:
                found += [i for s in clause.children if s.dep_ == "nsubj" for i in self._actors_of(s)]
        return found

    def _following_actor(
        self,
        token: Token,
        code: str,
        strict: Token | None = None,
        skip: Iterable[int | None] = (),
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

    def _owned_victim(self, noun: Token) -> list[int]:
        """ "ordered the journalist's murder", "after the general's assassination": the person who owns a noun
        of harm done to someone (`victim_owner_nouns`) suffered it, unless an "of" or "by" phrase names
        the victim or the author ("the militia's killing of villagers"); states and organisations own
        their acts ("Iran's execution")."""
        lemma = noun.lemma_.lower()
        legal = lemma in self.book.patient_owner_nouns
        if (lemma not in self.book.victim_owner_nouns and not legal) or any(
            c.dep_ == "prep" and c.lower_ in ("of", "by") for c in noun.children
        ):
            return []
        if legal and any(
            c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") for c in noun.children
        ):
            return []  # "his conviction that the war was wrong": a belief, no legal act
        owners = [i for c in noun.children if c.dep_ == "poss" for i in self._actors_of(c)]
        if legal and not owners:
            owners = self._adverbial_owner(noun)
        actors = [resolved(self.actors, i) for i in owners]
        if any(
            a.kind in self.book.acting_owner_kinds or not (a.sector or (legal and a.kind == "person"))
            for a in actors
        ):
            return []  # "Iran's execution", "the militia's killing": a state or organisation acts
        if legal and any(a.sector in self.book.legal_author_sectors for a in actors):
            return []  # "the police's arrests": the police arrest
        return owners

    def _adverbial_owner(self, noun: Token) -> list[int]:
        """ "After his arrest on Friday, the gunman stayed in a cell": a possessive pronoun on a noun in an
        adverbial phrase of a clause refers to that clause's subject, a person (the act's patient)."""
        prep = noun.head
        if (
            noun.dep_ != "pobj"
            or prep.dep_ != "prep"
            or prep.lower_ not in self.book.adverbial_owner_preps
            or prep.head.pos_ not in ("VERB", "AUX")
            or not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
        ):
            return []
        return self._subject(prep.head)

    def _patient_owned(self, noun: Token) -> bool:
        """ "After his arrest", "Basilashvili's arrest": a noun of legal action its owner underwent."""
        return noun.lemma_.lower() in self.book.patient_owner_nouns and bool(self._owned_victim(noun))

    def _noun_source(self, noun: Token, skip_owner: bool = False) -> tuple[list[int], Token | None]:
        """The owner of an event noun ("Russia's attack", "the attack by X"), else the subject of the light
        verb it is the object of ("X launched an attack"); and that light verb."""
        source: list[int] = []
        for child in noun.children:
            if (child.dep_ == "poss" and not skip_owner) or (child.dep_ == "prep" and child.lower_ == "by"):
                source = self._actors_of(child) if child.dep_ == "poss" else self._pobj_actors(noun, ("by",))
                if source:
                    break
        if not source:  # "the expulsions of diplomats by Poland", "an attack on a base by Boko Haram": the
            # by-phrase hung on the object
            objects = [o for c in noun.children if c.dep_ == "prep" and c.lower_ != "by" for o in c.children]
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
        if (
            not source
            and noun.dep_ == "dobj"
            and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
        ):
            return self._subject(verb), None  # "the leader repeated his criticism of X": his is the subject's
        return source, None

    def _occasion_participant(self, noun: Token, pattern: Pattern) -> list[int]:
        """ "The minister said in a meeting with X that ...": whoever speaks or acts in a meeting (the
        clause it frames) takes part in it."""
        if not self._frames_clause(noun) or not pattern.code.startswith(
            tuple(self.book.shared_occasion_roots)
        ):
            return []
        return self._subject(noun.head.head)

    def _noun_between(self, noun: Token, pattern: Pattern) -> list[int]:
        """The parties a mutual act noun names with "between" ("a deal between A and B", "clashes between
        police and protesters"), on the noun or on the verb the noun is the subject of ("fighting broke out
        between A and B"); none for a go-between's act (its mediation) or fewer than two parties. Only the
        first "between" phrase counts: "deals between A and B and between C and D" are no deal of A with C."""
        if not self._mutual(pattern) or self._go_between(pattern):
            return []
        heads = [noun]
        if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            heads.append(noun.head)
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "between"]
        found: list[int] = []
        for prep in preps[:1]:
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found.extend(self._actors_of(obj))
        found = list(dict.fromkeys(self._others(found)))
        return found if self._several(self._sides(found), pattern) else []

    def _frames_clause(self, noun: Token) -> bool:
        """ "in a meeting with X", "during talks with X" hung on a verb: an occasion the clause happens in."""
        prep = noun.head
        return (
            noun.dep_ == "pobj"
            and prep.lower_ in self.book.shared_occasion_preps
            and prep.head.pos_ in ("VERB", "AUX")
        )

    def _noun_arguments(self, noun: Token, pattern: Pattern) -> tuple[list[int], list[int], Token | None]:
        """Source and target of an event noun, and the light verb it hangs on (if any)."""
        victim = self._owned_victim(noun)
        source, light = self._noun_source(noun, skip_owner=bool(victim))
        sides = self._noun_between(noun, pattern)
        if sides and not set(sides) & set(source):  # "X announced a deal between A and B": A and B's act
            return sides, [], light
        owned = bool(source or victim)
        if not source:  # "U.S. sanctions against Iran"
            modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
            source = next(([i] for c in modifiers if (i := self.token_actor[c.i]) is not None), [])
        if not source:  # "talks between Sudan and South Sudan": the two sides act on each other
            between = self._pobj_actors(noun, ("between",))
            if len(between) > 1:
                return between, [], light
        if not source and self._charged(noun):  # "jailed for the rape of two girls": by the jailed
            source = self._gerund_controller(noun) or []
        if not source:
            source = self._occasion_participant(noun, pattern)
        self.blocked = tuple(self._sides(source))
        preps = pattern.preps or self.book.default_preps
        target = victim or self._pobj_actors(noun, preps) or self._copular_patient(noun)
        if source and pattern.code in self.book.go_between_codes:  # "Qatar's mediation between X and Y"
            between = [i for i in self._pobj_actors(noun, ("between",)) if i not in source]
            target = between if len(between) > 1 else target
        if not target and light is not None:
            target = self._pobj_actors(light, preps)
        if (
            not owned
            and not target
            and not self._occasion_attack(noun, pattern)
            and not self._adjective_author(noun, pattern, source)
        ):
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

    def _adjective_author(self, noun: Token, pattern: Pattern, source: list[int]) -> bool:
        """ "The aim of the Turkish military operation", "the police shooting of Jacob Blake": an act noun
        whose author a party's adjective or name before it gives, in a sentence with a verb of its own
        (not a caption or a map's legend) that names another party, is that party's act, its counterpart
        found as any act's is; not a word of a name ("the Florida Highway Patrol"), nor the means of a
        passive verb's act ("killed by a US airstrike": the verb's event), and a protest noun's crowd is
        read apart (see `_crowd`). With no other party named, such a noun is a topic or background ("has
        been the subject of US sanctions"), its counterpart unknown."""
        return (
            bool(source)
            and not pattern.code.startswith("14")
            and noun.pos_ == "NOUN"
            and not noun.text[:1].isupper()
            and not (noun.dep_ == "pobj" and noun.head.dep_ == "agent")
            and any(t.pos_ in ("VERB", "AUX") for t in noun.sent)
            and any(self.token_actor[t.i] not in (None, *source) for t in noun.sent)
        )

    def _copular_patient(self, noun: Token) -> list[int]:
        """ "Abqaiq was the target of an Al-Qaeda attack", "Mahan has been the subject of US sanctions": the
        subject of a copula whose attribute is a `patient_role_nouns` word with the act noun after "of"
        undergoes the act."""
        role = noun.head.head
        if (
            noun.dep_ != "pobj"
            or noun.head.lower_ != "of"
            or role.dep_ != "attr"
            or role.lemma_.lower() not in self.book.patient_role_nouns
            or role.head.lemma_.lower() != "be"
        ):
            return []
        return self._others(i for c in role.head.children if c.dep_ == "nsubj" for i in self._actors_of(c))

    def _occasion_attack(self, noun: Token, pattern: Pattern) -> bool:
        """ "Villagers fled following Freedonian air strikes", "amid Sylvanian shelling": violence named by a
        party's adjective as the occasion of the clause is an attack told, whoever it fell on."""
        return (
            noun.dep_ in ("pobj", "dobj")  # "following" is parsed as a verb too
            and noun.head.dep_ == "prep"
            and noun.head.lower_ in self.book.occasion_attack_preps
            and pattern.code[:2] in self.book.one_attack_roots
        )

    def _arguments(
        self,
        token: Token,
        pattern: Pattern,
        kind: str,
        target: list[int] | None,
        source: list[int] | None,
    ) -> Arguments | None:
        """Who acted and on whom, as actor indexes, and whose act it is when the text names nobody: done
        to someone by nobody named ("X was arrested"), violence with no author, a protest by its crowd.
        None when nobody acts."""
        patient = False
        mediated = None
        if kind == "verb":
            if pattern.code in self.book.reciprocal and self._thing_subject(token):
                return None  # "our condolences go to the families": no one pays a visit
            # "dozens died in the attack", "he died after being shot": done to the subject, or to the
            # party a subjectless passive clause takes over
            received = self._received_act(token, pattern)
            victims = (
                token.lemma_.lower() in self.book.victim_subject_verbs
                or received
                or (
                    is_passive(token)
                    and not any(c.dep_ in ("nsubjpass", "agent") for c in token.children)
                    and not self._stray_agent(token)
                )
            )
            if victims and target is None:
                target = self._subject(token)
            source, anchor = source or ([] if victims else self._subject(token)), token
            undergone = self._patient_words(token, pattern)
            if not source and (is_passive(token) or received or undergone):  # "accused of fraud by X"
                source = self._stray_agent(token)
                patient = (
                    not source
                    and pattern.code.startswith(tuple(self.book.patient_passive_roots))
                    and not self._standing(token)
                    # told of the noun it modifies ("people who were accused", "the prisoners detained
                    # in May"): only for the roots that may be read so
                    and (
                        not any(word.i == token.head.i for word in undergone)
                        or pattern.code.startswith(self.book.relative_patient_roots)
                    )
                )
            if target is None:
                source, target, mediated = self._between_parties(token, pattern, source)
            self.blocked = tuple(self._sides(source))
            if patient and target is None:  # "X was arrested": done to X by someone unnamed; a subject that
                # is the act's own thing ("charges were filed against X") leaves the target to its preposition
                target = [i for word in undergone for i in self._actors_of(word)] or None
            target = target if target is not None else self._verb_target(token, pattern)
            target = self._one_act(token, pattern, target)
        else:
            if token.lemma_.lower() in self.book.happening_nouns and not self._happened(token, pattern):
                return None  # "Pakistan's bomb was built in the 1980s": a weapon, no attack
            self.blocked = ()
            source, found, light = self._noun_arguments(token, pattern)
            if target is not None and not source:  # a demand noun: its owner, or the subject it is object of
                voiced = token.dep_ == "dobj" and voicing(token.head, self.book)  # not "rejected the demand"
                source = self._noun_source(token)[0] or (self._subject(token.head) if voiced else [])
            target = target if target is not None else found
            anchor = light if light is not None else token
        args = Arguments(source, target or [], anchor, code=mediated)
        if source:
            return args
        # "after his arrest": legal action its owner underwent, by the author such an act implies
        patient = patient or (
            kind == "noun"
            and pattern.code.startswith(tuple(self.book.patient_passive_roots))
            and self._patient_owned(token)
        )
        if (patient and target) or self._unattributed_violence(token, pattern, kind, target or []):
            return replace(args, unattributed=True)
        # "a bombing took place", "rockets struck near the base": an attack told with nobody named
        if not target and (
            self._happened(token, pattern) if kind == "noun" else self._munition_struck(token, pattern)
        ):
            return replace(args, unattributed=True)
        crowd = self._crowd(token, pattern) if kind == "noun" else None
        return None if crowd is None else replace(args, crowd=crowd)

    def _received_act(self, token: Token, pattern: Pattern) -> bool:
        """ "The two men face charges of fraud", "she received a ten-year sentence": an act of a patient root
        named by the object of a receiving verb was done to the verb's subject, as "was charged" and "was
        sentenced" tell it."""
        return (
            token.lemma_.lower() in self.book.receiving_verbs
            and bool(pattern.required)
            and pattern.code.startswith(tuple(self.book.patient_passive_roots))
        )

    def _standing(self, verb: Token) -> bool:
        """ "The party is banned in Turkey", "the group is sanctioned by nobody named": a passive in the
        simple present with no author states how things stand, not an act of the day ("was banned")."""
        helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return (
            len(helpers) == 1
            and helpers[0].tag_ in ("VBZ", "VBP")
            and not any(c.dep_ == "prep" and dated(c) for c in verb.children)
        )

    def _happened(self, noun: Token, pattern: Pattern) -> bool:
        """ "A suicide bombing took place in the capital": an attack noun that is the subject of a verb of
        happening is an attack reported, whoever made it; not in a relative clause that only places
        something ("the mall where the shooting happened")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            counted = noun.head.head  # "a series of car bombings took place": what is counted happened
            if counted.lemma_.lower() in self.book.quantity_nouns or counted.like_num:
                noun = counted
        verb = noun.head
        if (
            noun.dep_ != "nsubj"
            or verb.dep_ == "relcl"
            or pattern.code[:2] not in self.book.unattributed_roots
        ):
            return False
        words = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "prt")}
        # "a bomb exploded, killing five": the attack is coded once, on those it killed
        harm = any(
            c.dep_ in ("advcl", "xcomp", "conj")
            and codes_one_of(c, self.book.verbs, self.book.one_attack_roots)
            for c in verb.children
        )
        return not harm and any(
            verb.lemma_.lower() == phrase[0] and set(phrase[1:]) <= words
            for phrase in self.book.happening_verbs
        )

    def _munition_struck(self, verb: Token, pattern: Pattern) -> bool:
        """ "Seventeen rockets struck near the base", "a missile hit a hospital": a munition that is the
        subject of a verb of violence reports an attack, whoever made it and whether or not a party is
        named as hit (`munitions`); not an order, a standing fact or a passive."""
        bare = verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children)
        return (
            not bare
            and not is_passive(verb)
            and not self._standing(verb)
            and pattern.code[:2] in self.book.unattributed_roots
            and any(
                c.dep_ == "nsubj"
                and self.token_actor[c.i] is None
                and self._munition_word(c, self.book.munitions)
                for c in verb.children
            )
        )

    @staticmethod
    def _munition_word(word: Token, words: frozenset[str]) -> bool:
        """The word's lemma is one of `words`, or it is a capitalised plural the tagger took for a name
        ("Rockets struck the embassy": "Rockets", lemma "Rockets")."""
        return word.lemma_.lower() in words or (word.pos_ == "PROPN" and lemma_in(word, words) != "")

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
        sentence names a weapon or an attack, or retells the attack the story told ("two were injured"),
        never a natural hazard, an accident verb alone or an order."""
        ambiguous = {token.i} if token.lemma_.lower() in self.book.ambiguous_violence_verbs else set()
        # an order or exhortation ("take a knife and attack the tourists") reports no attack
        bare = kind == "verb" and token.tag_ == "VB" and not any(c.dep_ == "aux" for c in token.children)
        # "events where four or more people are killed": a present passive defines, it reports no attack
        standing = kind == "verb" and is_passive(token) and self._standing(token)
        named = any(
            self._munition_word(t, self.book.violence_words) for t in token.sent if t.i not in ambiguous
        )
        return (
            not bare
            and not standing
            and pattern.code[:2] in self.book.unattributed_roots
            and bool(target)
            and (named or (kind == "verb" and is_passive(token) and self._retold_attack(token)))
            and not any(t.lemma_.lower() in self.book.natural_hazards for t in token.sent)
        )

    def _retold_attack(self, token: Token) -> bool:
        """ "A man stabbed shoppers on the high street. ... Two women and a man were injured": harm told in a
        main clause whose sentence names no weapon, attack or accident is the attack told in the sentences
        just before (`told_attack_sentences`: the nearest that names violence or an accident decides), as
        news tells its toll after its attack; not when the last attack the story coded was a state's (its
        force is its act, toll and all), nor after an accident ("the plane crashed ... all 176 on board
        were killed"), nor harm that describes whom a clause is about ("women who have been raped"), dates
        the news ("after one of them was injured") or is history ("he was killed in 1968")."""
        book, parent = self.book, self.parent
        if (
            token.dep_ in ("relcl", "acl")
            or dating_clause(token, book.time_clause_markers)
            or historical(token, modality_cues(), parent.published)
        ):
            return False
        ambiguous = {token.i} if token.lemma_.lower() in book.ambiguous_violence_verbs else set()
        words = {t.lemma_.lower() for t in token.sent if t.i not in ambiguous}
        harmless = book.accident_words | book.natural_hazards
        if words & (harmless | book.violence_words):  # its own sentence names its cause
            return False
        sentence = parent.sentence_of(self.offset + token.idx)
        since = parent.sentence_starts[max(0, sentence - book.told_attack_sentences)]
        told = self._last_told(token, lambda _, code, __: code[:2] in book.one_attack_roots, since)
        if (
            told is not None
            and told.index is not None
            and (
                told.sector in book.state_author_sectors or resolved(self.actors, told.index).kind == "state"
            )
        ):
            return False
        for before in self._told_attack_sentences(token):  # the nearest cause told decides
            words = {t.lemma_.lower() for t in before}
            if words & harmless:
                return False
            if words & book.violence_words:
                return True
        return False

    def _told_attack_sentences(self, token: Token) -> list[Span]:
        """The sentences before the predicate's, nearest first, within `told_attack_sentences`: where the
        attack "the attack" refers back to was told ("A car bomb hit the base. Dozens died in the attack":
        the car bomb is the weapon)."""
        before: list[Span] = []
        for segment in reversed(self.parent.doc.annotated.segments):
            if segment.offset > self.offset:
                continue
            sentences = [
                s
                for s in segment.doc.sents
                if segment.offset + s.start_char < self.offset + token.sent.start_char
            ]
            before += reversed(sentences)
            if len(before) >= self.book.told_attack_sentences:
                break
        return before[: self.book.told_attack_sentences]

    def _one_act(self, token: Token, pattern: Pattern, target: list[int]) -> list[int]:
        """ "Rebels attacked the post, killing three soldiers", "police fired tear gas to disperse
        protesters": a force used and what it did or was for are one act, coded once, on the party it
        fell on: the participle or purpose clause is claimed, and its object is the target. A participle of
        the weapon ("launched missiles targeting the base") says what the force was aimed at: its object is
        the target before any other reading."""
        if pattern.code[:2] not in self.book.forceful_roots:
            return target
        aimed = [c for o in token.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "acl"]
        for clause in [*token.children, *aimed]:
            if (
                clause.dep_ not in ("advcl", "xcomp", "acl")
                or clause.pos_ != "VERB"
                or not codes_one_of(clause, self.book.verbs, self.book.forceful_roots)
                # "was arrested after the mayor was stabbed": a clause the time marks is an act of its own
                or any(c.dep_ == "mark" and c.lower_ in self.book.time_clause_markers for c in clause.lefts)
            ):
                continue
            self.coded_heads.add(clause.i)
            found = [i for c in objects_of(clause) for i in self._others(self._actors_of(c))]
            if not target or (clause.dep_ == "acl" and found):
                target = found or target
        return target

    def _dyads(
        self, token: Token, pattern: Pattern, args: Arguments, code: str
    ) -> tuple[list[tuple[Side, Side | None]], str]:
        """The dyads of one predicate, and where their target came from (a confidence cue)."""
        if args.judge is not None:
            return [(args.judge, b) for b in self._sides(args.target)], "target_argument"
        if args.crowd is not None:
            opposed = self._sides(args.target) or self._opposed(token, args.crowd)
            return [(args.crowd, b) for b in opposed] or [(args.crowd, None)], "target_argument"
        if args.unattributed:
            sides = _one_per_code(self._sides(args.target))
            named = self._named_author(token) or self._told_attacker(token)
            authors = [a for a in self._sides(named) if a.index not in args.target]
            if not sides:  # "the attack took place at 7:45 p.m.": on nobody named
                return [(a, None) for a in authors] or [(UNKNOWN, None)], "target_none"
            if authors:
                return [(a, b) for a in authors for b in sides if not same_party(a, b)], "target_argument"
            return [(self._implied_agent(token, code, b), b) for b in sides], "target_argument"
        return self._pairs(token, args.anchor, pattern, args.source, args.target, code)

    def _mutual(self, pattern: Pattern) -> bool:
        """An act that parties named together do to each other ("China and Russia held talks")."""
        symmetric = pattern.code not in self.book.reciprocal and pattern.code not in self.reciprocal_codes
        return pattern.mutual or (
            symmetric and any(pattern.code.startswith(prefix) for prefix in self.book.mutual_roots)
        )

    def _between_parties(
        self, token: Token, pattern: Pattern, source: list[int]
    ) -> tuple[list[int], list[int] | None, str | None]:
        """Source, target and the code they make of the act, for an act whose words say between whom: a
        go-between's act towards each side ("Qatar mediated between X and Y"; "negotiated a truce between X
        and Y" is its mediation), or the two sides' act on each other ("a deal establishing relations between
        X and Y")."""
        between = self._between(token, pattern)
        if not between or set(between) & set(source):
            return source, None, None
        if source and self._go_between(pattern):
            mediated = self.book.mediation_code if pattern.code in self.book.mediated_codes else None
            return source, between, mediated
        if self._mutual(pattern):
            return between, [], None
        return source, None, None

    def _go_between(self, pattern: Pattern) -> bool:
        """An act a third party does between two others, towards each of them: mediation, hosting, and the
        talks it holds between them (`go_between_codes`, `mediated_codes`)."""
        return pattern.code in self.book.go_between_codes or pattern.code in self.book.mediated_codes

    def _between(self, verb: Token, pattern: Pattern) -> list[int]:
        """ "The accord established diplomatic relations between Israel and Bahrain": a mutual act whose
        object (or verb) says between whom is the act of those parties towards each other, whoever the
        subject is (a deal, or a go-between); none unless two parties are named."""
        if not self._mutual(pattern) and not self._go_between(pattern):
            return []
        found = self._pobj_actors(verb, ("between",))
        for obj in objects_of(verb):
            found += self._pobj_actors(obj, ("between",))
        if self._go_between(pattern):
            # "brokered a deal establishing relations between X and Y", "the truce between X and Y was
            # brokered by Z": the parties of what was brokered, told anywhere in its phrase
            # ... or by a participle: "talks between X and Y, hosted by Z"
            made = objects_of(verb) + self._patient_words(verb, pattern)
            for word in (
                t for obj in made for t in obj.subtree if t.lower_ == "between" and t.dep_ == "prep"
            ):
                found += self._pobj_actors(word.head, ("between",))
            found = list(dict.fromkeys(found))
            # a go-between may mediate within one country (between its government and the rebels)
            return found if len({s.code for s in self._sides(found)}) > 1 else []
        found = list(dict.fromkeys(found))
        return found if self._several(self._sides(found), pattern) else []

    def _several(self, sides: list[Side], pattern: Pattern) -> bool:
        """Two parties or more, not one named twice ("APEC"): of two states, or of two codes that are not one
        party (`same_party`), as fighting is often within one country ("clashes between Kurdish fighters and
        Turkish troops", "between police and protesters") and so are talks and joint plans ("Biden and
        Sanders will form working groups": USAPTY and USALEG; not "Putin and Russia", one state)."""
        if len({s.country or s.code for s in sides}) > 1:
            return True
        return any(a.code != b.code and not same_party(a, b) for a in sides for b in sides)

    def _pairs(
        self,
        token: Token,
        anchor: Token,
        pattern: Pattern,
        source: list[int],
        target: list[int],
        code: str,
    ) -> tuple[list[tuple[Side, Side | None]], str]:
        """The dyads to code, and where their target came from (a confidence cue): an argument, the next
        actor in the clause (or a compound subject acting mutually), the story, or none."""
        sources = self._one_per_phrase(self._sides(source))
        if pattern.code in self.book.reciprocal:  # "people visiting Hong Kong": no party pays a visit
            sources = [
                a
                for a in sources
                if (a.country is not None or len(a.code or "") > 3)
                and a.sector not in self.book.private_sectors
            ]
        # the predicate is never its own target ("expressed opposition to X": not the OPP "opposition")
        wording = frozenset().union(*pattern.required)  # "express opposition to": "opposition" is no party
        # ... but a national party named by those words is one ("hosted the Russian president"), and so is an
        # organisation ("leave the European Union")
        itself = {self.token_actor[token.i], self.token_actor[anchor.i]} | {
            index
            for c in token.children
            if c.dep_ in OBJECTS
            and c.lemma_.lower() in wording
            and (index := self.token_actor[c.i]) is not None
            and resolved(self.actors, index).country is None
            and len(resolved(self.actors, index).code or "") <= 3
        }
        if pattern.code.startswith(self.book.instrument_object_codes):  # the forces deployed
            itself |= {self.token_actor[c.i] for c in token.children if c.dep_ in OBJECTS}
            # "ordered troops on high alert": a state's own forces are its means, never its target
            own = {a.country for a in sources if a.country}
            present = [self.token_actor[t.i] for t in token.sent]
            itself |= {
                side.index
                for side in self._sides(dict.fromkeys(i for i in present if i is not None))
                if side.country in own and side.sector in self.book.state_force_sectors
            }
        # nor whoever owns the acting party ("forgiven by the victim's family": not the victim)
        itself |= {
            owner
            for t in self.tokens
            if self.token_actor[t.i] in source
            for c in t.children
            if c.dep_ == "poss" and (owner := self.token_actor[c.i]) is not None
        }
        targets = [t for t in self._sides(target) if t.index not in source and t.index not in itself]
        targets = self._one_per_phrase(targets)
        found = "target_argument"
        if pattern.code in self.book.reciprocal:  # a visit is to a country or an organisation, not a hospital
            targets = [t for t in targets if t.country is not None or len(t.code or "") > 3]
        if not targets and pattern.code in self.book.reciprocal:
            targets = self._place_sides(token, pattern)
            if not targets:
                return [], found  # a visit is to somewhere: "leave room for" is none
        mutual = self._mutual(pattern)
        several = self._several(sources, pattern)
        if not targets and mutual and several and not self._aimed_elsewhere((token, anchor), pattern):
            return [(a, b) for a in sources for b in sources if not same_party(a, b)], "target_following"
        # a curfew is on the actor's own ground; "called for his death to be investigated" asks no party the
        # clause names, nor the story's
        asked = pattern.code[:2] in self.book.addressed_clause_roots and bool(for_clauses(token))
        # violence told as an occasion falls on whom its own phrase names, not the clause's parties
        occasion = token.pos_ == "NOUN" and self._occasion_attack(token, pattern)
        if not targets and (pattern.code in self.book.own_ground_codes or asked or occasion):
            return [(a, None) for a in sources], "target_none"
        targets = targets or self._appealed_court(token, pattern, sources)
        fallback = self.book.fallback.get(pattern.lemma) is pattern or pattern is self.book.announced_plan
        strict = fallback or any(pattern.code.startswith(r) for r in self.book.argument_target_roots)
        if not targets:
            following = self._following_actor(anchor, pattern.code, token if strict else None, itself)
            targets = [t for t in self._sides(following) if t.index not in source]
            found = "target_following"
        if not targets:
            targets, found = self._story_target(token, pattern, sources, found)
        if not targets:
            targets = self._own_state_counterpart(wording, sources) or self._conditional_threat_target(
                anchor, pattern, code, source
            )
        if targets:
            return [(a, b) for a in sources for b in _one_per_code(targets)], found
        # a meeting with nobody named is no event ("she discusses her background"); a plan read from a
        # reported clause alone is coded only towards a party the text names ("said it would open an
        # embassy in Namibia", not "said he would release his tax returns": docs/events.md)
        # ... and cooperation done or aid given in a sentence naming nobody else is none: "cities
        # collaborate", "the firm provided support" (a party named but missed is kept)
        if (
            pattern.code[:3] in self.book.needs_target_roots
            or pattern is self.book.announced_plan
            or (code[:2] in self.book.counterpart_roots and self._alone(token, sources))
        ):
            return [], found
        # No recipient, or only the actor's own country ("Russia's government criticised Russian media"):
        # coded without one, never as a same-country dyad.
        return [(a, None) for a in sources], "target_none"

    def _aimed_elsewhere(self, heads: tuple[Token, Token], pattern: Pattern) -> bool:
        """ "US warplanes and Afghan forces launched attacks on the caves", "the allies shelled the ridge":
        force that a compound subject aims at something (an object, or what "on", "against" or "at" names) is
        the allies' force on it, not their fight with each other ("Israel and Hamas fought")."""
        if pattern.code[:2] not in self.book.forceful_roots:
            return False
        own = {word for words in pattern.required for word in words}  # "exchanged fire" is mutual
        # the act's own noun ("launched attacks on the caves") says where the force went as the verb does
        acts = {
            *heads,
            *(c for h in heads for c in h.children if c.dep_ == "dobj" and c.lemma_.lower() in own),
        }
        return any(
            (c.dep_ == "dobj" and c not in acts)
            or (c.dep_ == "prep" and c.lower_ in self.book.aimed_prepositions and not dated(c))
            for head in acts
            for c in head.children
        )

    def _alone(self, token: Token, sources: list[Side]) -> bool:
        """The sentence names no party but the actors themselves (`counterpart_roots`)."""
        present = dict.fromkeys(i for t in token.sent if (i := self.token_actor[t.i]) is not None)
        return all(any(same_party(side, a) for a in sources) for side in self._sides(present))

    def _appealed_court(self, token: Token, pattern: Pattern, sources: list[Side]) -> list[Side]:
        """ "The officers will appeal the verdict": an appeal to no one and for nothing is made to the
        courts of the appellant's own state (`court_appeal_words`); one made together with prosecutors ("an
        appeal by the victim and prosecutors") is to the courts of the prosecutors' state."""
        if (
            pattern.lemma not in self.book.court_appeal_words
            or any(c.dep_ == "prep" and c.lower_ in ("to", "for") for c in token.children)
            or for_clauses(token)
        ):
            return []
        court = self.book.court_sector
        countries = dict.fromkeys(s.country for s in sources if s.country is not None and s.sector == court)
        if len(countries) != 1:
            countries = dict.fromkeys(
                s.country for s in sources if s.country is not None and s.sector != court
            )
        if len(countries) != 1:
            return []
        [country] = countries
        return [Side(None, "", country + court, country, court)]

    def _own_state_counterpart(self, wording: frozenset[str], sources: list[Side]) -> list[Side]:
        """ "The Assembly passed articles of impeachment": an act whose words say its counterpart is a sector
        of the actor's own state (`own_state_counterparts`) is against that sector, named or not."""
        sector = next(
            (
                self.book.own_state_counterparts[w]
                for w in sorted(wording)
                if w in self.book.own_state_counterparts
            ),
            None,
        )
        countries = dict.fromkeys(s.country for s in sources if s.country is not None and s.sector != sector)
        if sector is None or len(countries) != 1:
            return []
        [country] = countries
        return [Side(None, "", country + sector, country, sector)]

    def _conditional_threat_target(
        self, anchor: Token, pattern: Pattern, code: str, source: list[int]
    ) -> list[Side]:
        """An act that became a threat by its condition threatens the party the condition names."""
        threat = self.book.threat_root
        if not code.startswith(threat) or pattern.code.startswith(threat):
            return []
        return [t for t in self._sides(self._condition_party(anchor)) if t.index not in source]

    def _condition_party(self, anchor: Token) -> list[int]:
        """ "Russia will withdraw its troops unless Ukraine stops the shelling": an act made conditional is a
        threat to the party the condition asks to act."""
        return [
            i
            for clause in condition_clauses(anchor, modality_cues())
            for subject in clause.children
            if subject.dep_ == "nsubj"
            for i in self._actors_of(subject)
        ]

    def _referent_object(self, token: Token) -> Token | None:
        """An object that names an act told before, with no author in its phrase: "the decision"; or the
        subject of a passive ("the operation was condemned by Y")."""
        passive = [c for c in token.children if c.dep_ == "nsubjpass"]
        return next((obj for obj in (*objects_of(token), *passive) if self._told_act(obj)), None)

    def _told_act(self, noun: Token) -> bool:
        """ "the decision", "this move": a noun that refers back to an act told before, no author named."""
        return (
            noun.lemma_.lower() in self.book.act_referents
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
            and not any(self.token_actor[t.i] is not None for t in noun.subtree)
        )

    def _act_pronoun(self, word: Token) -> bool:
        """ "Schiff called it a non-starter", '"This is a betrayal," said X': a bare pronoun (`act_pronouns`)
        the coder resolved to no party, which may stand for the act just told; not the "it" of "it is clear
        that ...", "it is time to ...", whose clause says what "it" is."""
        if (
            word.lower_ not in self.book.act_pronouns
            or word.pos_ != "PRON"
            or self.token_actor[word.i] is not None
        ):
            return False
        if word.dep_ not in ("nsubj", "nsubjpass"):
            return word.dep_ == "dobj"
        verb = word.head
        if any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in verb.children):
            return False
        # "it is a disgrace that Tehran ignored the law": a clause with "that" or "to" says what "it" is
        said = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
        return not any(
            g.dep_ == "mark"
            or (g.dep_ == "aux" and g.lower_ == "to")
            or (g.lower_ == "that" and g.dep_ == "advmod")
            for c in said
            for clause in c.children
            if clause.dep_ in ("acl", "relcl", "ccomp", "xcomp")
            for g in clause.children
        )

    def _act_author(self, token: Token, noun: Token, sources: list[Side]) -> list[Side]:
        """Who did the act "the decision", "the move", "the attack" refers back to: the party of the last
        event before it whose predicate is one of the noun's words; nobody when there is none, or when it
        is the speaker's own act. A pronoun ("called it a non-starter") stands for any act but a spoken one
        told in its own sentence or the one before."""
        pronoun = noun.lemma_.lower() not in self.book.act_referents
        words = frozenset({"*"}) if pronoun else self.book.act_referents[noun.lemma_.lower()]
        # told before both the predicate and the noun ("the operation was condemned": not the noun itself)
        before = min(token, noun, key=lambda t: t.i)
        authors = self._told_here(before, words) if "*" not in words else None
        if authors is None:
            parent, since = self.parent, 0
            if pronoun:  # its own sentence or the one before: further back, "it" is what the story talks of
                since = parent.sentence_starts[max(0, parent.sentence_of(self.offset + token.idx) - 1)]
            side = self._last_told(
                token,
                lambda lemmas, code, side: (
                    bool(side.code)  # an attack by nobody named is told, but has no author to refer to
                    and (bool(lemmas & words) or ("*" in words and code[:2] not in self.book.spoken_roots))
                ),
                since,
            )
            authors = self._sides([side.index]) if side is not None and side.index is not None else []
        return [] if any(same_party(s, a) for s in sources for a in authors) else authors

    def _told_here(self, token: Token, words: frozenset[str]) -> list[Side] | None:
        """The party of the last predicate before `token` in its paragraph that is one of `words`: a verb's
        subject, a noun's owner or the subject of its light verb ("Trump announced the withdrawal"); not
        whoever else the noun's clause names ("police are investigating the shooting" did not shoot); None
        when there is none."""
        for word in reversed(self.tokens[: token.i]):
            if word.lemma_.lower() not in words:
                continue
            found = self._subject(word) if word.pos_ in ("VERB", "AUX") else self._noun_source(word)[0]
            if found:
                return self._sides(found[:1])
        return None

    def _story_target(
        self, token: Token, pattern: Pattern, sources: list[Side], found: str
    ) -> tuple[list[Side], str]:
        """The counterpart the story gives a clause that names none: the author of an act told before
        ("criticized the decision"), the party named just before, or the security forces beside a riot."""
        leaving = self._who_is_to_go(token)
        if leaving:
            return leaving, "target_argument"
        contextual = (
            pattern.code[:2] in self.book.context_target_roots
            and not self._judged_act(token)
            and not self._asked_thing(token, pattern)
            and not self._judged_thing(token, pattern)
        )
        referent = self._referent_object(token)
        if referent is not None:  # "denied the accusation": whoever made it, whatever the root
            authors = self._act_author(token, referent, sources)
            if authors or contextual:
                return authors, "target_context"
        if contextual:
            return self._context_target(token, sources, pattern.code), "target_context"
        sector = self.book.implied_counterpart(pattern.code)
        if sector is not None:
            return self._sector_nearby(token, sector), "target_context"
        return [], found

    def _asked_thing(self, token: Token, pattern: Pattern) -> bool:
        """ "Lawmakers pushed for more funding", "the assembly voted against the budget": an appeal, demand or
        rejection whose clause names the thing it is for or against (no party, no act told before) names
        what was asked or refused; whom the story named before is not its counterpart."""
        return pattern.code[:2] in self.book.asked_content_roots and any(
            obj.pos_ in ("NOUN", "PROPN")
            and not self._told_act(obj)
            and not any(self.token_actor[t.i] is not None for t in obj.subtree)
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in self.book.asked_thing_preps
            for obj in prep.children
            if obj.dep_ == "pobj"
        )

    def _judged_thing(self, token: Token, pattern: Pattern) -> bool:
        """ "Pierce derided the two-party system", "she criticized the election policy": a disapproval whose
        object is a thing (a noun, no pronoun; no party named in its phrase; no act told before) judges that
        thing; whom the story named before is not its counterpart."""
        return pattern.code in self.book.judged_thing_codes and any(
            obj.pos_ == "NOUN"
            and not obj.lower_.endswith(self.book.act_noun_endings)
            and obj.lemma_.lower() not in self.book.act_referents
            and not any(self.token_actor[t.i] is not None for t in obj.subtree)
            for obj in token.children
            if obj.dep_ == "dobj"
        )

    def _judged_act(self, noun: Token) -> bool:
        """ "France condemned Russia's attack on Ukraine", "criticized Trump's refusal to debate": the owned
        act a criticism or rejection is about is told as done, an event of its owner too
        (`judged_act_roots`), with no counterpart but what its own phrase names (not the critic); so is the
        one that is the subject of the judgement: "Russia's annexation of Crimea was condemned by the EU",
        "China's crackdown on protesters drew criticism"."""
        code = self.emitted_heads.get(noun.head.i)
        return (
            code is not None
            and code[:2] in self.book.judged_act_roots
            and noun.dep_ in ("dobj", "nsubjpass", "nsubj")
            and any(c.dep_ == "poss" and self.token_actor[c.i] is not None for c in noun.children)
        )

    def _who_is_to_go(self, token: Token) -> list[Side]:
        """ "called for the resignation of Governor X", "demanded X's ouster": the owner of the going."""
        for word in (w for c in token.children for w in (c, *c.children)):
            if word.lemma_.lower() not in self.book.leaving_words:
                continue
            owners = [c for c in word.children if c.dep_ == "poss"]
            owners += [o for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
            found = [i for o in owners for i in self._actors_of(o)]
            if found:
                return self._sides(found[:1])
        return []

    def _sector_nearby(self, token: Token, sector: str) -> list[Side]:
        """The last mention of `sector` in the predicate's sentence (anywhere in it) or the one before."""
        sentence = self.parent.sentence_of(self.offset + token.idx)
        for index in reversed(range(len(self.actors))):
            actor = self.actors[index]
            if actor.start < self.offset or not sentence - 1 <= actor.sentence <= sentence:
                continue
            sides = [s for s in self._sides([index]) if s.sector == sector]
            if sides:
                return sides[:1]
        return []

    def _context_target(self, token: Token, sources: list[Side], code: str) -> list[Side]:
        """The counterpart the story gives when the clause names none: the nearest party named before the
        predicate in its sentence, else the last one named in the sentence before; never the acting party,
        never a place named as where something is, never a role with no state, and never whoever reports
        the clause: in "the German minister said Russia violated the treaty" the minister tells of the act
        and is not its counterpart (the story's reported clause names its own)."""
        reporters = set(self._reporters(token)) if code[:2] in self.book.reported_wrong_roots else set()
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
                if any(side.index == s.index or side.code == s.code or same_party(s, side) for s in sources):
                    continue  # nor the actor's own body ("Judge X rejected ...": not the court)
                if index in reporters:
                    return []
                return [side]
        return []

    def _reporters(self, token: Token) -> list[int]:
        """The parties that report the clause a predicate stands in: the subjects of the verbs (of saying,
        finding, believing: any verb) whose complement clause holds it ("X said [that] Y violated ...",
        "X found Y had breached ..."), and the party it is "according to"; the heads themselves (not a party
        named inside their phrase: "the leader of Hong Kong")."""
        found: list[int] = []
        node = token
        while True:
            found.extend(
                index
                for prep in node.children
                if prep.dep_ == "prep" and prep.lower_ == "according"
                for to in prep.children
                for pobj in to.children
                if pobj.dep_ == "pobj" and (index := self.token_actor[pobj.i]) is not None
            )
            if node.dep_ == "ROOT" or node.head is node:
                break
            if node.dep_ in ("ccomp", "parataxis") and node.head.pos_ in ("VERB", "AUX"):
                found.extend(
                    index
                    for c in node.head.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    for unit in (c, *c.conjuncts, *(a for a in c.rights if a.dep_ == "appos"))
                    if (index := self.token_actor[unit.i]) is not None
                )
            node = node.head
        return found

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

    def _sides(self, indexes: Iterable[int]) -> list[Side]:
        """Resolve mentions (following pronoun antecedents) and spread groups into their members."""
        sides: list[Side] = []
        for index in dict.fromkeys(indexes):
            actor = resolved(self.actors, index)
            if actor.members and actor.kind == "group":  # "the five Central Asian leaders": each member
                for member in actor.members:
                    country = member[:3] if member[:3].isalpha() else None
                    sides.append(Side(index, actor.text, member, country, member[3:6] or None))
            elif actor.code is not None or actor.country is not None:
                person = actor.name if actor.kind == "person" else None
                side = Side(index, actor.text, actor.code, actor.country, actor.sector, person)
                if person is None and actor.sector in self.book.individual_sectors:
                    side = replace(side, people=referent(self.actors, index), single=self._single(index))
                sides.append(side)
        return sides

    def _one_per_phrase(self, sides: list[Side]) -> list[Side]:
        """One party per phrase: two mentions of one code that no coordinator joins name one party ("the
        general manager of X Media, Dr Y" → X's, once; "the European Union (EU)"; "Iranian airline Mahan
        Air"), as the gold gives one record per party; "X and Y", "X as well as Y" stay two."""
        kept: list[Side] = []
        for side in sides:
            if (
                side.index is None
                or side.code is None
                or not any(
                    k.index is not None and k.code == side.code and not self._coordinated(k.index, side.index)
                    for k in kept
                )
            ):
                kept.append(side)
        return kept

    def _coordinated(self, first: int, second: int) -> bool:
        """Two mentions joined as two parties: a coordinator (`coordinators`) or a ";" between them, or
        their heads parsed as conjuncts."""
        if first == second:
            return False
        a, b = sorted((self.actors[first], self.actors[second]), key=lambda x: x.start)
        if a.end > b.start:
            return False  # nested or overlapping: one phrase
        between = self.text[a.end - self.offset : b.start - self.offset].lower()
        if ";" in between or any(f" {w} " in f" {between} " for w in self.book.coordinators):
            return True
        spans = [
            self.parsed.char_span(x.start - self.offset, x.end - self.offset, alignment_mode="expand")
            for x in (a, b)
        ]
        if spans[0] is None or spans[1] is None:
            return True
        return spans[1].root in spans[0].root.conjuncts

    def _single(self, index: int) -> bool:
        """An unnamed mention of one person: "he", "she", a singular people noun ("a man", "the victim")."""
        actor = self.actors[index]
        if actor.kind == "pronoun":
            return True
        span = self.parsed.char_span(
            actor.start - self.offset, actor.end - self.offset, alignment_mode="expand"
        )
        return actor.kind == "role" and span is not None and span.root.tag_ == "NN"

    def _place_sides(self, token: Token, pattern: Pattern) -> list[Side]:
        """A visit's destination given as a place ("arrived in the northwest Chinese city of X"): the
        country named by a country adjective or capital in the prepositional phrase."""
        preps = set(pattern.preps) | {"in", "at", "to"}
        places = self.parent.places
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            for word in child.subtree:
                for entry in places.get(word.text, ()):
                    return [Side(None, word.text, entry.country, entry.country, None)]
        return []

    def _crowd(self, noun: Token, pattern: Pattern) -> Side | None:
        """ "Anti-government demonstrations in Tehran continued": a protest named by its noun alone is made
        by the protesters of the state where it happens, or by the crowd the noun itself was read as ("the
        protests began in October" in a story set in one state); neither: no event."""
        sector = self.book.implied_agent(pattern.code)
        if sector is None or not pattern.code.startswith("14"):
            return None
        if noun.lemma_.lower() in self.book.gathering_nouns:
            return None  # "spoke at a rally in Ohio": a campaign rally, a vigil; no protesters implied
        country = self._where(noun, noun.head)
        if country is None:  # "the protests began in October": the noun itself names the story's crowd
            index = self.token_actor[noun.i]
            if index is None or self._background_clause(noun):
                return None
            return next((s for s in self._sides([index]) if s.country and s.sector == sector), None)
        return Side(None, "", country + sector, country, sector)

    def _background_clause(self, noun: Token) -> bool:
        """The noun's clause only dates or describes something else: "arrested since the protests began",
        "the man whose death led to protests" (a time or relative clause)."""
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
        return verb.dep_ in ("relcl", "acl") or dating_clause(verb, self.book.time_clause_markers)

    def _opposed(self, noun: Token, crowd: Side) -> list[Side]:
        """What an "anti-" word names ("anti-government" protests: the government of the crowd's state)."""
        before = noun.doc[noun.left_edge.i : noun.i].text.lower()
        for word in ANTI.findall(before):
            sector = self.book.anti_targets.get(word)
            if sector and crowd.country:
                return [Side(None, f"anti-{word}", crowd.country + sector, crowd.country, sector)]
        return []

    def _named_author(self, token: Token) -> list[int]:
        """The party the sentence names as the author of violence that has no subject: "a car bombing
        killed five, another attack ascribed to the Taliban", "dozens died in the attack, reportedly
        conducted by the Taliban" (a passive participle of `author_verbs` and its "by", "to" or "on")."""
        for word in token.sent:
            if word.tag_ != "VBN" or word.lemma_.lower() not in self.book.author_verbs:
                continue
            found = self._pobj_actors(word, ("to", "on"))
            for agent in (c for c in word.children if c.dep_ == "agent"):
                found += [i for o in agent.children if o.dep_ == "pobj" for i in self._actors_of(o)]
            if found:
                return found
        return self._attack_modifier(token)

    def _attack_modifier(self, token: Token) -> list[int]:
        """ "Six people were killed in Israeli airstrikes", "two civilians died in a Russian air strike":
        the party a modifier names on the attack noun the harm was done in or by (`author_attack_preps`) is
        the attack's author, as "Israeli airstrikes killed six" names it as the subject."""
        book = self.book
        nouns = [
            o
            for c in token.children
            if c.dep_ in ("prep", "agent") and c.lower_ in book.author_attack_preps
            for o in c.children
            if o.dep_ == "pobj" and o.lemma_.lower() in book.violence_words and self.token_actor[o.i] is None
        ]
        found = [
            i
            for noun in nouns
            for m in noun.children
            if m.dep_ in ("amod", "compound", "nmod") and m.i < noun.i
            for i in self._actors_of(m)
        ]
        return self._others(found)

    def _told_attacker(self, token: Token) -> list[int]:
        """ "A gunman opened fire on shoppers. ... Six Mexicans were killed in the attack": "the attack" with
        no author in its phrase is the violence told before, by the party of the last violent event the
        story coded with an armed author: a state or an armed sector, not "officials reporting ... killed"
        (the noun is the predicate's subject or the object of its preposition)."""
        if not self._refers_to_attack(token):
            return []
        side = self._last_told(
            token,
            lambda _, code, side: (
                code[:2] in self.book.one_attack_roots
                and side.index is not None
                and (
                    side.sector in self.book.armed_sectors
                    or resolved(self.actors, side.index).kind == "state"
                )
            ),
        )
        return [side.index] if side is not None and side.index is not None else []

    def _last_told(
        self, token: Token, fits: Callable[[frozenset[str], str, Side], bool], since: int = 0
    ) -> Side | None:
        """The party of the last act the story told before `token` (lemmas, code, party) that `fits`, told
        at or after the character `since`."""
        at = self.offset + token.idx
        told = [
            (where, side)
            for where, lemmas, code, side in self.parent.acts
            if since <= where < at and fits(lemmas, code, side)
        ]
        return max(told, key=lambda t: t[0])[1] if told else None

    def _refers_to_attack(self, token: Token) -> bool:
        """The predicate's subject or the object of its preposition is an attack told before, no author
        named: "six were killed in the attack", "the attack killed twelve"; also through a relative or a
        participle clause, whose subject is the attack its clause is on ("the attack, which left 42 dead",
        "the second attack was in a suburb, killing eight")."""
        heads = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(h.tag_ == "WDT" for h in heads) and token.dep_ == "relcl":
            heads = [token.head, *self._clause_subjects(token.head)]
        elif not heads and token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN"):
            heads = self._clause_subjects(token)
        heads += [
            o for c in token.children if c.dep_ in ("prep", "agent") for o in c.children if o.dep_ == "pobj"
        ]
        return any(self._told_act(h) and h.lemma_.lower() in self.book.violence_words for h in heads)

    @staticmethod
    def _clause_subjects(word: Token) -> list[Token]:
        """The subjects of the clause a word stands in: of the nearest verb above it ("in the mosque at 1:40
        local time, which left ...": the relative clause the parser hung on "time" closes the clause of
        "the attack was")."""
        verb = word.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]

    def _implied_agent(self, token: Token, code: str, target: Side) -> Side:
        """The one possible author of an act done to `target` by nobody named: "X was arrested in Syria" by
        Syria's police, "X was arrested" by the police of X's state, "X was sentenced" by its courts; else
        nobody."""
        # "faced charges", "received a sentence", "charges were filed": the act's noun says who, as its verb
        # would (the object, or the subject of a passive)
        said = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        implied = self.book.implied_agent_verbs
        sector = next((implied[w] for w in [token.lemma_.lower(), *said] if w in implied), None)
        sector = sector or self.book.implied_agent(code)
        # "appeared in a court in Paris, charged with murder": where the clause it qualifies took place
        heads = (token, token.head) if token.dep_ == "advcl" and token.tag_ == "VBN" else (token,)
        where = self._where(*heads)
        needed = self.book.implied_agent_words.get(code)  # "released on bail", not "hostages were released"
        if needed and not any(t.lemma_.lower() in needed for t in token.subtree):
            return UNKNOWN
        if sector is None:
            return UNKNOWN
        if where is None:  # "Police in Christchurch said ... The man was charged": the police or court named
            named = [s for s in self._sector_nearby(token, sector) if s.country and s.index != target.index]
            if named:
                return named[0]
        country = where or target.country
        if country is None:
            return UNKNOWN
        return Side(None, "", country + sector, country, sector)

    def _where(self, *heads: Token) -> str | None:
        """The state of the place a word names as where something happened ("arrested in Syria"): of the
        first of `heads` that names a place."""
        places = next((p for head in heads if (p := self._pobj_actors(head, self.book.location_preps))), [])
        return next((side.country for side in self._sides(places) if side.country), None)


def _one_per_code(sides: list[Side]) -> list[Side]:
    """Private people joined in one phrase are one party per code ("injured a man and two women": one
    CVL target, one record), as the gold gives one record per coded pair; states and named people stay."""
    kept: list[Side] = []
    for side in sides:
        if side.people is None or not any(k.people is not None and k.code == side.code for k in kept):
            kept.append(side)
    return kept
