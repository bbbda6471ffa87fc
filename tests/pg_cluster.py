"""A throwaway PostgreSQL server for the store tests (a session-scoped pytest fixture).

Where the server comes from, in order:
1. env ``FRONTLINES_TEST_PG_URL`` (a database the tests may create and drop schemas in);
2. PostgreSQL server binaries (``initdb``/``pg_ctl`` from ``FRONTLINES_PG_BIN``, ``/usr/lib/postgresql/*/bin`` or
   PATH): a new cluster in a temporary folder, owned by the ``postgres`` user when running as root, listening on
   127.0.0.1 on a free port, stopped and removed at the end of the session;
3. otherwise the PostgreSQL tests are skipped with the reason, or fail when env ``FRONTLINES_REQUIRE_PG=1``.

Tests use schemas (``search_path`` = the schema, public): ``shared_schema()`` is one per session, whose rows the
tests empty (fast), ``schema()`` a fresh one dropped after the test (for migration tests). PostGIS is created once
in ``public``. Without PostGIS on the server the PostgreSQL store tests are skipped (the store needs it).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

_counter = itertools.count()


@dataclass
class PgServer:
    """A database the tests may use: ``url`` (postgresql://...), and why it cannot be used (None when it can)."""

    url: str | None
    problem: str | None = None
    shared: str | None = None

    def require(self) -> str:
        if self.problem is not None or self.url is None:
            if os.environ.get("FRONTLINES_REQUIRE_PG") == "1":
                pytest.fail(f"PostgreSQL required (FRONTLINES_REQUIRE_PG=1) but: {self.problem}")
            pytest.skip(self.problem or "no PostgreSQL server")
        return self.url

    def shared_schema(self) -> str:
        """The URL of the session's shared schema (created on first use, dropped at the end of the session)."""
        if self.shared is None:
            self.shared = f"shared{os.getpid()}"
            _execute(self.require(), f"CREATE SCHEMA {self.shared}")
        return with_search_path(self.require(), self.shared)

    def drop_shared(self) -> None:
        if self.shared is not None and self.url is not None:
            _execute(self.url, f"DROP SCHEMA IF EXISTS {self.shared} CASCADE")
            self.shared = None

    @contextmanager
    def schema(self) -> Iterator[str]:
        """A fresh schema for one test: yields a URL whose search_path starts with it; drops it afterwards."""
        url = self.require()
        name = f"t{os.getpid()}_{next(_counter)}"
        _execute(url, f"CREATE SCHEMA {name}")
        try:
            yield with_search_path(url, name)
        finally:
            _execute(url, f"DROP SCHEMA IF EXISTS {name} CASCADE")


def _execute(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.encode())


def with_search_path(url: str, schema: str) -> str:
    """The URL with ``options=-c search_path=<schema>,public`` added (libpq URI query syntax)."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={quote(f'-c search_path={schema},public', safe='')}"


def _bin_dir() -> Path | None:
    candidates = []
    if os.environ.get("FRONTLINES_PG_BIN"):
        candidates.append(Path(os.environ["FRONTLINES_PG_BIN"]))

    def version(path: Path) -> float:
        match = re.search(r"postgresql/(\d+(?:\.\d+)?)/", str(path))
        return float(match.group(1)) if match else 0.0

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    return next((c for c in candidates if (c / "initdb").exists() and (c / "pg_ctl").exists()), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    """Root may not run the server: run it as ``postgres`` then."""
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    return [runuser, "-u", "postgres", "--", *command] if runuser else ["su", "postgres", "-c", " ".join(command)]


def _run(command: list[str], timeout: float = 60) -> None:
    done = subprocess.run(_as_owner(command), capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}): {done.stderr.strip()[-600:]}")


@contextmanager
def throwaway_cluster(bin_dir: Path) -> Iterator[str]:
    """A new cluster on 127.0.0.1; yields the URL of its ``postgres`` database as superuser ``postgres``."""
    folder = Path(tempfile.mkdtemp(prefix="frontlines-pg-"))
    data, log = folder / "data", folder / "server.log"
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres", group="postgres")
    port = _free_port()
    started = False
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync"])  # fmt: skip
        settings = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
        )
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", settings, "-w", "-t", "60", "start"])
        started = True
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            with suppress(RuntimeError, subprocess.TimeoutExpired):
                _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


def _prepare(url: str) -> str | None:
    """Create PostGIS in the database; the problem when it cannot be used."""
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public")
    except (psycopg.errors.UndefinedFile, psycopg.errors.FeatureNotSupported) as exc:
        return f"PostGIS is not installed on the PostgreSQL server (apt: postgresql-NN-postgis-3): {exc}"
    except psycopg.Error as exc:
        return f"cannot prepare the PostgreSQL test database: {exc}"
    return None


# Test modules import the fixture, so pytest may hold one session fixture per module: they share one server,
# started by the first and stopped by the last to finish.
_shared: dict[str, Any] = {"users": 0, "server": None, "stop": None}


def _start() -> tuple[PgServer, Callable[[], None]]:
    """The server for this session and how to stop it."""
    try:
        import psycopg
    except ImportError:
        return PgServer(None, 'psycopg 3 is not installed (pip install "psycopg[binary]")'), lambda: None
    given = os.environ.get("FRONTLINES_TEST_PG_URL")
    if given:
        server = PgServer(given, _prepare(given))
        return server, server.drop_shared
    bin_dir = _bin_dir()
    if bin_dir is None:
        problem = "no PostgreSQL server binaries (initdb, pg_ctl) and FRONTLINES_TEST_PG_URL is not set"
        return PgServer(None, problem), lambda: None
    cluster = throwaway_cluster(bin_dir)
    try:
        admin = cluster.__enter__()
    except (RuntimeError, OSError, subprocess.TimeoutExpired, LookupError) as exc:
        return PgServer(None, f"cannot start a throwaway PostgreSQL cluster from {bin_dir}: {exc}"), lambda: None

    def stop() -> None:
        cluster.__exit__(None, None, None)

    try:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("CREATE DATABASE frontlines_test")
    except psycopg.Error as exc:
        stop()
        return PgServer(None, f"cannot create the test database: {exc}"), lambda: None
    url = admin.rsplit("/", 1)[0] + "/frontlines_test"
    return PgServer(url, _prepare(url)), stop


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if _shared["users"] == 0:
        _shared["server"], _shared["stop"] = _start()
    _shared["users"] += 1
    try:
        yield _shared["server"]
    finally:
        _shared["users"] -= 1
        if _shared["users"] == 0:
            _shared["stop"]()
            _shared["server"] = _shared["stop"] = None
