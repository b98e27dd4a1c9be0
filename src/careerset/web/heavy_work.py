"""Long CPU-heavy request work (imports and the coding they start) off the event loop.

The event loop must keep answering everyone else. Work that needs the store runs in a small
thread pool. Parsing an upload needs nothing but its bytes, and it is the longest pure-Python
part, so it runs in a separate process at a lower CPU priority: a thread would hold the
interpreter lock for seconds and every other request of this worker would queue behind it.
"""

import asyncio
import functools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

# Two at a time: enough to overlap one job's database waits with another's parsing, and few
# enough that the threads cannot starve the event loop of the interpreter lock.
HEAVY_AT_ONCE = 2
# Parsing processes run this much nicer than the worker, so the kernel serves requests first.
PARSING_NICENESS = 10
# How often a parsing process checks that the worker that started it is still there.
PARENT_CHECK_SECONDS = 1.0
_THREADS = ThreadPoolExecutor(max_workers=HEAVY_AT_ONCE, thread_name_prefix="careerset-heavy")
_processes: ProcessPoolExecutor | None = None
_processes_lock = threading.Lock()
T = TypeVar("T")


async def run_heavy(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in the heavy-work thread pool; the request waits, the event loop does not."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_THREADS, functools.partial(function, *args))


def _start_parsing_process(parent: int) -> None:
    os.nice(PARSING_NICENESS)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    # A worker killed outright cannot stop its pool, and its parsing processes would then wait
    # forever on a queue their siblings keep open: each leaves once its worker is gone.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _parsing_pool() -> ProcessPoolExecutor:
    global _processes
    with _processes_lock:
        if _processes is None:
            # Spawned, not forked: the worker has threads and open database connections that a
            # forked child must not inherit.
            _processes = ProcessPoolExecutor(
                max_workers=HEAVY_AT_ONCE,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_parsing_process,
                initargs=(os.getpid(),),
            )
        return _processes


def _forget_pool(broken: ProcessPoolExecutor) -> None:
    global _processes
    with _processes_lock:
        if _processes is broken:
            _processes = None


async def run_isolated(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in a parsing process: a top-level function whose arguments and result
    pickle. Exceptions it raises (a `UserError` for a bad file) reach the caller unchanged."""
    loop = asyncio.get_running_loop()
    pool = _parsing_pool()
    try:
        return await loop.run_in_executor(pool, functools.partial(function, *args))
    except BrokenProcessPool:
        # A parsing process died (killed, or out of memory): the next upload gets a new pool,
        # and this one is parsed here rather than failed.
        _forget_pool(pool)
        return await run_heavy(function, *args)


def warm_up() -> None:
    """Start the parsing processes ahead of the first upload (they import careerset once)."""
    pool = _parsing_pool()
    for _ in range(HEAVY_AT_ONCE):
        pool.submit(_ready)


def _ready() -> bool:
    import careerset.actions.importing  # noqa: F401 - the import is the warming

    return True
