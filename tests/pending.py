"""Markers for work that waits on code this branch may not touch.

STORE_FILLS_DEFAULTS: store.volume_targets() fills a muscle the lifter never set with
10-16, whatever the muscle, so domain.targets.lifter_targets reads 10-16 on a muscle
whose default differs as that default, and a band the lifter set to exactly 10-16 there
is lost.  Once the store fills DEFAULT_TARGETS itself (and lifter_targets stops mapping),
these tests pass; the marker is strict so that it must then go.
"""

import pytest

STORE_FILLS_DEFAULTS = pytest.mark.xfail(
    strict=True, reason="store.volume_targets() fills 10-16 for every unset muscle")
