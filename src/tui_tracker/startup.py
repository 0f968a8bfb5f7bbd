"""Start-up without the cyclic garbage collector, until the first frame is out.

Starting the TUI imports Textual and ours and builds the first screen: hundreds of
thousands of objects, nearly none of them garbage, yet the collector walks them all
again and again while they are made (about 7% of the import time, timed with
`gc.callbacks`).  So the TUI pauses it before the imports and resumes it once the
first frame is drawn, first moving what start-up made (the modules, the screen) to
the permanent generation (`gc.freeze`): later collections, between keys, never walk
it again.  Standard library only, no Textual: the command line calls this first.
"""

from __future__ import annotations

import gc

_paused = False


def pause_gc() -> None:
    """Stop automatic collections (nothing happens if they are off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_gc() -> bool:
    """Start them again if `pause_gc` stopped them; True if it did.  Safe to call twice."""
    global _paused
    if not _paused:
        return False
    _paused = False
    gc.freeze()
    gc.enable()
    return True


def gc_paused() -> bool:
    return _paused
