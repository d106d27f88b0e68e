"""Whose words and whose act: speakers, quotations, criticism in a speaker's own words, reported demands and
complaints, and the implied author of an act nobody is named for."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from worldwire.events.grammar import (
    FIRST_PERSON,
    MODIFIERS,
    OBJECTS,
    PRONOUNS,
    SAID,
    SPEAKER_PRONOUNS,
    WH_WORDS,
    codes_one_of,
    in_question,
    to_clause,
)
from worldwire.events.modality import CLAUSE_BREAKS, read_modality
from worldwire.events.parties import Match, Side, referent, resolved, same_party
from worldwire.events.patterns import Pattern, modality_cues
from worldwire.events.refine import CodeRefiner
from worldwire.nlp import closes_quotation, inside_quotation, quotations

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True, slots=True)
class Said:
    """A predicate found by reading who said what, for the coder to code like any other: its word, the
    pattern it stands for, the parties read from the speech, and the word whose depth ranks it."""

    token: Token
    match: Match
    kind: str
    target: list[int]
    claim: Token | None = None
    source: list[int] | None = None
    at: Token | None = None
    judge: Side | None = None  # the party nobody is named for that voiced it ("X drew criticism")


def _said(verb: Token, source: list[int], code: str, target: list[int]) -> Said:
    """A speaker's own words coded as `code` ("The statement was a stab in the back," said X: 111)."""
    lemma = verb.lemma_.lower()
    return Said(
        verb, Match(Pattern(code, "verb", lemma, (), (), False, 0, lemma), 0), "verb", target, source=source
    )


def _hyphened(words: list[Token]) -> set[str]:
    """ "a cover-up", "a non-starter": the words a hyphen joins, which the tokenizer splits, as one word."""
    return {
        f"{t.lower_}-{t.nbor(2).lower_}"
        for t in words
        if t.i + 2 < len(t.doc) and t.nbor(1).text == "-" and not t.whitespace_ and not t.nbor(1).whitespace_
    }


class Attribution(CodeRefiner):
    """Attribution for the segment coder (mixed into `_SegmentCoder`)."""

    def _criticisms(self) -> Iterator[Said]:
        """ "The statement was a stab in the back," said X: a speaker's words of blame that code nothing
        themselves are a criticism or an accusation by the speaker of the party they name; words of praise
        about a party they name ("D'Souza had been an iconic leader") are praise. The words are a
        reported clause or quotation of a verb of speaking, or a quotation running on from a sentence
        before whose speaker is named."""
        book = self.book
        speaker: tuple[list[int], Token] | None = None
        for sent in self.parsed.sents:
            verbs = [
                t
                for t in sent
                if t.pos_ == "VERB"
                and t.lemma_.lower() in book.evaluation_verbs
                and any(c.dep_ in SAID for c in t.children)
            ]
            readings: list[tuple[Token, list[int], list[Token]]] = []
            # speaking inside what another verb reports ('said, "we can say it is a stab in the back"') is
            # that speaker's words, unless the verb is the whole report ("X said Y called Z a traitor")
            nested = {
                t.i
                for v in verbs
                for c in v.children
                if c.dep_ in SAID and c not in verbs
                for t in c.subtree
                if t is not c
            }
            for verb in (v for v in verbs if v.i not in nested):
                # what was said, or what something was called ("characterized the attack as a violation")
                said = [c for c in verb.children if c.dep_ in SAID or (c.dep_ == "prep" and c.lower_ == "as")]
                # "X said Y called Z a traitor": Y's words are Y's, not X's
                inner = {t.i for v in verbs if v is not verb and v in said for t in v.subtree}
                words = [t for c in said for t in c.subtree if t.i not in inner]
                readings.append((verb, self._subject(verb) or self._issuer(verb), words))
            if readings:
                # '..., said X; he described the attack as a "dastardly act"': each verb its own words
                source, verb = readings[0][1], readings[0][0]
                speaker = (source, verb) if source else None
            elif according := self._according(sent):
                readings = according
            elif speaker is not None and self._quote_runs_on(sent):
                readings = [(sent.root, speaker[0], list(sent))]
            elif closer := self._closing_speaker(sent):
                readings = [(sent.root, closer, list(sent))]
            else:
                speaker = None
            for verb, source, words in readings:
                yield from self._judgement(verb, source, words)

    def _according(self, sent: Span) -> list[tuple[Token, list[int], list[Token]]]:
        """ "According to Johnson's critics, this is a ploy": what a thing is, on the word of whom "according
        to" names (or of the author of the document it names: "according to a report by X"), is their
        verdict."""
        for word in sent:
            if word.lower_ != "according" or word.dep_ != "prep":
                continue
            named = [o for c in word.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
            if not named:
                continue
            source = self._actors_of(named[0]) or [
                i
                for c in named[0].children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for o in c.children
                for i in self._actors_of(o)
            ]
            # only a verdict, what something is ("this is a ploy"): what is told as fact on someone's
            # authority ("according to police, the site hosted abuse videos") blames nobody
            clause = word.head
            verdict = [c for c in clause.children if c.dep_ in ("nsubj", "attr", "acomp")]
            if clause.lemma_.lower() != "be" or not any(c.dep_ in ("attr", "acomp") for c in verdict):
                return []
            return [(clause, source, [t for c in verdict for t in c.subtree])]
        return []

    def _judgement(self, verb: Token, source: list[int], words: list[Token]) -> Iterator[Said]:
        """What one speaker's words say of the parties they name: blame, praise or sympathy (if any)."""
        book = self.book
        if not source:
            return
        beside_act = any(t.i in self.emitted_heads or t.i in self.coded_heads for t in words)
        if beside_act:
            # words that code an act blame nobody by their words of blame; a wrong they tell beside the act
            # still blames its doer ("X said Y broke the law and likes dropping bombs")
            if (wrong := self._wrong_done(words, source)) is not None:
                yield _said(verb, source, *wrong)
                return
            # ... but sympathy in a clause of its own is still felt: 'X said the victims were "joyful girls"
            # in an "appalling tragedy" while Y wrote he had ordered checks' (words of blame or praise beside
            # an act mostly describe it: "refugees who entered illegally", "hand over to Great Britain")
            words = self._outside_coded_clauses(words)
            if not words:
                return
        if self._conditional_judgement(words):
            return  # "it would be an outrage if Parliament were prevented": no act judged
        # "officials said two officers were stabbed": a verb of violence reports the attack itself, not
        # blame ("a stab in the back" is one)
        # ... nor does a verb of wrongdoing in another sense ("the town lies on the border")
        blaming = [
            t
            for t in words
            if not (t.pos_ == "VERB" and t.lemma_.lower() in book.violence_words)
            and not (
                t.pos_ == "VERB" and t.lemma_.lower() in book.wrongdoing_verbs and self._wrong_told(t) is None
            )
            and not (t.pos_ != "ADJ" and t.lower_ in book.adjective_blame_words)
            and not self._told_position(t)
        ]
        lemmas = {t.lemma_.lower() for t in blaming} | {t.lower_ for t in blaming} | _hyphened(blaming)
        code = (
            None
            if beside_act
            else book.accusation_code
            if lemmas & book.accusation_words
            else book.criticism_code
            if lemmas & book.criticism_words
            else None
        )
        # "called the president a war criminal", "described the plan as a surrender": what the label names
        # (not where the verb codes its own act: "labelled X a terrorist" is 112)
        settled = beside_act or code is not None or verb.i in self.emitted_heads
        code, labelled = (code, None) if settled else self._label_code(verb, words)
        wrong = None if beside_act else self._wrong_done(words, source)
        if wrong is not None:  # '"The government are breaking the law," said X': X blames the government
            wrong_code, wrongdoers = wrong
            yield _said(verb, source, code if code == book.accusation_code else wrong_code, wrongdoers)
            return
        thing, quoted = self._named_thing(verb)
        verdict = code is None and quoted and not beside_act  # the quoted label alone says it is blame
        if verdict and not lemmas & book.sympathy_words:
            code = None if any(self._praise_of_other(t) for t in words) else book.criticism_code
        speakers = {referent(self.actors, i) for i in source}
        voices = self._sides(source)
        named = [
            i
            for t in words
            if (i := self.token_actor[t.i]) is not None
            and referent(self.actors, i) not in speakers  # not "we" in the speaker's own words
            and not self._wronged(t)
            and not any(same_party(a, b) for a in voices for b in self._sides([i]))  # "Iraqi sovereignty"
        ]
        # "Walter was the most brilliant scientist I have ever known," said the chancellor: a private tribute
        named = [] if code is None and named and self._private_tribute(voices, named[0]) else named
        if (
            code is None
            and (lemmas & book.sympathy_words or any(self._sympathy_idiom(t) for t in words))
            and named
        ):
            yield _said(verb, source, book.sympathy_code, named[:1])  # "our condolences to the family"
        elif code is None and named and not beside_act and any(self._praise_of_other(t) for t in words):
            yield _said(verb, source, book.praise_code, named[:1])  # "Y was an iconic leader," said X
        if code is None:
            return
        blamed = [i for i in named if resolved(self.actors, i).sector not in book.unconventional_targets]
        if thing is not None:  # what was called so, not a party its label names ("a betrayal of Y")
            blamed = [i for i in blamed if any(self.token_actor[t.i] == i for t in thing.subtree)]
        # the party labelled, not one the label names ("a war criminal")
        blamed = blamed if labelled is None else [i for i in named if self._within(i, labelled)]
        target = self._blamed_act(verb, words, source) or blamed[:1]
        if target or not (verdict or labelled is not None):
            yield _said(verb, source, code, target)

    def _private_tribute(self, voices: list[Side], index: int) -> bool:
        """Words of praise or sympathy that a private party (citizens, firms, schools, the press, a person
        with no office) speaks of a private person (a relative, a colleague, an artist) are a tribute
        in private life, no political event: an obituary's "she was an extraordinary woman," said her son."""
        book = self.book

        def private(side: Side) -> bool:
            return not (side.code or "").startswith(("IGO", "NGO")) and (
                side.sector in book.unpolitical_sectors or (side.person is not None and side.sector is None)
            )

        targets = self._sides([index])
        return (
            bool(voices)
            and all(private(v) for v in voices)
            and bool(targets)
            and all(t.person is not None and private(t) for t in targets)
        )

    def _within(self, index: int, phrase: Token) -> bool:
        return any(self.token_actor[t.i] == index for t in phrase.subtree)

    def _label_code(self, verb: Token, words: list[Token]) -> tuple[str | None, Token | None]:
        """The code of the label a speaker puts on a party or an act (`criminal_labels`: 1121,
        `pejorative_labels`: 111), and what is labelled."""
        book = self.book
        labels, labelled = self._labels(verb, words)
        named_as = {t.lemma_.lower() for t in labels} | {t.lower_ for t in labels} | _hyphened(labels)
        if named_as & book.criminal_labels:
            return book.criminal_label_code, labelled
        if named_as & book.pejorative_labels:
            return book.criticism_code, labelled
        return None, None

    def _labels(self, verb: Token, words: list[Token]) -> tuple[list[Token], Token | None]:
        """The label a speaker puts on a party or an act, and what is labelled: the complement of a naming
        verb ("called the president a war criminal", "described the plan as a surrender") or the attribute of
        "be" in the speaker's words ('"this individual is a terrorist"'), with its conjuncts, appositions and
        adjectives ("a clown, a racist", "a corrupt oaf"); none where it is denied ("is not a criminal") or
        the speaker's own ("I am no saint")."""
        pairs: list[tuple[Token, Token]] = []
        if verb.lemma_.lower() in self.book.naming_verbs:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects and not any(c.dep_ == "neg" for c in verb.children):
                heads = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
                heads += [
                    o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                ]
                heads += objects[1:] + [c for c in objects[0].rights if c.dep_ == "amod"]
                # "called him to be a fraud": the attribute of the "be" clause
                heads = [a for h in heads for a in ([h] if h.lemma_ != "be" else self._attributes(h))]
                pairs = [(h, objects[0]) for h in heads]
        else:
            for word in words:
                if word.dep_ not in ("attr", "acomp") or word.head.lemma_.lower() != "be":
                    continue
                copula = word.head
                subjects = [c for c in copula.children if c.dep_ == "nsubj"]
                if not subjects or subjects[0].lower_ in FIRST_PERSON or self._quoted_pointer(subjects[0]):
                    continue
                if any(c.dep_ == "neg" for c in copula.children):
                    continue
                pairs.append((word, subjects[0]))
        labels: list[Token] = []
        labelled = None
        for head, thing in pairs:
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in head.children):
                continue
            for word in (head, *head.conjuncts, *(c for c in head.children if c.dep_ == "appos")):
                labels.append(word)
                labels += [c for c in word.children if c.dep_ in ("amod", "compound")]
                # "a gang of murderers", "a bunch of liars"
                labels += [
                    o for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                ]
            labelled = labelled or thing
        return labels, labelled

    def _quoted_pointer(self, word: Token) -> bool:
        """'"this individual is a terrorist"': a pronoun or a demonstrative phrase in a quotation points into
        the speaker's talk (as `_quoted_pronoun`); whom the story takes it for is no safe party to label."""
        pointing = word.lower_ in PRONOUNS or any(
            c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in word.children
        )
        return pointing and self._in_quotation(word)

    @staticmethod
    def _attributes(copula: Token) -> list[Token]:
        return [c for c in copula.children if c.dep_ in ("attr", "acomp")]

    def _outside_coded_clauses(self, words: list[Token]) -> list[Token]:
        """The speaker's words that stand in no clause of a coded predicate: a word whose clause (its heads
        climbed up to a clause boundary) holds a coded predicate is that act's, not the speaker's sympathy."""
        coded = self.emitted_heads.keys() | self.coded_heads
        inside = {t.i for t in words}
        kept = []
        for word in words:
            node, clause = word, False
            while node.i in inside:
                if node.i in coded:
                    clause = True
                    break
                if node.dep_ in CLAUSE_BREAKS or node.head.i == node.i:
                    break
                node = node.head
            if not clause:
                kept.append(word)
        return kept

    def _wrong_done(self, words: list[Token], source: list[int]) -> tuple[str, list[int]] | None:
        """'"The government are breaking the law," said X', "X said the ruling ignores the realities": a
        clause of the speaker's words whose predicate tells a wrong (`wrongdoing_verbs`) done by a party other
        than the speaker blames that party (or the author of the act its subject names: "the ruling", "it"),
        with the wrong's code; a wrong denied, asked about, foretold or supposed blames nobody."""
        voices = self._sides(source)
        speakers = {referent(self.actors, i) for i in source}
        inside = {t.i for t in words}
        for word in words:
            code = self._wrong_told(word)
            if (
                code is None
                or self._wrong_unsure(word, self._told_lack(word))
                or self._under_coded(word, inside)
            ):
                continue
            if any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in word.children):
                continue  # "we abandoned them": the speaker's own side owns up, blames nobody
            wrongdoers = [
                i
                for i in self._subject(word)
                if referent(self.actors, i) not in speakers and not self._own_side(i, voices)
            ]
            if not wrongdoers and not self._subject(word):
                subjects = [c for c in word.children if c.dep_ == "nsubj"]
                if subjects and (self._told_act(subjects[0]) or self._act_pronoun(subjects[0])):
                    authors = self._act_author(word, subjects[0], voices)
                    wrongdoers = [a.index for a in authors[:1] if a.index is not None]
            if wrongdoers:
                return code, wrongdoers[:1]
        return None

    def _under_coded(self, word: Token, inside: set[int]) -> bool:
        """The word is a coded predicate, or in the clause of one within the speaker's words ("Y accused Z
        of lying": Y's act, not Z's wrong told by the speaker)."""
        node = word
        while node.i in inside:
            if node.i in self.emitted_heads or node.i in self.coded_heads:
                return True
            if node.head.i == node.i:
                break
            node = node.head
        return False

    def _own_side(self, index: int, voices: list[Side]) -> bool:
        return any(same_party(a, b) for a in voices for b in self._sides([index]))

    def _wrong_told(self, word: Token) -> str | None:
        """The code of the wrong a verb tells (`wrongdoing_verbs`), given the objects or prepositions its
        sense needs ("break the law", "lie to voters", "abandoned allies")."""
        if word.pos_ != "VERB":
            return None
        objects = [o for c in word.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        preps = [c for c in word.children if c.dep_ in ("prep", "prt", "dative")]
        for needed, code in self.book.wrongdoing_verbs.get(word.lemma_.lower(), ()):
            if "=no" in needed:  # "had no plan": only what the party is said to have none of
                if any(
                    o.lemma_.lower() in needed and any(d.lower_ == "no" for d in o.children) for o in objects
                ):
                    return code
                continue
            if (
                not needed
                or any(o.lemma_.lower() in needed for o in objects)
                or any(p.lower_ in needed for p in preps)
                or ("=none" in needed and not objects and not preps)
                or ("=party" in needed and any(self._actors_of(o) for o in objects))
            ):
                return code
        return None

    def _told_lack(self, word: Token) -> bool:
        """ "X had no plan": the "no" that tells the wrong (a lack) is no denial of it."""
        entries = self.book.wrongdoing_verbs.get(word.lemma_.lower(), ())
        return any("=no" in needed for needed, _ in entries) and any(
            d.lower_ == "no" for c in word.children if c.dep_ == "dobj" for d in c.children
        )

    def _wrong_unsure(self, word: Token, lack: bool = False) -> bool:
        """A wrong denied ("did not violate"), asked about, foretold ("will undermine"), only supposed ("would
        undermine", "if they lie") or aimed at ("tried to undermine"), or done by nobody ("no one lied"), is
        no wrong told as done."""
        if in_question(word) or any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "none") for c in word.children):
            return True
        if lack and any(c.dep_ == "aux" and c.lemma_.lower() not in ("do", "have") for c in word.children):
            return True  # "would have no plan", "will have no say": a lack foretold or supposed
        modality, _ = read_modality(word, word, modality_cues(), self.parent.published, "111", False)
        return modality not in ("asserted", "historical", *(("negated",) if lack else ()))

    def _conditional_judgement(self, words: list[Token]) -> bool:
        """ "It would be a constitutional outrage if Parliament were prevented": words that judge what would
        be, on a condition, judge no act that was done."""
        cues = modality_cues()
        return any(
            w.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in cues.condition_markers for m in w.children)
            and any(a.dep_ == "aux" and a.lower_ in cues.hypothetical_auxiliaries for a in w.head.children)
            for w in words
        )

    def _sympathy_idiom(self, word: Token) -> bool:
        """ "My thoughts are with the injured", "our hearts go out to the families": a noun of feeling that is
        the subject of "be" or "go" with "with" or "to" is sympathy with whom the phrase names."""
        verb = word.head
        if word.dep_ != "nsubj" or word.lower_ not in self.book.sympathy_idioms:
            return False
        if verb.lemma_.lower() not in ("be", "go", "remain"):
            return False
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ == "prep"]
        return any(p.lower_ in ("with", "to") for p in preps)

    def _named_thing(self, verb: Token) -> tuple[Token | None, bool]:
        """'X described the rally as a "freak show"', 'X called Y's offer a betrayal of Z': the object of a
        naming verb that has a label, and whether the reporter quotes the label (a naming verb inside a
        quotation quotes nothing)."""
        if verb.lemma_.lower() not in self.book.naming_verbs:
            return None, False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        labels = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")] + [
            o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
        ]
        # 'called the plan "reckless"': the parser hangs a label that follows its object on the object
        labels += [c for o in objects for c in o.rights if c.dep_ == "amod"]
        if not objects or not labels:
            return None, False
        sent, doc = verb.sent, verb.doc
        if inside_quotation(doc[sent.start : verb.i].text_with_ws):
            return objects[0], False
        quoted = any(
            inside_quotation(doc[sent.start : t.i].text_with_ws) for label in labels for t in label.subtree
        )
        return objects[0], quoted

    def _blamed_act(self, verb: Token, words: list[Token], source: list[int]) -> list[int]:
        """ "The statement was a stab in the back for the SDF," said X: words of blame about an act told
        before ("the statement", "the decision", with no author in its phrase) blame its author, not a
        party they name."""
        # ... or what the speaker called so ("described the attacks as a dastardly act")
        act = next(
            (
                w
                for w in words
                if (w.dep_ in ("nsubj", "nsubjpass") or (w.dep_ == "dobj" and w.head.i == verb.i))
                and (self._told_act(w) or self._act_pronoun(w))
            ),
            None,
        )
        if act is None:
            return []
        authors = self._act_author(verb, act, self._sides(source))
        return [a.index for a in authors[:1] if a.index is not None]

    def _praise_of_other(self, word: Token) -> bool:
        """A word of praise not said of the speaker: "an iconic leader", not "I am honored and humbled"; and
        not denied: "they have not shown any decent behaviour", "he is no hero"; a superlative only of a party
        ("the best candidate", not "the best chance")."""
        if word.lemma_.lower() not in self.book.praise_words and word.lower_ not in self.book.praise_words:
            return False
        if word.tag_ in ("JJS", "RBS") and self.token_actor[word.head.i] is None:
            return False  # "the party with the best chance": the best of a thing praises nobody
        if self._degree_only(word):
            return False  # "a great deal of films", "good relationships", "tremendous stigmatization"
        node = word
        for _ in range(10):
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
                return False
            if node.head is node:
                break
            node = node.head
        while word.dep_ == "conj" and word.head is not word:
            word = word.head
        clause = word.head if word.dep_ in ("acomp", "attr", "oprd") else word
        return not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in clause.children)

    def _told_position(self, word: Token) -> bool:
        """ "Many dangers lie ahead", "the fault lies in the law": a verb of blame that is also a verb of
        position (`position_blame_verbs`), with a complement of place, tells where something is, not a lie."""
        return word.lemma_.lower() in self.book.position_blame_verbs and any(
            c.dep_ in ("prep", "advmod", "prt") and c.lower_ in self.book.position_words
            for c in word.children
        )

    def _degree_only(self, word: Token) -> bool:
        """An adjective of praise before a noun that is neither a party nor a label said of one ("a great
        man", "called him a decent leader", "as an excellent politician") only grades a thing: "a great deal
        of films", "we have good relationships", "tremendous stigmatization", "with great sadness"."""
        if word.dep_ != "amod" or word.pos_ != "ADJ":
            return False
        noun = word.head
        while noun.dep_ == "conj" and noun.head is not noun:
            noun = noun.head
        if self.token_actor[noun.i] is not None or noun.dep_ in ("attr", "oprd", "appos", "nsubj", "ROOT"):
            return False
        return not (noun.dep_ == "pobj" and noun.head.lower_ == "as")

    def _wronged(self, word: Token) -> bool:
        """ "an insult to Christians", "a stab in the back for the SDF", "a betrayal of the Kurds": the
        party the words of blame say was wronged, not the one blamed."""
        while word.dep_ in ("compound", "amod", "poss", "det") and word.head is not word:
            word = word.head
        for _ in range(3):  # "an insult to the sentiments of Christians"
            if word.dep_ != "pobj" or word.head.lower_ not in ("to", "for", "of", "against", "on", "in"):
                return False
            word = word.head.head  # "a stab [in the back] for the SDF": the noun the phrase hangs on
            if word.lemma_.lower() in self.book.criticism_words:
                return True
        return False

    def _issuer(self, verb: Token) -> list[int]:
        """ "X released a statement which read ...": who issued the statement that speaks."""
        statement = verb.head if verb.dep_ == "relcl" else None
        if statement is None or statement.lemma_.lower() not in self.book.speech_nouns:
            return []
        return self._subject(statement.head) if statement.dep_ in OBJECTS else []

    def _quote_runs_on(self, sent: Span) -> bool:
        """The sentence starts inside a quotation opened in an earlier sentence."""
        return inside_quotation(self.text[: sent.start_char])

    def _closing_speaker(self, sent: Span) -> list[int]:
        """'"It is a sad day. [...] He was an icon of liberation," wrote X': a sentence wholly inside a
        quotation that closes in a later sentence is the words of whom a verb of speaking after the closing
        mark names (one quotation, one speaker)."""
        start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
        end = sent.start_char + len(sent.text.rstrip())
        quotation = next((q for q in quotations(self.text) if q[0] <= start and q[1] >= end), None)
        if quotation is None or not closes_quotation(self.text, quotation[1]):
            return []  # no quotation, one that runs on into the next paragraph, or marks paired amiss
        closed = self.parsed.char_span(quotation[1], quotation[1] + 1, alignment_mode="expand")
        if closed is None or closed.sent.start == sent.start:
            return []
        after = self.parsed[closed.end : closed.sent.end]
        verb = next(
            (t for t in after if t.pos_ == "VERB" and t.lemma_.lower() in self.book.evaluation_verbs), None
        )
        return [] if verb is None else self._subject(verb)

    def _reported_demands(self) -> Iterator[Said]:
        """ "X said Y must withdraw": a demand by the speaker on the reported clause's subject."""
        book = self.book
        for verb in self.tokens:
            if verb.i in self.coded_heads:
                continue
            if verb.lemma_.lower() in book.wish_verbs:
                yield from self._wishes(verb)
                continue
            if verb.lemma_.lower() in book.mandative_verbs:
                yield from self._mandates(verb)
                continue
            speech = verb.lemma_.lower() in book.speech_verbs
            if not speech and verb.lemma_.lower() not in book.opinion_verbs:
                continue
            # "said the Senate had no say, and that the courts should decide": each reported clause
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            clauses += [
                j for c in clauses for j in c.conjuncts if j.dep_ == "conj" and j.pos_ in ("VERB", "AUX")
            ]
            for clause in clauses:
                if clause.i in self.coded_heads:
                    continue
                code = self._obligation(clause)
                # a verb of opinion ("suggested Y should ...") appeals, but demands nothing
                if code is None or (not speech and code != book.appeal_code):
                    continue
                # "X said the president should accept ...": an appeal on a party that is to act, not on a
                # thing to be done ("the law should be changed") nor on the speaker's own side ("we should")
                voices = ("nsubj",) if code == book.appeal_code else ("nsubj", "nsubjpass")
                subjects = [c for c in clause.children if c.dep_ in voices]
                if subjects and (
                    self._generic_addressee(subjects[0])
                    or (code == book.appeal_code and subjects[0].lower_ in FIRST_PERSON)
                    or (code == book.appeal_code and self._quoted_pronoun(subjects[0]))
                ):
                    continue
                target = self._actors_of(subjects[0]) if subjects else []
                if target:
                    demand = Pattern(code, "verb", verb.lemma_.lower(), (), (), False, 0, "must")
                    yield Said(verb, Match(demand, 0), "verb", target, claim=clause)
        yield from self._noun_demands()
        yield from self._court_findings()
        yield from self._received()
        yield from self._displeasure()
        yield from self._complaints()
        yield from self._lawsuits()

    def _obligation(self, clause: Token) -> str | None:
        """The code of a reported clause that says what its subject must do (a demand: "Y must withdraw")
        or should, ought to, needs to or has to do (an appeal: "Y should accept", "Y needs to answer")."""
        book = self.book
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if auxiliaries & book.demand_auxiliaries:
            return book.demand_code
        if any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in book.obligation_conditions for m in c.children)
            for c in clause.children
        ):
            return None  # "if there is a court order, then Facebook has to ...": what a rule would require
        if auxiliaries & book.appeal_auxiliaries:
            return book.appeal_code
        # "Y doesn't have to justify ...": no obligation, no appeal
        if (
            clause.lemma_.lower() in book.appeal_obligation_verbs
            and any(c.dep_ == "xcomp" and to_clause(c) for c in clause.children)
            and not any(c.dep_ == "neg" for c in clause.children)
        ):
            return book.appeal_code
        return None

    def _wishes(self, verb: Token) -> Iterator[Said]:
        """ "Iran said it wants the United States to lift sanctions": what the one who wishes says it wants
        another party to do is an appeal on that party (`wish_verbs`); a wish the reporter tells ("the
        Taliban wants foreign forces to leave") is a standing aim, no act. Either way the infinitive is
        wished, no act of its subject's."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and to_clause(c)]
        # "the Taliban wants foreign forces to leave": a standing aim told by the reporter appeals to nobody
        yield from self._asked_of(verb, clauses, ("nsubj",), "wish", voiced=self._voiced(verb))

    def _mandates(self, verb: Token) -> Iterator[Said]:
        """ "Ukraine suggested that Russia withdraw its troops", "asked that the men be released", "would
        prefer Biden not take part": a clause in the subjunctive after a verb of asking or proposing
        (`mandative_verbs`) is what is asked of its subject, an appeal on it, no act of its."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and self._subjunctive(verb, c)]
        yield from self._asked_of(verb, clauses, ("nsubj", "nsubjpass"), "ask", voiced=True)

    def _asked_of(
        self, verb: Token, clauses: list[Token], voices: tuple[str, ...], label: str, *, voiced: bool
    ) -> Iterator[Said]:
        """Each clause says what is wished of or asked of its subject: the clause tells no act ("many want
        the president to resign": no resignation), and the one who voiced it appeals to that subject
        unless it is nobody in particular or the speaker's own side."""
        for clause in clauses:
            subjects = [c for c in clause.children if c.dep_ in voices]
            if clause.i in self.coded_heads or not subjects:
                continue
            self.coded_heads.add(clause.i)
            if not voiced or self._generic_addressee(subjects[0]) or subjects[0].lower_ in FIRST_PERSON:
                continue
            target = self._actors_of(subjects[0])
            if target:
                asked = Pattern(self.book.appeal_code, "verb", verb.lemma_.lower(), (), (), False, 0, label)
                yield Said(verb, Match(asked, 0), "verb", target, claim=clause)

    def _quoted_pronoun(self, word: Token) -> bool:
        """'"They need to stand by us"': a pronoun in a quotation points into the speaker's talk, which the
        story need not tell; its antecedent in the story's words is no safe addressee."""
        return word.lower_ in PRONOUNS and self._in_quotation(word)

    def _voiced(self, verb: Token) -> bool:
        """The wish was voiced: reported by a verb of speaking ("said they wanted Y to ...") or quoted."""
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.book.speech_verbs:
            return True
        return self._in_quotation(verb)

    def _in_quotation(self, word: Token) -> bool:
        """The word stands inside a quotation, opened earlier in its sentence or in an earlier one."""
        sent = word.sent
        return inside_quotation(word.doc[sent.start : word.i].text_with_ws) or self._quote_runs_on(sent)

    @staticmethod
    def _subjunctive(verb: Token, clause: Token) -> bool:
        """A that-clause with a bare verb and no auxiliary: "(that) Russia withdraw", "(that) they be
        released"; a plural's bare verb reads as a present only after a verb in the present."""
        auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if clause.tag_ == "VBN":
            return [a.lower_ for a in auxiliaries] == ["be"]
        if auxiliaries or (clause.lemma_.lower() == "be" and clause.lower_ != "be"):
            return False
        return clause.tag_ == "VB" or (clause.tag_ == "VBP" and verb.tag_ in ("VBD", "VBN"))

    def _generic_addressee(self, subject: Token) -> bool:
        """ "people must know ...": a bare generic word addresses nobody in particular; nor does "any
        leader", "no one", "every state"."""
        if any(
            c.dep_ == "det" and c.lower_ in self.book.generic_addressee_determiners for c in subject.children
        ):
            return True
        return subject.lemma_.lower() in self.book.generic_addressees and not any(
            c.dep_ in ("det", "poss", "amod", "compound", "nmod") for c in subject.children
        )

    def _displeasure(self) -> Iterator[Said]:
        """ "X was disappointed by Y's decision", "X is angry with Y": the feeling's subject disapproves of
        the party the cause names (or of the author of the act it names); the cause is the agent of the
        passive here, not the one who acts."""
        book = self.book
        for word in self.tokens:
            if (
                word.lemma_.lower() not in book.displeasure_words
                and word.lower_ not in book.displeasure_words
            ):
                continue
            passive = word.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in word.children)
            clause = word.head if word.dep_ == "acomp" else word if passive else None
            if clause is None or clause.i in self.coded_heads or word.i in self.coded_heads:
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            source = self._actors_of(subjects[0]) if subjects else []
            causes = [
                o
                for c in word.children
                if c.dep_ in ("prep", "agent") and c.lower_ in book.displeasure_causes
                for o in c.children
                if o.dep_ == "pobj"
            ]
            if not source or not causes:
                continue
            target = [i for i in self._actors_of(causes[0]) if i not in source]
            if not target and self._told_act(causes[0]):
                authors = self._act_author(word, causes[0], self._sides(source))
                target = [a.index for a in authors[:1] if a.index is not None]
            if target:
                lemma = word.lemma_.lower()
                pattern = Pattern(book.displeasure_code, "verb", lemma, (), (), False, 0, lemma)
                yield Said(word, Match(pattern, 0), "verb", target, source=source)

    def _received(self) -> Iterator[Said]:
        """ "X drew criticism from Y", "X came under fire from Y", "X was met with anger from Y", "the plan
        prompted objections from Y", "the law sparked outrage among Y", "statements of condemnation came from
        Y": a judgement named by its noun, by the party a "from" (or an adjective: "media scrutiny") names, of
        the party that received it or whose act provoked it. With nobody named as its author ("X drew
        criticism for ...", "X faces allegations that ..."), a disapproval (root 11) was still voiced of X:
        by the public of X's state (`received_unnamed_sector`), or by nobody known when X has no state or
        the noun says it came from abroad ("international criticism")."""
        book = self.book
        for noun in self.tokens:
            lemma = noun.lemma_.lower()
            code = book.received_judgements.get(lemma)
            if code is None or noun.pos_ != "NOUN" or self.token_actor[noun.i] is not None:
                continue
            verb, target, provoked = self._receiver(self._judgement_head(noun))
            if verb is None or verb.i in self.coded_heads:
                continue
            if lemma in book.reported_judgements and verb.lemma_.lower() in book.report_receiving_verbs:
                continue  # "the police received allegations of abuse": reports sent in, not blame borne
            preps = ("from", "among") if provoked else ("from",)
            source = (
                self._from_actors(noun, (*preps, "by"))
                or self._from_actors(verb, preps)
                or self._judge_modifier(noun)
                or ([] if provoked else self._judge_of(noun))
            )
            if verb is noun and not source:
                continue  # "amid anger over the killing": whose anger, at whom, the clause does not say
            if any(
                t.dep_ == "relcl" and codes_one_of(t, book.verbs, (code[:2],)) for t in noun.subtree
            ):  # "criticism by the minister, who questioned his authority": the judges' own verb tells it
                continue
            armed = any(side.sector in book.armed_sectors for side in self._sides(source))
            gunfire = lemma in book.gunfire_words
            if gunfire and (armed or not (source or self._reasoned(verb))):
                continue  # "came under fire from militants", "the convoy came under fire": gunfire
            threat = code[:2] in book.received_threat_roots
            if threat:  # "received death threats": CAMEO's kind of threat, by the word on the noun
                kinds = (
                    book.received_threat_kinds.get(c.lower_) for c in noun.children if c.dep_ in MODIFIERS
                )
                code = next((k for k in kinds if k), code)
            pattern = Pattern(code, "verb", verb.lemma_.lower(), (), (), False, 0, lemma)
            target = [i for i in target if i not in source]
            if source:
                yield Said(verb, Match(pattern, 0), "verb", target, source=source)
            elif threat:
                continue  # a threat is no disapproval: no public of the receiver's state made it
            elif target and code.startswith(book.received_unnamed_root):
                judge = self._unnamed_judge(noun, target)
                yield Said(verb, Match(pattern, 0), "verb", target, judge=judge)

    def _judgement_head(self, noun: Token) -> Token:
        """The word that stands in the clause for a judgement noun: its quantity ("a storm of criticism",
        "a lot of flak") or the noun itself."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            holder = noun.head.head
            if holder.lemma_.lower() in self.book.judgement_quantities:
                return holder
        return noun

    def _receiver(self, noun: Token) -> tuple[Token | None, list[int], bool]:
        """The verb by which a judgement's noun was received, who received it (maybe nobody named), and
        whether the verb tells it as provoked (its subject, or the act its subject names, drew it)."""
        book = self.book
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            phrase = (verb.lemma_.lower(), head.lower_)
            if phrase in book.receiving_phrases or phrase in book.provoking_phrases:
                # "X came under fire", "X met with criticism", "the move was met with anger", "X was
                # subjected to criticism", "which led to criticism"
                return verb, self._receiving_party(verb), phrase in book.provoking_phrases
        if noun.dep_ == "pobj" and head.lower_ in book.concessive_preps and head.head.pos_ in ("VERB", "AUX"):
            # "X pressed ahead despite criticism from Y", "X resigned amid accusations from Y": the clause's
            # subject bore it; told by the noun, its verb being an act of its own
            return noun, self._receiving_party(head.head), False
        lemma = head.lemma_.lower()
        if noun.dep_ == "dobj" and (lemma in book.receiving_verbs or lemma in book.provoking_verbs):
            # "X drew criticism"; "the decision drew criticism": its author's
            # "drew" is either: "the decision drew anger among ..." provoked it, "X drew the ire of Y" bore it
            received = lemma in book.receiving_verbs and bool(self._subject(head))
            return head, self._receiving_party(head), lemma in book.provoking_verbs and not received
        subject = head.head if noun.dep_ == "pobj" and head.lower_ == "of" else noun  # "statements of"
        if subject.dep_ == "nsubj" and subject.head.lemma_.lower() in book.arriving_verbs:
            return subject.head, self._from_actors(noun, ("of", "against")), False  # "criticism came from Y"
        return None, [], False

    def _receiving_party(self, verb: Token) -> list[int]:
        """Who bore a judgement told by `verb`: its subject (passive too: "the move was met with anger"), or
        the author of the act its subject names ("the decision drew criticism")."""
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        target = self._actors_of(patients[0]) if patients else self._subject(verb)
        subjects = patients or [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].lower_ in WH_WORDS and verb.dep_ == "relcl":
            subjects = [verb.head]  # "..., which led to criticism": what "which" stands for
        if not target and subjects and self._told_act(subjects[0]):
            authors = self._act_author(verb, subjects[0], [])
            target = [a.index for a in authors[:1] if a.index is not None]
        return target

    def _judge_modifier(self, noun: Token) -> list[int]:
        """A party named on the judgement noun itself: "Chinese criticism", "media scrutiny"."""
        return [
            i
            for c in noun.children
            if c.dep_ in ("amod", "compound", "poss")
            for t in c.subtree
            if (i := self.token_actor[t.i]) is not None
        ]

    def _judge_of(self, noun: Token) -> list[int]:
        """ "drew the ire of Chinese officials", "won the praise of the UN": a party that is itself the object
        of the noun's "of" (not a thing of a party's: "criticism of its policy")."""
        return [
            i
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
            for t in (o, *o.conjuncts)
            if (i := self.token_actor[t.i]) is not None
        ]

    def _reasoned(self, verb: Token) -> bool:
        """ "came under fire for his remarks", "over the plan": the verb says what the judgement is for."""
        return any(c.dep_ == "prep" and c.lower_ in self.book.judgement_reasons for c in verb.children)

    def _unnamed_judge(self, noun: Token, target: list[int]) -> Side:
        """Whose judgement nobody is named for: the public (`received_unnamed_sector`) of the state of the
        party that bore it, unless the noun says it came from abroad; else nobody known."""
        book = self.book
        foreign = any(c.lower_ in book.foreign_judgement_words for c in noun.children)
        country = next((s.country for s in self._sides(target) if s.country), None)
        if foreign or country is None:
            return Side(None, "", None, None, None)
        # "media scrutiny", "congressional criticism": the word on the noun says which of the public
        words = book.judge_sector_words
        said = [
            words.get(c.lower_) or words.get(c.lemma_.lower()) for c in noun.children if c.dep_ in MODIFIERS
        ]
        sector = next((s for s in said if s), book.received_unnamed_sector)
        return Side(None, "", country + sector, country, sector)

    def _from_actors(self, head: Token, preps: tuple[str, ...] = ("from",)) -> list[int]:
        """The parties named by the objects of `head`'s prepositions ("from Y"), each of a list ("from A, B
        and C", which the parser may hang as appositions)."""
        objects = [o for c in head.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children]
        listed = [t for o in objects if o.dep_ == "pobj" for t in o.subtree if t is o or t.dep_ == "appos"]
        return list(dict.fromkeys(i for t in listed for i in self._actors_of(t)))

    def _court_findings(self) -> Iterator[Said]:
        """ "The court ruled that the decree was unconstitutional", "the judge found the ban violated the
        First Amendment": a court's finding that holds the clause's subject unlawful is a ruling against that
        subject's party (116), not a criticism; the clause is what the court found, not an act of its own."""
        book = self.book
        for verb in self.tokens:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in book.ruling_verbs or verb.i in self.coded_heads:
                continue
            source = self._subject(verb) or self._issuer(verb)
            sides = self._sides(source)
            if not any(side.sector == book.court_sector for side in sides) or any(
                word in book.prosecuting_words for side in sides for word in side.text.lower().split()
            ):
                continue  # prosecutors who call an act illegal accuse; only a court rules
            for clause in verb.children:
                # the parser may hang "ruled the draft violated ..." as an adverbial clause (no "because")
                reported = clause.dep_ in ("ccomp", "xcomp") or (
                    clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children)
                )
                found = self._unlawful(clause) if reported else None
                if found is None or found.i in self.coded_heads:
                    continue
                # "found X's advice was improper and that it is unlawful": the first clause names what "it" is
                subjects = [
                    c for p in (found, clause) for c in p.children if c.dep_ in ("nsubj", "nsubjpass")
                ]
                subjects = [c for c in subjects if self._actors_of(c)] or subjects
                if not subjects:  # "ruled the draft violated ...": the parser makes the subject the object
                    subjects = [c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
                target = self._actors_of(subjects[0]) if subjects else []
                if (
                    not target and subjects and self._told_act(subjects[0])
                ):  # "found the decision was illegal"
                    authors = self._act_author(verb, subjects[0], self._sides(source))
                    target = [a.index for a in authors[:1] if a.index is not None]
                finding = Pattern(book.court_finding_code, "verb", lemma, (), (), False, 0, lemma)
                yield Said(verb, Match(finding, 0), "verb", target, claim=found, source=source)
                break

    def _unlawful(self, clause: Token) -> Token | None:
        """The clause, or one it reports or is joined to ("it is concluded that the oath is
        unconstitutional"), that holds its subject unlawful: "X was illegal", "X is null and void", "X
        violated the constitution"."""
        book = self.book
        for _ in range(3):
            for part in (clause, *clause.conjuncts):
                if part.lemma_.lower() in book.violation_verbs:
                    return part
                said = [c for c in part.children if c.dep_ in ("acomp", "attr", "oprd")]
                if any(w.lemma_.lower() in book.unlawful_words for c in said for w in (c, *c.conjuncts)):
                    return part
            nested = [c for c in clause.children if c.dep_ == "ccomp"]
            if not nested:
                return None
            clause = nested[0]
        return None

    def _complaints(self) -> Iterator[Said]:
        """ "Turkey protested that Greece had violated its airspace": a complaint against the clause's subject
        (the clause keeps its own event); "the agency believes the general ordered the bombing", "said the
        blast was X's doing": an accusation of the party the belief or the words hold to blame."""
        book = self.book
        for verb in self.tokens:
            lemma = verb.lemma_.lower()
            code = book.complaint_verbs.get(lemma) or (
                book.accusation_code
                if lemma in book.speech_verbs or lemma in book.belief_verbs or lemma in book.claim_verbs
                else None
            )
            if code is None or verb.pos_ != "VERB" or verb.i in self.coded_heads:
                continue
            for clause in verb.children:
                if clause.dep_ != "ccomp" or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
                ):
                    continue
                owner = self._act_owner(clause)
                if (
                    lemma not in book.complaint_verbs
                    and not owner
                    and not self._blames(clause)
                    and not (lemma in book.belief_verbs and self._harmful(clause))
                    and not (lemma in book.claim_verbs and self._harm_done(clause))
                ):
                    continue  # "X said Y is responsible for the attack" accuses Y; "X said Y won" does not
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                target = owner or (self._actors_of(subjects[0]) if subjects else [])
                speaker = [i for c in verb.children if c.dep_ == "nsubj" for i in self._actors_of(c)]
                if any(same_party(a, b) for a in self._sides(speaker) for b in self._sides(target)):
                    continue  # "X believes its troops killed ...": no accusation of oneself
                if target:
                    complaint = Pattern(
                        code, "verb", verb.lemma_.lower(), (), (), False, 0, verb.lemma_.lower()
                    )
                    yield Said(verb, Match(complaint, 0), "verb", target)
                    break

    def _act_owner(self, clause: Token) -> list[int]:
        """ "Y said the blast was X's doing": the owner of a noun of blame (`blame_nouns`) in the clause."""
        for word in clause.subtree:
            if word.lemma_.lower() in self.book.blame_nouns or word.lower_ in self.book.blame_nouns:
                for owner in (c for c in word.children if c.dep_ == "poss"):
                    if found := self._actors_of(owner):
                        return found
                if found := self._pobj_actors(word, ("of",)):  # "the handiwork of X"
                    return found
        return []

    def _harmful(self, clause: Token) -> bool:
        """The clause tells of violence or a crime ("the general ordered the bombing", "... killed him")."""
        return any(self._harm_word(t) for t in clause.subtree)

    def _harm_word(self, word: Token) -> bool:
        lemma = word.lemma_.lower()
        return lemma in self.book.violence_words or lemma in self.book.crime_words

    def _harm_done(self, clause: Token) -> bool:
        """The clause's own predicate is the harm or the wrong: "Y shelled the town", "Y killed him", "Y broke
        the law"; not "Y ascribed the blast to Z" nor "Y complained of an assault", nor "Z's men were killed"
        (its subject suffered it)."""
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children):
            return False
        if clause.pos_ != "VERB":
            return False
        # ... or a wrong told as done: "the minister claimed the rebels had broken the truce|lied"
        wrong = self._wrong_told(clause) is not None and not self._wrong_unsure(clause)
        return self._harm_word(clause) or wrong

    def _blames(self, clause: Token) -> bool:
        """A clause that holds its subject to blame: "Y is responsible for", "Y was behind", "Y is guilty"."""
        return clause.lemma_.lower() == "be" and any(
            (c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.book.blame_predicates)
            or (c.dep_ == "prep" and c.lower_ in self.book.blame_predicates)
            for c in clause.children
        )

    def _noun_demands(self) -> Iterator[Said]:
        """ "X reiterated its demand that Y ease ...", "issued a reminder to Y that it must ...": a demand by
        the noun's owner on the clause's subject (a speech noun needs a demand auxiliary)."""
        book = self.book
        for noun in self.tokens:
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
                    yield Said(noun, Match(demand, 0), "noun", target, claim=clause, at=noun.head)

    def _requests_acted_on(self) -> Iterator[Said]:
        """ "At the request of the prime minister, the Queen suspended parliament", "troops returned at the
        government's request": the requester appealed (020) to whoever acted on the request. Read after the
        predicates, the doer's verb being coded for its own act first."""
        book = self.book
        for noun in self.tokens:
            if noun.lemma_.lower() not in book.request_nouns or noun.dep_ != "pobj":
                continue  # read before the heads: spaCy makes a Token for each
            prep, verb = noun.head, noun.head.head
            if prep.lower_ not in book.request_preps or verb.pos_ not in ("VERB", "AUX"):
                continue
            owner = [i for c in noun.children if c.dep_ == "poss" for i in self._actors_of(c)]
            source = owner or self._pobj_actors(noun, ("of", "from"))
            target = [i for i in self._subject(verb) if i not in source]
            if source and target:
                lemma = verb.lemma_.lower()
                pattern = Pattern(book.request_code, "verb", lemma, (), (), False, 0, noun.lemma_.lower())
                yield Said(verb, Match(pattern, 0), "verb", target, source=source)

    def _lawsuits(self) -> Iterator[Said]:
        """ "X filed lawsuits challenging Y's voting rules", "a Z lawsuit seeking to block Y from ...": a
        lawsuit told by what it seeks is brought (115) by its owner, or by the subject of the verb that
        brings it, against the first party the clause names ("filed a lawsuit against Y" is its pattern's)."""
        book = self.book
        for noun in self.tokens:
            if (
                noun.lemma_.lower() not in book.lawsuit_nouns
                or noun.pos_ != "NOUN"
                or noun.i in self.coded_heads
            ):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children):
                continue  # "a lawsuit against Y": its pattern's
            clause = next(
                (
                    c
                    for c in noun.children
                    if c.dep_ in ("acl", "relcl")
                    and any(
                        t.lemma_.lower() in book.lawsuit_aims for t in (c, *c.children) if t.pos_ == "VERB"
                    )
                ),
                None,
            )
            if clause is None:
                continue
            source = self._noun_source(noun)[0] or [
                i for c in noun.lefts if c.dep_ == "compound" and (i := self.token_actor[c.i]) is not None
            ]
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            brought = noun.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in book.lawsuit_verbs
            if not source and brought:
                source = self._subject(verb)
            sides = self._sides(source)
            target = [
                i
                for t in clause.subtree
                if (i := self.token_actor[t.i]) is not None
                and i not in source
                and not any(same_party(a, b) for a in sides for b in self._sides([i]))
            ]
            if source and target:
                pattern = Pattern(book.lawsuit_code, "verb", noun.lemma_.lower(), (), (), False, 0, "lawsuit")
                # "filed a lawsuit challenging Y": the filing is the act (and no plain "filed a lawsuit" too)
                token = verb if brought and verb.i not in self.coded_heads else noun
                yield Said(token, Match(pattern, 0), "verb", target[:1], source=source)

    def _personal(self, token: Token) -> bool:
        """The predicate is inside a quotation, or its sentence speaks in the first or second person
        ("I", "we", "you"): interview and opinion talk, weaker evidence of an event."""
        sent = token.sent
        before = sent.doc[sent.start : token.i].text_with_ws  # Doc.text is rebuilt on every read
        straight = before.count('"') % 2 == 1
        curly = before.rfind("\u201c") > before.rfind("\u201d")
        personal = any(t.lower_ in self.book.personal_pronouns and t.tag_ in ("PRP", "PRP$") for t in sent)
        return straight or curly or personal
