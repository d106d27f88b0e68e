"""Document tone, GDELT-style: the share of positive words minus the share of negative words, × 100.

Words are scored with the VADER lexicon (vaderSentiment's 7,500 rated words): a word with a positive
valence counts as positive, a negative one as negative, and a negation word ("not", "never", ...) in
the three words before flips it. The score runs from -100 to +100; news usually lies within ±10. None
for a document without words.
"""

from __future__ import annotations

from functools import cache

from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

from worldwire.models import AnnotatedDocument

_WINDOW = 3


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lexicon = SentimentIntensityAnalyzer().lexicon
    positive = frozenset(w for w, v in lexicon.items() if v > 0)
    negative = frozenset(w for w, v in lexicon.items() if v < 0)
    return positive, negative, frozenset(NEGATE)


def document_tone(doc: AnnotatedDocument) -> float | None:
    positive, negative, negate = _lexicon()
    words = pos = neg = 0
    for seg in doc.segments:
        recent: list[str] = []
        for tok in seg.doc:
            if not tok.is_alpha:
                continue
            word = tok.lower_
            words += 1
            flipped = any(w in negate for w in recent)
            if word in positive:
                pos, neg = (pos, neg + 1) if flipped else (pos + 1, neg)
            elif word in negative:
                pos, neg = (pos + 1, neg) if flipped else (pos, neg + 1)
            recent = [*recent[-(_WINDOW - 1) :], word] if _WINDOW > 1 else [word]
    if not words:
        return None
    return round(100.0 * (pos - neg) / words, 3)
