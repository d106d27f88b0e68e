"""Quotes: quoted words and who said them.

Quotation marks are paired across the whole body (curly, straight, guillemets). A quotation still open at
a paragraph's end continues when the next paragraph opens with a mark (the newspaper convention for
long quotes) and is closed at the paragraph's end otherwise. The speaker is the subject of the nearest
cue verb (said, told, added, continued, stated, reads, ...) outside the marks in the sentences the quote
touches, or the object of "according to", or the subject of whatever verb introduces it with a colon. A
bare quote (a sentence of nothing but the quotation) takes the cue of a lead-in sentence ending with a
colon, else the speaker of the attributed quote right before it in the same paragraph ('"A," she said.
"B."'), else the cue of the sentence right after it ('"..." Rivera told reporters.'); pieces of one
multi-paragraph quote share their speaker. A passive subject ('it is called "..."') is never the speaker.
Nobody is guessed: no cue, no speaker. The actor code comes from an actor mention overlapping the speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from worldwire.datafiles import data_validator, load_data, require, require_schema, string_list
from worldwire.errors import DataFileError, Errors
from worldwire.models import Actor, EventDocument, Quote, Sentence, Speaker
from worldwire.nlp import quotations

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "ccomp"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TRAILING = " \t\n,;"
_MARKS = frozenset('"“”«»„')
_BLANK = " \t\r\n"  # what may stand between the lines of a quotation that runs on


@dataclass(frozen=True, slots=True)
class QuoteRules:
    cue_verbs: frozenset[str]
    according: frozenset[str]
    openers: Mapping[str, str]
    min_words: int
    title_max_words: int
    title_function_words: frozenset[str]
    lead_in: tuple[str, ...]
    not_speakers: frozenset[str]


@data_validator("quotes")
def _build(raw: Mapping[str, Any], where: str) -> QuoteRules:
    require_schema(raw, "quotes/1", where)
    openers: dict[str, str] = {}
    for pair in require(raw, "pairs", list, where):
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(c, str) and len(c) == 1 for c in pair)
        ):
            raise DataFileError(
                Errors.E403.format(path=where, reason=f"pair {pair!r} must be two characters")
            )
        openers.setdefault(pair[0], pair[1])
    return QuoteRules(
        cue_verbs=frozenset(string_list(raw, "cue_verbs", where)),
        according=frozenset(string_list(raw, "according", where)),
        openers=openers,
        min_words=require(raw, "min_words", int, where),
        title_max_words=require(raw, "title_max_words", int, where),
        title_function_words=frozenset(string_list(raw, "title_function_words", where)),
        lead_in=string_list(raw, "lead_in", where),
        not_speakers=frozenset(w.lower() for w in string_list(raw, "not_speakers", where)),
    )


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int  # inside the marks
    end: int
    chain: int  # pieces of one multi-paragraph quotation share a chain number


def quote_spans(text: str, rules: QuoteRules | None = None) -> list[_Piece]:
    """The quoted stretches of `text` (inside the marks), paired line by line by `quotations` with the
    marks of the data file; a quotation still open at a line's end is cut there and continues (the same
    chain) when the next line that is not blank opens with a mark."""
    rules = rules or load_data("quotes")
    pieces: list[_Piece] = []
    chain = 0
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        for opening, closing in quotations(line, rules.openers):
            pieces.append(_Piece(start + opening + 1, start + closing, chain))
            if closing < len(line) or text[end:].lstrip(_BLANK)[:1] not in rules.openers:
                chain += 1
        start = end + 1
    return pieces


def _speech(quoted: str, rules: QuoteRules) -> bool:
    """Enough words to be speech, and not a title or a name ("Decision and Order")."""
    words = quoted.split()
    if len(words) < rules.min_words:
        return False
    if len(words) > rules.title_max_words:
        return True
    return not all(w[:1].isupper() or w[:1].isdigit() or w in rules.title_function_words for w in words)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def find_quotes(doc: EventDocument, sentences: tuple[Sentence, ...] | None = None) -> tuple[Quote, ...]:
    """Every quotation in the body with its speaker (or None), in text order."""
    rules: QuoteRules = load_data("quotes")
    annotated = doc.annotated
    text = doc.clean.text
    pieces = []
    for piece in quote_spans(text, rules):
        start, end = _trim(text, piece.start, piece.end)
        if _speech(text[start:end], rules):
            pieces.append(_Piece(start, end, piece.chain))
    if not pieces:
        return ()
    sentences = annotated.sentences if sentences is None else sentences
    tokens = [(seg.offset, tok) for seg in annotated.segments for tok in seg.doc]
    # Where each token starts in the body, ascending (segments follow each other, tokens within them):
    # a quote's zone is a slice of the tokens, found by bisection instead of a pass over all of them.
    ats = [offset + tok.idx for offset, tok in tokens]
    inside = [(p.start - 1, p.end + 1) for p in pieces]
    speakers: list[Speaker | None] = []
    for i, piece in enumerate(pieces):
        zone, bare = _zone(piece, sentences, text, rules)
        speaker = _speaker(piece, zone, tokens, ats, inside, text, rules)
        if speaker is None and bare:
            if i and speakers[i - 1] is not None and _follows(pieces[i - 1], piece, sentences, text):
                speaker = speakers[i - 1]  # '"A," she said. "B."': B is hers too
            else:
                after = _next_sentence(piece, zone, sentences, text)
                if after is not None:
                    speaker = _speaker(piece, (zone[0], after.end), tokens, ats, inside, text, rules)
        speakers.append(speaker)
    by_chain: dict[int, Speaker] = {}
    for piece, speaker in zip(pieces, speakers, strict=True):
        if speaker is not None:
            by_chain.setdefault(piece.chain, speaker)
    actors = doc.actors.actors
    quotes = []
    for piece, speaker in zip(pieces, speakers, strict=True):
        found = speaker or by_chain.get(piece.chain)
        quotes.append(
            Quote(text[piece.start : piece.end], piece.start, piece.end, _with_actor(found, actors))
        )
    return tuple(quotes)


def _zone(
    piece: _Piece, sentences: Sequence[Sentence], text: str, rules: QuoteRules
) -> tuple[tuple[int, int], bool]:
    """The stretch searched for a cue: the sentences the quote touches, or a lead-in sentence before it;
    and whether those sentences hold nothing but the quotation (a bare quote)."""
    touched = [s for s in sentences if s.start < piece.end + 1 and piece.start - 1 < s.end]
    if not touched:
        return (piece.start, piece.end), False
    start, end = touched[0].start, touched[-1].end
    before = text[start : piece.start - 1].strip()
    after = text[piece.end + 1 : end].strip(' \t\n"”.,')
    if not before and not after:
        previous = [s for s in sentences if s.end <= start]
        if previous and text[previous[-1].start : previous[-1].end].rstrip().endswith(rules.lead_in):
            return (previous[-1].start, end), False
        return (start, end), True
    return (start, end), False


def _follows(previous: _Piece, piece: _Piece, sentences: Sequence[Sentence], text: str) -> bool:
    """The quote opens the sentence right after the one that holds `previous`, in the same paragraph."""
    if "\n" in text[previous.end : piece.start]:
        return False
    return not any(previous.end < s.start < piece.start - 1 for s in sentences)


def _next_sentence(
    piece: _Piece, zone: tuple[int, int], sentences: Sequence[Sentence], text: str
) -> Sentence | None:
    """The sentence after a bare quote, in the same paragraph and not opening another quotation: where
    the attribution of '"..." Rivera told reporters.' sits."""
    for s in sentences:
        if s.start >= zone[1]:
            gap = text[zone[1] : s.start]
            if "\n" in gap or text[s.start : s.start + 1] in _MARKS:
                return None
            return s
    return None


def _speaker(
    piece: _Piece,
    zone: tuple[int, int],
    tokens: list[tuple[int, Token]],
    ats: list[int],
    inside: list[tuple[int, int]],
    text: str,
    rules: QuoteRules,
) -> Speaker | None:
    cues = []
    first, stop = bisect.bisect_left(ats, zone[0]), bisect.bisect_left(ats, zone[1])
    for (offset, tok), at in zip(tokens[first:stop], ats[first:stop], strict=True):
        if any(s <= at < e for s, e in inside):
            continue
        lemma = tok.lemma_.lower()
        if (lemma in rules.cue_verbs and tok.pos_ in ("VERB", "AUX")) or tok.lower_ in rules.according:
            distance = piece.start - at if at < piece.start else at - piece.end
            cues.append((distance, offset, tok))
    if not cues:
        colon = _lead_in_colon(piece, tokens, ats, text)
        verb = None if colon is None else _verb_before(colon[1])
        if colon is not None and verb is not None:
            cues.append((0, colon[0], verb))  # 'X proposed: "..."' whatever the verb
    for _, offset, cue in sorted(cues, key=lambda c: c[0]):
        subject = _subject(cue, rules, offset, inside)
        if subject is None or subject.lower_ in rules.not_speakers:
            continue
        start, end = _name_span(subject)
        span_start, span_end = offset + start, offset + end
        if any(s < span_end and span_start < e for s, e in inside):
            continue
        return Speaker(text[span_start:span_end], span_start, span_end)
    return None


def _verb_before(colon: Token) -> Token | None:
    """The last verb with a subject before the colon, in the colon's sentence."""
    doc = colon.doc
    for tok in reversed(doc[colon.sent.start : colon.i]):
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in tok.children):
            return tok
    return None


def _lead_in_colon(
    piece: _Piece, tokens: list[tuple[int, Token]], ats: list[int], text: str
) -> tuple[int, Token] | None:
    """The colon that directly introduces the quotation in its own sentence, if any."""
    before = text[: piece.start - 1].rstrip()
    if not before.endswith(":"):
        return None
    at = len(before) - 1
    index = bisect.bisect_left(ats, at)
    return tokens[index] if index < len(ats) and ats[index] == at else None


def _subject(cue: Token, rules: QuoteRules, offset: int, inside: list[tuple[int, int]]) -> Token | None:
    """The subject of the cue (or the object of "according to"), climbing from a participle to the verb
    it hangs on, but never into a quotation; a relative pronoun stands for the noun it follows."""
    if cue.lower_ in rules.according:
        return next((obj for child in cue.children for obj in child.children if obj.dep_ == "pobj"), None)
    inverted = _inverted_subject(cue)
    if inverted is not None:
        return inverted
    verb: Token | None = cue
    for _ in range(3):
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0])
            return _speaking(subject, verb)
        head = verb.head
        if verb.dep_ not in _CLIMB or head is verb or any(s <= offset + head.idx < e for s, e in inside):
            break
        verb = head
    return None


def _speaking(subject: Token, verb: Token) -> Token | None:
    """Who speaks, given the verb's subject: the agent of a passive ('it is called "..."' names a thing),
    the noun a relative pronoun follows, the person named in apposition ("his spokesperson, Jane Roe")."""
    if subject.dep_ == "nsubjpass":
        return _agent(verb)
    if subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        return verb.head
    named = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return named[0] if named else subject


def _inverted_subject(cue: Token) -> Token | None:
    """'"...," said a protester': right after the quotation the speaker follows the verb, and the parser
    often labels it an object."""
    before = [t for t in cue.doc[max(0, cue.i - 2) : cue.i] if t.text != ","]
    if not before or before[-1].text not in _MARKS or any(c.dep_ in _SUBJECTS for c in cue.children):
        return None
    return next(
        (c for c in cue.rights if c.pos_ in ("NOUN", "PROPN") and c.dep_ in ("dobj", "attr", "npadvmod")),
        None,
    )


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((obj for obj in child.children if obj.dep_ == "pobj"), None)
    return None


def _name_span(token: Token) -> tuple[int, int]:
    """The speaker's words: the entity the subject belongs to; else a person named at the end of the
    subject's phrase ("US Ambassador to Germany Jane Roe"); else the subject with its left modifiers and
    an "of" phrase ("One of the victims")."""
    doc = token.doc
    if token.ent_type_ in _NAME_LABELS:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent.start_char, ent.end_char
    last = token.right_edge
    if last.i > token.i and last.ent_type_ == "PERSON" and not any(t.is_punct for t in doc[token.i : last.i]):
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.end - 1 == last.i and ent.start > token.i:
                return ent.start_char, ent.end_char
    first = token.i
    for left in reversed(list(token.lefts)):
        if left.dep_ in ("punct", "cc", "relcl") or left.is_punct:
            break
        first = left.left_edge.i
    end = token
    for right in token.rights:
        if right.dep_ == "prep" and right.lower_ == "of" and right.i == token.i + 1:
            end = right.right_edge
    return doc[first].idx, end.idx + len(end.text)


def _with_actor(speaker: Speaker | None, actors: Sequence[Actor]) -> Speaker | None:
    """Attach the code of the actor mention that overlaps the speaker most (following "he" to its
    antecedent when the mention itself has no code)."""
    if speaker is None:
        return None
    best, overlap = None, 0
    for i, actor in enumerate(actors):
        shared = min(actor.end, speaker.end) - max(actor.start, speaker.start)
        if shared > overlap:
            best, overlap = i, shared
    if best is None:
        return speaker
    code, seen, at = actors[best].code, set(), best
    while code is None and actors[at].antecedent is not None and at not in seen:
        seen.add(at)
        at = actors[at].antecedent  # type: ignore[assignment]
        if not 0 <= at < len(actors):
            break
        code = actors[at].code
    return replace(speaker, code=code, actor=best)
