"""Have the C allocator give freed array memory back to the system (glibc; elsewhere nothing).

glibc's malloc serves a block of `M_MMAP_THRESHOLD` bytes or more with a mapping of its own,
returned to the system when freed; smaller blocks come from the heap, whose freed space stays
with the process. The threshold starts at 128 KiB and rises to the size of each mapped block
that is freed, up to 32 MiB. Question grouping allocates and frees arrays of every size from
a few KiB to a few hundred MiB: once its first big arrays are freed, every array below 32 MiB
comes from the heap, and the space they leave is reused only in part. Fixing the threshold
stops that adjustment. Measured with `benchmarks/driver_memory.py` on 424,050 questions (what a
million comments give): the peak of grouping 1,705 MiB with glibc's default, 1,525 MiB with
blocks of 2 MiB or more mapped (docs/benchmarks.md, "Driver memory, eighth round"), for up to a
fifth more CPU in grouping (page faults on fresh mappings) on that noisy machine.
"""

from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
MAPPED_FROM = 2 << 20  # bytes: blocks this large or larger get mappings of their own


def map_large_blocks(threshold: int = MAPPED_FROM) -> bool:
    """From now on, in this process, serve blocks of `threshold` bytes or more with mappings of
    their own (returned to the system when freed). True when the allocator took the setting
    (glibc); False where there is no `mallopt` (macOS, Windows) or it refused."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, threshold) == 1)
