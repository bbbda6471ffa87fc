"""HttpFetcher against a local HTTP server on 127.0.0.1 (started and stopped by a fixture), and feeds fetched from it.

Every request goes to 127.0.0.1 only; refused addresses are refused before any connection. Timeouts are short, retry
pauses are recorded by a fake sleep instead of slept (one politeness test sleeps for real, briefly).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from frontlines.sources.feeds import iter_feed_documents, iter_url_documents
from frontlines.sources.fetch import USER_AGENT, FetchOptions, HttpFetcher, address_problem, parse_retry_after

PAGE = b"<html><head><title>Shelling near the river</title></head><body><p>Artillery hit the depot.</p></body></html>"


@dataclass
class Reply:
    """What the test server answers for a path."""

    status: int = 200
    body: bytes = PAGE
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # before the status line
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    stream_bytes: int = 0  # > 0: send this many bytes of filler in 64 KiB chunks instead of body
    drip: float = 0.0  # > 0: send the body a byte at a time with this pause between bytes
    cut_after: int = -1  # >= 0: announce the whole body but close the connection after this many bytes


class Site:
    """Routes (path -> Reply, or a list of Replies served in turn, the last repeating) and what was asked."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.routes: dict[str, Reply | list[Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.headers: dict[str, dict[str, str]] = {}
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def reply_for(self, path: str, headers: dict[str, str]) -> Reply:
        with self.lock:
            self.hits[path] += 1
            self.headers[path] = headers
            found = self.routes.get(path, Reply(status=404, body=b"not here"))
            if isinstance(found, list):
                return found.pop(0) if len(found) > 1 else found[0]
            return found


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.in_flight += 1
                site.max_in_flight = max(site.max_in_flight, site.in_flight)
            self.left = False
            try:
                self._answer(site.reply_for(self.path, dict(self.headers.items())))
            except OSError:
                pass  # the client gave up (timeout, size limit): expected in these tests
            finally:
                self._leave()

        def _leave(self) -> None:
            """Counted out before the body is written: the client cannot be done with this request before."""
            if not self.left:
                self.left = True
                with site.lock:
                    site.in_flight -= 1

        def _answer(self, reply: Reply) -> None:
            time.sleep(reply.delay)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.send_length and not reply.stream_bytes:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self._leave()
            if reply.stream_bytes:
                chunk = b"x" * 65536
                for _ in range(reply.stream_bytes // len(chunk)):
                    self.wfile.write(chunk)
            elif reply.drip:
                for byte in reply.body:
                    self.wfile.write(bytes([byte]))
                    time.sleep(reply.drip)
            else:
                self.wfile.write(reply.body if reply.cut_after < 0 else reply.body[: reply.cut_after])

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(Site(0)))
    site = Site(httpd.server_address[1])
    httpd.RequestHandlerClass = make_handler(site)
    httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def site(server):
    server.routes.clear()
    server.hits.clear()
    server.headers.clear()
    server.max_in_flight = 0
    return server


class Sleeps(list):
    """A fake sleep: records each pause instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def local_fetcher(sleeps: Sleeps | None = None, **options) -> HttpFetcher:
    settings = {"allow_private": True, "delay": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0, "backoff": 0.01}
    settings.update(options)
    if sleeps is None:
        return HttpFetcher(FetchOptions(**settings))
    return HttpFetcher(FetchOptions(**settings), sleep=sleeps)


def test_page_is_fetched_with_our_user_agent(site):
    site.routes["/news/1"] = Reply()
    with local_fetcher() as fetcher:
        result = fetcher.fetch(site.url("/news/1"))
    assert result.ok and result.status == 200 and result.content == PAGE
    assert (result.media_type, result.charset) == ("text/html", "utf-8")
    assert result.final_url == result.url == site.url("/news/1") and result.fetched_at is not None
    assert site.headers["/news/1"]["User-Agent"] == USER_AGENT
    assert site.hits["/robots.txt"] == 1  # robots.txt asked first (404 here: everything allowed)


def test_redirect_chain_is_followed_and_too_long_chains_stop(site):
    site.routes["/a"] = Reply(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Reply(status=301, headers={"Location": site.url("/c")})
    site.routes["/c"] = Reply()
    site.routes["/loop"] = Reply(status=307, headers={"Location": "/loop"})
    with local_fetcher(max_redirects=5) as fetcher:
        result = fetcher.fetch(site.url("/a"))
        looped = fetcher.fetch(site.url("/loop"))
    assert result.ok and result.url == site.url("/a") and result.final_url == site.url("/c")
    assert [site.hits[p] for p in ("/a", "/b", "/c")] == [1, 1, 1]
    assert looped.error_kind == "too_many_redirects" and site.hits["/loop"] == 6


def test_loopback_is_refused_without_allow_private(site):
    site.routes["/news/1"] = Reply()
    with HttpFetcher(FetchOptions(delay=0.0)) as fetcher:
        result = fetcher.fetch(site.url("/news/1"))
    assert not result.ok and result.error_kind == "refused_address" and "loopback" in result.error
    assert sum(site.hits.values()) == 0  # nothing was sent, not even robots.txt


@pytest.mark.parametrize(
    "location",
    [
        "http://10.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.2]/",
        "http://0.0.0.0/",
        "http://192.168.1.1:8080/",
    ],
)
def test_redirect_to_a_refused_address_is_refused(site, location):
    site.routes["/out"] = Reply(status=302, headers={"Location": location})
    options = FetchOptions(delay=0.0, allowed_networks=("127.0.0.1/32",), connect_timeout=1.0, read_timeout=1.0)
    with HttpFetcher(options) as fetcher:
        result = fetcher.fetch(site.url("/out"))
    assert result.error_kind == "refused_address", result.error
    assert result.url == site.url("/out") and result.final_url == location
    assert site.hits["/out"] == 1


def test_redirect_to_another_scheme_is_a_bad_url(site):
    site.routes["/ftp"] = Reply(status=301, headers={"Location": "file:///etc/passwd"})
    with local_fetcher() as fetcher:
        assert fetcher.fetch(site.url("/ftp")).error_kind == "bad_url"


def test_unparseable_redirect_location_is_a_bad_url(site):
    site.routes["/weird"] = Reply(status=302, headers={"Location": "http://[not-an-address/"})
    with local_fetcher() as fetcher:
        result = fetcher.fetch(site.url("/weird"))
    assert result.error_kind == "bad_url" and "Location" in result.error


def test_an_unforeseen_error_is_a_failed_fetch_not_an_exception(caplog):
    def broken_resolver(host, port):
        raise RuntimeError("resolver bug")

    result = HttpFetcher(FetchOptions(delay=0.0), resolver=broken_resolver).fetch("http://news.example/")
    assert result.error_kind == "network" and "RuntimeError" in result.error
    assert "unexpected RuntimeError" in caplog.text


@pytest.mark.parametrize(
    ("addresses", "refused"),
    [(["192.168.4.20"], True), (["93.184.216.34", "10.1.2.3"], True), (["fe80::1"], True), (["::"], True)],
)
def test_every_resolved_address_is_checked_before_connecting(addresses, refused):
    fetcher = HttpFetcher(FetchOptions(delay=0.0), resolver=lambda host, port: addresses)
    result = fetcher.fetch("http://intranet.example/report")
    assert (result.error_kind == "refused_address") is refused and "intranet.example" in result.error


def test_connection_is_pinned_to_the_checked_address_with_the_real_host_header(site):
    site.routes["/pinned"] = Reply()
    resolver = lambda host, port: ["127.0.0.1"] if host == "news.example" else []  # noqa: E731
    with HttpFetcher(FetchOptions(delay=0.0, allow_private=True), resolver=resolver) as fetcher:
        result = fetcher.fetch(f"http://news.example:{site.port}/pinned")
    assert result.ok and result.final_url == f"http://news.example:{site.port}/pinned"
    assert site.headers["/pinned"]["Host"] == f"news.example:{site.port}"


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        (Reply(body=b"User-agent: frontlines\nDisallow: /private/\n"), "/private/memo", False),
        (Reply(body=b"User-agent: frontlines\nDisallow: /private/\n"), "/public/memo", True),
        (Reply(body=b"User-agent: *\nDisallow: /\n"), "/anything", False),
        (Reply(body=b"User-agent: otherbot\nDisallow: /\n"), "/anything", True),
        (Reply(status=404), "/anything", True),  # 4xx: allow all
        (Reply(status=403), "/anything", True),
        (Reply(status=503), "/anything", False),  # 5xx: disallow all (RFC 9309)
        (Reply(delay=1.5), "/anything", True),  # robots.txt cannot be fetched (timeout): allow
    ],
)
def test_robots_txt_is_respected(site, robots, path, allowed):
    site.routes["/robots.txt"] = robots
    site.routes[path] = Reply()
    with local_fetcher(read_timeout=0.3) as fetcher:
        result = fetcher.fetch(site.url(path))
        again = fetcher.fetch(site.url(path))
    assert result.ok is allowed and again.ok is allowed
    assert (result.error_kind == "robots_disallowed") is not allowed
    assert site.hits[path] == (2 if allowed else 0)
    assert site.hits["/robots.txt"] == 1  # cached per host


def test_robots_crawl_delay_raises_the_host_delay(site):
    site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 3\n")
    site.routes["/p"] = Reply()
    sleeps = Sleeps()
    with local_fetcher(sleeps, max_crawl_delay=5.0) as fetcher:
        assert fetcher.fetch(site.url("/p")).ok and fetcher.fetch(site.url("/p")).ok
    assert sleeps and 2.5 < max(sleeps) <= 3.0


def test_503_then_200_is_retried_with_backoff(site):
    site.routes["/flaky"] = [Reply(status=503), Reply(status=503), Reply()]
    sleeps = Sleeps()
    with local_fetcher(sleeps, backoff=0.5) as fetcher:
        result = fetcher.fetch(site.url("/flaky"))
    assert result.ok and result.content == PAGE and site.hits["/flaky"] == 3
    assert [round(s, 1) for s in sleeps if s > 0.1] == [0.5, 1.0]  # exponential


def test_retries_stop_after_the_limit(site):
    site.routes["/down"] = Reply(status=500)
    with local_fetcher(Sleeps(), max_retries=3) as fetcher:
        result = fetcher.fetch(site.url("/down"))
    assert not result.ok and result.status == 500 and result.error_kind == "http_status"
    assert "after 3 retries" in result.error
    assert site.hits["/down"] == 4


def test_429_retry_after_is_honoured(site):
    site.routes["/busy"] = [Reply(status=429, headers={"Retry-After": "2"}), Reply()]
    sleeps = Sleeps()
    with local_fetcher(sleeps) as fetcher:
        result = fetcher.fetch(site.url("/busy"))
    assert result.ok and site.hits["/busy"] == 2
    assert 1.5 < max(sleeps) <= 2.0


def test_retry_after_over_the_limit_gives_up(site):
    site.routes["/later"] = Reply(status=503, headers={"Retry-After": "3600"})
    sleeps = Sleeps()
    with local_fetcher(sleeps, max_retry_after=60) as fetcher:
        result = fetcher.fetch(site.url("/later"))
    assert result.error_kind == "http_status" and "Retry-After" in result.error
    assert site.hits["/later"] == 1 and all(s < 60 for s in sleeps)


def test_real_retry_after_and_politeness_delay_take_real_time(site):
    site.routes["/busy"] = [Reply(status=429, headers={"Retry-After": "1"}), Reply()]
    site.routes["/next"] = Reply()
    started = time.monotonic()
    with local_fetcher(delay=0.3) as fetcher:
        assert fetcher.fetch(site.url("/busy")).ok
        after_busy = time.monotonic()
        assert fetcher.fetch(site.url("/next")).ok
    assert after_busy - started >= 1.0
    assert time.monotonic() - after_busy >= 0.3


def test_one_request_at_a_time_per_host(site):
    site.routes.update({f"/p{i}": Reply(delay=0.05) for i in range(4)})
    with local_fetcher() as fetcher:
        threads = [threading.Thread(target=fetcher.fetch, args=(site.url(f"/p{i}"),)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    assert all(site.hits[f"/p{i}"] == 1 for i in range(4))
    assert site.max_in_flight == 1


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=b"x" * 200_000),  # Content-Length over the limit: refused before reading
        Reply(body=b"x" * 200_000, send_length=False),  # no length: aborted while streaming
        Reply(stream_bytes=50 * 1024 * 1024, send_length=False),  # 50 MB: never read whole
    ],
)
def test_oversized_body_is_aborted(site, reply):
    site.routes["/big"] = reply
    started = time.monotonic()
    with local_fetcher(max_bytes=100_000) as fetcher:
        result = fetcher.fetch(site.url("/big"))
    assert result.error_kind == "too_large" and result.content == b"" and not result.ok
    assert time.monotonic() - started < 5


def test_slow_response_times_out_and_is_retried(site):
    site.routes["/slow"] = Reply(delay=1.0)
    started = time.monotonic()
    with local_fetcher(read_timeout=0.2, max_retries=1) as fetcher:
        result = fetcher.fetch(site.url("/slow"))
    assert result.error_kind == "timeout" and not result.ok
    assert site.hits["/slow"] == 2
    assert time.monotonic() - started < 1.5


def test_slow_drip_body_hits_the_whole_response_limit(site):
    site.routes["/drip"] = Reply(body=b"x" * 200, drip=0.02)
    started = time.monotonic()
    with local_fetcher(read_timeout=1.0, total_timeout=0.3, max_retries=0) as fetcher:
        result = fetcher.fetch(site.url("/drip"))
    assert result.error_kind == "timeout" and "0.3 s" in result.error
    assert time.monotonic() - started < 2.0


def test_body_cut_short_is_a_network_error(site):
    site.routes["/cut"] = Reply(body=b"y" * 5000, cut_after=100)
    with local_fetcher(max_retries=0) as fetcher:
        result = fetcher.fetch(site.url("/cut"))
    assert result.error_kind == "network" and not result.ok and result.content == b""


def test_connection_refused_is_a_network_error():
    fetcher = HttpFetcher(FetchOptions(delay=0.0, allow_private=True, respect_robots=False))
    result = fetcher.fetch("http://127.0.0.1:9/closed")  # the discard port: nothing listens
    assert result.error_kind == "network" and not result.ok


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("8.8.8.8", ""),
        ("2606:4700:4700::1111", ""),
        ("127.0.0.1", "loopback"),
        ("10.20.30.40", "private"),
        ("172.16.0.1", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1%eth0", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("2002:c0a8:0101::1", "private"),  # 6to4 around 192.168.1.1
        ("64:ff9b::a00:1", "private"),  # NAT64 around 10.0.0.1
    ],
)
def test_address_problem(address, problem):
    found = address_problem(address)
    assert (problem in found) if problem else found == ""


def test_allowed_networks_exempt_only_themselves():
    import ipaddress

    allowed = (ipaddress.ip_network("127.0.0.1/32"),)
    assert address_problem("127.0.0.1", allowed=allowed) == ""
    assert "loopback" in address_problem("127.0.0.2", allowed=allowed)


def test_retry_after_parsing():
    from datetime import datetime

    now = datetime(2024, 5, 6, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120", now=now) == 120
    assert parse_retry_after("Mon, 06 May 2024 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("Mon, 06 May 2024 11:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon", now=now) is None


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Frontline wire</title><link>{base}/</link>
<item><title>Drone strike on fuel depot</title><link>{base}/story/1</link><guid>wire-001</guid>
<pubDate>Tue, 07 May 2024 01:30:00 +0300</pubDate></item>
<item><title>Ceasefire talks stall</title><link>/story/2</link><pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate></item>
<item><title>Missing page</title><link>{base}/story/gone</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Field reports</title><id>urn:field</id>
<updated>2024-05-08T10:00:00Z</updated>
<entry><title>Convoy ambushed</title><id>urn:field:7</id><link href="{base}/story/3"/>
<published>2024-05-08T06:15:00+04:00</published><updated>2024-05-08T10:00:00Z</updated></entry>
<entry><title>Bridge retaken</title><id>urn:field:8</id><link rel="alternate" href="story/4"/>
<updated>2024-05-05T23:00:00-02:00</updated></entry>
</feed>"""


def story(n: int) -> Reply:
    return Reply(body=f"<html><body><h1>Story {n}</h1><p>Report number {n}.</p></body></html>".encode())


def test_rss_feed_entries_become_documents(site):
    base = site.url("")
    site.routes["/feed.rss"] = Reply(
        body=RSS.format(base=base).encode(), headers={"Content-Type": "application/rss+xml"}
    )
    site.routes.update({"/story/1": story(1), "/story/2": story(2)})
    with local_fetcher() as fetcher:
        docs = list(iter_feed_documents(site.url("/feed.rss"), fetcher))
    assert [d.url for d in docs] == [site.url("/story/1"), site.url("/story/2"), site.url("/story/gone")]
    assert [d.given_published for d in docs[:2]] == [date(2024, 5, 7), date(2024, 5, 6)]  # the feed's own day
    assert [d.external_id for d in docs[:2]] == ["wire-001", site.url("/story/2")]
    assert docs[0].media_type == "text/html" and b"Story 1" in docs[0].raw and docs[0].discard is None
    assert docs[2].discard is not None and docs[2].discard.reason == "fetch_failed" and "404" in docs[2].discard.detail


def test_atom_feed_served_as_plain_xml_is_sniffed_and_expanded(site):
    base = site.url("")
    site.routes["/field.xml"] = Reply(body=ATOM.format(base=base).encode(), headers={"Content-Type": "text/xml"})
    site.routes.update({"/story/3": story(3), "/story/4": story(4), "/page": story(9)})
    urls = [site.url("/field.xml"), site.url("/page"), "http://10.9.9.9/x", site.url("/story/3")]
    options = FetchOptions(delay=0.0, allowed_networks=("127.0.0.1/32",))
    with HttpFetcher(options) as fetcher:
        docs = list(iter_url_documents(urls, fetcher))
    assert [d.url for d in docs] == [site.url("/story/3"), site.url("/story/4"), site.url("/page"), "http://10.9.9.9/x"]
    assert [d.given_published for d in docs[:3]] == [date(2024, 5, 8), date(2024, 5, 5), None]
    assert [d.external_id for d in docs[:2]] == ["urn:field:7", "urn:field:8"]
    assert docs[3].discard is not None and docs[3].discard.reason == "refused_address"
    assert site.hits["/story/3"] == 1  # listed and in the feed: fetched once


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    """A self-signed certificate for news.example (skipped when the openssl command is missing)."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-keyout", str(key)]
    command += ["-out", str(cert), "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"]
    subprocess.run(command, check=True, capture_output=True, timeout=30)
    return key, cert


@pytest.mark.parametrize(("host", "ok"), [("news.example", True), ("other.example", False)])
def test_https_is_pinned_to_the_checked_address_and_verified_for_the_real_host(tls_files, host, ok):
    import ssl

    import httpx

    key, cert = tls_files
    site = Site(0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    site.port = httpd.server_address[1]
    site.routes["/secure"] = Reply()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    httpd.socket = server_context.wrap_socket(httpd.socket, server_side=True)
    httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        transport = httpx.HTTPTransport(verify=ssl.create_default_context(cafile=str(cert)))
        options = FetchOptions(delay=0.0, allow_private=True, respect_robots=False, max_retries=0)
        with HttpFetcher(options, resolver=lambda name, port: ["127.0.0.1"], transport=transport) as fetcher:
            result = fetcher.fetch(f"https://{host}:{site.port}/secure")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
    assert result.ok is ok
    if ok:
        assert result.content == PAGE and site.headers["/secure"]["Host"] == f"news.example:{site.port}"
    else:
        assert result.error_kind == "network" and "certificate" in result.error.lower()
