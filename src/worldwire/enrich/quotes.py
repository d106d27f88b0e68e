"""Quotes: quoted words and who said them.

Quotation marks are paired across the whole body (curly, straight, guillemets). A quotation still open at
a paragraph's end continues when the next paragraph opens with a mark (the newspaper convention for
long quotes) and is closed at the paragraph's end otherwise. The speaker is the subject of the nearest
cue verb (said, told, added, continued, stated, reads, ...) outside the marks in the sentences the quote
touches, or the object of "according to"; a quote with no cue borrows the cue of a lead-in sentence
ending with a colon, or of the other pieces of the same multi-paragraph quote. Nobody is guessed: no
cue, no speaker. The speaker's actor code comes from an actor mention that overlaps the speaker span.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from worldwire.datafiles import data_validator, load_data, require, require_schema, string_list
from worldwire.errors import DataFileError, Errors
from worldwire.models import Actor, EventDocument, Quote, Sentence, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TRAILING = " \t\n,;"


@dataclass(frozen=True, slots=True)
class QuoteRules:
    cue_verbs: frozenset[str]
    according: frozenset[str]
    openers: Mapping[str, str]
    min_words: int
    title_max_words: int
    title_function_words: frozenset[str]
    lead_in: tuple[str, ...]


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
    )


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int  # inside the marks
    end: int
    chain: int  # pieces of one multi-paragraph quotation share a chain number


def quote_spans(text: str, rules: QuoteRules | None = None) -> list[_Piece]:
    """The quoted stretches of `text` (inside the marks), paired as described in the module docstring."""
    rules = rules or load_data("quotes")
    marks = set(rules.openers) | set(rules.openers.values())
    pieces: list[_Piece] = []
    open_at: int | None = None
    closer = ""
    chain = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            j = i
            while j < n and text[j] in " \t\r\n":
                j += 1
            if "\n" in text[i:j] and text[i:j].count("\n") >= 1:
                pieces.append(_Piece(open_at, i, chain))
                open_at = None
                if j < n and text[j] in rules.openers:
                    open_at, closer = j + 1, rules.openers[text[j]]  # the quote continues
                    i = j + 1
                    continue
                chain += 1
            i = j
            continue
        if ch in marks:
            if open_at is not None and ch == closer:
                pieces.append(_Piece(open_at, i, chain))
                chain += 1
                open_at = None
            elif open_at is None and ch in rules.openers:
                open_at, closer = i + 1, rules.openers[ch]
        i += 1
    if open_at is not None:
        pieces.append(_Piece(open_at, n, chain))
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
    inside = [(p.start - 1, p.end + 1) for p in pieces]
    speakers: list[Speaker | None] = []
    for piece in pieces:
        zone = _zone(piece, sentences, text, rules)
        speakers.append(_speaker(piece, zone, tokens, inside, text, rules))
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


def _zone(piece: _Piece, sentences: Sequence[Sentence], text: str, rules: QuoteRules) -> tuple[int, int]:
    """The stretch searched for a cue: the sentences the quote touches, or a lead-in sentence before it."""
    touched = [s for s in sentences if s.start < piece.end + 1 and piece.start - 1 < s.end]
    if not touched:
        return piece.start, piece.end
    start, end = touched[0].start, touched[-1].end
    before = text[start : piece.start - 1].strip()
    after = text[piece.end + 1 : end].strip(' \t\n"”.,')
    if not before and not after:
        previous = [s for s in sentences if s.end <= start]
        if previous and text[previous[-1].start : previous[-1].end].rstrip().endswith(rules.lead_in):
            return previous[-1].start, end
    return start, end


def _speaker(
    piece: _Piece,
    zone: tuple[int, int],
    tokens: list[tuple[int, Token]],
    inside: list[tuple[int, int]],
    text: str,
    rules: QuoteRules,
) -> Speaker | None:
    cues = []
    for offset, tok in tokens:
        at = offset + tok.idx
        if not zone[0] <= at < zone[1] or any(s <= at < e for s, e in inside):
            continue
        lemma = tok.lemma_.lower()
        if (lemma in rules.cue_verbs and tok.pos_ in ("VERB", "AUX")) or tok.lower_ in rules.according:
            distance = piece.start - at if at < piece.start else at - piece.end
            cues.append((distance, offset, tok))
    for _, offset, cue in sorted(cues, key=lambda c: c[0]):
        subject = _subject(cue, rules)
        if subject is None:
            continue
        start, end = _name_span(subject)
        span_start, span_end = offset + start, offset + end
        if any(s < span_end and span_start < e for s, e in inside):
            continue
        return Speaker(text[span_start:span_end], span_start, span_end)
    return None


def _subject(cue: Token, rules: QuoteRules) -> Token | None:
    if cue.lower_ in rules.according:
        for child in cue.children:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    verb: Token | None = cue
    for _ in range(3):
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0]
        verb = (
            verb.head if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head is not verb else None
        )
    return None


def _name_span(token: Token) -> tuple[int, int]:
    """The speaker's words: the entity the subject belongs to, else the subject and its left modifiers."""
    doc = token.doc
    if token.ent_type_ in _NAME_LABELS:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent.start_char, ent.end_char
    first = token.i
    for left in reversed(list(token.lefts)):
        if left.dep_ in ("punct", "cc", "relcl") or left.is_punct:
            break
        first = left.left_edge.i
    return doc[first].idx, token.idx + len(token.text)


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
