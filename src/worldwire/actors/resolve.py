"""Find actor mentions in a parsed document and resolve them to CAMEO codes on the document's date.

Three passes, all over spaCy tokens already parsed:

1. **match**: leftmost-longest lookup of lexicon phrases (names case-sensitive, role nouns folded),
   plus spaCy PERSON names the lexicon lacks and personal pronouns → *pieces*;
2. **assemble**: pieces that form one noun phrase ("Chinese President Xi Jinping", "President X of Y",
   "Lebanon's new President Z") become one mention; coordinated adjectives before a shared role noun
   ("Hungarian and Romanian officials") become one mention per state;
3. **resolve in context**, in text order: a leader's name or an office ("the Kazakh president") is
   resolved on the document's date; "the president", pronouns, repeated names and "his Kazakh
   counterpart" point at the mention they refer to (`antecedent`).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from worldwire.actors.lexicon import ActorLexicon, Casualties, Entry, Term
from worldwire.models import Actor, ActorKind, AnnotatedDocument, Location
from worldwire.nlp import QUOTATION_MARKS, closes_quotation, inside_quotation, quotations
from worldwire.nlp.numbers import number_value
from worldwire.nlp.tokens import Words, held_tokens, words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_COUNTRY_KINDS = frozenset({"country", "adjective", "people", "capital", "seat", "city", "region"})
_ADJECTIVE_KINDS = frozenset({"adjective", "group_adjective"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
_OFFICES = _STATE_SECTORS | {"SPY"}  # a former holder of one of these offices is an elite (ELI)
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_POSSESSIVE = frozenset({"'s", "'", "’s", "’"})
_CONNECT_OF = (("of",), ("of", "the"))
_COORDINATION = (("and",), (",",), (",", "and"), ("or",))
_NOUN_POS = frozenset({"NOUN", "PROPN"})
# A participle or adjective that heads a noun's slot ("the accused", "the injured") is read as a noun.
_NOMINAL_TAGS = frozenset({"VBN", "VBD", "JJ"})
_NOMINAL_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative", "conj", "appos"})
_GROUP_KINDS = frozenset({"group", "group_adjective"})
_SUBJECT_KINDS = ("state", "person", "organisation", "group", "role")  # any mention but a pronoun
_NOT_ROLES = frozenset({"GPE", "LOC", "FAC", "WORK_OF_ART", "LAW"})  # "Soviet Union", "Supreme Court Act"
_STANDALONE = frozenset({"pronoun", "plural_pronoun", "neuter_pronoun", "quantifier", "counted_states"})
_AFTER_POSSESSIVE = frozenset({"counterpart", "adjective", "group_adjective", "role"})
_BEFORE_OF = frozenset({"role", "person", "name", "counterpart"})
_AFTER_OF = frozenset({"country", "organisation", "group", "actor"})
_LOOKBACK_SENTENCES = 3
_COMPLEMENTS = frozenset({"dobj", "prep", "xcomp", "attr", "acomp", "advmod"})
_DEFINITE_SENTENCES = 8  # "the embassy": the embassy named this many sentences before at most
_CULPRIT_SECTOR = "CRM"  # "the gunman": the story's one perpetrator, named any number of sentences before
_PLACE_NAMES = frozenset({"country", "region", "city", "capital"})
_TITLE_GAP = 3  # title words between a title and a name ("deputy director", "of Economy")
_DESCRIPTION_WORDS = 8  # how far after a name an apposition describing it is looked for
_ATTACHING = frozenset({"in", "of", "from", "throughout", "across", "for"})  # "a spokesman for X"
_TITLE_CODES = frozenset({None, "GOV", "MIL", "COP", "JUD", "LEG"})
_ATTITUDE = frozenset({"anti", "pro"})
_THING_NAMES = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})  # "the Vietnam War"


@dataclass(frozen=True, slots=True)
class _Index:
    """First word → the phrase lengths starting with it, so most tokens cost one dict lookup."""

    exact: dict[str, tuple[int, ...]]
    folded: dict[str, tuple[int, ...]]


@cache
def _index(lexicon: ActorLexicon) -> _Index:
    def lengths(table: object) -> dict[str, tuple[int, ...]]:
        found: dict[str, set[int]] = {}
        for key in table:  # type: ignore[attr-defined]
            found.setdefault(key[0], set()).add(len(key))
        return {k: tuple(sorted(v, reverse=True)) for k, v in found.items()}

    return _Index(lengths(lexicon.exact), lengths(lexicon.folded))


@dataclass(slots=True)
class _Piece:
    start: int  # token indices in the segment's Doc
    end: int
    kind: str
    entries: tuple[Entry, ...] = ()


@dataclass(slots=True)
class _Draft:
    """A mention being built: token span in one segment, what its pieces say, and how it resolved."""

    doc: Doc
    offset: int
    start: int
    end: int
    pieces: list[_Piece]
    kind: ActorKind = "state"
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None
    members: tuple[str, ...] = ()
    antecedent: int | None = None
    office: str | None = None
    role: str | None = None
    definite: bool = False
    plural: bool = False
    former: bool = False
    resident: bool = False  # "ethnic Albanians": a nationality coded by the state it lives in
    location: bool = False  # "in the Chinese city of X": a place, coded as its state alone
    where: bool = False  # "marched in Kenya": a state named as the place of an act, not as an actor
    counterpart: bool = False
    possessor: bool = False
    resolved: bool = True
    alias_only: bool = False  # a lone surname without an office title: maybe a namesake ("Sailor Moon")
    single_alias: bool = False  # a leader found by a lone surname ("Harris"): local names come first
    part_name: bool = False  # a table's person found by part of their name ("De La Fuente")
    sentence: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def char_start(self) -> int:
        return self.offset + _words(self.doc).tokens[self.start].idx


def _words(doc: Doc) -> Words:
    """A segment's tokens and strings, held while its document is resolved (`resolve_with`)."""
    return words_of(doc)


def _span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` (start < end), cut from the segment's text without making a Span."""
    words = _words(doc)
    return words.text[words.tokens[start].idx : words.tokens[end - 1].idx + len(words.texts[end - 1])]


def resolve_with(
    doc: AnnotatedDocument, lexicon: ActorLexicon, locations: Sequence[Location] = ()
) -> tuple[Actor, ...]:
    """Every actor mention of `doc`, in text order, resolved with `lexicon` on the document's date; the
    towns and regions among `locations` (the document's places) count toward the state it is set in."""
    if doc.error or not doc.segments:
        return ()
    with held_tokens(doc):
        return _resolve(doc, lexicon, locations)


def _resolve(
    doc: AnnotatedDocument, lexicon: ActorLexicon, locations: Sequence[Location]
) -> tuple[Actor, ...]:
    day = doc.clean.date
    sentence_starts = [s.start for s in doc.sentences]
    drafts: list[_Draft] = []
    for segment in doc.segments:
        for sent in segment.doc.sents:
            pieces = _pieces(segment.doc, sent, lexicon)
            drafts.extend(_assemble(segment.doc, segment.offset, pieces, lexicon))
    for draft in drafts:
        draft.sentence = max(0, bisect_right(sentence_starts, draft.char_start) - 1)
        _resolve_alone(draft, lexicon, day)
    drafts = _surnames_over_places(drafts)
    again = _name_parts(doc, drafts, lexicon)
    for draft in again:
        draft.sentence = max(0, bisect_right(sentence_starts, draft.char_start) - 1)
    if again:
        drafts = sorted([*drafts, *again], key=lambda d: d.char_start)
    kept = _resolve_in_context(drafts, lexicon, day, _towns(locations, drafts, sentence_starts))
    _stated_nationality(kept, lexicon)
    _speakers_own_offices(doc, kept, lexicon)
    quoted = _first_person(doc, kept, lexicon, sentence_starts)
    if quoted:
        kept = _in_text_order([*kept, *quoted], kept)
    return tuple(_to_actor(d) for d in kept)


def _quote_speaker(
    doc: AnnotatedDocument, kept: list[_Draft], lexicon: ActorLexicon
) -> Callable[[_Draft], _Draft | None]:
    """Who speaks the quotation a mention stands in: the subject of a verb of speaking in its sentence,
    the clause before a colon, else a speaker of the sentences around it (as `_first_person` finds it)."""
    speakers = [
        d
        for d in kept
        if d.code
        and not _quoted(d)
        and (_speaks(d.doc[d.end - 1], lexicon) or _speaks_by_participle(d.doc[d.end - 1], lexicon))
        and d.role != "first_person"
    ]
    introducers = [d for d in kept if d.code and not _quoted(d) and _opens_with_colon(d)]
    inline = [d for d in kept if d.code and not _quoted(d) and _colon_after_clause(d)]
    subjects = [d for d in kept if d.code and d.role != "first_person" and _subject_outside_quotation(d)]
    segments = {id(segment.doc): number for number, segment in enumerate(doc.segments)}

    def speaker(draft: _Draft) -> _Draft | None:
        return (
            _quotation_speaker(draft, segments[id(draft.doc)], doc, subjects)
            or _closing_speaker(draft, speakers)
            or _speaker_of(draft, speakers, (0,))
            or _inline_colon_speaker(draft, inline)
            or _speaker_of(draft, speakers, (1, 2, 3, -1))
            or _colon_speaker(draft, introducers)
        )

    return speaker


def _speakers_own_offices(doc: AnnotatedDocument, kept: list[_Draft], lexicon: ActorLexicon) -> None:
    """ "the administration", "the president" in the quotation of a US senator in a story about Turkey: a
    state's office with no state named, said by a politician of another state than the one it was given,
    is the speaker's own state's (a government official, who may speak of the state they deal with, is
    left as he is)."""
    find = _quote_speaker(doc, kept, lexicon)
    moved: set[int] = set()
    for i, draft in enumerate(kept):
        if draft.antecedent in moved and draft.kind in ("role", "pronoun"):
            _copy(draft, kept, kept[draft.antecedent])  # "the president" again, after the one it stood for
            moved.add(i)
            continue
        if (
            draft.kind != "role"
            or draft.sector != "GOV"
            or draft.plural
            or not draft.definite
            or draft.antecedent is not None
            or any(p.kind.removeprefix("shared_") != "role" for p in draft.pieces)
            or not _quoted(draft)
        ):
            continue
        speaker = find(draft)
        if speaker is None or speaker.kind != "person" or speaker.sector in (None, "GOV"):
            continue
        if speaker.country and speaker.country != draft.country:
            draft.country = speaker.country
            draft.code = _compose(speaker.country, draft.sector, False, "state")
            moved.add(i)


def _first_person(
    doc: AnnotatedDocument, kept: list[_Draft], lexicon: ActorLexicon, sentence_starts: list[int]
) -> list[_Draft]:
    """ "I", "we", "our" inside a quotation: the quote's speaker, the subject of a verb of speaking in
    the same sentence, else in the nearest sentence before (a quote running on), else in the next one."""
    if not lexicon.first_person:
        return []
    find = _quote_speaker(doc, kept, lexicon)
    found: list[_Draft] = []
    for segment in doc.segments:
        covered = {i for d in kept if d.doc is segment.doc for i in range(d.start, d.end)}
        words = _words(segment.doc)
        for i, word in enumerate(words.lowers):
            second = word in lexicon.second_person
            if not (second or word in lexicon.first_person) or i in covered:
                continue
            token = words.tokens[i]
            if token.tag_ not in ("PRP", "PRP$"):
                continue
            draft = _Draft(
                segment.doc, segment.offset, token.i, token.i + 1, [_Piece(token.i, token.i + 1, "pronoun")]
            )
            draft.kind, draft.role = "pronoun", "first_person"
            draft.sentence = max(0, bisect_right(sentence_starts, draft.char_start) - 1)
            if not _quoted(draft):
                continue
            speaker = find(draft)
            if speaker is not None and second:
                speaker = _addressee(speaker, kept)
            if speaker is not None:
                draft.code, draft.country, draft.sector = speaker.code, speaker.country, speaker.sector
                draft.name, draft.wikidata, draft.members = speaker.name, speaker.wikidata, speaker.members
                draft.extra["speaker"] = str(id(speaker))
                found.append(draft)
    return found


def _subject_outside_quotation(draft: _Draft) -> bool:
    """The mention is the subject of a verb and neither stands inside quotation marks: it may name who
    speaks a quotation next to its clause."""
    head = draft.doc[draft.start : draft.end].root
    if head.dep_ != "nsubj" or _quoted(draft):
        return False
    words = _words(draft.doc)
    return not inside_quotation(words.text[: words.tokens[head.head.i].idx])


def _quotation_speaker(
    draft: _Draft, number: int, doc: AnnotatedDocument, subjects: list[_Draft]
) -> _Draft | None:
    """Whoever the quotation around a first- or second-person pronoun is set after, however many
    sentences it runs over: the nearest subject of a clause before its opening mark in the same sentence
    ('X defended the decision, "As I said ..."', 'X said, "... [five sentences on] ... I thank ..."'). A
    quotation that opens a paragraph runs on from the paragraph before when that one ends inside a
    quotation (the convention for quotations over several paragraphs)."""
    first, opening = _quotation_opening(draft, number, doc)
    if opening < 0:
        return None
    before = [
        d
        for d in subjects
        if d.doc is doc.segments[first].doc
        and _words(d.doc).tokens[d.start].idx < opening
        and _same_sentence(d, opening)
        and _verb_idx(d) < opening
    ]
    return _main_subject(max(before, key=lambda d: d.start), before) if before else None


def _closing_speaker(draft: _Draft, speakers: list[_Draft]) -> _Draft | None:
    """'"The biggest lie is told by the administration. [...] The losses were low," X continued': whoever a
    verb of speaking after the closing mark names speaks the whole quotation, however many sentences before
    it opened (one quotation, one speaker)."""
    text = draft.doc.text
    at = _words(draft.doc).tokens[draft.start].idx
    closing = next((c for o, c in quotations(text) if o < at < c), -1)
    if not closes_quotation(text, closing):
        return None  # outside any quotation, in one that runs on, or one whose marks are paired amiss
    after = [
        d
        for d in speakers
        if d.doc is draft.doc and _words(d.doc).tokens[d.start].idx > closing and _same_sentence(d, closing)
    ]
    return min(after, key=lambda d: d.start) if after else None


def _main_subject(nearest: _Draft, before: list[_Draft]) -> _Draft:
    """ "X spoke on the show when he made the announcement: "I ..."": a pronoun subject of an adverbial
    clause is the subject of the clause it modifies, so that subject, named, speaks the quotation."""
    head = nearest.doc[nearest.start : nearest.end].root
    if nearest.kind != "pronoun" or head.head.dep_ != "advcl":
        return nearest
    main = head.head.head
    named = [d for d in before if d.kind != "pronoun" and d.doc[d.start : d.end].root.head.i == main.i]
    return named[0] if named else nearest


def _quotation_opening(draft: _Draft, number: int, doc: AnnotatedDocument) -> tuple[int, int]:
    """The segment number and character offset of the opening mark of the quotation around the mention
    (following it back over paragraphs it runs on from), or (number, -1) outside any quotation."""
    at = _words(draft.doc).tokens[draft.start].idx
    opening = next((o for o, c in quotations(draft.doc.text) if o < at < c), -1)
    segments = doc.segments
    while opening >= 0 and number > 0 and opening == _first_mark(segments[number].doc.text):
        text = segments[number - 1].doc.text
        previous = quotations(text)
        if not previous or previous[-1][1] < len(text):
            break
        number, opening = number - 1, previous[-1][0]
    return number, opening


def _first_mark(text: str) -> int:
    """Where a paragraph's text starts, if it starts with a quotation mark (else -1)."""
    stripped = len(text) - len(text.lstrip())
    return stripped if text[stripped : stripped + 1] in QUOTATION_MARKS else -1


def _verb_idx(draft: _Draft) -> int:
    return draft.doc[draft.start : draft.end].root.head.idx


def _same_sentence(draft: _Draft, char: int) -> bool:
    sent = draft.doc[draft.start].sent
    return sent.start_char <= char < sent.end_char


def _addressee(speaker: _Draft, kept: list[_Draft]) -> _Draft | None:
    """Whom a speaker's verb addresses: "told X", "said to X", "wrote to X", "in a meeting with X"."""
    verb = speaker.doc[speaker.end - 1].head
    words = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "to":
                words.append(obj)
            words += [o for p in obj.children if p.lower_ in ("with", "to") for o in p.children]
    for word in words:
        match = next((d for d in kept if d.doc is speaker.doc and d.start <= word.i < d.end and d.code), None)
        if match is not None and match is not speaker:
            return match
    return None


def _speaks(head: Token, lexicon: ActorLexicon) -> bool:
    if head.dep_ != "nsubj":
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    return lemma in lexicon.speech or (
        lemma in lexicon.going_on and not any(c.dep_ in _COMPLEMENTS for c in verb.children)
    )  # '"...", X continued.', not "X continued to fight"


def _speaks_by_participle(head: Token, lexicon: ActorLexicon) -> bool:
    """The subject of a clause whose participle speaks: 'X made the point, writing "..."', 'X hit back,
    saying "..."': the participle has no subject of its own, so X speaks the quote."""
    if head.dep_ != "nsubj":
        return False
    return any(
        c.dep_ in ("advcl", "xcomp", "conj")
        and c.tag_ == "VBG"
        and c.lemma_.lower() in lexicon.speech
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in head.head.children
    )


def _opens_with_colon(draft: _Draft) -> bool:
    """The subject of a sentence that ends with a colon ("He sent her a message:"): it introduces the
    quotation that follows."""
    span = draft.doc[draft.start : draft.end]
    head = span.root  # "Senator X of Chile": the name, not "Chile"
    if head.dep_ != "nsubj" or head.head.dep_ != "ROOT":
        return False
    last = head.sent[-1] if head.sent[-1].text.strip() else head.sent[-2]
    return last.text == ":"


def _colon_speaker(draft: _Draft, introducers: list[_Draft]) -> _Draft | None:
    """A quotation opened after a sentence ending with a colon is spoken by that sentence's subject: the
    nearest one of the two sentences before the first person's."""
    for distance in (1, 2):
        here = [d for d in introducers if d.sentence == draft.sentence - distance]
        if here:
            return here[-1]
    return None


def _colon_after_clause(draft: _Draft) -> bool:
    """The subject of a main clause followed by a colon in its sentence ("X spoke to reporters: "I ...""):
    it introduces the quotation after the colon."""
    head = draft.doc[draft.start : draft.end].root
    if head.dep_ != "nsubj":
        return False
    verb = head.head  # the parser may hang that clause on the quoted verb ("spoke" under "urge")
    if verb.dep_ == "ROOT":
        return any(t.text == ":" for t in head.sent if t.i > verb.i)
    return any(c.text == ":" and c.i > verb.i for c in verb.children)


def _inline_colon_speaker(draft: _Draft, inline: list[_Draft]) -> _Draft | None:
    """ "The senator spoke to reporters: "I call on ..."": a quote after a colon in the sentence of a clause
    with no verb of speaking is spoken by that clause's subject, not by a speaker of a sentence before."""
    here = [
        d
        for d in inline
        if d.doc is draft.doc
        and d.sentence == draft.sentence
        and d.end <= draft.start
        and any(t.text == ":" for t in d.doc[d.end : draft.start])
    ]
    return here[-1] if here else None


def _speaker_of(
    draft: _Draft, speakers: list[_Draft], distances: tuple[int, ...] = (0, 1, 2, 3, -1)
) -> _Draft | None:
    for distance in distances:
        here = [d for d in speakers if d.sentence == draft.sentence - distance]
        if here:
            return here[0]
    return None


def _in_text_order(drafts: list[_Draft], kept: list[_Draft]) -> list[_Draft]:
    """All mentions in text order, with `antecedent` indexes (into `kept`, or the speaker a quoted "I"
    stands for) pointing into the new order."""
    ordered = sorted(drafts, key=lambda d: d.char_start)
    position = {id(d): i for i, d in enumerate(ordered)}
    for d in ordered:
        if "speaker" in d.extra:
            d.antecedent = position[int(d.extra.pop("speaker"))]
        elif d.antecedent is not None:
            d.antecedent = position[id(kept[d.antecedent])]
    return ordered


_MISREAD_NAME_ENTITIES = ("PERSON", "ORG")  # a surname the small model tagged as an organisation
# Slots only a noun fills: a named person's surname the parser tagged as a verb or an adjective but hung in
# one of these ("Trump and his legal team came under scrutiny": "Trump", a verb, is the subject) is the name.
_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "dative", "conj"})


def _name_parts(doc: AnnotatedDocument, drafts: list[_Draft], lexicon: ActorLexicon) -> list[_Draft]:
    """Later bare mentions of a named person's surname or given name ("Varrentine" after "Aldo
    Varrentine", "Brudzinski" after "Brudziński"), where the parser did not tag them or tagged them as
    something else: one extra scan, only for names seen in the document."""
    words = {
        _fold(w): w
        for d in drafts
        if d.kind == "person" and d.name
        for w in d.name.split()
        if len(w) > 2 and w[:1].isupper() and not any(c.isdigit() for c in w)
    }
    articled = {
        _fold(w.split("-", 1)[1]): w
        for d in drafts
        if d.kind == "person" and d.name
        for w in d.name.split()
        if "-" in w and w.split("-", 1)[0].lower() in lexicon.name_articles and len(w.split("-", 1)[1]) > 2
    }  # "al-Harbi": the parser reads "al", "-", "Harbi"
    words.update({k: v for k, v in articled.items() if k not in words})
    full = {d.name for d in drafts if d.kind == "person" and d.name}
    firms = _firms(drafts, lexicon)
    if not words and not firms:
        return []
    found: list[_Draft] = []
    for segment in doc.segments:
        covered = {i for d in drafts if d.doc is segment.doc for i in range(d.start, d.end)}
        strings = _words(segment.doc)
        for i, word in enumerate(strings.texts):
            if i in covered or not word[:1].isupper():
                continue
            firm = firms.get(word)
            if firm is None and _fold(word) not in words:
                continue  # the common case, read without making the Token
            token = strings.tokens[i]
            if firm is not None and (token.pos_ == "PROPN" or token.ent_type_ in _MISREAD_NAME_ENTITIES):
                found.append(_firm_draft(segment.doc, segment.offset, token.i, firm))
                continue
            if _fold(token.text) not in words:
                continue
            if i > 0 and strings.texts[i - 1] in lexicon.name_openers:
                continue  # "Hurricane Lorenzo" is no namesake of a Lorenzo named before
            if (
                token.pos_ == "PROPN"
                or token.ent_type_ in _MISREAD_NAME_ENTITIES
                or _name_in_noun_slot(token)
            ):
                start = token.i
                if (
                    _fold(token.text) in articled
                    and start > 1
                    and strings.texts[start - 1] == "-"
                    and strings.lowers[start - 2] in lexicon.name_articles
                    and start - 2 not in covered
                ):
                    start -= 2  # "al-Harbi": the article is part of the mention
                last = found[-1] if found else None
                whole = None
                if last is not None and last.doc is segment.doc and last.end == start:
                    joined = f"{last.name} {words[_fold(token.text)]}"
                    folded = f" {_fold(joined)} "
                    whole = next((n for n in full if folded in f" {_fold(n)} "), None)
                if last is not None and whole is not None:
                    # "Carrie" + "Lam": one name in two words the parser missed, one mention (of the whole
                    # name where it is one, "Carrie Lam")
                    last.end, last.pieces = token.i + 1, [_Piece(last.start, token.i + 1, "name")]
                    last.name = whole if _fold(whole) == _fold(joined) else joined
                    continue
                draft = _Draft(
                    segment.doc, segment.offset, start, token.i + 1, [_Piece(start, token.i + 1, "name")]
                )
                draft.kind, draft.name = "person", words[_fold(token.text)]
                found.append(draft)
    return found


def _name_in_noun_slot(token: Token) -> bool:
    """A capitalised word the parser tagged as no noun (at a sentence's start "Trump" is often a verb) but
    hung where only a noun can stand: the subject, an object, an owner."""
    return (
        token.pos_ not in _NOUN_POS
        and token.dep_ in _NOUN_SLOTS
        and token.ent_type_ == ""
        and token.text[1:].islower()
    )


def _surnames_over_places(drafts: list[_Draft]) -> list[_Draft]:
    """A lone city's name that is also the surname of a person the story names ("Jane Paris was
    charged ... Paris, who denied it, ...") is that person where it is not the object of a preposition
    ("in Paris"): a story that names someone so calls them by the surname."""
    surnames = {
        _fold(d.name.split()[-1]): d.name
        for d in drafts
        if d.kind == "person" and d.name and len(d.name.split()) > 1
    }
    if not surnames:
        return drafts
    out = []
    for draft in drafts:
        token = draft.doc[draft.start]
        name = surnames.get(_fold(token.text))
        if (
            name is not None
            and draft.end - draft.start == 1
            and all(p.kind in ("capital", "city") for p in draft.pieces)
            and token.dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "conj", "poss")
        ):
            person = _Draft(
                draft.doc, draft.offset, draft.start, draft.end, [_Piece(draft.start, draft.end, "name")]
            )
            person.kind, person.name, person.sentence = "person", name, draft.sentence
            out.append(person)
        else:
            out.append(draft)
    return out


def _firms(drafts: list[_Draft], lexicon: ActorLexicon) -> dict[str, _Draft]:
    """Firms named in full with a company word at the end ("Acme Motor Company"), by their first word:
    the story later calls the firm "Acme" alone. Not a title ("General Motors Corporation")."""
    firms: dict[str, _Draft] = {}
    for d in drafts:
        words = (d.name or "").split()
        if d.kind != "organisation" or not d.code or len(words) < 2 or words[-1] not in lexicon.company_words:
            continue
        first = words[0]
        if len(first) > 2 and first[:1].isupper() and first.lower() not in lexicon.titles:
            firms.setdefault(first, d)
    return firms


def _firm_draft(doc: Doc, offset: int, i: int, firm: _Draft) -> _Draft:
    draft = _Draft(doc, offset, i, i + 1, [_Piece(i, i + 1, "name")])
    draft.kind, draft.name, draft.wikidata = "organisation", firm.name, firm.wikidata
    draft.code, draft.country, draft.sector, draft.members = (
        firm.code,
        firm.country,
        firm.sector,
        firm.members,
    )
    return draft


# ── 1. match ─────────────────────────────────────────────────────────────────────────────────────


def _pieces(doc: Doc, sent: Span, lexicon: ActorLexicon) -> list[_Piece]:
    index = _index(lexicon)
    words = _words(doc)
    pieces: list[_Piece] = []
    i, end = sent.start, sent.end
    while i < end:
        token = words.tokens[i]
        states = _states_word(token, lexicon)
        if states is not None:
            pieces.append(states)
            i += 1
            continue
        piece = _longest(words, i, end, lexicon, index)
        if piece is not None and piece.end - i > 1 and _overrun(doc, piece, end, lexicon, index):
            piece = None
        if piece is not None and _bloc_of_states(doc, piece, end, lexicon):
            piece = _Piece(piece.start, piece.end + 1, "group", piece.entries)  # "European nations"
        body = _body_piece(doc, i, end, piece, lexicon, index) if token.ent_type_ == "ORG" else None
        if body is not None:
            pieces.append(body)
            i = body.end
            continue
        if piece is not None and _plausible(doc, piece, lexicon):
            if not _names_money(doc, piece, lexicon):
                pieces.append(piece)
            i = piece.end
            continue
        word = _word_pieces(doc, token, lexicon) if piece is None else None
        if word is not None:
            found, i = word
            pieces.extend(found)
            continue
        after_title = bool(pieces) and pieces[-1].end == i and _is_title(doc, pieces[-1], lexicon)
        titled_body = (
            after_title
            and token.ent_iob_ == "B"
            and token.ent_type_ == "ORG"
            and any(e.name in lexicon.titles for e in pieces[-1].entries)
        )  # "Vice-President Moody Awori", where the parser read the name as an organisation
        article = i > 0 and words.lowers[i - 1] == "the" and not after_title  # "the Azores": a place
        if (
            (token.ent_type_ == "PERSON" and (token.ent_iob_ == "B" or after_title) and not article)
            or (after_title and token.pos_ == "PROPN" and token.ent_type_ == "" and token.text[:1].isupper())
            or (titled_body and token.pos_ == "PROPN")
        ):
            name = _name_piece(doc, i, end, "ORG" if titled_body else "PERSON")
            if name is not None:
                i = _add_name(doc, name, pieces, lexicon)
                continue
        speaker = _untagged_speaker(words.tokens, i, end, lexicon)
        if speaker is not None:
            i = _add_name(doc, speaker, pieces, lexicon)
            continue
        single = _single_word(token, lexicon)
        if single is not None:
            pieces.append(single)
        i += 1
    return pieces


def _untagged_speaker(tokens: Sequence[Token], i: int, end: int, lexicon: ActorLexicon) -> _Piece | None:
    """ "Mara Lunt said ...": two or three capitalised proper nouns the parser tagged as no entity, the
    subject of a verb of speaking, are a person's name (a firm or a body would have been tagged)."""
    if i > 0 and tokens[i - 1].pos_ == "PROPN":
        return None

    def plain(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.ent_type_ == "" and t.text[:1].isupper() and t.text[1:].islower()

    stop = i
    while stop < end and plain(tokens[stop]):
        stop += 1
    if not 2 <= stop - i <= 3 or (stop < end and tokens[stop].pos_ == "PROPN"):
        return None
    last = tokens[stop - 1]
    if any(tokens[j].head.i != last.i for j in range(i, stop - 1)) or not _speaks(last, lexicon):
        return None
    return _Piece(i, stop, "name")


def _single_word(token: Token, lexicon: ActorLexicon) -> _Piece | None:
    """A one-word mention no table names: a pronoun, a plural people ("Kurds"), a casualty count."""
    i = token.i
    pronoun = _pronoun_kind(token, lexicon)
    if pronoun is not None:
        return _Piece(i, i + 1, pronoun)
    if lexicon.casualties is not None and _casualty(token, lexicon.casualties):
        hurt = Entry("role", sector=lexicon.casualties.sector, name=token.lower_, generic=True)
        return _Piece(i, i + 1, "role", (hurt,))  # "killed five", "the wounded"
    if token.lower_ in lexicon.anyone and lexicon.people_sector and _restricted_object(token):
        people = Entry("role", sector=lexicon.people_sector, name=token.lower_, generic=True)
        return _Piece(i, i + 1, "role", (people,))  # "urged anyone with information to call police"
    if lexicon.people_sector and token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"):
        people = Entry("role", sector=lexicon.people_sector, name=token.lower_, generic=True)
        return _Piece(i, i + 1, "role", (people,))  # "Bosnian Serbs", "Kurds"
    return None


def _restricted_object(token: Token) -> bool:
    """ "banned anyone wearing a veil", "urged anyone with information to call": "anyone" as the object of
    an act, narrowed by what follows it, names the private persons the act is aimed at; as a subject
    ("anyone can apply") or bare it is a generic mention, no party."""
    if token.dep_ != "dobj":
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return any(c.dep_ in ("acl", "prep", "relcl") for c in token.children) or (
        following is not None and (following.lower_ in ("with", "who") or following.tag_ == "VBG")
    )  # the parser often hangs "with information" on the verb


def _bloc_of_states(doc: Doc, piece: _Piece, end: int, lexicon: ActorLexicon) -> bool:
    """ "European nations", "Arab countries": a region's adjective before a plural word for states names
    the bloc itself, as "Europe" does (not "European leaders", its governments)."""
    if piece.kind != "group_adjective" or piece.end >= end:
        return False
    noun = doc[piece.end]
    return noun.lower_ in lexicon.foreign_states and noun.tag_ == "NNS"


def _foreign_states(token: Token, lexicon: ActorLexicon) -> bool:
    """ "foreign powers", "regional countries", "other nations": governments of no state the story names."""
    return token.lower_ in lexicon.foreign_states and any(
        c.dep_ == "amod" and c.lower_ in lexicon.foreign_state_words for c in token.children
    )


def _pronoun_kind(token: Token, lexicon: ActorLexicon) -> str | None:
    word = token.lower_
    if word in lexicon.pronoun_gender and token.tag_ in ("PRP", "PRP$"):
        return "pronoun" if token.tag_ == "PRP" else "possessive"
    if word in lexicon.plural_pronouns and token.tag_ == "PRP":
        return "plural_pronoun"
    if word in lexicon.neuter_pronouns and _reported_subject(token, lexicon):
        return "neuter_pronoun"
    if _quantifier_subject(token, lexicon):
        return "quantifier"
    return None


def _states_word(token: Token, lexicon: ActorLexicon) -> _Piece | None:
    """A plural word for states: "foreign powers", "regional countries" (governments of no state named);
    "both countries", "the two nations" (`counted_states`: the states named just before)."""
    i = token.i
    if token.lower_ in lexicon.foreign_states and _foreign_states(token, lexicon):
        states = Entry("role", sector="GOV", name=token.lower_, generic=True)
        return _Piece(i, i + 1, "role", (states,))
    if token.tag_ == "NNS" and token.lemma_.lower() in lexicon.counted_states and _count(token):
        return _Piece(i, i + 1, "counted_states")
    return None


def _count(token: Token) -> int:
    """How many a plural noun counts as a definite set: "both countries" 2, "the two nations" 2, "all three
    countries" 3 (the number in digits or in the number words of data file ``numbers``); 0 for a bare or
    indefinite number ("two countries", "many nations"), or a number that is no set of two or more."""
    words = {c.lower_: c.dep_ for c in token.children}
    if words.get("both") in ("det", "predet", "preconj"):
        return 2
    definite = any(words.get(w) in ("det", "predet") for w in ("the", "all", "these", "those"))
    number = next((c.lower_ for c in token.children if c.dep_ == "nummod"), "")
    value = number_value(number) if definite and number else None
    return int(value) if value is not None and value >= 2 and value.is_integer() else 0


def _quantifier_subject(token: Token, lexicon: ActorLexicon) -> bool:
    """ "Both received prison terms", "others dismissed the claims", "the two were arrested", "all three
    denied it": a quantifier standing alone as a clause's subject, with no noun of its own ("both nations")
    and no "of" phrase ("some of the protesters", which names its party)."""
    # The token's own strings first: every test below only says no, and the tree costs new Tokens.
    if token.dep_ not in ("nsubj", "nsubjpass") or (
        token.tag_ != "CD" and token.lower_ not in lexicon.quantifiers
    ):
        return False
    if any(c.dep_ == "prep" for c in token.children):
        return False
    verb = token.head
    if verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "rescuers, some using their hands", "with 25 others injured": a detail, no clause
    if token.tag_ == "CD":  # "the two", "all three" (not "the other one", a thing)
        return token.lower_ not in ("one", "1") and any(
            c.dep_ in ("det", "predet") and c.lower_ in ("the", "all") for c in token.children
        )
    if token.lower_ not in lexicon.quantifiers:
        return False
    return token.tag_ in ("DT", "PDT", "NNS", "JJ", "JJS", "RB", "PRP")


def _reported_subject(token: Token, lexicon: ActorLexicon) -> bool:
    """The subject of a clause reported by a verb of speaking: "it" in "the SDF said it was given ..."."""
    clause = token.head
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        and clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in lexicon.speech
    )


def _casualty(token: Token, casualties: Casualties) -> bool:
    """A count or a nominal adjective standing alone as the people an attack hit: "killed five",
    "dozens died", "injured at least nineteen others", "visiting the wounded". A nominal adjective
    after "the" names them in any slot of a noun ("thoughts are with the injured")."""
    dep = token.dep_
    if token.lower_ in casualties.nominals and _noun_after_the(token):
        return True
    if dep not in ("dobj", "nsubjpass", "nsubj"):
        return False  # no slot of the people an act hits: read before the verb, which costs a Token
    verb = token.head.lemma_.lower()
    if verb not in casualties.verbs:
        return False
    slot = dep in ("dobj", "nsubjpass") or verb in casualties.subject_verbs
    if not slot or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False  # "five of the soldiers": the soldiers are the actor
    if token.lower_ in casualties.nominals:
        return any(c.lower_ == "the" for c in token.children)
    return (token.like_num and token.pos_ == "NUM") or token.lower_ in casualties.counts


def _add_name(doc: Doc, name: _Piece, pieces: list[_Piece], lexicon: ActorLexicon) -> int:
    """Keeps a person's name, skips a building's ("Hagia Sophia"); returns the token to go on from."""
    building = _building_name(doc, name, lexicon)
    if building is None:
        pieces.append(name)
        return name.end
    return building


def _names_money(doc: Doc, piece: _Piece, lexicon: ActorLexicon) -> bool:
    """A state's name or adjective before a currency or unit noun names money: "US dollars"."""
    if piece.kind not in _COUNTRY_KINDS or piece.end >= len(doc):
        return False
    following = doc[piece.end]
    return following.lower_ in lexicon.units and following.pos_ not in ("VERB", "AUX")


def _body_piece(
    doc: Doc, i: int, end: int, piece: _Piece | None, lexicon: ActorLexicon, index: _Index
) -> _Piece | None:
    """An organisation the parser found and no table knows, named with a word for a body ("the Third
    World Water Forum", "Association of X"): a non-governmental organisation, of the state its name
    names, if any. Known names and longer lexicon phrases win."""
    first = doc[i]
    opens = first.ent_iob_ == "B" or (i > 0 and doc[i - 1].ent_iob_ == "B" and doc[i - 1].pos_ == "DET")
    if first.pos_ == "DET" or not opens or not lexicon.bodies:
        return None  # the name starts after "the": known names ("the Organization of X") match there
    stop = i + 1
    while stop < end and doc[stop].ent_iob_ == "I":
        stop += 1
    if piece is not None and piece.end >= stop:
        return None
    span = doc[i:stop]
    if not any(t.text in lexicon.bodies for t in span):
        return None
    country = None
    for j in range(i, stop):
        inner = _longest(_words(doc), j, stop, lexicon, index)
        if inner is not None and inner.kind in ("country", "adjective") and inner.entries:
            country = inner.entries[0].country
            break
    code = f"{country}NGO" if country else "NGO"
    entry = Entry(
        "organisation", code=code, country=country, sector="NGO" if country else None, name=span.text
    )
    return _Piece(i, stop, "organisation", (entry,))


def _longest(words: Words, i: int, end: int, lexicon: ActorLexicon, index: _Index) -> _Piece | None:
    # names as written first, then role nouns folded to lower case
    for lengths, table, strings in (
        (index.exact, lexicon.exact, words.texts),
        (index.folded, lexicon.folded, words.lowers),
    ):
        for length in lengths.get(strings[i], ()):
            found = table.get(strings[i : i + length]) if i + length <= end else None
            if found:
                entries = _disambiguate(words.tokens[i + length - 1], found)
                return _Piece(i, i + length, _piece_kind(entries), entries)
    if lexicon.prefixes:
        word = words.lowers[i]
        for cut in range(len(word), 2, -1):
            prefixed = lexicon.prefixes.get(word[:cut])
            if prefixed:
                return _Piece(i, i + 1, _piece_kind(prefixed), prefixed)
    return None


def _word_pieces(doc: Doc, token: Token, lexicon: ActorLexicon) -> tuple[list[_Piece], int] | None:
    """What the lexicon does not hold as a whole word: "U.S.-led" (the state; "Iran-backed": nothing), a
    city the parser found; with the index after it. None: neither."""
    i = token.i
    led = _hyphenated(doc, i, lexicon) if "-" in token.text[1:] else None
    if led is not None:
        return led, i + 1
    city = _city_piece(doc, i, lexicon) if token.ent_iob_ == "B" and token.ent_type_ == "GPE" else None
    return ([city], city.end) if city is not None else None


def _hyphenated(doc: Doc, i: int, lexicon: ActorLexicon) -> list[_Piece] | None:
    """One word "U.S.-led" or "Iran-backed": the leading state as a piece, or no piece for a backer; None
    when the word is no such compound."""
    head, _, tail = doc[i].text.rpartition("-")
    if tail.lower() not in lexicon.leading | lexicon.sponsoring:
        return None
    entries = lexicon.exact.get((head,), ())
    if not entries or _piece_kind(entries) not in _COUNTRY_KINDS:
        return None
    return [_Piece(i, i + 1, _piece_kind(entries), entries)] if tail.lower() in lexicon.leading else []


def _is_title(doc: Doc, piece: _Piece, lexicon: ActorLexicon) -> bool:
    """A role noun that can stand before a person's name: capitalised ("Mayor"), or a singular office or
    position ("former president Carlos Menem", "opposition leader X"); not "told media Adamowicz ..."."""
    if piece.kind != "role":
        return False
    last = doc[piece.end - 1]
    if last.text[:1].isupper():
        return True
    # "mayor John Roe", "prosecutor Jane Roe" (not "on live television Roe"): the name's title
    if (
        last.tag_ == "NN"
        and last.dep_ == "compound"
        and last.head.i > last.i
        and last.head.ent_type_ == "PERSON"
        and not _dangling_preposition(doc, last.left_edge.i - 1)
    ):
        return True
    head = lexicon.folded.get((last.lower_,), ())
    return last.tag_ == "NN" and any(e.office is not None or e.generic for e in (*piece.entries, *head))


def _dangling_preposition(doc: Doc, i: int) -> bool:
    """A preposition left without its object ("On live television Roe said"): the parser took the
    object's noun for a word of the name after it."""
    return i >= 0 and doc[i].pos_ == "ADP" and not any(c.dep_ == "pobj" for c in doc[i].children)


def _city_piece(doc: Doc, i: int, lexicon: ActorLexicon) -> _Piece | None:
    """A place the parser found and the lexicon lacks, if it is a known city: it stands for its state."""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    entry = lexicon.cities.get(doc[i:end].text)
    if entry is None or _names_a_thing(doc[end - 1], lexicon):
        return None
    return _Piece(i, end, "city", (entry,))


def _names_a_thing(last: Token, lexicon: ActorLexicon) -> bool:
    """ "the Paris agreement", "the Baghdad airport": a city naming a thing, not its state or people."""
    return (
        last.dep_ == "compound"
        and last.head.pos_ == "NOUN"
        and (last.head.lemma_.lower(),) not in lexicon.folded
    )


def _overrun(doc: Doc, piece: _Piece, end: int, lexicon: ActorLexicon, index: _Index) -> bool:
    """True when a match starting inside `piece` runs past it: "the West Bank" is not "the West"."""
    for j in range(piece.start + 1, piece.end):
        other = _longest(_words(doc), j, end, lexicon, index)
        if other is not None and other.end > piece.end:
            return True
    return False


def _by_surname(name: Span, lexicon: ActorLexicon, day: str | None, country: str | None) -> Entry | None:
    """A fuller or differently spelt name ending in a leader's surname ("Omar Hassan al-Bashir"): that
    leader, if exactly one person of that surname was in office on the day (in `country`) and the
    other names agree ("Kamala Harris" is not "Timothy Harris")."""
    given = {t.text for t in name[:-1] if t.is_alpha and t.text[:1].isupper()}
    candidates = [
        e
        for e in lexicon.exact.get((name[-1].text,), ())
        if e.kind == "person"
        and (not given or given & set((e.name or "").split()))
        and any((t.covers(day) if day else not t.end) and country in (None, t.country) for t in e.terms)
    ]
    return candidates[0] if len({e.name for e in candidates}) == 1 else None


_MISSPELT_MIN = 12  # full names this long differ by one letter from no other real name by chance


@cache
def _full_names(lexicon: ActorLexicon) -> dict[str, tuple[tuple[str, Entry], ...]]:
    """Leaders' full names of two words or more, accents folded, by their first word."""
    found: dict[str, list[tuple[str, Entry]]] = {}
    for key, entries in lexicon.exact.items():
        form = " ".join(key)
        if len(key) < 2 or len(form) < _MISSPELT_MIN:
            continue
        for entry in entries:
            if entry.kind == "person":
                folded = _fold(form)
                found.setdefault(folded.split()[0], []).append((folded, entry))
    return {k: tuple(v) for k, v in found.items()}


def _misspelt(name: str, lexicon: ActorLexicon) -> Entry | None:
    """A leader's full name written with one letter added, dropped or changed, or without its accents
    ("Francois Mitterand"): that leader, if only one is that close."""
    folded = _fold(name)
    if len(folded) < _MISSPELT_MIN or " " not in folded:
        return None
    close = {
        entry.name: entry
        for form, entry in _full_names(lexicon).get(folded.split()[0], ())
        if _one_edit(folded, form)
    }
    return next(iter(close.values())) if len(close) == 1 else None


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Lower case, accents dropped: "Brudziński" → "brudzinski"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _one_edit(a: str, b: str) -> bool:
    """At most one letter inserted, deleted or substituted."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def _disambiguate(last: Token, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A form that is both a person's name and something else ("Montenegro", "Muscat", "English") is
    the person only where the parser tagged a person's name there."""
    persons = tuple(e for e in entries if e.kind == "person")
    if not persons or len(persons) == len(entries):
        return entries
    if last.ent_type_ == "PERSON":
        return persons
    return tuple(e for e in entries if e.kind != "person")


def _piece_kind(entries: Sequence[Entry]) -> str:
    kinds = {e.kind for e in entries}
    for kind in ("person", "actor", "organisation", "country", "seat", "capital", "people", "group"):
        if kind in kinds:
            return kind
    return entries[0].kind


def _plausible(doc: Doc, piece: _Piece, lexicon: ActorLexicon) -> bool:
    """Reject lexicon hits that the parse reads otherwise ("general public", "May 5", "Jordan Peele")."""
    last = doc[piece.end - 1]
    if piece.kind in ("role", "head", "counterpart"):
        following = doc[piece.end] if piece.end < len(doc) else None
        in_name = (
            following is not None
            and last.ent_type_ == "ORG"
            and following.ent_iob_ == "I"
            and following.text[:1].isupper()
        )  # "National" in "National Weather Service": a word of a longer name
        return (
            (last.pos_ in _NOUN_POS or _nominal_adjective(last))
            and last.ent_type_ not in _NOT_ROLES
            and not in_name
            and not _occasion(doc, piece, lexicon)
            and not _building(last, lexicon)
            and not (piece.end - piece.start == 1 and _concept(last, lexicon))
        )
    if piece.kind == "person":
        return _plausible_person(doc, piece)
    if piece.kind in _COUNTRY_KINDS | _GROUP_KINDS:
        return _plausible_state(doc, piece, lexicon)
    return True


def _concept(noun: Token, lexicon: ActorLexicon) -> bool:
    """ "brought to justice", "in his youth", "expressed opposition to the plan", "the electoral college": a
    role noun used as an idea, a time of life, a stance or a thing, no party (`[concepts]` of the roles)."""
    word = noun.lower_
    children = list(noun.children)
    bare = noun.is_lower and noun.tag_ == "NN" and noun.dep_ != "compound"
    if (
        word in lexicon.bare_concepts
        and bare
        and not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in children)
    ):
        return True  # "brought to justice", "social justice", "went to college"
    if word in lexicon.possessed_concepts and noun.tag_ == "NN" and any(c.dep_ == "poss" for c in children):
        return True  # "in his youth", "his opponent, Joe Biden"
    following = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if word in lexicon.stance_concepts and following is not None and following.lower_ == "to":
        return following.tag_ == "IN"  # "opposition to the plan" (the parser may hang "to" on the verb)
    modifiers = lexicon.concept_things.get(word, frozenset())
    return any(c.dep_ in ("amod", "compound") and c.lower_ in modifiers for c in children)


def _nominal_adjective(token: Token) -> bool:
    """A participle or adjective after "the" that stands as the noun of its phrase names the people it
    describes: "police arrested the accused", "the accused's lawyer", "visited the injured" (not
    "the accused man", where it only describes the man; nor a name, "the Grateful Dead")."""
    return token.tag_ in _NOMINAL_TAGS and _noun_after_the(token)


def _noun_after_the(token: Token) -> bool:
    """A lower-case word (not a name: "the Grateful Dead") after "the", in a noun's slot."""
    return (
        token.is_lower
        and token.dep_ in _NOMINAL_SLOTS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    )


def _occasion(doc: Doc, piece: _Piece, lexicon: ActorLexicon) -> bool:
    """ "a graduation party", "a tennis court": the noun names an occasion or a thing, not a party or
    a court; a later "the party" in the same text is that occasion too."""
    folded = _words(doc).lowers
    word = folded[piece.end - 1]
    if piece.end - piece.start != 1 or word not in lexicon.occasion_heads:
        return False
    if _after_occasion_word(folded, piece.start, lexicon):
        return True
    definite = piece.start > 0 and folded[piece.start - 1] == "the"
    return definite and any(
        folded[j] == word and _after_occasion_word(folded, j, lexicon) for j in range(piece.start)
    )


def _after_occasion_word(folded: Sequence[str], i: int, lexicon: ActorLexicon) -> bool:
    return i > 0 and folded[i - 1] in lexicon.occasions


def _building(noun: Token, lexicon: ActorLexicon) -> bool:
    """ "converted into a mosque", "X, formerly a church": a building, not a religious or other body."""
    if noun.lower_ not in lexicon.buildings:
        return False
    return noun.dep_ == "appos" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _describes_building(word: Token, lexicon: ActorLexicon) -> bool:
    for _ in range(3):  # up through "Greek Orthodox church"
        if word.dep_ not in ("amod", "compound") or word.head is word:
            return False
        word = word.head
        if _building(word, lexicon):
            return True
    return False


def _building_name(doc: Doc, name: _Piece, lexicon: ActorLexicon) -> int | None:
    """Where the name of a building that the parser read as a person's ends ("Hagia Sophia", "St. Paul's
    Cathedral", "X, formerly a church"); None for a person's name."""
    end = name.end
    if end < len(doc) and doc[end].tag_ == "POS":
        end += 1
    if end < len(doc) and doc[end].lower_ in lexicon.buildings and doc[end].text[:1].isupper():
        return end + 1
    opener = doc[name.start - 1] if name.start > 0 else None
    if doc[name.start].text in lexicon.name_openers or (
        opener is not None and opener.text in lexicon.name_openers
    ):
        return name.end
    described = any(
        t.dep_ == "appos" and t.lower_ in lexicon.buildings and name.start <= t.head.i < name.end
        for t in doc[name.end : min(len(doc), name.end + _DESCRIPTION_WORDS)]
    )
    return name.end if described else None


def _plausible_person(doc: Doc, piece: _Piece) -> bool:
    last = doc[piece.end - 1]
    following = doc[piece.end] if piece.end < len(doc) else None
    if (
        following is not None
        and following.ent_iob_ == "I"
        and following.ent_type_ == "PERSON"
        and following.tag_ != "POS"  # the parser often puts "'s" inside the name
    ):
        return False  # only part of a longer name: "Levy" in "Levy Mwanawasa"
    first = doc[piece.start]
    if first.ent_iob_ == "I" and first.ent_type_ == "PERSON" and doc[piece.start - 1].pos_ == "PROPN":
        return False  # the end of a longer name: "Harris" in "Kamala Harris"
    if piece.end - piece.start == 1 and last.ent_type_ not in ("PERSON", ""):
        return False  # a lone surname that the parser reads as something else ("Young Algerians")
    return last.ent_type_ not in _NOT_NAMES and (last.pos_ in _NOUN_POS or _named_person(last))


def _named_person(token: Token) -> bool:
    """A capitalised word the parser's entities call a person, whatever its part of speech ("Trump, also
    on Twitter, ...", where "Trump" was tagged an adjective)."""
    return token.ent_type_ == "PERSON" and token.text[:1].isupper() and token.is_alpha


def _stance_or_backer(doc: Doc, piece: _Piece, lexicon: ActorLexicon) -> bool:
    """ "anti-Syria journalist", "pro-Iranian group": a stance; "Iranian-backed militias": a backer; not the
    state of the words that follow."""
    before, after = doc[max(0, piece.start - 2) : piece.start], doc[piece.end : piece.end + 2]
    stance = len(before) == 2 and before[1].text == "-" and before[0].lower_ in _ATTITUDE
    backer = len(after) == 2 and after[0].text == "-" and after[1].lower_ in lexicon.sponsoring
    return stance or backer


def _plausible_state(doc: Doc, piece: _Piece, lexicon: ActorLexicon) -> bool:
    if _stance_or_backer(doc, piece, lexicon):
        return False
    if piece.kind in _ADJECTIVE_KINDS and _describes_building(doc[piece.end - 1], lexicon):
        return False  # "a Greek Orthodox church" that is a building: no Greek actor
    if (piece.kind in ("capital", "city") and _names_a_thing(doc[piece.end - 1], lexicon)) or _names_a_sea(
        doc, piece, lexicon
    ):
        return False  # "the Paris agreement", "the Persian Gulf": a thing or a sea the state's word names
    kind = doc[piece.start].ent_type_
    if kind != "PERSON" and kind not in _THING_NAMES:
        return True
    around = [e for e in doc.ents if e.start <= piece.start and e.end >= piece.end]
    if kind in _THING_NAMES and around and any((t.lower_,) in lexicon.folded for t in around[0]):
        return True  # "the Kenya Police", which the small parser may call an event, names an actor
    return not around or len(around[0]) == piece.end - piece.start  # not inside "George Washington"


def _names_a_sea(doc: Doc, piece: _Piece, lexicon: ActorLexicon) -> bool:
    """ "the Persian Gulf", "the South China Sea", "the Gulf of Oman": a state's word in a sea's name (a
    city's or an island's still says where the story is: "the Java Sea")."""
    if piece.kind not in ("country", "adjective"):
        return False
    after = doc[piece.end].text if piece.end < len(doc) else ""
    before = doc[piece.start - 2].text if piece.start > 1 and doc[piece.start - 1].lower_ == "of" else ""
    return after in lexicon.waters or before in lexicon.waters


def _name_piece(doc: Doc, i: int, limit: int, entity: str = "PERSON") -> _Piece | None:
    """A person's name the lexicon does not know: the parser's PERSON entity (or `entity`, after a title)
    from token `i`, proper nouns only, run on over capitalised proper nouns the parser left out ("Borvin"
    + "Tulga")."""
    end = i + 1
    while end < limit and (
        (doc[end].ent_iob_ == "I" and doc[end].ent_type_ == entity)
        or (doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", "PERSON") and doc[end].text[:1].isupper())
    ):
        end += 1
    start = i
    while start < end and doc[start].pos_ != "PROPN" and not _named_person(doc[start]):
        start += 1
    while end > start and doc[end - 1].pos_ != "PROPN" and not doc[end - 1].text[:1].isupper():
        end -= 1
    return _Piece(start, end, "name") if end > start else None


# ── 2. assemble ──────────────────────────────────────────────────────────────────────────────────


def _assemble(doc: Doc, offset: int, pieces: list[_Piece], lexicon: ActorLexicon) -> list[_Draft]:
    groups: list[list[_Piece]] = []
    for piece in pieces:
        if groups and _joins(doc, groups[-1], piece, lexicon):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    groups = _coordinated_titles(doc, groups, lexicon)
    drafts: list[_Draft] = []
    for group in groups:
        parts = _split_coordination(doc, group)
        for part in parts:
            draft = _draft(doc, offset, part, lexicon)
            if draft is not None:
                draft.plural = (
                    draft.plural and len(parts) == 1
                )  # "his Greek and French counterparts": one each
                drafts.append(draft)
    return drafts


_TITLE_WORDS = frozenset({"NOUN", "PROPN", "ADJ"})  # words of a title before a name ("Trump loyalist")


def _coordinated_titles(doc: Doc, groups: list[list[_Piece]], lexicon: ActorLexicon) -> list[list[_Piece]]:
    """ "businessman and Trump loyalist X", "lawyer and activist X", "former minister and party leader X":
    bare titles joined by "and" before a name all describe that one person. The first title is no actor
    of its own: its group joins the name's (a title right before the name gives the person's sector, as
    a lone title does; the first gives it where the other has none: "businessman and party donor X")."""
    merged: list[list[_Piece]] = []
    k = 0
    while k < len(groups):
        last = _named_after_titles(doc, groups, k) if _bare_title(doc, groups[k], lexicon) else None
        if last is None:
            merged.append(groups[k])
            k += 1
            continue
        start = groups[last][0].start  # the title right before the name ("activist"), not "party" in
        nearest = [p for g in groups[k + 1 : last] for p in g if p.kind == "role" and p.end == start]
        merged.append([*groups[k], *nearest, *groups[last]])
        k = last + 1
    return merged


def _bare_title(doc: Doc, group: list[_Piece], lexicon: ActorLexicon) -> bool:
    """A bare singular role noun before "and": no article or possessive, not the object of a preposition
    ("the government and opposition leader X", "nominated X for president and rapper Y" name two
    parties), not a body's name or word ("Congress and ...", "police and ...")."""
    words = _words(doc)
    end = group[-1].end
    if any(p.kind != "role" for p in group) or end >= len(doc) or words.lowers[end] != "and":
        return False
    first, head = words.tokens[group[0].start], words.tokens[end - 1]
    before = words.tokens[first.i - 1] if first.i > 0 else None
    return not (
        head.tag_ != "NN"
        or head.lower_ in lexicon.collective_nouns
        or (first.text[:1].isupper() and not first.is_sent_start)
        or (before is not None and (before.pos_ in ("DET", "ADP", "PRON") or before.lower_ in _POSSESSIVE))
    )


def _named_after_titles(doc: Doc, groups: list[list[_Piece]], k: int) -> int | None:
    """The index of the group whose name the bare title `groups[k]` and the title after its "and"
    describe: only title words (nouns, names, adjectives) stand between, a few at most."""
    words = _words(doc)
    end = groups[k][-1].end
    for last in range(k + 1, len(groups)):
        name = groups[last][-1]
        if name.kind in ("person", "name"):
            stretch = words.tokens[end + 1 : name.start]
            fits = len(stretch) <= _TITLE_GAP + 1 and all(
                t.pos_ in _TITLE_WORDS or t.text == "-" for t in stretch
            )
            return last if fits and (stretch or groups[last][0].start < name.start) else None
        if groups[last][0].start > end + _TITLE_GAP + 2:
            break
    return None


def _joins(doc: Doc, group: list[_Piece], piece: _Piece, lexicon: ActorLexicon) -> bool:
    """Whether `piece` continues the actor phrase that `group` has begun."""
    last = group[-1]
    words = _words(doc).lowers[last.end : piece.start]
    if {last.kind, piece.kind} & _STANDALONE or piece.kind == "possessive":
        return False
    if last.kind == "possessive":  # "his Kazakh counterpart"
        return not words and piece.kind in _AFTER_POSSESSIVE
    if words in _COORDINATION:  # "Hungarian and Romanian officials"
        return last.kind in _ADJECTIVE_KINDS and piece.kind in _ADJECTIVE_KINDS
    if words in _CONNECT_OF:  # "President X of Kazakhstan", "the government of Gondor"
        return last.kind in _BEFORE_OF and piece.kind in _AFTER_OF
    return _one_phrase(doc, group, piece, lexicon)


def _one_phrase(doc: Doc, group: list[_Piece], piece: _Piece, lexicon: ActorLexicon) -> bool:
    """Adjacent pieces (or pieces with only modifiers between) that name one actor, not two."""
    last = group[-1]
    gap = doc[last.end : piece.start]
    fits = all(_inside_phrase(t, lexicon, group[0].start, piece.end) for t in gap) and (
        _bears_state(last) or not any(t.lower_ in _POSSESSIVE for t in gap)
    )
    two_states = (
        any(_bears_state(p) for p in group)
        and _bears_state(piece)
        and not (last.kind in _ADJECTIVE_KINDS and piece.kind in ("seat", "organisation"))
        and not (last.kind == "role" and piece.kind == "actor")  # a dictionary name after a title
        and not (last.kind in _ADJECTIVE_KINDS and _community(piece))  # "Iraqi Kurds": one actor
    )  # "China-Kazakhstan", "Kazakhstan, Kyrgyzstan": two actors
    two_people = (
        last.kind in ("person", "name")
        and piece.kind in ("person", "name", "role", "head", "counterpart")
        and not (not gap and _institution(piece))  # "Trump administration", "Putin government"
    )
    place_after_role = last.kind in ("role", "head") and piece.kind in _COUNTRY_KINDS | _GROUP_KINDS
    untitled = last.kind == "role" and piece.kind in ("person", "name") and not _is_title(doc, last, lexicon)
    object_then_name = (
        last.kind == "country"
        and piece.kind in ("person", "name")
        and last.start > 0
        and doc[last.start - 1].pos_ == "ADP"
        and doc[last.start - 1].lower_ != "of"  # "the President of Kazakhstan X" is one phrase
    )  # "Ambassador to Germany Richard Grenell": the state ends the title's phrase, the name is the holder's
    return fits and not (two_states or two_people or place_after_role or untitled or object_then_name)


def _institution(piece: _Piece) -> bool:
    """A role noun for a body, not a person's title: after a leader's name it is that leader's body."""
    entry = piece.entries[0] if piece.entries else None
    return (
        piece.kind == "role"
        and entry is not None
        and entry.sector is not None
        and entry.office is None
        and not (entry.generic or entry.bound)
    )


def _inside_phrase(token: Token, lexicon: ActorLexicon, start: int, end: int) -> bool:
    """A word that can stand between two parts of one actor phrase [start, end) and depends on a word in
    it ("senior", "awful and evil", "paper" in "French paper workers"; not the verb in "police detained
    protesters")."""
    if not start <= token.head.i < end or token.head.i == token.i:
        return False
    led = token.lower_ in lexicon.leading or (
        token.text == "-"
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ in lexicon.leading
    )  # "the Saudi-led coalition"
    return (
        led
        or token.lower_ in lexicon.modifiers
        or token.lower_ in lexicon.former
        or token.lower_ in _POSSESSIVE
        or token.pos_ == "ADJ"
        or token.ent_type_ == "NORP"
        or (token.pos_ == "CCONJ" and token.head.pos_ == "ADJ")
        or (token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ in _NOUN_POS)
    )


def _community(piece: _Piece) -> bool:
    return bool(piece.entries) and piece.entries[0].community


def _bears_state(piece: _Piece) -> bool:
    return piece.kind in _COUNTRY_KINDS or piece.kind in ("group", "group_adjective", "organisation", "actor")


def _split_coordination(doc: Doc, group: list[_Piece]) -> list[list[_Piece]]:
    """ "Hungarian and Romanian officials" → [Hungarian (+ officials), Romanian officials]: one per state."""
    adjectives = [
        p
        for i, p in enumerate(group)
        if p.kind in _ADJECTIVE_KINDS
        and not (
            _community(p) and i and group[i - 1].kind in _ADJECTIVE_KINDS and group[i - 1].end == p.start
        )
    ]  # "Turkish Kurd refugees": a community right after its state's adjective is not a second state
    if len(adjectives) < 2:
        return [group]
    leading = [p for p in group if p.start < adjectives[0].start]
    tail = [p for p in group if p.start > adjectives[-1].start and p.kind not in _ADJECTIVE_KINDS]
    parts = [
        [*(leading if n == 0 else []), adjective, *[_shadow(p) for p in tail]]
        for n, adjective in enumerate(adjectives[:-1])
    ]
    parts.append([adjectives[-1], *tail])
    return parts


def _shadow(piece: _Piece) -> _Piece:
    """A role shared by coordinated states: it gives each its sector but only the last spans it."""
    return _Piece(piece.start, piece.end, "shared_" + piece.kind, piece.entries)


def _draft(doc: Doc, offset: int, pieces: list[_Piece], lexicon: ActorLexicon) -> _Draft | None:
    spanned = [p for p in pieces if not p.kind.startswith("shared_")]
    start, end = spanned[0].start, spanned[-1].end
    kinds = {p.kind.removeprefix("shared_") for p in pieces}
    if kinds <= {"possessive", "head", "group_adjective"}:
        return None  # "Western Railway": a region's adjective alone names no actor
    if kinds == {"role"} and all(p.entries[0].bound for p in pieces):
        pieces = _bare_plural(doc, pieces)
        if not pieces:
            return None  # "the tanks", "an officer": a thing or a vague role, with no state named
    if spanned[0].kind == "possessive" and not kinds & {"counterpart", "role"}:
        spanned = spanned[1:]  # "his Rwandan ...": the pronoun is not part of the state's mention
        pieces = [p for p in pieces if p.kind != "possessive"]
        start = spanned[0].start
    words = _words(doc)
    tokens = words.tokens
    if kinds <= {"role", "counterpart"}:
        head = tokens[end - 1]
        if head.dep_ in ("compound", "amod") and head.head.i >= end and not _act_of(head.head, lexicon):
            return None  # "a state visit", "police cars": the role noun only modifies another noun
    head = tokens[end - 1]
    if kinds == {"adjective"} and head.dep_ in ("acomp", "attr"):
        return None  # "he could be Pakistani": a description, not an actor
    if kinds == {"adjective"} and _language(head):
        return None  # "told reporters in English": a language, not a state
    reach = max(p.end for p in pieces)  # a shared role counts: "Senior" modifies "officials"
    while start > 0 and _modifies(tokens[start - 1], start, reach, lexicon):
        start -= 1  # "Senior", "Ousted", "five": words of the phrase before its first piece
    draft = _Draft(doc=doc, offset=offset, start=start, end=end, pieces=list(pieces))
    before = words.lowers[start - 1] if start > 0 else ""
    draft.definite = before in ("the", "this", "that")
    draft.former = _former(doc, start, end, pieces, lexicon)
    draft.resident = any(w in lexicon.residents for w in words.lowers[start:end])
    draft.plural = head.tag_ in ("NNS", "NNPS") or words.lowers[end - 1] in lexicon.collective_nouns
    return draft


def _language(word: Token) -> bool:
    """A nationality word alone after "in" with no article is the language spoken or written in."""
    return (
        word.dep_ == "pobj"
        and word.head.lower_ == "in"
        and word.tag_ in ("NNP", "NN", "JJ")
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in word.children)
    )


def _bare_plural(doc: Doc, pieces: list[_Piece]) -> list[_Piece]:
    """A bound noun alone as a plural with no modifier ("officers chased him", "the two officers") has a
    sector of its own (police); singular ("an officer") or modified ("fire officers") it names no actor."""
    if len(pieces) != 1 or pieces[0].entries[0].alone is None:
        return []
    head = doc[pieces[0].end - 1]
    if head.tag_ != "NNS" or any(c.dep_ in ("compound", "poss", "nmod") for c in head.children):
        return []
    entry = pieces[0].entries[0]
    return [replace(pieces[0], entries=(replace(entry, sector=entry.alone, bound=False, alone=None),))]


def _act_of(noun: Token, lexicon: ActorLexicon) -> bool:
    """ "the police shooting", "an army raid": a role noun before an act is who did it."""
    return noun.lower_ in lexicon.act_nouns or noun.lemma_.lower() in lexicon.act_nouns


def _former(doc: Doc, start: int, end: int, pieces: Sequence[_Piece], lexicon: ActorLexicon) -> bool:
    """A "former" word that still governs the phrase's last title [start, end): "former Vice President Joe
    Biden", not "former presidential candidate Senator Ted Cruz" (a sitting senator)."""
    words = _words(doc)
    said = [i for i in range(start, end) if words.lowers[i] in lexicon.former]
    if not said:
        return False
    roles = [p for p in pieces if p.kind == "role" and p.start > said[-1]]
    named = [p for p in pieces if p.kind in ("person", "name")]
    # a capitalised title of its own right before the name is held now ("Senator Ted Cruz")
    current = (
        len(roles) > 1
        and bool(named)
        and roles[-1].end == named[0].start
        and words.texts[roles[-1].start][:1].isupper()
    )
    return not current


# ── 3. resolve ───────────────────────────────────────────────────────────────────────────────────


def _resolve_alone(draft: _Draft, lexicon: ActorLexicon, day: str | None) -> None:
    """What the mention's own words say: state, organisation, group, person, role, office."""
    reading = _Reading(draft, lexicon, day, _stated_country(draft))
    for piece in draft.pieces:
        kind = piece.kind.removeprefix("shared_")
        _READERS[kind](reading, piece, kind, piece.entries[0] if piece.entries else None)
    if (
        draft.role in lexicon.membership
        and draft.sector is None
        and any(p.kind == "country" for p in draft.pieces)
    ):
        draft.resolved = False  # "former Soviet Union members": the union's member states, not its actor
    if _heads_polity(draft, lexicon):
        draft.sector = "GOV"  # "the Chief Executive of Macau" governs it
    draft.location = draft.role in lexicon.places and _locative(draft, lexicon)
    draft.where = draft.kind == "state" and draft.sector is None and _locative(draft, lexicon)
    if draft.location:
        draft.sector = None
        if draft.kind in ("state", "role"):
            draft.kind = "role" if reading.base is None else "state"  # a state may yet be named in its phrase
    if draft.former and (draft.sector in _OFFICES or (draft.sector is None and draft.kind == "person")):
        # "former president", "ex-senator": an elite; "the former Soviet Union" is still a state
        draft.sector = "ELI"
    if draft.kind == "state" and draft.sector is None and _military_act(draft, lexicon):
        draft.sector = "MIL"  # "Turkish airstrikes", "the Turkish military operation"
    if draft.kind == "state" and reading.base is None and draft.sector is not None:
        draft.kind = "role"
    draft.code = _compose(reading.base, draft.sector, reading.prefix, draft.kind)
    if draft.kind == "group" and draft.sector:  # "Central Asian leaders": each member's government
        draft.members = tuple(_compose(m, draft.sector, reading.prefix, "state") or m for m in draft.members)
    if (
        draft.office
        and draft.name is None
        and draft.country
        and not (draft.plural or draft.former or draft.counterpart)
    ):
        holder = lexicon.holder(draft.country, draft.office, day)
        if holder is not None:
            _apply_term(draft, holder, lexicon)


def _military_act(draft: _Draft, lexicon: ActorLexicon) -> bool:
    """A state named only by its adjective or possessive before a noun that an armed-forces word modifies
    ("the Turkish military operation", "Iran's naval vessels") or before a site only armed forces hold
    ("an Iraqi air base"): the state's armed forces."""
    if any(p.kind.removeprefix("shared_") not in _COUNTRY_KINDS for p in draft.pieces):
        return False
    head = draft.doc[draft.end - 1]
    noun = head.head
    if head.dep_ not in ("amod", "compound", "nmod", "poss") or noun.i < draft.end or noun.pos_ != "NOUN":
        return False
    between = [t.lower_ for t in draft.doc[draft.end : noun.i] if t.lower_ not in _POSSESSIVE]
    lemma = noun.lemma_.lower()
    armed = bool(between) and between[0] in lexicon.armed_words
    return armed or lemma in lexicon.armed_sites or " ".join([*between[-1:], lemma]) in lexicon.armed_sites


def _heads_polity(draft: _Draft, lexicon: ActorLexicon) -> bool:
    """A business title of a state named by its name ("Macau's Chief Executive", "the chief executive of
    Macau") and of no firm: the territory's head of government, not a business person."""
    if draft.sector != "BUS" or (draft.role or "").lower() not in lexicon.polity_offices:
        return False
    if any(p.kind.removeprefix("shared_") == "organisation" for p in draft.pieces):
        return False
    return any(
        p.kind.removeprefix("shared_") in _COUNTRY_KINDS and draft.doc[p.end - 1].pos_ == "PROPN"
        for p in draft.pieces
    )


def _locative(draft: _Draft, lexicon: ActorLexicon) -> bool:
    """The phrase says where, not who: the object of a locative preposition ("arrived in the Chinese
    city of X", "outside of the Iraqi city of Y"), or an apposition to a place ("X, a city in Y")."""
    head = draft.doc[draft.end - 1]
    if head.dep_ == "appos":
        return head.head.pos_ == "PROPN"  # "Almaty, a city in Kazakhstan"
    if head.dep_ != "pobj":
        return False
    preposition = head.head
    if preposition.lower_ == "of" and preposition.head.i != preposition.i:
        preposition = preposition.head if preposition.dep_ == "prep" else preposition
    return preposition.lower_ in lexicon.locatives


@cache
def _modifier_words(lexicon: ActorLexicon) -> frozenset[str]:
    return lexicon.modifiers | lexicon.former


def _modifies(token: Token, start: int, end: int, lexicon: ActorLexicon) -> bool:
    """A modifier word that belongs to the phrase [start, end): it depends on a word inside it
    ("Ousted President X"), unlike the verb in "Pakistan defeated India"."""
    return (
        token.lower_ in _modifier_words(lexicon) and start <= token.head.i < end and token.head.i != token.i
    )


def _governs(piece: _Piece) -> bool:
    """A title of office ("President", "Minister"): it vouches for the leader's surname after it."""
    entry = piece.entries[0] if piece.entries else None
    return piece.kind == "role" and entry is not None and (entry.office is not None or entry.sector == "GOV")


def _stated_country(draft: _Draft) -> str | None:
    """The state the mention's own words name ("Kazakh", "of Kazakhstan"), if any."""
    for piece in draft.pieces:
        if piece.kind.removeprefix("shared_") in _COUNTRY_KINDS and piece.entries:
            return piece.entries[0].country
    return None


@dataclass(slots=True)
class _Reading:
    """State while reading one mention's pieces in order: the code's base so far and where the sector
    came from (`specific`: a role or organisation named it, so generic nouns do not override it)."""

    draft: _Draft
    lexicon: ActorLexicon
    day: str | None
    stated: str | None
    base: str | None = None
    prefix: bool = False
    specific: bool = False
    body: bool = False  # the sector so far is a body's ("Senate"): a presiding title after it is its head

    def state(self, piece: _Piece, kind: str, entry: Entry | None) -> None:
        draft = self.draft
        if entry is None:
            return
        if draft.country is None:
            draft.country, self.base = entry.country, entry.country
        if kind in ("region", "country") and draft.sector is None and _polity(draft, piece, self.lexicon):
            draft.sector = "GOV"
        if kind in ("capital", "seat", "city", "region", "people") and draft.sector is None:
            draft.sector = _place_sector(draft, piece, kind, entry, self.lexicon)

    def group(self, piece: _Piece, kind: str, entry: Entry | None) -> None:
        if entry is not None and self.base is None:
            self.base, self.draft.members, self.draft.kind = entry.code, entry.members, "group"
            self.draft.name = entry.name

    def organisation(self, piece: _Piece, kind: str, entry: Entry | None) -> None:
        if entry is None:
            return
        draft = self.draft
        self.base, draft.members, draft.kind = entry.code, entry.members, "organisation"
        draft.name, draft.country = entry.name, entry.country
        draft.sector = entry.sector or draft.sector
        self.specific = True

    def person(self, piece: _Piece, kind: str, entry: Entry | None) -> None:
        draft = self.draft
        known = entry
        if kind == "name":
            draft.kind, draft.name = "person", draft.doc[piece.start : piece.end].text
            span = draft.doc[piece.start : piece.end]
            known = _by_surname(span, self.lexicon, self.day, self.stated) or _misspelt(
                span.text, self.lexicon
            )
        elif (
            entry is not None
            and self.stated is not None
            and all(t.country != self.stated for t in entry.terms)
        ):
            draft.kind, draft.name = "person", draft.doc[piece.start : piece.end].text  # a namesake
            known = None
        if known is not None:
            sector = draft.sector if self.specific else None  # a title beats the table's sector
            draft.single_alias = (
                kind == "person"
                and piece.end - piece.start == 1
                and draft.doc[piece.start].text != known.name
            )
            draft.alias_only = draft.single_alias and not any(_governs(p) for p in draft.pieces)
            draft.part_name = _name_part(draft.doc[piece.start : piece.end].text, known.name)
            term = _apply_person(draft, known, self.day)
            draft.sector = sector or draft.sector
            self.base = self.base or draft.country or (term.code if term and term.country is None else None)

    def actor(self, piece: _Piece, kind: str, entry: Entry | None) -> None:
        """A dictionary actor (PETRARCH): its code on the day; `None` (a `---` code) is no actor."""
        if entry is None:
            return
        draft = self.draft
        code = _dated_code(entry, self.day)
        if code is None:
            draft.resolved = False
        elif self.base is None:
            self.base = code
            if entry.members:
                draft.kind, draft.members = "group", entry.members
            draft.country = lexicon_country(code, self.lexicon)
            draft.sector = code[3:6] if len(code) > 3 and draft.country else draft.sector
            draft.kind = "organisation" if code[:3] in ("IGO", "NGO") else draft.kind

    def role(self, piece: _Piece, kind: str, entry: Entry | None) -> None:
        if entry is None:
            return
        draft = self.draft
        if self.body and entry.office is not None:
            draft.role = entry.name  # "Senate President", "court president": the head of that body
            return
        if entry.sector and not (entry.generic and self.specific):
            draft.sector, self.prefix = entry.sector, entry.prefix
            self.specific = self.specific or not entry.generic
            self.body = _institution(piece) and entry.name not in self.lexicon.titles  # not "Deputy"
        draft.office = entry.office or draft.office
        draft.role = entry.name
        if draft.kind == "person" and _institution(piece) and piece.start > draft.pieces[0].start:
            draft.kind, draft.name, draft.wikidata, draft.office = (
                "state",
                None,
                None,
                None,
            )  # "Trump administration"

    def marker(self, piece: _Piece, kind: str, entry: Entry | None) -> None:
        draft = self.draft
        if kind == "counterpart":
            draft.counterpart = True
        elif kind == "possessive":
            draft.possessor = True
        elif kind in _STANDALONE:
            draft.kind, draft.role = "pronoun", kind


_READERS: dict[str, Callable[[_Reading, _Piece, str, Entry | None], None]] = {
    **dict.fromkeys(_COUNTRY_KINDS, _Reading.state),
    **dict.fromkeys(_GROUP_KINDS, _Reading.group),
    "organisation": _Reading.organisation,
    "person": _Reading.person,
    "name": _Reading.person,
    "actor": _Reading.actor,
    "role": _Reading.role,
    **dict.fromkeys(("counterpart", "possessive", "head", *_STANDALONE), _Reading.marker),
}


def _place_sector(draft: _Draft, piece: _Piece, kind: str, entry: Entry, lexicon: ActorLexicon) -> str | None:
    """A city named as a place ("fighting in Baghdad", any non-capital city) stands for its people (CVL),
    as CAMEO codes the place of an attack; a capital as the subject or object of an act stands for its
    government ("Beijing said")."""
    before = draft.doc[piece.start - 1] if piece.start > 0 else None
    if kind == "city" or (
        kind in ("capital", "region") and before is not None and before.lower_ in lexicon.locatives
    ):
        return "CVL"
    return entry.sector


def _polity(draft: _Draft, piece: _Piece, lexicon: ActorLexicon) -> bool:
    """ "The state of X" / "the province of Y" as a party names the polity itself, that is its
    government ("the group sued the state of Ohio" → USAGOV), unless the phrase says where
    ("a rally in the state of Ohio")."""
    last = draft.doc[piece.end - 1]
    if last.dep_ != "pobj" or last.head.lower_ != "of":
        return False
    noun = last.head.head
    if noun.lower_ not in lexicon.polity_nouns or not any(t.lower_ == "the" for t in noun.children):
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in lexicon.locatives)


def lexicon_country(code: str, lexicon: ActorLexicon) -> str | None:
    """The state part of a code: its first three letters, unless it is an IGO/NGO or unknown bloc code."""
    head = code[:3]
    if head in ("IGO", "NGO", "MNC", "IMG", "UNO"):
        return None
    if lexicon.country_codes and head not in lexicon.country_codes:
        return None
    return head


def _compose(base: str | None, sector: str | None, prefix: bool, kind: str) -> str | None:
    if base is None:
        return sector
    if sector is None or kind == "organisation" or base.endswith(sector):
        return base
    if len(base) > 3 and kind != "group":
        return base  # a dated PETRARCH code ("HOBGOV") already names its sector
    return sector + base if prefix else base + sector


def _dated_code(entry: Entry, day: str | None) -> str | None:
    if day is not None:
        for term in entry.terms:
            if term.covers(day):
                return term.code
    return entry.code if entry.code else (entry.terms[-1].code if entry.terms and day is None else None)


def _apply_person(draft: _Draft, entry: Entry, day: str | None) -> Term | None:
    """A leader's name: the term on the day; else the nearest term (ELI if it had ended by then).
    Returns the term chosen (its code is the organisation's for a head of an IGO, who has no country)."""
    draft.kind, draft.name, draft.wikidata = "person", entry.name, entry.wikidata
    terms = entry.terms
    if not terms:
        return None
    if draft.country is not None:
        own = [t for t in terms if t.country == draft.country]
        terms = tuple(own) or terms
    if draft.office is not None:  # "Prime Minister Donald Tusk": his term in that office
        held = [t for t in terms if t.office == draft.office]
        terms = tuple(held) or terms
    current = [t for t in terms if (t.covers(day) if day is not None else not t.end)]
    if current:
        term = current[0]
        draft.country, draft.sector, draft.office = term.country, term.sector, term.office
    else:
        term = min(terms, key=lambda t: _distance(t, day))
        draft.country, draft.office = term.country, term.office
        ended = day is not None and bool(term.end) and term.end <= day
        draft.sector = "ELI" if ended else None  # before the first term known: not yet in office
    draft.wikidata = term.wikidata or draft.wikidata
    return term


def _distance(term: Term, day: str | None) -> int:
    if day is None:
        return 0 if not term.end else 1
    if term.start and day < term.start:
        return _days(day, term.start)
    return _days(term.end, day) if term.end else 0


def _days(a: str, b: str) -> int:
    from datetime import date

    return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)


@cache
def _owners(lexicon: ActorLexicon) -> dict[Term, Entry]:
    return {term: person for person in lexicon.persons.values() for term in person.terms}


def _apply_term(draft: _Draft, term: Term, lexicon: ActorLexicon) -> None:
    """An office resolved to its holder: "the Kazakh president" on 2018-01-01 → Nazarbayev."""
    person = _owners(lexicon).get(term)
    draft.kind = "person"
    draft.name = person.name if person else None
    draft.wikidata = term.wikidata or (person.wikidata if person else None)
    draft.country, draft.sector, draft.office = term.country, term.sector, term.office
    draft.code = term.code


def _resolve_in_context(
    drafts: list[_Draft], lexicon: ActorLexicon, day: str | None, towns: Counter[str]
) -> list[_Draft]:
    """Link later mentions to earlier ones; drop what stays unresolved. Returns mentions in text order."""
    kept: list[_Draft] = []
    named = {d.country for d in drafts if d.country and not d.alias_only}
    for draft in drafts:
        if not draft.resolved:
            continue
        if draft.alias_only and draft.country not in named:
            _forget_person(draft)  # "Anwar" in a story about Pakistan is not Malaysia's Anwar Ibrahim
        if draft.kind == "pronoun":
            if not _link_pronoun(draft, kept, lexicon):
                continue
        elif draft.counterpart:
            _resolve_counterpart(draft, kept, lexicon, day)
        elif draft.kind == "person" and draft.name:
            if draft.single_alias or draft.part_name:
                _prefer_local_name(draft, kept)
            _link_name(draft, kept)
        elif draft.kind == "role" and draft.definite:
            _link_role(draft, kept, lexicon)
        if draft.kind == "person" and not _read_person(draft, kept, drafts, lexicon, towns):
            continue  # "Tom Bean, Texas": a town the parser took for a name
        _place(draft, kept, drafts, lexicon, towns)
        _sits_in(draft, drafts)
        _delegates(draft, drafts, lexicon)
        if draft.location and draft.kind in ("state", "role"):
            draft.kind, draft.code = "state", draft.country  # no state named: only a place, no actor
        if draft.code is None and (draft.kind != "person" or draft.country is None):
            continue  # nothing known: an unknown name whose title says nothing about whose it is
        _fate(draft, lexicon)
        kept.append(draft)
    return kept


def _sits_in(draft: _Draft, drafts: list[_Draft]) -> None:
    """ "Republicans in the Senate", "Labour members in parliament": a party's people placed in a
    legislature act as its legislators (LEG), not as the party."""
    if draft.sector != "PTY" or draft.end + 1 >= len(draft.doc) or draft.doc[draft.end].lower_ != "in":
        return
    at = draft.end + 1 + (draft.doc[draft.end + 1].lower_ == "the")
    body = next((d for d in drafts if d.doc is draft.doc and d.start == at and d.sector == "LEG"), None)
    if body is None:
        return
    country = draft.country or body.country
    draft.sector, draft.country = "LEG", country
    draft.code = _compose(country, "LEG", False, "state")


def _delegates(draft: _Draft, drafts: list[_Draft], lexicon: ActorLexicon) -> None:
    """ "Representatives from Iran acknowledged ...": members sent by a country (named as one, not a
    region such as Texas) are its government's delegates, not its legislators."""
    if draft.sector != "LEG" or (draft.role or "").lower() not in lexicon.delegates:
        return
    roles = [p for p in draft.pieces if p.kind.removeprefix("shared_") == "role"]
    if not any(draft.doc[p.end - 1].tag_ in ("NNS", "NNPS") for p in roles):
        return  # "Representative X", "the representative": one member, a legislator
    country = next((p for p in draft.pieces if p.kind.removeprefix("shared_") == "country"), None)
    if country is None and draft.end + 1 < len(draft.doc) and draft.doc[draft.end].lower_ in ("from", "of"):
        after = next((d for d in drafts if d.doc is draft.doc and d.start == draft.end + 1), None)
        if after is None or not any(p.kind.removeprefix("shared_") == "country" for p in after.pieces):
            return
        draft.country = draft.country or after.country
    elif country is None:
        return
    draft.sector = "GOV"
    draft.code = _compose(draft.country, "GOV", False, "state")


def _stated_nationality(kept: list[_Draft], lexicon: ActorLexicon) -> None:
    """ "Hatice Cengiz is a Turkish national", "Jamal Khashoggi, a Saudi national", "Turkish national Hatice
    Cengiz": a nationality the story states for a person, anywhere in it, is their state in every mention,
    the earlier ones (which took the story's state) and the pronouns and roles ("the accused") that stand
    for them included; so is
    the body a copula makes an unknown person part of ("X was the deputy commander of the PMF")."""
    stated: dict[str, tuple[str, str | None]] = {}
    for person in kept:
        if person.kind != "person" or not person.name or person.name in stated:
            continue
        found = _nationality(person, kept, lexicon) or (None if person.wikidata else _body_of(person, kept))
        if found is None:
            found = _described_before(person, kept)
        if found is not None:
            stated[person.name] = found
    for draft in kept:
        name = draft.name if draft.kind in ("person", "pronoun") else None
        if draft.kind == "role" and draft.antecedent is not None and kept[draft.antecedent].kind == "person":
            name = kept[draft.antecedent].name  # "the accused": the person the story charged
        found = stated.get(name or "")
        if found is None:
            continue
        country, sector = found
        sector = sector or draft.sector
        if draft.country != country or draft.sector != sector:
            draft.country, draft.sector = country, sector
            draft.code = _compose(country, sector, False, "state")


def _nationality(person: _Draft, kept: list[_Draft], lexicon: ActorLexicon) -> tuple[str, None] | None:
    head = person.doc[person.end - 1]
    own = list(person.doc[person.start : person.end])
    described = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos" and _demonym_alone(head.head, kept):
        described.append(head.head)  # "An Australian, John Doe, appeared in court"
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        described += [c for c in head.head.children if c.dep_ == "attr"]
    for word in (*own, *described):
        if (
            word.lemma_.lower() not in lexicon.nationality_nouns
            and word.lower_ not in lexicon.nationality_nouns
            and not (word.i < person.start and word in described)
        ):
            continue
        if word in own:
            country = person.country
        else:
            country = next(
                (
                    d.country
                    for d in kept
                    if d.doc is person.doc and d.start <= word.i < d.end and d.kind == "state"
                ),
                None,
            )
        if country:
            return country, None
    return None


_DESCRIBED_SENTENCES = 6  # how far before the first name an unnamed foreigner's description may be


def _described_before(person: _Draft, kept: list[_Draft]) -> tuple[str, str | None] | None:
    """ "A Canadian tourist was attacked in Paris. [...] Jane Doe, 39, told the court": news often opens
    on an unnamed person described by nationality (in its first sentences, before any name) and names
    them a few sentences on; the story's first named person with no title, table entry or state of their
    own is that person, of that state (and of its sector where the name has none). Only one such
    description of a single person ("a"/"an" before a singular role noun), not named on the spot."""
    if person.wikidata or person.sector is not None or person.antecedent is not None:
        return None
    if any(p.kind.removeprefix("shared_") in _COUNTRY_KINDS for p in person.pieces):
        return None
    earlier = [d for d in kept if d.char_start < person.char_start]
    described = [d for d in earlier if d.sentence < _LEDE_SENTENCES + 1 and _one_foreigner(d)]
    if len({d.country for d in described}) != 1 or described[-1].country == person.country:
        return None
    found = described[0]
    if person.sentence - found.sentence > _DESCRIBED_SENTENCES or any(
        d.kind == "person" and d.name and (d.sector is None or d.char_start < found.char_start)
        for d in earlier
    ):
        return None  # another person came first: which one is described is not clear
    return found.country, found.sector  # type: ignore[return-value]


def _one_foreigner(draft: _Draft) -> bool:
    """ "a Canadian tourist", "an Australian student": one unnamed person, described by the state whose
    national they are (a people word beside a role noun), with no name set beside it."""
    if draft.kind != "state" or not draft.country or draft.sector is None or draft.plural:
        return False
    kinds = [p.kind.removeprefix("shared_") for p in draft.pieces]
    if kinds != ["adjective", "role"]:
        return False
    doc = draft.doc
    head = doc[draft.end - 1]
    if head.dep_ in ("attr", "appos"):
        return False  # "X is a Turkish national", "X, a Saudi national": a named person's description
    if head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False
    named = any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in head.children)
    return not named and not (draft.end < len(doc) and doc[draft.end].pos_ == "PROPN")


def _demonym_alone(word: Token, kept: list[_Draft]) -> bool:
    """The word is a state's people word standing alone as a noun ("an Australian"), a state mention of
    that one word."""
    return any(
        d.doc is word.doc and d.kind == "state" and d.start == word.i and d.end == word.i + 1 and d.country
        for d in kept
    ) and not any(c.dep_ in ("compound", "amod") for c in word.children)


def _body_of(person: _Draft, kept: list[_Draft]) -> tuple[str, str | None] | None:
    """ "X was the deputy commander of the PMF": the body (or state) in the copula's attribute, with the
    attribute's sector where a role word gives one."""
    head = person.doc[person.end - 1]
    if head.dep_ != "nsubj" or head.head.lemma_ != "be":
        return None
    for attr in (c for c in head.head.children if c.dep_ == "attr"):
        inside = {t.i for t in attr.subtree}
        here = [d for d in kept if d.doc is person.doc and d.start in inside and d.country]
        body = next((d for d in here if d.kind in ("organisation", "state")), None)
        if body is not None:
            role = next((d for d in here if d.kind == "role" and d.start <= attr.i < d.end), None)
            if role is None and not body.start <= attr.i < body.end:
                continue  # "X has been the subject of United States sanctions": no position in a body
            return body.country, (role.sector if role else None) or body.sector  # type: ignore[return-value]
    return None


def _fate(draft: _Draft, lexicon: ActorLexicon) -> None:
    """A named person no title or table gives a role: the role the sentence gives them ("sentenced
    James Fields" → a criminal; "killed Heather Heyer" → a civilian), as a coder codes them on the day.
    Some fates outrank what the words said: "a local man was jailed" is a criminal, and a former
    official whom someone endorses is a candidate ("endorsed former governor X" → PTY)."""
    if draft.kind not in ("person", "role", "state") or draft.country is None:
        return
    head = draft.doc[draft.end - 1]
    if head.dep_ == "nsubj" and draft.sector is None:  # "X pleaded guilty": only a person of no role yet
        sector = lexicon.subject_fates.get(head.head.lemma_.lower())
    elif head.dep_ in ("dobj", "nsubjpass"):
        sector = lexicon.fates.get(head.head.lemma_.lower())
    else:
        return
    if sector is None or (draft.sector is not None and not _outranks(draft, sector, lexicon)):
        return
    if draft.kind in ("role", "state") and draft.sector is None:
        return  # a person's word with no sector ("leader"), or a state itself ("Iran was sanctioned")
    draft.sector, draft.code = sector, _compose(draft.country, sector, False, "state")


def _outranks(draft: _Draft, sector: str, lexicon: ActorLexicon) -> bool:
    """Whether the fate's sector replaces the one the words gave (`[[fates]] outranks`)."""
    over = lexicon.fate_outranks.get(sector)
    if over is None or draft.sector not in over.sectors:
        return False
    head = draft.doc[draft.end - 1]
    words = [*draft.doc[draft.start : draft.end], *(t for t in head.children if t.dep_ == "appos")]
    # "sentenced Ohio man X", "X, brother of Y, was jailed": the word for one person is anywhere in the
    # mention or in an apposition to it
    return not over.words or any(t.lemma_.lower() in over.words for t in words)


def _read_person(
    draft: _Draft, kept: list[_Draft], drafts: list[_Draft], lexicon: ActorLexicon, towns: Counter[str]
) -> bool:
    """A name's code from the words around it; False when the name is a place the parser took for one."""
    if draft.code is None:
        described = _described(draft, kept, drafts, lexicon, towns)
        return described and (draft.code is not None or not _unintroduced(draft))
    if draft.sector is None and draft.antecedent is None:
        _title_before(
            draft, drafts, lexicon, specific=True
        )  # "Senator from Texas Ted Cruz": a place in the name
    return True


def _unintroduced(draft: _Draft) -> bool:
    """A lone word no table, title or earlier mention makes a person ("voted against a no-deal Brexit",
    "the Brexit movement"): news introduces a person by their full name first."""
    head = draft.doc[draft.end - 1]
    told = any(  # "Cherry, who led the petition": told as a person
        c.dep_ in ("relcl", "appos") and any(w.lower_ in ("who", "whom", "whose") for w in c.subtree)
        for c in head.children
    )
    doc = draft.doc
    beside = [doc[i] for i in (draft.start - 1, draft.end) if 0 <= i < len(doc)]
    return (
        draft.end - draft.start == 1
        and draft.antecedent is None
        and not told
        and not any(t.pos_ == "PROPN" for t in beside)  # "Ricardo | Rosselló Nevares": a name split in two
        and all(p.kind == "name" for p in draft.pieces)
    )


def _place(
    draft: _Draft, kept: list[_Draft], drafts: list[_Draft], lexicon: ActorLexicon, towns: Counter[str]
) -> None:
    """The state of a mention its own words left open (a role, an unknown name), or of an ethnic minority."""
    if (
        draft.country is None
        and draft.kind in ("role", "person")
        and not draft.counterpart
        # an IGO's head has no state, nor has an aid agency (a domestic cause group has its story's)
        and (not (draft.code or "").startswith(("IGO", "NGO")) or _domestic_group(draft, lexicon))
        and not _foreign(draft, lexicon)
    ):
        sender = _sender(draft, drafts, lexicon)
        if sender is not None and sender.country:
            draft.country = sender.country
            draft.code = _compose(sender.country, draft.sector, False, "state")
        else:
            _infer_country(draft, kept, drafts, towns)
            _senate_state(draft, drafts, towns, lexicon)
    if draft.resident and draft.country and not any(_community(p) for p in draft.pieces):
        _reside(draft, kept, drafts)  # a community ("ethnic Ndebele") is already coded where it lives
    _home(draft, drafts, towns)


def _senate_state(draft: _Draft, drafts: list[_Draft], towns: Counter[str], lexicon: ActorLexicon) -> None:
    """ "Senator X" in a story about Turkey, which has no senate: a senator with no state named is of the
    story's most named state whose parliament has senators (`[senates]`), not of a state that has none."""
    if draft.kind != "person" or (draft.role or "").lower() not in lexicon.senate_titles:
        return
    if draft.country is None or draft.country in lexicon.senate_states:
        return
    counts = _state_counts(drafts, towns)
    ranked = [c for c, _ in counts.most_common() if c in lexicon.senate_states]
    if ranked:
        draft.country = ranked[0]
        draft.code = _compose(ranked[0], draft.sector, False, "state")


def _domestic_group(draft: _Draft, lexicon: ActorLexicon) -> bool:
    """ "Conservative groups defended him": an NGO of the story's own politics, which takes its state."""
    return draft.kind == "role" and any(
        _span_text(draft.doc, p.start, p.end).lower() in lexicon.domestic_groups for p in draft.pieces
    )


def _headed_by(draft: _Draft, drafts: list[_Draft], heads: set[int], kinds: tuple[str, ...]) -> _Draft | None:
    """The mention in `draft`'s segment whose last word is one of `heads` (token indices), of `kinds`."""
    return next((d for d in drafts if d.doc is draft.doc and d.end - 1 in heads and d.kind in kinds), None)


def _sender(draft: _Draft, drafts: list[_Draft], lexicon: ActorLexicon) -> _Draft | None:
    """ "The United States will send more troops": the subject of a sending verb whose object the role is
    (its own troops, whatever state was named before them)."""
    head = draft.doc[draft.end - 1]
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in lexicon.sending_verbs:
        return None
    subjects = {c.i for c in verb.children if c.dep_ == "nsubj"}
    while not subjects and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        verb = verb.head  # "committing to send troops", "decided to deploy soldiers"
        subjects = {c.i for c in verb.children if c.dep_ == "nsubj"}
    return _headed_by(draft, drafts, subjects, _SUBJECT_KINDS)


def _home(draft: _Draft, drafts: list[_Draft], towns: Counter[str]) -> None:
    """A community that lives in several states ("Kurdish members of parliament") in a story set in one
    of them is of that one; a state's own word beside it still decides ("Turkish Kurds")."""
    homes = {home for p in draft.pieces if _community(p) for home in p.entries[0].homes}
    stated = any(p.entries and p.entries[0].country and not _community(p) for p in draft.pieces)
    if not homes or stated or draft.country is None:
        return
    setting = _main_state(drafts, towns)
    if setting in homes:
        draft.country = setting
        draft.code = _compose(setting, draft.sector, False, "state")


def _prefer_local_name(draft: _Draft, kept: list[_Draft]) -> None:
    """A lone surname that names someone already in the story ("Harris" after "Kamala Harris") is that
    person, not a leader of the same surname from the table, unless that leader is in the story too
    ("Trump" after both "President Donald Trump" and "First Lady Melania Trump": news names the spouse
    by first name or title, the principal by surname)."""
    if any(d.kind == "person" and d.name == draft.name for d in kept):
        return
    word = draft.doc[draft.start : draft.end].text
    local = _nearest(
        kept,
        draft,
        lambda d: d.kind == "person" and d.name != draft.name and _name_part(word, d.name),
        window=None,
    )
    if local is not None:
        _forget_person(draft)


def _forget_person(draft: _Draft) -> None:
    """Not the table's person: a local one, named by the name's own words ("Judge Marrero": "Marrero")."""
    names = [p for p in draft.pieces if p.kind in ("person", "name")]
    draft.name = (
        draft.doc[names[0].start : names[-1].end].text if names else draft.doc[draft.start : draft.end].text
    )
    draft.code = draft.country = draft.sector = draft.wikidata = draft.office = None


def _link_pronoun(draft: _Draft, kept: list[_Draft], lexicon: ActorLexicon) -> bool:
    """ "he" → the nearest person before it, or office ("the President's power to do as he proposed");
    "they" → the nearest group or plural actor."""
    if draft.role == "plural_pronoun":
        target = None if _quoted(draft) else _plural_reporter(draft, kept) or _body_before(draft, kept)
        target = target or _subject_before(
            draft, kept, lambda d: d.code is not None and (d.kind == "group" or d.plural)
        )
        target = target or _nearest(kept, draft, lambda d: d.kind == "group" or d.plural)
    elif draft.role == "quantifier":
        target = _plural_before(draft, kept)
    elif draft.role == "counted_states":
        return _counted_states(draft, kept)
    elif draft.role == "neuter_pronoun":
        target = _reporter(draft, kept, kinds=("state", "organisation", "role"))
        target = None if target is not None and _plural_noun(target) else target
    else:
        gender = lexicon.pronoun_gender.get(draft.doc[draft.start].lower_)
        quoted = _quoted(draft)
        speakers = _speakers(draft, kept, lexicon) if quoted else set()
        # '"... the president has undone all the gains," he said': the speaker of a quote is no one it names
        telling = not quoted and draft.doc[draft.start].head.lemma_.lower() in lexicon.speech

        def fits(d: _Draft, known: bool) -> bool:
            if telling and d.doc is draft.doc and _quoted(d):
                return False
            genders = _genders(d, kept, lexicon) - {None}
            agrees = gender in genders if known else not genders - {gender}
            return (
                (d.kind == "person" and d.name not in speakers and (gender is None or agrees))
                or (not known and d.kind == "role" and d.definite and d.office is not None and not d.plural)
                or (gender is not None and _gendered_one(d, lexicon) == gender)
                or (not known and gender is not None and _one_person(d, gender, lexicon))
            )

        target = _reporter(draft, kept)
        if target is not None and not fits(target, known=False):
            target = None
        # "Biden called Trump's plan a betrayal. He said ...": the subject before, not a nearer possessor
        target = target or (_subject_before(draft, kept, lambda d: fits(d, known=True)) if gender else None)
        # "Mary Jones met Tom Baker. She ...": a person known to be a woman before the nearest one
        target = target or (_nearest(kept, draft, lambda d: fits(d, known=True)) if gender else None)
        target = target or _subject_before(draft, kept, lambda d: fits(d, known=False))
        target = target or _nearest(kept, draft, lambda d: fits(d, known=False))
    if target is not None:
        _copy(draft, kept, target)
    return target is not None


def _plural_noun(draft: _Draft) -> bool:
    """ "Officials said it killed nine people", "Kenyan officials said it ...": a plural common noun
    ("officials", "police officers"; not a state's plural name, "the United States") is no "it"."""
    return draft.plural and draft.doc[draft.end - 1].tag_ == "NNS"


def _plural_reporter(draft: _Draft, kept: list[_Draft]) -> _Draft | None:
    """ "UNICEF reported they had delivered 100,000 doses", "the police told me they would file a case": a
    "they" subject of a clause a body (an organisation, a state's organ, a plural group) reports is that
    body, as "he" in a clause a person reports is the person."""
    reporter = _reporter(draft, kept, kinds=("organisation", "state", "group", "role"))
    if reporter is None or reporter.code is None:
        return None
    body = reporter.kind == "organisation" or (
        reporter.kind == "state" and reporter.sector not in (None, "CVL")
    )
    return reporter if body or reporter.kind == "group" or reporter.plural else None


def _subject_before(draft: _Draft, kept: list[_Draft], fits: Callable[[_Draft], bool]) -> _Draft | None:
    """ "Biden, in Michigan, called Trump's action a betrayal. He described it as ...": a "he"/"she" that is
    the subject of a main clause, with nobody named before it in its own sentence, carries on the subject
    of the sentence before (the person the story is telling of), not a nearer possessor or object of it.
    A pronoun subject there stands for the person it stood for. So does "they", for a plural subject
    ("Researchers studied samples from volunteers. They found ...")."""
    token = draft.doc[draft.start]
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT" or _quoted(draft):
        return None
    if any(d.sentence == draft.sentence and d.char_start < draft.char_start for d in kept):
        return None
    for d in kept:
        if d.sentence != draft.sentence - 1 or _quoted(d):
            continue
        head = d.doc[d.end - 1]
        if head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "ROOT":
            continue
        if d.kind != "pronoun":
            return d if fits(d) else None
        return (
            kept[d.antecedent]
            if d.role == "pronoun" and d.antecedent is not None and fits(kept[d.antecedent])
            else None
        )
    return None


def _counted_states(draft: _Draft, kept: list[_Draft]) -> bool:
    """ "India and Pakistan exchanged fire. Both countries ...", "Trump and Erdogan spoke. Then both nations
    ...": a counted word for states stands for as many states named just before: those of the last
    coordination of parties in its sentence or the one before, else those named in the sentence before and
    in its own before it, when exactly that many (`counted_states`); a group, one record per state."""
    count = _count(draft.doc[draft.end - 1])
    near = [
        d
        for d in kept
        if draft.sentence - 1 <= d.sentence <= draft.sentence
        and d.char_start < draft.char_start
        and d.country is not None
        and d.code is not None
        and not _quoted(d)
    ]
    states: list[str] = []
    for d in reversed(near):
        head = d.doc[d.end - 1]
        if head.dep_ != "conj" and not any(c.dep_ == "conj" for c in head.children):
            continue
        top = head
        while top.dep_ == "conj" and top.head is not top:
            top = top.head
        joined = {top.i, *(c.i for c in top.conjuncts)}
        states = list(
            dict.fromkeys(
                e.country for e in near if e.doc is d.doc and e.doc[e.end - 1].i in joined and e.country
            )
        )
        if len(states) > 1:  # the parser may join a name's own words ("President ... and ...")
            break
    if len(states) < 2:
        states = list(dict.fromkeys(d.country for d in near if d.country))
    if len(states) != count:
        return False
    draft.kind, draft.members, draft.code = "group", tuple(states), states[0]
    return True


def _plural_before(draft: _Draft, kept: list[_Draft]) -> _Draft | None:
    """ "Two officers were tried. Both received prison terms": a quantifier subject stands for the nearest
    plural party (a plural noun, a group, or one of coordinated names: "Dupont and Leroy") of its own
    sentence or the one before, outside quotes."""

    def plural(d: _Draft) -> bool:
        head = d.doc[d.end - 1]
        coordinated = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
        return d.code is not None and not _quoted(d) and (d.kind == "group" or d.plural or coordinated)

    return None if _quoted(draft) else _nearest(kept, draft, plural, window=1)


def _body_before(draft: _Draft, kept: list[_Draft]) -> _Draft | None:
    """ "The commission criticised the move. They released a statement ...": news often calls a body
    (a commission, a ministry, a firm) "they"; a "they" that is the subject of a main clause stands for the
    body that was the main subject of the sentence before, when no plural mention came between and none
    of its own sentence came before it."""
    token = draft.doc[draft.start]
    if token.dep_ != "nsubj" or token.head.dep_ != "ROOT":
        return None
    between = [
        d
        for d in kept
        if d.sentence in (draft.sentence - 1, draft.sentence)
        and d.char_start < draft.char_start
        and not _quoted(d)
    ]
    if any(d.kind == "group" or d.plural or d.sentence == draft.sentence for d in between):
        return None  # a plural, or any mention in its own sentence, is nearer ("when a firm ..., they")
    for d in between:
        head = d.doc[d.end - 1]
        if d.sentence == draft.sentence - 1 and head.dep_ == "nsubj" and head.head.dep_ == "ROOT":
            body = d.kind == "organisation" or (d.kind == "state" and d.sector not in (None, "CVL"))
            return d if body and d.code else None
    return None


def _one_person(draft: _Draft, gender: str, lexicon: ActorLexicon) -> bool:
    """One unnamed person a singular noun tells, with an office or not ("a State Department spokesperson
    declined; he said ...", "a police officer fired, and she ..."): a later "he"/"she" stands for them as
    for a named person, unless the noun itself has the other gender ("a spokeswoman ... he")."""
    if draft.plural or draft.kind not in ("role", "state", "organisation") or draft.code is None:
        return False
    head = draft.doc[draft.end - 1].lower_
    if head not in lexicon.one_person and head not in lexicon.titles:
        return False
    return lexicon.title_gender.get(head, gender) == gender


def _gendered_one(draft: _Draft, lexicon: ActorLexicon) -> str | None:
    """The gender of one unnamed person a role noun tells ("police arrested a man ... released him"):
    "him" stands for the man as it would for a named one."""
    if draft.kind != "role" or draft.plural:
        return None
    return lexicon.title_gender.get(draft.doc[draft.end - 1].lower_)


def _reporter(draft: _Draft, kept: list[_Draft], kinds: tuple[str, ...] = ("person",)) -> _Draft | None:
    """The subject of the clause that reports the pronoun's own clause: "X wrote he had ordered checks"
    → X, whatever person was named before X; "X opposed it and said it ..." → X."""
    token = draft.doc[draft.start]
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ccomp":
        return None
    verb = token.head.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [a for c in subjects for a in c.children if a.dep_ == "appos"]  # "One of them, the SDF,"
    for d in reversed(kept):
        if d.doc is draft.doc and d.kind in kinds and any(d.start <= s.i < d.end for s in subjects):
            return d
    return None


def _quoted(draft: _Draft) -> bool:
    """Whether the mention stands inside quotation marks (counted from the start of its segment)."""
    words = _words(draft.doc)
    return inside_quotation(words.text[: words.tokens[draft.start].idx])


def _speakers(draft: _Draft, kept: list[_Draft], lexicon: ActorLexicon) -> set[str | None]:
    """People who speak in the pronoun's sentence or the one before ("... ," said X. "He knows ..."):
    a third-person pronoun in their quote is someone else."""
    found: set[str | None] = set()
    for d in reversed(kept):
        if draft.sentence - d.sentence > 1:
            break
        if d.kind in ("person", "pronoun") and _speaks(d.doc[d.end - 1], lexicon):
            found.add(d.name)
    found.discard(None)
    return found


def _genders(candidate: _Draft, kept: list[_Draft], lexicon: ActorLexicon) -> set[str | None]:
    """What the text tells of a person's gender: the pronouns it has used for them, a gendered title or
    given name in any of their mentions ("King X", "Mrs. Y", "Mary Z")."""
    if candidate.name is None:
        return set()
    used = {
        lexicon.pronoun_gender.get(d.doc[d.start].lower_)
        for d in kept
        if d.kind == "pronoun" and d.name == candidate.name and d.role == "pronoun"
    }
    titled = {
        lexicon.title_gender.get(t.lower_)
        for d in (candidate, *kept)
        if d.kind == "person" and d.name == candidate.name
        for t in d.doc[max(0, d.start - 1) : d.end]
    }
    # "Mary Z, the widow of ...", "Tom Y, her fiancé": a gendered noun in apposition to the name
    described = {
        lexicon.title_gender.get(c.lower_)
        for d in (candidate, *kept)
        if d.kind == "person" and d.name == candidate.name
        for c in d.doc[d.end - 1].children
        if c.dep_ == "appos"
    }
    return used | titled | described


def _link_name(draft: _Draft, kept: list[_Draft]) -> None:
    """A name seen before ("Tokayev" after "Kassym-Jomart Tokayev") points back at its last mention."""
    name = draft.name
    same = _nearest(kept, draft, lambda d: d.kind != "pronoun" and d.name == name, window=None)
    if same is None:
        same = _nearest(
            kept, draft, lambda d: d.kind != "pronoun" and _name_part(name or "", d.name), window=None
        )
        if same is not None and draft.code is None:
            _copy(draft, kept, same)
        elif same is not None:
            draft.name, draft.wikidata = same.name, draft.wikidata or same.wikidata  # "Mayor Adamowicz"
    if same is not None and draft.sector is None and same.sector and draft.country in (None, same.country):
        _copy(draft, kept, same)  # "Sanders" after "Senator Bernie Sanders": the title said more
    elif same is not None and draft.country is None and same.country:
        # "General Soleimani" after "Iranian general Qasem Soleimani": a title names no state; the
        # person's is the one told before
        if same.sector == draft.sector:
            _copy(draft, kept, same)
        else:
            draft.country = same.country
            draft.code = _compose(same.country, draft.sector, False, "state")
    if same is not None:
        draft.antecedent = _index_of(kept, same)


def _link_title(draft: _Draft, kept: list[_Draft]) -> None:
    """ "the president" → the nearest person of that office before it ("the minister": of that title)."""
    office, role = draft.office, draft.role

    def fits(d: _Draft) -> bool:
        return d.kind == "person" and (
            d.office == office if office is not None else role is not None and d.role == role
        )

    target = _nearest(kept, draft, fits)
    if target is None:  # "the crown prince" long after "Crown Prince X": the one such person in the story
        holders = {d.name: d for d in kept if fits(d)}
        target = next(iter(holders.values())) if len(holders) == 1 else None
    if target is not None:
        _copy(draft, kept, target)


def _link_role(draft: _Draft, kept: list[_Draft], lexicon: ActorLexicon) -> None:
    """ "the president": the person of that office; "the embassy": the body named before with that word;
    "the accused": the person the story charged."""
    if not draft.plural and draft.code in _TITLE_CODES:
        _link_title(draft, kept)
    if not draft.plural and draft.end - draft.start == 1 and draft.doc[draft.start].lower_ in lexicon.charged:
        _link_charged(draft, kept)
    if draft.country is None and draft.antecedent is None:
        _link_definite(draft, kept)


def _link_charged(draft: _Draft, kept: list[_Draft]) -> None:
    """ "the accused", "the defendant": the person named just before with no office, a private person or
    one called a criminal; a state their words gave stays theirs ("An Australian, X, was charged ...
    Police arrested the accused" in a New Zealand story → AUSCRM)."""
    person = _nearest(
        kept,
        draft,
        lambda d: d.kind == "person" and d.country is not None and d.sector in (None, "CRM", "CVL"),
        window=_DEFINITE_SENTENCES,
    )
    if person is not None and person.country is not None:
        draft.country = person.country
        draft.code = _compose(person.country, draft.sector, False, "state")
        draft.antecedent = _index_of(kept, person)


def _link_definite(draft: _Draft, kept: list[_Draft]) -> None:
    """ "the embassy" after "the United States Embassy in Iraq", "the network" after "broadcast network
    ABS-CBN": a definite role noun names the body mentioned before with that word (a perpetrator, "the
    gunman", at any distance)."""
    word = draft.doc[draft.end - 1].lemma_.lower()
    # "the gunman" eleven sentences after "a gunman shot shoppers": a story's one perpetrator is the same
    # person however far apart (a body's word, "the embassy", may name another body further on)
    culprit = draft.sector == _CULPRIT_SECTOR and not draft.plural
    same = _nearest(
        kept,
        draft,
        lambda d: (
            d.kind in ("state", "organisation", "role")
            and d.country is not None
            and any(t.lemma_.lower() == word for t in d.doc[d.start : d.end])
        ),
        window=None if culprit else _DEFINITE_SENTENCES,
    )
    if same is not None:
        _copy(draft, kept, same)


def _apposition(
    draft: _Draft, kept: list[_Draft], drafts: list[_Draft], towns: Counter[str], lexicon: ActorLexicon
) -> None:
    """An unknown name described right after it: "Kofi Annan, UN secretary-general" → the title's code;
    a former office's ("X, a former associate justice of the Supreme Court") makes an elite (ELI)."""
    following = [d for d in drafts if d.doc is draft.doc and d.start >= draft.end and d.code]
    if not following:
        return
    title = following[0]
    head = title.doc[title.end - 1]
    place = all(p.kind in _PLACE_NAMES for p in title.pieces)
    # "Ricardo Rosselló Nevares, Puerto Rico's governor": the name's head is a word the mention left out
    name = _name_span(draft)
    if place or not (head.dep_ == "appos" and name[0] <= head.head.i < name[1]):
        # "Qasem Soleimani, head of Iran's Quds Force": the body named in the apposition's own phrase; a
        # place alone ("Salalah, Oman", "Lakewood, New Jersey") is where, not who
        described = [t for t in draft.doc[name[0] : name[1]] for t in t.children if t.dep_ == "appos"]
        inside = {t.i for appos in described for t in appos.subtree}
        body = next((d for d in following if d.start in inside and d.kind in ("organisation", "role")), None)
        if body is None:
            return
        title = body
    if title.country is None and title.kind == "role":
        _infer_country(title, kept, drafts, towns)
    draft.code, draft.country, draft.sector = title.code, title.country, title.sector
    noun = next((t for t in draft.doc[title.start : title.end] if t.dep_ == "appos"), None)
    if (
        noun is not None
        and title.sector in _OFFICES
        and any(c.lower_ in lexicon.former for c in noun.children if c.i < title.start)
    ):
        # the former word stands outside the title's phrase ("a former associate justice")
        draft.sector = "ELI"
        draft.code = _compose(title.country, "ELI", False, "state")


def _name_span(draft: _Draft) -> tuple[int, int]:
    """The token range of the mention's name with the words of the same name the mention left out after
    it ("Ricardo Rosselló | Nevares": the parser's name runs on as compounds of a last proper noun)."""
    end = draft.end
    last = draft.doc[end - 1]
    while last.dep_ == "compound" and last.head.i == end and last.head.pos_ == "PROPN":
        last = last.head
        end += 1
    return draft.start, end


def _described(
    draft: _Draft, kept: list[_Draft], drafts: list[_Draft], lexicon: ActorLexicon, towns: Counter[str]
) -> bool:
    """An unknown name takes the code of the title described after it; False when what follows it is a
    place ("Tom Bean, Texas"): a town the parser took for a person."""
    _apposition(draft, kept, drafts, towns, lexicon)
    if draft.code is None:
        _relative_title(draft, kept, drafts, towns)
    if draft.code is None:
        _title_before(draft, drafts, lexicon)
    if draft.code is None:
        _of_body(draft, drafts)
    if draft.code is not None or draft.end >= len(draft.doc) or draft.doc[draft.end].text != ",":
        return True
    return not any(
        d.doc is draft.doc and d.start == draft.end + 1 and all(p.kind in _PLACE_NAMES for p in d.pieces)
        for d in drafts
    )


def _relative_title(draft: _Draft, kept: list[_Draft], drafts: list[_Draft], towns: Counter[str]) -> None:
    """ "Brett McGurk, who was Trump's envoy until December": an unknown name's title in a relative
    clause; one it held ("was") makes a former office holder an elite (ELI)."""
    clause = next(
        (c for c in draft.doc[draft.end - 1].children if c.dep_ == "relcl" and c.lemma_ == "be"), None
    )
    if clause is None:
        return
    attrs = {c.i for c in clause.children if c.dep_ == "attr"}
    title = _headed_by(draft, drafts, attrs, ("role", "state"))
    if title is None or title.sector is None:
        return
    if title.country is None:
        _infer_country(title, kept, drafts, towns)
    held = clause.tag_ == "VBD" and title.sector in _OFFICES
    draft.country, draft.sector = title.country, "ELI" if held else title.sector
    draft.code = _compose(title.country, draft.sector, False, "state")


def _of_body(draft: _Draft, drafts: list[_Draft]) -> None:
    """ "Agnes Callamard of Amnesty International", "Jane Roe, of the provincial council": an unknown name
    of a body named right after it: an organisation, or a body's role noun with a sector ("the army's
    Western Command", "the provincial council"), not a place ("Ann Lee of Texas")."""
    doc = draft.doc
    at = draft.end + 1 if draft.end < len(doc) and doc[draft.end].text == "," else draft.end
    if at >= len(doc) or doc[at].lower_ != "of":
        return
    objects = [t.i for t in doc[at].children if t.dep_ == "pobj"]
    body = next(
        (
            d
            for d in drafts
            if d.doc is doc
            and (d.start == at + 1 or any(d.start <= i < d.end for i in objects))
            and (
                d.kind == "organisation" or (d.sector is not None and any(p.kind == "role" for p in d.pieces))
            )
        ),
        None,
    )
    if body is not None and body.code:
        draft.code, draft.country, draft.sector = body.code, body.country, body.sector


def _title_before(
    draft: _Draft, drafts: list[_Draft], lexicon: ActorLexicon, *, specific: bool = False
) -> None:
    """An unknown name right after its title ("former New Jersey governor Chris Christie", "CIA deputy
    director Michael Morell"): the title's code, an elite's when the title is a former one."""
    before = [
        d
        for d in reversed(drafts)
        if d.doc is draft.doc and d.end <= draft.start and d.sentence == draft.sentence and d.code
    ]
    title = before[0] if before else None
    described = _described_by(draft, before)
    if described is not None:
        title = described
    elif title is not None and title.sector is None and len(before) > 1:
        # "Senator from Vermont Bernie Sanders": a place inside the title's own phrase is not the title
        outer = before[1]
        if title.start in {t.i for t in draft.doc[outer.end - 1].subtree}:
            title = outer
    if title is None or title.kind in ("person", "pronoun") or title.sector is None:
        return
    between = draft.doc[title.end : draft.start]
    if title.start > 0 and draft.doc[title.start - 1].text == "(" and [t.text for t in between] == [")"]:
        between = between[1:]  # "Member of parliament (MP) Jane Roe": the title's short form in brackets
    head = draft.doc[title.end - 1]
    own_phrase = {t.i for t in head.subtree}  # "Minister of Economy", "Ambassador to Germany"
    # ... and the name's own first words ("Senator from Vermont Bernie Sanders": "Bernie")
    own_phrase |= {t.i for t in between if t.dep_ == "compound" and draft.start <= t.head.i < draft.end}
    if not _introduces(head, draft, between, lexicon) and (
        len(between) > _TITLE_GAP
        or any(
            t.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "DET") or (t.i not in own_phrase and t.pos_ != "NOUN")
            for t in between
        )
    ):
        return  # "Morell praised Mendez": a verb between; "director": a lower-case title word
    former = title.former or any(t.lower_ in lexicon.former for t in draft.doc[title.start - 1 : title.start])
    elite = former and title.sector in _OFFICES
    draft.country, draft.sector = title.country, "ELI" if elite else title.sector
    draft.code = (
        title.code if draft.sector == title.sector else _compose(title.country, "ELI", False, "state")
    )


def _described_by(draft: _Draft, before: list[_Draft]) -> _Draft | None:
    """ "The mayor of Springfield, Jane Roe, said": the name is an apposition to a title whose own phrase
    ("of Springfield") stands between them; the title, not the place nearest the name, describes it."""
    name = draft.doc[draft.end - 1]
    if name.dep_ != "appos":
        return None
    title = next((d for d in before if d.start <= name.head.i < d.end), None)
    if title is None or title is (before[0] if before else None):
        return None
    phrase = {t.i for t in name.head.subtree} - {t.i for t in name.subtree}
    between = draft.doc[title.end : draft.start]
    # "her mother and sister, Jane Roe": the name describes the last of two, not the title
    if all((t.is_punct or t.i in phrase) and t.dep_ not in ("cc", "conj") for t in between):
        return title
    return None


def _introduces(title: Token, draft: _Draft, between: Span, lexicon: ActorLexicon) -> bool:
    """The title's noun introduces the name: "an Iranian general, Qasem Soleimani" (the name its
    apposition), "a woman named Heather Heyer" (a naming verb between); the name's own words before it
    ("the head of Acme, Dr Jane Roe": an honorific the mention leaves out) stand between too."""
    name = draft.doc[draft.end - 1]
    if name.dep_ == "appos" and name.head.i == title.i:
        own = {t.i for t in name.subtree}
        phrase = {t.i for t in title.subtree} - own
        return all(t.is_punct or t.i in phrase or t.i in own for t in between)
    return (
        len(between) == 1
        and between[0].lemma_.lower() in lexicon.naming_verbs
        and between[0].head.i == title.i
    )


def _name_part(name: str, other: str | None) -> bool:
    """ "Joxe" refers back to "Pierre Joxe", "Wisniewski" to "Tomasz Wiśniewski": all its words are words
    of the earlier name, accents aside."""
    if other is None or name == other:
        return False
    words, others = _fold(name).split(), set(_fold(other).split())
    return bool(words) and all(w in others for w in words)


def _nearest(
    kept: list[_Draft], draft: _Draft, test: object, window: int | None = _LOOKBACK_SENTENCES
) -> _Draft | None:
    for candidate in reversed(kept):
        if window is not None and draft.sentence - candidate.sentence > window:
            return None
        if test(candidate):  # type: ignore[operator]
            return candidate
    return None


def _copy(draft: _Draft, kept: list[_Draft], target: _Draft) -> None:
    draft.code, draft.country, draft.sector = target.code, target.country, target.sector
    draft.wikidata, draft.members, draft.office = target.wikidata, target.members, target.office
    draft.name = target.name
    if draft.kind != "pronoun" and target.kind != "pronoun":
        draft.kind = target.kind
    draft.antecedent = _index_of(kept, target)


def _index_of(drafts: list[_Draft], target: _Draft) -> int:
    """`drafts.index(target)`: the first draft that is `target` or equal to it, comparing starts before
    whole drafts (a dataclass's `==` builds a tuple of every field of both)."""
    return next(i for i, d in enumerate(drafts) if d is target or (d.start == target.start and d == target))


def _resolve_counterpart(draft: _Draft, kept: list[_Draft], lexicon: ActorLexicon, day: str | None) -> None:
    """ "his Kazakh counterpart": the Kazakh holder of the possessor's office; without a nationality,
    the other party: the nearest earlier actor of another state."""
    owner = _nearest(kept, draft, lambda d: d.kind == "person")
    if draft.country is not None:
        office = owner.office if owner is not None and owner.office else "head_of_state"
        holder = None if draft.plural else lexicon.holder(draft.country, office, day)
        if holder is not None:
            _apply_term(draft, holder, lexicon)
        else:
            draft.code, draft.sector, draft.kind = f"{draft.country}GOV", "GOV", "role"
        same = _nearest(kept, draft, lambda d: d.name is not None and d.name == draft.name, window=None)
        same = same or _nearest(kept, draft, lambda d: d.country == draft.country and d.kind == "person")
        if same is not None:
            draft.antecedent = _index_of(kept, same)
        return
    own_country = owner.country if owner is not None else None
    other = _nearest(
        kept, draft, lambda d: d.country is not None and d.country != own_country and d.kind != "pronoun"
    )
    if other is not None:
        _copy(draft, kept, other)


def _attached_states(draft: _Draft, drafts: list[_Draft]) -> list[_Draft]:
    """States named in the mention's own phrase by a preposition: "lawmakers in Fornost and Gondor",
    "the government of Sindh" (the preposition's object and the objects coordinated with it). A person's
    name takes only a preposition on the name itself ("Ann Lee of Gondor"), not a state further away."""
    objects = _phrase_objects(draft.doc[draft.end - 1], depth=1 if draft.kind == "person" else 3)
    for obj in list(objects):
        objects.extend(t for t in obj.subtree if t.dep_ == "conj" and t.head in objects)
        objects.extend(t for t in obj.children if t.dep_ == "compound")  # "the government of Sindh province"
    if not objects:
        return []
    found = []
    for other in drafts:
        if other.doc is draft.doc and other.country and any(other.start <= t.i < other.end for t in objects):
            found.append(other)
    return found


def _reside(draft: _Draft, kept: list[_Draft], drafts: list[_Draft]) -> None:
    """ "ethnic Albanians in Serbia": the state named in the phrase, else the other state named nearest
    before it in its sentence, else the first one after it there ("ethnic Turks protest against Sweden's
    decision"), else the other state the document has named most so far; else the kin state stays."""
    own = draft.country
    attached = [d.country for d in _attached_states(draft, drafts) if d.country != own]
    others = [d for d in drafts if d.sentence == draft.sentence and d.kind == "state" and d.country != own]
    before = [d.country for d in others if d.char_start < draft.char_start and d.country]
    after = [d.country for d in others if d.char_start > draft.char_start and d.country]
    counts = Counter(d.country for d in kept if d.country not in (None, own) and d.kind == "state")
    nearby = [*attached, *before[-1:], *after[:1], *(c for c, _ in counts.most_common(1))]
    home = nearby[0] if nearby else None
    if home is not None:
        draft.country = home
        draft.code = _compose(home, draft.sector, False, "state")


def _phrase_objects(head: Token, depth: int = 3) -> list[Token]:
    """Objects of the attaching prepositions in a noun's own phrase, nearest first, following nested
    phrases and participles: "workers of the bus company of Tehran", "refugees fleeing the war in Liberia"
    (not relative clauses: "rebels who attacked Liberia" are not Liberia's)."""
    found: list[Token] = []
    frontier = [head]
    for _ in range(depth):
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in _ATTACHING:
                    objects = [o for o in child.children if o.dep_ == "pobj"]
                    found.extend(objects)
                    following.extend(objects)
                elif child.dep_ == "acl" or (token.dep_ == "acl" and child.dep_ == "dobj"):
                    following.append(child)
        frontier = [t for t in dict.fromkeys(following) if t is not head]
    return found


def _possessor_state(draft: _Draft, drafts: list[_Draft]) -> str | None:
    """ "Djindjic's opposition coalition", "Putin's spokesman": the state of the person who owns it."""
    head = draft.doc[draft.end - 1]
    owners = {c.i for c in head.children if c.dep_ == "poss"}  # "Trump's Special Presidential Envoy"
    if draft.start > 0 and draft.doc[draft.start - 1].tag_ == "POS":
        owners.add(draft.start - 2)
    owner = _headed_by(draft, drafts, owners, ("person",))
    return owner.country if owner else None


def _infer_country(draft: _Draft, kept: list[_Draft], drafts: list[_Draft], towns: Counter[str]) -> None:
    """A role with no state named: the state(s) in its own phrase ("rebels in Darfur"), the owner's
    state ("Putin's spokesman"), the state named just before it in its sentence, else the state the
    document is about ("police said" in a Kenyan story → KENCOP, as GDELT codes it); never a guess from
    a later word of its sentence, more often the act's object."""
    attached = _attached_states(draft, drafts)
    if len(attached) == 1 and attached[0].kind == "organisation" and attached[0].code and _generic(draft):
        body = attached[0]  # "a spokesman for the SDF", "the commander of the PMF": the body's own code
        draft.code, draft.country, draft.sector = body.code, body.country, body.sector
        return
    if len(attached) > 1:
        codes = tuple(
            dict.fromkeys(_compose(d.country, draft.sector, False, "state") or "" for d in attached)
        )
        draft.kind, draft.members = "group", codes
    country = attached[0].country if attached else _possessor_state(draft, drafts)
    if country is None and draft.kind == "person":
        country = _main_state(drafts, towns)  # a state named beside a name is more often where than whose
    elif country is None and draft.sector is not None:
        preceding = [
            d
            for d in drafts
            if d.sentence == draft.sentence
            and d.char_start < draft.char_start
            and d.kind == "state"
            and d.country
            and not _a_national(d)
            and not _in_relative_clause(d, draft)
        ]
        country = (
            preceding[-1].country if preceding else _place_of_act(draft, drafts) or _main_state(drafts, towns)
        )
    if country is not None:
        draft.country = country
        draft.code = _compose(country, draft.sector, False, "state")


def _in_relative_clause(state: _Draft, draft: _Draft) -> bool:
    """ "In China, which claims Taiwan, an author was jailed": a state named inside a relative clause
    describes the word the clause is on; it sets no scene for a role outside that clause."""
    head, role = state.doc[state.end - 1], draft.doc[draft.end - 1]
    for word in head.ancestors:
        if word.dep_ == "relcl":
            return not (word.left_edge.i <= role.i <= word.right_edge.i)
    return False


def _a_national(draft: _Draft) -> bool:
    """ "An Australian, John Doe, appeared in a court in ...": a people word standing alone as a noun
    names a person's nationality, not the state a later role of the sentence belongs to."""
    head = draft.doc[draft.end - 1]
    return all(p.kind in ("adjective", "people") for p in draft.pieces) and head.dep_ not in (
        "amod",
        "compound",
    )


def _foreign(draft: _Draft, lexicon: ActorLexicon) -> bool:
    """ "foreign forces", "world leaders": a modifier that gives the role to some other state, or to none;
    not "foreign minister", a role of its own."""
    inside = {i for p in draft.pieces for i in range(p.start, p.end)}
    head = draft.doc[draft.end - 1]
    if _foreign_states(head, lexicon):
        return True  # "other nations": no state the story names
    words = [
        *draft.doc[draft.start : draft.end],
        *(c for c in head.children if c.dep_ in ("amod", "compound")),
    ]
    return any(t.lower_ in lexicon.foreign and t.i not in inside for t in words)  # "world leaders"


def _generic(draft: _Draft) -> bool:
    """The mention names a position in any body ("spokesman", "deputy commander"), no body of its own."""
    entries = [e for p in draft.pieces for e in p.entries if e.kind == "role"]
    return bool(entries) and all(e.generic or e.sector is None for e in entries)


def _place_of_act(draft: _Draft, drafts: list[_Draft]) -> str | None:
    """The state of the place the sentence says its act happened in ("demonstrators marched through
    Belgrade" → SRB): a place named as where, later in the role's sentence; a country too when a
    locative preposition names it ("police said the men who rioted in Gondor" → the police of Gondor)."""
    places = [
        d.country
        for d in drafts
        if d.sentence == draft.sentence
        and d.char_start > draft.char_start
        and d.country
        and (d.location or d.where or (d.kind == "state" and d.sector == "CVL"))  # "through Belgrade"
    ]
    return places[0] if places else None


_LEDE_SENTENCES = 2  # a news story's first sentences say where it happens ("Blenheim Palace in England")
_LEDE_WEIGHT = 3
_TOWN_FEATURES = frozenset({"city", "admin1", "admin2"})  # a country named is a mention already


def _towns(locations: Sequence[Location], drafts: list[_Draft], sentence_starts: list[int]) -> Counter[str]:
    """The states of the towns and regions a story names that are no actor mention ("a man from
    Cheltenham", "Oxfordshire"): where the story happens, though no state is named beside them; weighted
    as `_main_state` weighs mentions."""
    spans = [(d.char_start, d.char_start + len(_span_text(d.doc, d.start, d.end))) for d in drafts]
    counts: Counter[str] = Counter()
    for place in locations:
        if not place.country or place.feature not in _TOWN_FEATURES:
            continue
        if any(start < place.end and place.start < end for start, end in spans):
            continue
        lede = bisect_right(sentence_starts, place.start) - 1 < _LEDE_SENTENCES
        counts[place.country] += _LEDE_WEIGHT if lede else 1
    return counts


def _main_state(drafts: list[_Draft], towns: Counter[str]) -> str | None:
    """The state the document is about: named more often than any other (its states, places, people and
    institutions count, and the towns and regions it names; companies, media and parties do not:
    "Facebook" is no story's setting), as a coder reads a story's setting; None when two states share the
    lead."""
    ranked = _state_counts(drafts, towns).most_common(2)
    if not ranked:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] > runner_up else None


def _state_counts(drafts: list[_Draft], towns: Counter[str]) -> Counter[str]:
    """How often the story names each state, as `_main_state` weighs them."""
    counts: Counter[str] = Counter()
    for d in drafts:
        if d.country and d.resolved and d.kind != "organisation":
            counts[d.country] += _LEDE_WEIGHT if d.sentence < _LEDE_SENTENCES else 1
    counts.update(towns)
    return counts


def _to_actor(draft: _Draft) -> Actor:
    text = _span_text(draft.doc, draft.start, draft.end)
    start = draft.char_start
    return Actor(
        text=text,
        start=start,
        end=start + len(text),
        sentence=draft.sentence,
        name=draft.name,
        code=draft.code,
        country=draft.country,
        sector=draft.sector[:3] if draft.sector else None,
        wikidata=draft.wikidata,
        kind=draft.kind,
        members=draft.members,
        antecedent=draft.antecedent,
    )


def shift(actors: Sequence[Actor], by: int) -> tuple[Actor, ...]:
    """Actors with offsets moved by `by` characters (for callers that embed a text in a larger one)."""
    return tuple(replace(a, start=a.start + by, end=a.end + by) for a in actors)
