"""The terminal driver's parser drops a paste's ESC bytes, however the reads split it
(ui/paste_parser.py, PasteSafeParser); input outside a paste passes untouched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual import events

from tui_tracker.ui.paste_parser import PASTE_END, PASTE_START, PasteSafeParser

TYPED = "a\x1b[Aq\x1b"  # a key, an arrow key's sequence, a key, a lone Escape
PASTED = "note \x1b[31mred\x1b[0m end \x1b]0;title\x07!"
STREAM = TYPED + PASTE_START + PASTED + PASTE_END + "x" + PASTE_START + "\x1b\x1b" + PASTE_END


def filtered(chunks: list[str]) -> str:
    parser = PasteSafeParser()
    return "".join(parser.without_pasted_escapes(chunk) for chunk in chunks)


def test_a_paste_loses_its_escapes_and_nothing_else():
    want = TYPED + PASTE_START + PASTED.replace("\x1b", "") + PASTE_END + "x"
    assert filtered([STREAM]) == want + PASTE_START + PASTE_END


@given(st.lists(st.integers(0, len(STREAM)), max_size=6))
def test_however_the_reads_split_it(cuts):
    points = sorted(set(cuts))
    chunks = [STREAM[a:b] for a, b in zip([0, *points], [*points, len(STREAM)])]
    assert filtered([c for c in chunks if c]) == filtered([STREAM])


def test_the_parser_then_sends_one_paste_with_the_text_in_order():
    parser = PasteSafeParser()
    found = list(parser.feed(PASTE_START + PASTED + PASTE_END))
    assert [type(e) for e in found] == [events.Paste]
    assert found[0].text == PASTED.replace("\x1b", "")
