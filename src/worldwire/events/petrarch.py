"""Read a PETRARCH/TABARI verb dictionary (such as the PETRARCH unit tests' PETR.Validate.verbs.txt) into a
`PatternBook`, so the coder can be scored on a suite whose event codes come from that dictionary.

What is kept: each verb block's verbs (with their listed forms and particles) and default code, and each
pattern line as word sequences before and after the verb ("- SAID * TO ATTEND [082]"); synsets
(&NAME) become alternatives. What is approximated: PETRARCH's source/target markers ($, +, %, ^) are
dropped (the coder reads source and target from the parse), and "[032:033]" codes the source→target event
032 and the mirror event 033.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from worldwire.datafiles import frozen_mapping
from worldwire.events.patterns import Pattern, PatternBook, pattern_book

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_MARKERS = frozenset({"+", "$", "%", "^", "*"})


def _strip(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0].rstrip()


def _codes(raw: str) -> tuple[str | None, str | None]:
    """ "032:033" → ("032", "033"); "---", "+++" and the like → no code."""
    main, _, mirror = raw.strip().partition(":")
    ok = re.fullmatch(r"\d{2,4}[A-Z]?", main.strip())
    back = re.fullmatch(r"\d{2,4}[A-Z]?", mirror.strip())
    return (main.strip() if ok else None, mirror.strip() if back else None)


def _words(text: str, synsets: dict[str, list[str]]) -> tuple[frozenset[str], ...]:
    """A pattern side as a sequence of phrase alternatives. In TABARI patterns "_" joins words that must
    be adjacent and a space lets other words come between: "NEW_&TIETYPES_RELATIONS" is one group of
    adjacent words, {"new military relations", "new economic relations", ...}. Markers are dropped."""
    out: list[frozenset[str]] = []
    for group in text.split():
        phrases = [""]
        for raw in group.split("_"):
            piece = raw.strip().strip("+$%^{}").lower()
            if not piece or piece in _MARKERS:
                continue
            options = sorted(_expand(piece[1:].upper(), synsets, 0)) if piece.startswith("&") else [piece]
            if options:
                phrases = [f"{p} {o}".strip() for p in phrases for o in options][:200]
        if phrases != [""]:
            out.append(frozenset(phrases))
    return tuple(out)


def _expand(name: str, synsets: dict[str, list[str]], depth: int) -> set[str]:
    """A synset's members as phrases ("golden goblin galleons"), nested synsets expanded."""
    phrases: set[str] = set()
    for member in synsets.get(name, []):
        if member.startswith("&") and depth < 3:
            phrases |= _expand(member[1:].upper(), synsets, depth + 1)
        else:
            phrase = " ".join(w for w in re.split(r"[\s_]+", member.strip().lower()) if w)
            if phrase:
                phrases.add(phrase)
    return phrases


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = defaultdict(list)
    current: str | None = None
    for line in lines:
        if line.startswith("&"):
            current = line[1:].split()[0].upper()
        elif current and line.startswith("+"):
            synsets[current].append(line[1:].strip())
        elif not line.strip():
            current = None
    return synsets


class _Reader:
    """Walks the verb blocks, collecting one Pattern per (verb, pattern line)."""

    def __init__(self, synsets: dict[str, list[str]]) -> None:
        self.synsets = synsets
        self.verbs: dict[str, list[Pattern]] = defaultdict(list)
        self.heads: list[str] = []
        self.particles: dict[str, tuple[frozenset[str], ...]] = {}
        self.default: tuple[str | None, str | None] = (None, None)

    def add(self, head: str, codes: tuple[str | None, str | None], pre: str, post: str, text: str) -> None:
        code, mirror = codes
        if code is None:
            return
        order = sum(len(v) for v in self.verbs.values())
        before, after = _words(pre, self.synsets), _words(post, self.synsets)
        pattern = Pattern(
            code, "verb", head, self.particles.get(head, ()), (), False, order, text, before, after, mirror,
            mutual="%" in pre,
        )  # fmt: skip
        self.verbs[head].append(pattern)

    def read(self, line: str) -> None:
        header = _HEADER.match(line)
        if header:
            self.heads, self.particles = [], {}
            self.default = _codes(header.group(2))
        elif not line.strip() or line.startswith(("&", "<")):
            return
        elif line.startswith("-"):
            found = _CODE.search(line)
            if found and "*" in line:
                pre, _, post = line[1 : found.start()].partition("*")
                for head in self.heads:
                    self.add(head, _codes(found.group(1)), pre, post, line.strip())
        elif verb := _verb_line(line):
            head, extra, own_code = verb
            self.heads.append(head)
            if extra:
                self.particles[head] = extra
            self.add(head, _codes(own_code) if own_code else self.default, "", "", line.strip())


def petrarch_patterns(path: Path) -> PatternBook:
    """Build a pattern book from a TABARI verb dictionary file; worldwire's light verbs and the like stay."""
    lines = [_strip(raw) for raw in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    reader = _Reader(_synsets(lines))
    for line in lines:
        reader.read(line)
    own = pattern_book()
    return PatternBook(
        verbs=frozen_mapping({k: tuple(v) for k, v in reader.verbs.items()}),
        nouns=frozen_mapping({}),
        reciprocal=frozen_mapping({}),
        light_verbs=own.light_verbs,
        # PETRARCH reads the target as the first actor after the verb, wherever it stands: "arrived in
        # X", "left for X" code X as the target.
        default_preps=(*own.default_preps, "in", "for", "from", "of", "over", "about"),
        # PETRARCH pairs the members of a compound subject when nothing else is the target
        mutual_roots=frozenset(f"{r:02d}" for r in range(100)),
        place_preps=frozenset(),
        location_preps=frozenset(),
        location_roots=frozenset(),
        unattributed_roots=frozenset(),
        violence_words=frozenset(),
        armed_sectors=frozenset(),
        verbal_attack_verbs=frozenset(),
        verbal_attack_code=own.verbal_attack_code,
        clause_bound=False,  # the next actor after the verb, wherever it stands
        fallback=frozen_mapping({}),
        demand_auxiliaries=frozenset(),
        demand_code=own.demand_code,
        speech_verbs=frozenset(),
    )


def _verb_line(line: str) -> tuple[str, tuple[frozenset[str], ...], str] | None:
    """A verb entry: "BAN {BANS BANNED}", "+BREAK_DOWN {...}", "KLM_NOP_+RST [002]" → head lemma, the other
    words of a phrasal verb as required words, and the entry's own code if it has one."""
    code = ""
    found = _CODE.search(line)
    if found:
        code = found.group(1)
        line = line[: found.start()]
    line = re.sub(r"\{.*?\}", "", line).strip()
    if not line or " " in line.strip():
        return None
    parts = [p for p in line.split("_") if p]
    if not parts:
        return None
    marked = [p for p in parts if p.startswith("+")]
    head = (marked[0] if marked else parts[0]).strip("+").lower()
    others = tuple(frozenset({p.strip("+").lower()}) for p in parts if p.strip("+").lower() != head)
    if not head.isalpha():
        return None
    return head, others, code
