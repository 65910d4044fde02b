"""CPU timing for the linear-time tests (CPU time: other work on a shared machine barely counts)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def cpu_seconds(run: Callable[[], object]) -> float:
    """The CPU seconds *run* takes, with the garbage collector paused (a collection of the whole
    test session's heap is not the code's own cost)."""
    gc.disable()
    try:
        started = time.process_time()
        run()
        return time.process_time() - started
    finally:
        gc.enable()
