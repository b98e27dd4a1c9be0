"""The parsing processes of server mode (`careerset.web.heavy_work`) do not outlive their worker.

A worker killed outright (SIGKILL, the out-of-memory killer) cannot shut its process pool
down; its parsing processes must still leave rather than wait forever.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

WORKER = """
import time
from careerset.web import heavy_work
heavy_work.warm_up()
pool = heavy_work._parsing_pool()
# Both processes are up and have run a job: killing the worker now is killing a busy server.
for done in [pool.submit(heavy_work._ready) for _ in range(4)]:
    done.result()
print(*pool._processes, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie nobody reaped yet."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_parsing_processes_leave_when_their_worker_is_killed() -> None:
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert worker.stdout is not None
        children = [int(pid) for pid in worker.stdout.readline().split()]
        assert len(children) == 2 and all(_alive(pid) for pid in children)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in children), "parsing processes outlived the worker"
    finally:
        if worker.poll() is None:
            worker.kill()
        for pid in children if "children" in locals() else []:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
