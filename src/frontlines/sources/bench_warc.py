"""Throughput and memory of WARC reading alone (no pipeline): synthetic archives of ~5 KB pages.

    python -m frontlines.sources.bench_warc generate /tmp/w2k.warc.gz --pages 2000
    python -m frontlines.sources.bench_warc measure /tmp/w2k.warc.gz

Run ``measure`` in a fresh process per archive: peak RSS (``ru_maxrss``) only ever grows within a process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from frontlines.sources.warc import iter_warc_documents, write_test_warc

# Words the synthetic pages are made of (varied, so pages compress like real text rather than like filler).
WORDS = [
    "the",
    "a",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "near",
    "after",
    "before",
    "during",
    "artillery",
    "shelling",
    "clashes",
    "fighters",
    "troops",
    "village",
    "town",
    "district",
    "province",
    "road",
    "bridge",
    "checkpoint",
    "convoy",
    "drone",
    "strike",
    "ambush",
    "militia",
    "army",
    "police",
    "civilians",
    "killed",
    "wounded",
    "displaced",
    "reported",
    "said",
    "officials",
    "witnesses",
    "according",
    "local",
    "sources",
    "morning",
    "night",
    "overnight",
    "northern",
    "southern",
    "eastern",
    "western",
    "border",
    "river",
    "market",
    "hospital",
    "school",
    "positions",
    "forces",
]


def synthetic_pages(count: int, *, size: int = 5000, seed: int = 7) -> Iterator[tuple[str, str, datetime]]:
    """``count`` pages of about ``size`` bytes each: (url, html, capture time)."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(count):
        paragraphs, length = [], 0
        while length < size - 200:
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))).capitalize() + "."
            paragraphs.append(f"<p>{sentence}</p>")
            length += len(sentence) + 7
        body = "\n".join(paragraphs)
        html = f"<html><head><title>Report {i}</title></head><body><article>{body}</article></body></html>"
        yield f"https://wire.example/{i // 1000}/{i}.html", html, start + timedelta(minutes=i)


def measure(path: str) -> dict[str, float]:
    """Iterate the archive once: records, seconds, records per second, RSS before and peak RSS (MiB)."""
    before = _peak_rss_mib()
    started = time.perf_counter()
    records = raw_bytes = 0
    for doc in iter_warc_documents(path):
        records += 1
        raw_bytes += len(doc.raw)
    seconds = time.perf_counter() - started
    return {
        "records": records,
        "payload_mib": round(raw_bytes / 2**20, 1),
        "seconds": round(seconds, 2),
        "records_per_second": round(records / seconds, 1),
        "rss_before_mib": round(before, 1),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / (2**20 if sys.platform == "darwin" else 2**10)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("generate", "measure"))
    parser.add_argument("path")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--plain", action="store_true", help="write an uncompressed .warc")
    args = parser.parse_args(argv)
    if args.action == "generate":
        count = write_test_warc(args.path, synthetic_pages(args.pages), gzip=not args.plain)
        print(json.dumps({"written": count, "path": args.path}))
    else:
        print(json.dumps(measure(args.path)))


if __name__ == "__main__":
    main()
