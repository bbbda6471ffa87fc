"""Fetching web pages politely and safely, behind a small protocol with a fake for tests.

``HttpFetcher`` (httpx) is polite: one request at a time per host with a delay between them (raised to a robots.txt
Crawl-delay, up to a cap), robots.txt respected (RFC 9309: a 4xx robots.txt allows everything, a 5xx disallows
everything; a robots.txt that cannot be fetched at all allows), connect/read timeouts and a wall-clock limit per
response, retries with exponential backoff on 5xx, 429 and timeouts (honouring Retry-After), a streamed size limit,
and a user agent that names the project. It is safe: only http/https, every host resolved and refused when any of
its addresses is private, loopback, link-local, multicast, reserved or unspecified (IPv4-mapped and other embedded
IPv4 in IPv6 included), and the connection pinned to the checked address so DNS cannot change its answer in between;
redirects are followed by hand (at most 5) and every hop is checked again.

A fetch never raises for a network or HTTP problem: it returns a :class:`FetchResult` whose ``error_kind`` says what
went wrong (see ``ERROR_KINDS``).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin

from frontlines import __version__, settings
from frontlines.sources.content import split_content_type

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

USER_AGENT = f"frontlines/{__version__} (+https://github.com/frontlines/frontlines)"

# What went wrong, by FetchResult.error_kind ("" when the fetch succeeded).
ERROR_KINDS = {
    "bad_url": "not an http/https URL, or no host",
    "refused_address": "the host resolves to a private, loopback, link-local, multicast, reserved or unspecified IP",
    "robots_disallowed": "robots.txt disallows our user agent",
    "dns": "the host name does not resolve",
    "network": "the connection failed or broke",
    "timeout": "connect, read or whole-response time limit passed (after retries)",
    "too_large": "the body is over the size limit (download aborted)",
    "http_status": "a non-2xx status after retries (or Retry-After over the limit)",
    "too_many_redirects": "more redirects than the limit",
}
# Statuses that are worth retrying: rate limiting and transient server trouble.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 507, 509})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}
# Addresses of a host tried in turn when a connection is refused.
MAX_ADDRESSES = 3


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one fetch got: the body of a 2xx response, or an ``error`` with its ``error_kind``."""

    url: str
    final_url: str = ""
    status: int = 0
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-cased names
    content: bytes = b""
    media_type: str = ""  # from Content-Type, lower-cased, without parameters; "" when not sent
    charset: str = ""  # the Content-Type charset parameter, "" when not sent
    fetched_at: datetime | None = None
    error: str = ""  # human-readable detail, "" on success
    error_kind: str = ""  # one of ERROR_KINDS, "" on success

    @property
    def ok(self) -> bool:
        return not self.error_kind and 200 <= self.status < 300


class Fetcher(Protocol):
    """Anything that fetches a URL into a FetchResult without raising for network or HTTP problems."""

    def fetch(self, url: str) -> FetchResult: ...


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How HttpFetcher behaves: politeness, limits and safety. Times are seconds."""

    user_agent: str = USER_AGENT
    delay: float = 1.0  # pause between two requests to one host
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay raises the pause, up to this
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two reads of the socket
    total_timeout: float = 60.0  # for one whole response, so a slow drip cannot hold a worker
    max_retries: int = 3  # on RETRY_STATUSES and timeouts
    backoff: float = 1.0  # the first retry's pause; it doubles each retry
    max_retry_after: float = 120.0  # a longer Retry-After gives up instead of waiting
    max_bytes: int = field(default_factory=lambda: settings.get_int("max_input_bytes"))
    max_robots_bytes: int = 512 * 1024  # RFC 9309: parse at least the first 500 KiB
    robots_ttl: float = 24 * 3600.0  # RFC 9309: cache robots.txt no longer than 24 hours
    max_redirects: int = 5
    respect_robots: bool = True
    allow_private: bool = False  # reach private/loopback addresses (tests, an intranet mirror); never by default
    allowed_networks: tuple[str, ...] = ()  # CIDR blocks reachable even when private, e.g. ("127.0.0.1/32",)
    trust_env: bool = False  # use HTTP(S)_PROXY from the environment; address checks then see the target only


Resolver = Callable[[str, int], list[str]]


def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its preferred order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(address: str, *, allowed: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()) -> str:
    """Why ``address`` must not be fetched ("a loopback address"...), or ``''`` when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if any(ip.version == net.version and ip in net for net in allowed):
        return ""
    for candidate in (*_embedded_ipv4(ip), ip):
        problem = _special_use(candidate)
        if problem:
            return problem if candidate is ip else f"{problem} (inside {address})"
    return ""


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses carried inside an IPv6 one: IPv4-mapped, 6to4, Teredo (both ends) and NAT64."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [addr for addr in found if addr is not None]


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Special-use checks in order; the first that matches names the refusal.
_SPECIAL_USE = (
    ("an unspecified", lambda ip: ip.is_unspecified),
    ("a loopback", lambda ip: ip.is_loopback),
    ("a link-local", lambda ip: ip.is_link_local),
    ("a multicast", lambda ip: ip.is_multicast),
    ("a reserved", lambda ip: ip.is_reserved),
    ("a private", lambda ip: ip.is_private),
    ("a site-local", lambda ip: getattr(ip, "is_site_local", False)),
    ("a non-global", lambda ip: not ip.is_global),
)


def _special_use(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    for name, test in _SPECIAL_USE:
        if test(ip):
            return f"{name} address"
    return ""


def parse_retry_after(value: str, *, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), ``None`` when unreadable."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def failure(url: str, kind: str, detail: str, *, status: int = 0, final_url: str = "") -> FetchResult:
    """A FetchResult for a fetch that went wrong."""
    return FetchResult(
        url=url,
        final_url=final_url or url,
        status=status,
        fetched_at=datetime.now(UTC),
        error=f"{final_url or url}: {detail}",
        error_kind=kind,
    )


@dataclass(frozen=True, slots=True)
class _Target:
    """A URL checked for scheme and address: where to connect and what to call the host."""

    url: str
    parsed: httpx.URL
    origin: str  # scheme://host:port, the key of robots.txt
    host: str  # the key of politeness: one request at a time per host name
    addresses: tuple[str, ...]


@dataclass
class _Host:
    """Politeness state of one host: one request at a time, and not before ``not_before`` (monotonic)."""

    delay: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    not_before: float = 0.0


@dataclass(frozen=True, slots=True)
class _Read:
    """How to read one response: the size limit, and whether a longer body is cut (robots.txt) or refused."""

    limit: int
    truncate: bool = False


class HttpFetcher:
    """The real fetcher. Thread-safe; close it (or use ``with``) to release connections."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        resolver: Resolver = system_resolve,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.options = options or FetchOptions()
        self._resolve, self._clock, self._sleep, self._transport = resolver, clock, sleep, transport
        self._allowed = tuple(ipaddress.ip_network(net, strict=False) for net in self.options.allowed_networks)
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._client: httpx.Client | None = None

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> FetchResult:
        """The page at ``url`` after redirects, or a FetchResult with the error; never raises for bad input."""
        try:
            return self._follow(url, robots=True, read=_Read(self.options.max_bytes), retries=self.options.max_retries)
        # A fetch sits inside a generator over many URLs: an unforeseen error must not end the whole batch. It is
        # logged with its traceback (a bug to fix) and counted like any failed fetch.
        except Exception as exc:
            log.warning("%s: unexpected %s while fetching", url, type(exc).__name__, exc_info=True)
            return failure(url, "network", f"unexpected {type(exc).__name__}: {exc}")

    # 1. follow redirects, checking every hop
    def _follow(self, url: str, *, robots: bool, read: _Read, retries: int) -> FetchResult:
        current = url
        for _ in range(self.options.max_redirects + 1):
            target = self._target(current)
            if isinstance(target, FetchResult):
                return replace(target, url=url)
            if robots and not self._robots_allow(target):
                return failure(url, "robots_disallowed", "disallowed by robots.txt", final_url=current)
            result = self._with_retries(target, read=read, retries=retries)
            location = result.headers.get("location", "") if result.status in REDIRECT_STATUSES else ""
            if not location:
                return replace(result, url=url)
            try:
                current = urljoin(current, location.strip())
            except ValueError as exc:
                return failure(url, "bad_url", f"bad redirect Location {location!r} ({exc})", final_url=current)
        return failure(
            url, "too_many_redirects", f"more than {self.options.max_redirects} redirects", final_url=current
        )

    # 2. check the scheme and every address of the host
    def _target(self, url: str) -> _Target | FetchResult:
        import httpx

        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            return failure(url, "bad_url", f"not a valid URL ({exc})")
        if parsed.scheme not in DEFAULT_PORTS or not parsed.host:
            return failure(url, "bad_url", "only http and https URLs with a host are fetched")
        port = parsed.port or DEFAULT_PORTS[parsed.scheme]
        try:
            addresses = self._resolve(parsed.raw_host.decode("ascii"), port)
        except (OSError, UnicodeError) as exc:
            return failure(url, "dns", f"cannot resolve {parsed.host} ({exc})")
        if not addresses:
            return failure(url, "dns", f"{parsed.host} has no address")
        if not self.options.allow_private:
            for address in addresses:
                problem = address_problem(address, allowed=self._allowed)
                if problem:
                    return failure(url, "refused_address", f"{parsed.host} is {address}, {problem}")
        origin = f"{parsed.scheme}://{parsed.host}:{port}"
        return _Target(url=url, parsed=parsed, origin=origin, host=parsed.host, addresses=tuple(addresses))

    # 3. robots.txt, fetched once per origin and cached
    def _robots_allow(self, target: _Target) -> bool:
        if not self.options.respect_robots:
            return True
        rules = self._robots_for(target)
        return rules.can_fetch(self.options.user_agent, target.url)

    def _robots_for(self, target: _Target) -> urllib.robotparser.RobotFileParser:
        with self._lock:
            lock = self._robots_locks.setdefault(target.origin, threading.Lock())
        with lock:
            cached = self._robots.get(target.origin)
            if cached and cached[0] > self._clock():
                return cached[1]
            robots_url = str(target.parsed.copy_with(path="/robots.txt", query=None, fragment=None))
            read = _Read(self.options.max_robots_bytes, truncate=True)
            rules = robots_rules(self._follow(robots_url, robots=False, read=read, retries=0))
            self._robots[target.origin] = (self._clock() + self.options.robots_ttl, rules)
            self._apply_crawl_delay(target.host, rules)
            return rules

    def _apply_crawl_delay(self, name: str, rules: urllib.robotparser.RobotFileParser) -> None:
        asked = rules.crawl_delay(self.options.user_agent)
        if asked:
            host = self._host(name)
            host.delay = min(max(self.options.delay, float(asked)), self.options.max_crawl_delay)

    # 4. retries with exponential backoff, Retry-After honoured
    def _with_retries(self, target: _Target, *, read: _Read, retries: int) -> FetchResult:
        result = self._attempt(target, read=read)
        for attempt in range(retries):
            wait = self._retry_wait(result, attempt=attempt)
            if wait is None:
                return result
            if wait > self.options.max_retry_after:
                return replace(result, error=f"{result.error} (Retry-After {wait:.0f} s is over the limit)")
            host = self._host(target.host)
            host.not_before = max(host.not_before, self._clock() + wait)
            result = self._attempt(target, read=read)
        if retries and self._retry_wait(result, attempt=retries) is not None:
            return replace(result, error=f"{result.error} (after {retries} retries)")
        return result

    def _retry_wait(self, result: FetchResult, *, attempt: int) -> float | None:
        if result.error_kind != "timeout" and result.status not in RETRY_STATUSES:
            return None
        backoff = self.options.backoff * 2**attempt
        header = result.headers.get("retry-after", "")
        asked = parse_retry_after(header, now=datetime.now(UTC)) if header else None
        return backoff if asked is None else max(asked, 0.0)

    # 5. one request: one at a time per host, after the host's delay
    def _attempt(self, target: _Target, *, read: _Read) -> FetchResult:
        host = self._host(target.host)
        with host.lock:
            pause = host.not_before - self._clock()
            if pause > 0:
                self._sleep(pause)
            try:
                return self._request(target, read=read)
            finally:
                host.not_before = max(host.not_before, self._clock() + host.delay)

    def _host(self, name: str) -> _Host:
        with self._lock:
            return self._hosts.setdefault(name, _Host(delay=self.options.delay))

    def _request(self, target: _Target, *, read: _Read) -> FetchResult:
        import httpx

        last = ""
        for address in target.addresses[:MAX_ADDRESSES]:
            try:
                response = self._http().send(self._pinned_request(target, address), stream=True)
            except httpx.TimeoutException as exc:
                return failure(target.url, "timeout", f"timed out connecting or waiting for headers ({exc!r})")
            except httpx.ConnectError as exc:
                last = f"cannot connect to {address} ({exc})"
                continue
            except httpx.HTTPError as exc:
                return failure(target.url, "network", f"{type(exc).__name__}: {exc}")
            try:
                return self._response(target, response, read=read)
            finally:
                response.close()
        return failure(target.url, "network", last)

    def _pinned_request(self, target: _Target, address: str) -> httpx.Request:
        """A request to the checked address itself, with the real host in Host and TLS SNI/verification."""
        parsed = target.parsed
        headers = {"Host": parsed.netloc.decode("ascii"), "User-Agent": self.options.user_agent, "Accept": "*/*"}
        headers["Accept-Encoding"] = "gzip, deflate"
        extensions = {"sni_hostname": parsed.raw_host.decode("ascii")} if parsed.scheme == "https" else {}
        return self._http().build_request("GET", parsed.copy_with(host=address), headers=headers, extensions=extensions)

    def _http(self) -> httpx.Client:
        import httpx

        with self._lock:
            if self._client is None:
                opts = self.options
                # No kept-alive connections: a pooled connection is keyed by the pinned address, and must not carry
                # a request for another host name than the one its TLS certificate was checked for.
                self._client = httpx.Client(
                    timeout=httpx.Timeout(opts.read_timeout, connect=opts.connect_timeout),
                    limits=httpx.Limits(max_keepalive_connections=0),
                    follow_redirects=False,
                    trust_env=opts.trust_env,
                    transport=self._transport,
                )
            return self._client

    # 6. the response: status and headers, then the body streamed under the size and time limits
    def _response(self, target: _Target, response: httpx.Response, *, read: _Read) -> FetchResult:
        headers = {name.lower(): value for name, value in response.headers.items()}
        media_type, charset = split_content_type(headers.get("content-type", ""))
        result = FetchResult(
            url=target.url,
            final_url=target.url,
            status=response.status_code,
            headers=headers,
            media_type=media_type,
            charset=charset,
            fetched_at=datetime.now(UTC),
        )
        if not 200 <= response.status_code < 300:
            if response.status_code in REDIRECT_STATUSES and headers.get("location"):
                return result
            return replace(result, error=f"{target.url}: HTTP {response.status_code}", error_kind="http_status")
        content, kind, problem = self._body(response, read=read)
        if kind:
            return replace(result, error=f"{target.url}: {problem}", error_kind=kind)
        return replace(result, content=content)

    def _body(self, response: httpx.Response, *, read: _Read) -> tuple[bytes, str, str]:
        """The body, or ``b''`` with the error kind and detail when it is too large, too slow or broken off."""
        import httpx

        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > read.limit and not read.truncate:
            return b"", "too_large", f"Content-Length {declared} is over the {read.limit} byte limit"
        deadline = self._clock() + self.options.total_timeout
        chunks, size = [], 0
        try:
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > read.limit:
                    if read.truncate:
                        return b"".join(chunks)[: read.limit], "", ""
                    return b"", "too_large", f"body over the {read.limit} byte limit (aborted)"
                if self._clock() > deadline:
                    return b"", "timeout", f"body took over {self.options.total_timeout} s (aborted)"
        except httpx.TimeoutException:
            return b"", "timeout", f"read timed out after {size} bytes"
        except httpx.HTTPError as exc:
            return b"", "network", f"connection broke after {size} bytes: {type(exc).__name__}"
        return b"".join(chunks), "", ""


def robots_rules(result: FetchResult) -> urllib.robotparser.RobotFileParser:
    """The rules a robots.txt fetch gives (RFC 9309): its content on 2xx, allow all on 4xx or when it could not be
    fetched at all, disallow all on 5xx."""
    rules = urllib.robotparser.RobotFileParser()
    if result.ok:
        rules.parse(result.content.decode("utf-8", "replace").splitlines())
    elif result.status >= 500:
        rules.disallow_all = True  # type: ignore[attr-defined]
    else:
        rules.allow_all = True  # type: ignore[attr-defined]
    return rules


class FakeFetcher:
    """A Fetcher over a dict ``url -> FetchResult | bytes | str`` (bytes/str: a 200 page with no Content-Type);
    unknown URLs get a 404. ``requests`` records every URL asked for, in order."""

    def __init__(self, responses: Mapping[str, FetchResult | bytes | str]) -> None:
        self.responses = dict(responses)
        self.requests: list[str] = []

    def fetch(self, url: str) -> FetchResult:
        self.requests.append(url)
        found = self.responses.get(url)
        if found is None:
            return failure(url, "http_status", "HTTP 404", status=404)
        if isinstance(found, FetchResult):
            return replace(found, url=url, final_url=found.final_url or url)
        return fake_page(url, found)


def fake_page(
    url: str, content: bytes | str, *, content_type: str = "", status: int = 200, final_url: str = ""
) -> FetchResult:
    """A successful FetchResult as a fake fetcher would return it."""
    media_type, charset = split_content_type(content_type)
    return FetchResult(
        url=url,
        final_url=final_url or url,
        status=status,
        headers={"content-type": content_type} if content_type else {},
        content=content.encode("utf-8") if isinstance(content, str) else content,
        media_type=media_type,
        charset=charset,
        fetched_at=datetime.now(UTC),
    )
