"""``frontlines watch FEEDS_FILE``: poll RSS/Atom feeds on a schedule and process only what is new.

Each round reads the feeds file again (so feeds can be added while it runs), fetches every feed, and fetches and
processes only entries whose URL is not stored yet. A failed page fetch is counted and retried next round (it is not
stored, so it is not mistaken for done). Ctrl-C ends the watch after the document in hand is stored.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.batch import BatchSummary, run_documents
from frontlines.model import Document
from frontlines.pipeline import Pipeline
from frontlines.sources.feeds import page_document, parse_feed, parse_url_list
from frontlines.sources.fetch import Fetcher
from frontlines.store import Store

log = logging.getLogger(__name__)


@dataclass
class Round:
    """What one polling round did."""

    feeds: int = 0
    entries: int = 0
    already_stored: int = 0
    fetch_failures: Counter[str] = field(default_factory=Counter)
    summary: BatchSummary = field(default_factory=BatchSummary)


def watch(
    feeds_file: Path,
    store: Store,
    fetcher: Fetcher,
    pipeline: Pipeline,
    *,
    interval: float,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    report: Callable[[Round], None] = lambda _: None,
) -> list[Round]:
    """Poll until interrupted (or for ``rounds`` rounds); returns what each round did."""
    done: list[Round] = []
    try:
        while rounds is None or len(done) < rounds:
            if done:
                sleep(interval)
            done.append(poll_once(read_feeds(feeds_file), store, fetcher, pipeline))
            report(done[-1])
    except KeyboardInterrupt:
        log.info("watch stopped after %d rounds", len(done))
    return done


def read_feeds(feeds_file: Path) -> list[str]:
    return parse_url_list(feeds_file.read_text(encoding="utf-8", errors="replace").splitlines())


def poll_once(feed_urls: list[str], store: Store, fetcher: Fetcher, pipeline: Pipeline) -> Round:
    state = Round(feeds=len(feed_urls))
    state.summary = run_documents(_new_documents(feed_urls, store, fetcher, state), store, pipeline)
    return state


def _new_documents(feed_urls: list[str], store: Store, fetcher: Fetcher, state: Round) -> Iterator[Document]:
    for feed_url in feed_urls:
        feed = fetcher.fetch(feed_url)
        if not feed.ok:
            state.fetch_failures[feed.error_kind or "feed"] += 1
            log.warning("feed %s: %s", feed_url, feed.error or feed.status)
            continue
        entries, problem = parse_feed(feed.content, feed.final_url)
        if problem and not entries:
            state.fetch_failures["malformed_feed"] += 1
            log.warning("feed %s: %s", feed_url, problem)
        for entry in entries:
            state.entries += 1
            if store.has_url(entry.url):
                state.already_stored += 1
                continue
            page = fetcher.fetch(entry.url)
            if page.ok:
                yield page_document(page, external_id=entry.id or entry.url, published=entry.published)
            else:
                state.fetch_failures[page.error_kind or "page"] += 1
