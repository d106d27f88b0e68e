"""Stored text on the operator's terminal: shown as text, never obeyed.

Ids, titles, origins and reasons come from the documents, so from whoever wrote them. Printed raw, an
escape sequence could rewrite the screen or the window title, and Rich markup ("[link=...]", "[/x]") could
forge output or crash the command. Everything printed from the store goes through `safe` or `cell`.
"""

from __future__ import annotations

import re

from rich.markup import escape
from rich.text import Text

# C0 controls but tab and newline, DEL and C1 controls (CSI is U+009B), and the bidirectional overrides
# that reorder what is shown (Trojan Source).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with control characters written out ('\\x1b'), so none reaches the terminal."""
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}",
        text,
    )


def safe(value: object) -> str:
    """`value` for an f-string printed by Rich: controls written out and markup escaped."""
    return escape(visible(str(value)))


def cell(value: object) -> Text:
    """`value` as a table cell: a `Text` is never parsed as markup."""
    return Text(visible(str(value)))
