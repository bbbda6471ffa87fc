"""The map page in a real browser (Debian's chromium driven by Playwright) against a server over fixture data.

Skipped, with the reason, when playwright or /usr/bin/chromium is missing (never `playwright install`: it downloads
a browser). The screenshot goes to artifacts/web.png.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"

pytest.importorskip("fastapi", reason="the web page needs fastapi")
uvicorn = pytest.importorskip("uvicorn", reason="the web page needs uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)", allow_module_level=True)

from fixtures_api import filled_store  # noqa: E402
from frontlines.api.app import create_app  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(store_factory=filled_store), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[sync_api.Page]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        outside: list[str] = []
        tab = browser.new_page(viewport={"width": 1400, "height": 850})
        tab.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
        tab.goto(base_url + "/")
        tab.wait_for_selector("body[data-ready='1']")
        yield tab
        assert outside == [], f"the page asked the internet for {outside}"
        browser.close()


def shown(page: sync_api.Page) -> int:
    return int(page.evaluate("document.body.dataset.shown"))


def apply(page: sync_api.Page, **fields: str) -> None:
    page.evaluate("document.body.dataset.ready = '0'")
    for name, value in fields.items():
        page.fill(f"#filters [name='{name}']", value)
    page.click("#filters button[type='submit']")
    page.wait_for_selector("body[data-ready='1']")


def reset(page: sync_api.Page) -> None:
    page.evaluate("document.body.dataset.ready = '0'")
    page.click("#filters button[type='reset']")
    page.wait_for_selector("body[data-ready='1']")


def drag(page: sync_api.Page, start: float, end: float) -> None:
    """Drag across the timeline from one fraction of its width to another."""
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (start + end) / 2, y)
    page.mouse.move(box["x"] + box["width"] * end, y)
    page.mouse.up()


def test_markers_and_country_shapes_appear(page: sync_api.Page) -> None:
    assert shown(page) == 4  # five events, one without coordinates
    assert page.locator("path.fl-event, .fl-cluster").count() >= 2
    assert page.locator("path.leaflet-interactive, svg path").count() > 100  # the Natural Earth countries
    assert page.locator("#timeline .bar").count() == 3


def test_a_filter_changes_the_markers(page: sync_api.Page) -> None:
    apply(page, country="ML")
    assert shown(page) == 1 and page.locator("path.fl-event").count() == 1
    apply(page, country="", min_fatalities="13")
    assert shown(page) == 1
    reset(page)
    assert shown(page) == 4


def test_the_timeline_brush_filters_the_map(page: sync_api.Page) -> None:
    drag(page, 0.0, 0.08)  # the first days of March
    assert shown(page) == 3
    assert page.locator("#timeline .bar.selected").count() == 2
    drag(page, 0.9, 0.999)  # May
    assert shown(page) == 1
    page.click("#clear-brush")
    assert shown(page) == 4


def test_clicking_a_marker_shows_highlighted_evidence_and_no_markup_runs(page: sync_api.Page) -> None:
    apply(page, q="hospital")
    page.locator("path.fl-event").first.click()
    panel = page.locator("#panel-event")
    panel.locator("mark.evidence").first.wait_for()
    marks = panel.locator("mark.evidence").all_text_contents()
    assert "Twelve" in marks and "Sunday" in marks
    text = panel.locator(".source-text").text_content() or ""
    assert "<script>window.__pwned = 1</script>" in text and 'onerror="window.__pwned = 2"' in text
    assert panel.locator(".source-text script, .source-text img, h3 img, h3 script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert "clash-1" in (panel.locator(".reports").text_content() or "")  # the other report of the incident
    reset(page)
    assert page.evaluate("window.__pwned") is None


def test_territorial_control_view_and_screenshot(page: sync_api.Page) -> None:
    page.click("#tabs button[data-tab='territory']")
    row = page.locator("#panel-territory tr.row")
    assert row.count() == 1
    assert [c.strip() for c in row.locator("td").all_text_contents()] == [
        "2024-03-04",
        "Dilling",
        "Rapid Support Forces",
        "Military Forces of Sudan",
    ]
    row.click()  # opens the takeover event
    page.locator("#panel-event mark.evidence").first.wait_for()
    marked = "".join(page.locator("#panel-event mark.evidence").all_text_contents())
    assert "seized the town of Dilling from the army" in marked
    assert page.locator("#panel-event .source-text .sentence").count() >= 1
    reset(page)  # back to every event, the map fitted to them; the panel keeps the event
    page.wait_for_timeout(600)  # let the map's zoom animation end
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web.png"))
    assert (ARTIFACTS / "web.png").stat().st_size > 10_000
