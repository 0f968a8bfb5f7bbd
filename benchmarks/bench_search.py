"""Catalogue search time per keystroke (the exercise picker runs it on every key).

Run: .venv/bin/python benchmarks/bench_search.py
"""

import time

from tui_tracker.domain.catalogue import Catalogue

CAT = Catalogue()
for query in ("lat pull", "c", "curl", "pldwn", "xq", "incline db press"):
    runs = []
    for _ in range(50):
        start = time.perf_counter()
        CAT.search(query)
        runs.append(time.perf_counter() - start)
    runs.sort()
    print(f"{query!r:22} median {runs[25] * 1000:.2f} ms  worst {runs[-1] * 1000:.2f} ms")
