"""Long CPU-heavy request work (imports and the coding they start) off the event loop.

The event loop must keep answering everyone else; a small pool bounds how many heavy jobs
run at once per worker process, and the rest wait their turn.
"""

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

# Two at a time: enough to overlap one job's database waits with another's parsing, and few
# enough that the threads cannot starve the event loop of the interpreter lock.
HEAVY_AT_ONCE = 2
_POOL = ThreadPoolExecutor(max_workers=HEAVY_AT_ONCE, thread_name_prefix="careerset-heavy")
T = TypeVar("T")


async def run_heavy(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in the heavy-work pool; the request waits, the event loop does not."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_POOL, functools.partial(function, *args))
