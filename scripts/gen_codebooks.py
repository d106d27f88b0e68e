"""Generate data/cameo/v1.toml and the CAMEO→PLOVER mapping of data/plover/v1.toml, once.

The committed TOML files are the source of truth; this script documents where their facts came from
(../shared/codebooks/cameo/*.txt and ../shared/codebooks/plover/CAMEO2PLOVER-2021.txt). Run it again only
to regenerate from those files:

    .venv/bin/python scripts/gen_codebooks.py ../shared/codebooks
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "worldwire" / "data"

# GDELT's QuadClass boundaries by CAMEO root (facts, from the GDELT event codebook).
QUAD_BY_ROOT = {f"{r:02d}": (1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)}

# PLOVER categories: quad class and score, and the mode scores (PLOVER manual, "Numeric conflict/cooperation
# scores" table). Facts typed from the manual.
PLOVER_CATEGORIES: dict[str, tuple[int, float, dict[str, float]]] = {
    "AGREE": (1, 2.5, {}),
    "CONSULT": (1, 2.5, {"visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5}),
    "SUPPORT": (1, 5, {}),
    "CONCEDE": (1, 4.5, {}),
    "COOPERATE": (2, 9.5, {}),
    "AID": (2, 10, {}),
    "RETREAT": (
        2,
        6.5,
        {"withdraw": 8, "release": 6.5, "disarm": 10, "ceasefire": 7.5, "access": 6.5, "resign": 4.5},
    ),
    "REQUEST": (3, 0, {"assist": 0.5, "change": -1, "yield": -1, "meet": 0}),
    "ACCUSE": (3, 3, {"disapprove": -2, "investigate": -3.5, "allege": -3.5}),
    "REJECT": (3, -2, {"assist": -1.5, "change": -2, "yield": -2, "meet": -2}),
    "THREATEN": (
        3,
        -3.5,
        {"restrict": -3, "arrest": -3.5, "relations": -3.5, "expel": -3.5, "territory": -4, "violence": -3.5},
    ),
    "PROTEST": (
        4,
        -5,
        {"demo": -5, "riot": -7, "strike": -5, "hunger": -4.5, "boycott": -4.5, "obstruct": -4.5},
    ),
    "SANCTION": (4, -6, {"convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6}),
    "MOBILIZE": (4, -5.5, {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6}),
    "COERCE": (
        4,
        -7,
        {
            "seize": -7,
            "restrict": -7,
            "censor": -6.5,
            "curfew": -6.5,
            "martial-law": -7.5,
            "arrest": -7,
            "deport": -7,
            "withhold": -7,
            "misinformation": -6.5,
            "cyber": -7,
        },
    ),
    "ASSAULT": (
        4,
        -9,
        {
            "abduct": -8.5,
            "beat": -7.5,
            "torture": -8.5,
            "sexual": -8.5,
            "targeted": -9.5,
            "destroy": -8.5,
            "primitive": -8,
            "firearms": -9,
            "explosives": -9,
            "suicide-attack": -9.5,
            "aerial": -9.5,
            "drone": -9.5,
            "heavy-weapons": -9.5,
            "crowd-control": -7.5,
            "unconventional": -10,
        },
    ),
}

# CAMEO2PLOVER-2021 has no rows for roots 01 (statements) and 02 (appeals). worldwire's own choice, marked
# as such in the file: appeals are PLOVER REQUEST (the manual: "All requests, demands, and orders"); of the
# statements only those with a PLOVER counterpart are mapped, the bare "make statement" codes are not.
SUPPLEMENT: dict[str, tuple[str, str, str]] = {
    "011": ("REJECT", "", ""),
    "012": ("ACCUSE", "disapprove", ""),
    "013": ("SUPPORT", "", ""),
    "015": ("CONCEDE", "", ""),
    "016": ("REJECT", "", ""),
    "018": ("SUPPORT", "", ""),
    "019": ("AGREE", "", ""),
    "02": ("REQUEST", "", ""),
    "020": ("REQUEST", "", ""),
    "021": ("REQUEST", "assist", ""),
    "0211": ("REQUEST", "assist", "economic"),
    "0212": ("REQUEST", "assist", "military"),
    "0213": ("REQUEST", "assist", "legal"),
    "0214": ("REQUEST", "assist", "intelligence"),
    "022": ("REQUEST", "assist", "diplomatic"),
    "023": ("REQUEST", "assist", ""),
    "0231": ("REQUEST", "assist", "economic"),
    "0232": ("REQUEST", "assist", "military"),
    "0233": ("REQUEST", "assist", "humanitarian"),
    "0234": ("REQUEST", "assist", "peacekeeping"),
    "024": ("REQUEST", "change", "political_institutions"),
    "0241": ("REQUEST", "change", "executive"),
    "0242": ("REQUEST", "change", "executive"),
    "0243": ("REQUEST", "change", "rights_freedoms"),
    "0244": ("REQUEST", "change", "political_institutions"),
    "025": ("REQUEST", "yield", ""),
    "0251": ("REQUEST", "yield", "legal"),
    "0252": ("REQUEST", "yield", "legal"),
    "0253": ("REQUEST", "yield", "legal"),
    "0254": ("REQUEST", "yield", "economic"),
    "0255": ("REQUEST", "yield", "diplomatic"),
    "0256": ("REQUEST", "yield", "military"),
    "026": ("REQUEST", "meet", "diplomatic"),
    "027": ("REQUEST", "meet", "diplomatic"),
    "028": ("REQUEST", "meet", "diplomatic"),
}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cameo_toml(codebooks: Path) -> str:
    names = {}
    text = (codebooks / "cameo" / "CAMEO.eventcodes.txt").read_text(encoding="utf-8")
    # One line of the source file has a second entry glued on ("...engagement106:[-5.0] Demand withdrawal").
    text = re.sub(r"(\D)(\d{3}):\[-?[\d.]+\] ", "\\1\n\\2\t", text)
    for line in text.splitlines()[1:]:
        code, _, name = line.strip().partition("\t")
        if len(code) >= 2:
            names[code] = name.strip()
    goldstein = {}
    for line in (
        (codebooks / "cameo" / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]
    ):
        code, _, value = line.strip().partition("\t")
        goldstein[code] = float(value)
    out = [
        "# CAMEO event codebook (CAMEO 1.1b3 as used by GDELT): every code with its name, Goldstein value",
        "# and GDELT QuadClass. Facts generated once by scripts/gen_codebooks.py from",
        "# ../shared/codebooks/cameo/CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt; this file is the",
        "# source of truth now.",
        'schema = "worldwire.cameo/1"',
        "",
    ]
    for code, name in names.items():
        root = code[:2]
        value = goldstein.get(code, goldstein.get(code[:3], goldstein[root]))
        out += [f"[codes.{_q(code)}]", f"name = {_q(name)}", f"goldstein = {value}"]
        out += [f"quad_class = {QUAD_BY_ROOT[root]}", ""]
    return "\n".join(out)


def plover_toml(codebooks: Path) -> str:
    mapping: dict[str, tuple[str, str, str]] = {}
    for line in (codebooks / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or ":" not in body or body.startswith("~"):
            continue
        code, _, rest = body.partition(":")
        parts = [p.strip() for p in rest.split(",")]
        if len(parts) < 2 or not code.strip().isdigit():
            continue
        category, mode = parts[0], parts[1]
        context = parts[2] if len(parts) > 2 else ""
        mapping.setdefault(code.strip(), (category, mode, context))
    mapping.update({k: v for k, v in SUPPLEMENT.items() if k not in mapping})
    out = [
        "# PLOVER categories (with quad class and score), their modes (with scores) and the CAMEO→PLOVER",
        "# mapping. Scores: PLOVER manual table 'PLOVER conflict--cooperation scores'. Mapping: generated",
        "# once by scripts/gen_codebooks.py from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8); rows",
        '# marked source = "worldwire" are worldwire\'s own, for roots 01 and 02 that the table lacks.',
        'schema = "worldwire.plover/1"',
        "",
    ]
    for name, (quad, score, modes) in PLOVER_CATEGORIES.items():
        out += [f"[categories.{name}]", f"quad_class = {quad}", f"score = {float(score)}"]
        out += ["modes = { " + ", ".join(f"{_q(m)} = {float(s)}" for m, s in modes.items()) + " }", ""]
    for code in sorted(mapping, key=lambda c: (c[:2], c)):
        category, mode, context = mapping[code]
        contexts = [c.strip() for c in context.split(";") if c.strip()]
        row = f"[mapping.{_q(code)}]\ncategory = {_q(category)}\nmode = {_q(mode.strip())}\n"
        row += "context = [" + ", ".join(_q(c) for c in contexts) + "]\n"
        if code in SUPPLEMENT:
            row += 'source = "worldwire"\n'
        out.append(row)
    return "\n".join(out)


def main(codebooks: Path) -> None:
    for name, text in (("cameo", cameo_toml(codebooks)), ("plover", plover_toml(codebooks))):
        target = DATA / name / "v1.toml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/codebooks"))
