"""Watch mode: only new feed entries are fetched and processed, failures are retried next round."""

from frontlines.model import Document
from frontlines.pipeline import Pipeline, Stage
from frontlines.sources.fetch import FakeFetcher, failure, fake_page
from frontlines.store import open_store
from frontlines.watch import poll_once, watch

FEED = "https://news.example/feed.xml"


def rss(*links: str) -> str:
    items = "".join(f"<item><title>{link}</title><link>{link}</link><guid>{link}</guid></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


def page(url: str) -> object:
    return fake_page(url, f"<html><body><p>Story at {url}</p></body></html>", content_type="text/html")


def copy_text(doc: Document) -> Document:
    doc.text = doc.raw.decode() if isinstance(doc.raw, bytes) else doc.raw
    return doc


PIPELINE = Pipeline([Stage("clean", copy_text, requires=("raw",), assigns=("text",))])


def test_second_round_fetches_only_new_entries(tmp_path):
    one, two = "https://news.example/1", "https://news.example/2"
    fetcher = FakeFetcher({FEED: fake_page(FEED, rss(one), content_type="application/rss+xml"), one: page(one)})
    store = open_store(":memory:")
    first = poll_once([FEED], store, fetcher, PIPELINE)
    assert first.summary.documents_stored == 1 and first.entries == 1
    fetcher.responses[FEED] = fake_page(FEED, rss(two, one), content_type="application/rss+xml")
    fetcher.responses[two] = page(two)
    fetcher.requests.clear()
    second = poll_once([FEED], store, fetcher, PIPELINE)
    assert second.already_stored == 1 and second.summary.documents_stored == 1
    assert fetcher.requests == [FEED, two]


def test_failed_pages_are_not_stored_and_are_retried(tmp_path):
    url = "https://news.example/3"
    fetcher = FakeFetcher(
        {FEED: fake_page(FEED, rss(url), content_type="application/rss+xml"), url: failure(url, "timeout", "slow")}
    )
    store = open_store(":memory:")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{FEED}\n")
    slept = []
    rounds = watch(feeds, store, fetcher, PIPELINE, interval=5, rounds=2, sleep=slept.append)
    assert [r.summary.documents_stored for r in rounds] == [0, 0]
    assert all(r.fetch_failures["timeout"] == 1 for r in rounds) and slept == [5]
    fetcher.responses[url] = page(url)
    assert poll_once([FEED], store, fetcher, PIPELINE).summary.documents_stored == 1
