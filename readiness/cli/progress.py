"""What a long command is doing, on the terminal's standard error, and nothing elsewhere.

A report, a portfolio or a batch of imports can take several seconds; on a
terminal the user sees one line that says what is happening and for how long,
rewritten in place and cleared before any result is printed. When standard
error is not a terminal (a script, a pipe, a log, the app running the command
beside it) nothing is written: the output a script reads stays as it was.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from readiness.cli.columns import display_width

TICK = 1.0  # seconds between updates of the elapsed time


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is an interactive terminal (False when closed or unknown)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """One progress line on a terminal; silent on anything else.

    ``Progress()`` writes to ``sys.stderr`` as it is when the line is drawn, so
    a test's captured stream and the real terminal are both honoured.
    """

    def __init__(
        self, stream: TextIO | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._given = stream
        self._clock = clock
        self._lock = threading.Lock()
        self._width = 0  # display width of the line now shown, to blank it out
        self.shown = is_terminal(self._stream)

    @property
    def _stream(self) -> TextIO:
        return self._given if self._given is not None else sys.stderr

    def show(self, text: str) -> None:
        """Replace the progress line with ``text``."""
        if not self.shown:
            return
        with self._lock:
            blank = " " * max(0, self._width - display_width(text))
            self._stream.write(f"\r{text}{blank}")
            self._stream.flush()
            self._width = display_width(text)

    def clear(self) -> None:
        """Remove the progress line, so the next output starts on a clean line."""
        if not self.shown or not self._width:
            return
        with self._lock:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0

    @contextmanager
    def stage(self, text: str) -> Iterator[Callable[[str], None]]:
        """Show ``text`` with the seconds it has taken, ticking, until the block ends.

        Yields a function that changes the text while the stage runs.
        """
        if not self.shown:
            yield lambda _text: None
            return
        started = self._clock()
        current = [text]
        stop = threading.Event()

        def draw() -> None:
            seconds = int(self._clock() - started)
            self.show(f"{current[0]} {seconds} s" if seconds else f"{current[0]}")

        def change(new: str) -> None:
            current[0] = new
            draw()

        def tick() -> None:
            while not stop.wait(TICK):
                draw()

        draw()
        ticker = threading.Thread(target=tick, name="progress", daemon=True)
        ticker.start()
        try:
            yield change
        finally:
            stop.set()
            ticker.join()
            self.clear()


def counted(number: int, total: int, text: str) -> str:
    """A step of a batch: "[3/10] text" (the count only when there is more than one)."""
    return f"[{number}/{total}] {text}" if total > 1 else text
