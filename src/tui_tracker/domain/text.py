"""Text from people and files, made safe to keep and to show.

Names and notes arrive from a keyboard (a paste carries anything), a command line,
a Strong or Hevy CSV and a JSON export.  A control character in them is never
meant as text: ESC starts the sequences that retitle a terminal window (OSC 0/2),
write its clipboard (OSC 52), make links (OSC 8) or clear the screen (CSI 2J), and
0x9b is a one-byte CSI.  Rich and Textual pass ESC through, and `print` does too.

So the domain cleans every name and note where it builds its objects (`clean_text`,
called by the models, the mesocycle, `new_exercise` and the importers): whatever
path text takes into the log, it is kept clean.  Output that may still hold raw
text (an old database, a file name echoed in an error) is shown through
`escape_controls`, which writes each control character as a visible `\\uXXXX`.
"""

from __future__ import annotations

import re

#: C0 controls, DEL and the C1 block: what a terminal may act on.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

#: Controls that separate words or lines (tab, line breaks, NEL, the information
#: separators Python splits on): a space in a name, so words stay apart.
_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85"

_NAME = (
    {c: None for c in range(0x20)}
    | {c: None for c in range(0x7F, 0xA0)}
    | {ord(c): " " for c in _BREAKS}
)
_NOTE = _NAME | {ord("\n"): "\n"}


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` without control characters; clean text is returned as it is.

    Tabs and line breaks become spaces; with `multiline` (notes) a line break
    (LF, CRLF or CR) stays, as one LF.  Every other control character is dropped:
    what is left of an escape sequence is plain text ("\\x1b[2J" becomes "[2J").
    Markup (`[b]`) is text like any other: screens show it as typed.
    """
    if not CONTROL.search(text):
        return text
    text = text.replace("\r\n", "\n")
    if multiline:
        text = text.replace("\r", "\n")
    return text.translate(_NOTE if multiline else _NAME)


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_controls(text: str, keep: str = "\n\t") -> str:
    """`text` with each control character not in `keep` written as `\\uXXXX`.

    For output that may still hold raw text: the characters stay visible and a
    terminal only prints them.  Inside a JSON string `\\u001b` means the same
    character, so JSON output stays valid and says the same.
    """
    if not CONTROL.search(text):
        return text
    if not keep:
        return CONTROL.sub(_visible, text)
    return CONTROL.sub(lambda m: m.group() if m.group() in keep else _visible(m), text)
