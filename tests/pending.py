"""Markers for work that waits on code this branch may not touch.

STORE_FILLS_DEFAULTS: store.volume_targets() fills a muscle the lifter never set with
10-16, whatever the muscle; the per-muscle defaults (domain/targets.py) reach the
commands and screens once it fills them from DEFAULT_TARGETS (and exchange.merge
compares with them).  Strict: when the store does, these tests pass and the marker
must go.
"""

import pytest

STORE_FILLS_DEFAULTS = pytest.mark.xfail(
    strict=True, reason="store.volume_targets() still fills 10-16 for every unset muscle")
