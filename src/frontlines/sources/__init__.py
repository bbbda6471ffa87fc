"""Real sources: polite, safe web fetching, RSS/Atom feeds and WARC archives, each turned into Documents.

    fetch.py   the Fetcher protocol, HttpFetcher (robots.txt, per-host delay, retries, size limit, address checks)
               and FakeFetcher for tests
    feeds.py   feed entries and URL lists -> Documents (a failed fetch is a counted Discard, never an exception)
    warc.py    .warc / .warc.gz archives streamed record by record -> Documents; a test archive writer
    content.py media type, charset and feed sniffing shared by the above
    bench_warc.py  records/second and peak RSS of WARC reading alone (python -m frontlines.sources.bench_warc)

Nothing here is imported at package import time beyond these small modules; httpx, feedparser and warcio are
imported where they are used.
"""
