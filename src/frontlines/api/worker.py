"""One thread that owns the store: SQLite connections belong to the thread that opened them, so every store call
of the app runs on this thread (reads are serialized, which is what one SQLite file does anyway)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from frontlines.store.base import Store

T = TypeVar("T")


class StoreWorker:
    """Opens the store with ``factory`` on its own thread and runs ``fn(store, ...)`` calls there."""

    def __init__(self, factory: Callable[[], Store]) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontlines-store")
        try:
            self._store = self._executor.submit(factory).result()
        except BaseException:
            self._executor.shutdown(wait=True)
            raise
        self.cache: dict[tuple[Any, ...], Any] = {}

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, self._store, *args, **kwargs))

    def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """The same from synchronous code (tests, scripts)."""
        return self._executor.submit(fn, self._store, *args, **kwargs).result()

    def close(self) -> None:
        self._executor.submit(self._store.close).result()
        self._executor.shutdown(wait=True)
