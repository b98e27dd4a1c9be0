"""The Interest Profiler in a real pseudo-terminal: the screen shows the answer chosen."""

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path


def _take_in_a_terminal(home: Path, keys: list[bytes]) -> tuple[int, str]:
    """Run `careerset interests take` on a pseudo-terminal; type each key once the screen
    shows a new question (the scale line ends it)."""
    env = {**os.environ, "CAREERSET_HOME": str(home), "COLUMNS": "200"}
    env.pop("CAREERSET_DB", None)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "careerset", "interests", "take"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    seen, pending = b"", list(keys)
    typed_at, typed_len = 0.0, 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the program closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            last = seen.rsplit(b"How would you like to:", 1)[-1].rstrip()
            waiting = seen.count(b"How would you like to:") > len(keys) - len(pending)
            if pending and waiting and last.endswith(b"like"):
                time.sleep(0.5)  # let the program reach its key read (raw mode) first
                typed_at, typed_len = time.monotonic(), len(seen)
                os.write(leader, pending.pop(0))
            elif typed_at and len(seen) == typed_len and time.monotonic() - typed_at > 5:
                # A key typed just before the program switched the terminal to raw mode is
                # discarded by the switch (TCSAFLUSH): type it again.
                typed_at = time.monotonic()
                os.write(leader, keys[len(keys) - len(pending) - 1])
            if process.poll() is not None and not ready:
                break
    finally:
        os.close(leader)
        code = process.wait(timeout=30)
    assert process.stderr is not None
    return code, seen.decode("utf-8", "replace") + process.stderr.read().decode()


def final_scale(item: str) -> str:
    """What an item's scale line finally shows: its last drawing (each starts with \\r)."""
    scale = [line for line in item.split("\n") if "Strongly like" in line][-1]
    return scale.rstrip("\r").split("\r")[-1]


def test_the_chosen_answer_is_redrawn(home: Path) -> None:
    home.mkdir(parents=True)
    code, shown = _take_in_a_terminal(home, [b"4", b"0", b"q"])
    assert code == 0, shown
    first, second, _third = shown.split("How would you like to:")[1:4]
    # The last drawing of each item's scale marks the answer typed, not the default "Unsure".
    assert "[4 Strongly like]" in final_scale(first), first
    assert "[0 Strongly dislike]" in final_scale(second), second
    assert "[2 Unsure]" not in final_scale(first) + final_scale(second)
    assert "Saved 2 of 60 answers" in shown
