"""The dashboard in headless chromium over the coded demo articles: every page, the click path
overview -> dyad -> event, the highlighted evidence and the chart, and an article with markup and
script that must render as text with nothing run. Screenshots go to tmp/artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.model


def shot(page: Any, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def test_overview_to_dyad_to_event(page: Any, live_server: str, artifacts: Path) -> None:
    page.goto(live_server + "/")
    assert page.title() == "Overview · tieline"
    assert page.locator("#dyads a.dyad-link").count() >= 5
    assert page.locator("#latest table.events tbody tr").count() >= 10
    assert page.locator("svg.worldmap").count() == 1
    shot(page, artifacts, "overview")

    # the most active dyad, then its chart
    first = page.locator("#dyads a.dyad-link").first
    label = first.inner_text()
    first.click()
    page.wait_for_load_state()
    a, b = (s.strip() for s in label.split("–"))
    assert page.url.endswith(f"/dyads/{a}/{b}")
    assert page.locator("h1").inner_text() == f"{a} – {b}"
    chart = page.locator("#timeline svg.timeline")
    assert chart.count() == 1
    bars = chart.locator("rect.bar")
    assert bars.count() >= 1
    box = chart.bounding_box()
    assert box is not None and box["width"] > 500 and box["height"] > 150
    # every bar has a tooltip naming its period and a positive height
    for i in range(bars.count()):
        assert float(bars.nth(i).get_attribute("height") or 0) > 0
        assert any(w in (bars.nth(i).text_content() or "") for w in ("cooperation", "conflict"))
    shot(page, artifacts, "dyad")

    # a key event, with its evidence highlighted in the article text
    page.locator("#key-events ol.key a").first.click()
    page.wait_for_load_state()
    assert "/events/" in page.url
    text = page.locator("#article .article-text")
    trigger = text.locator(".hl-trigger")
    assert trigger.count() >= 1
    assert trigger.first.is_visible()
    assert text.locator(".hl-evidence").count() >= 1
    assert text.locator(".hl-actor").count() + text.locator(".hl-recipient").count() >= 1
    # the highlighted trigger is the word the coding panel's reason names, inside the evidence sentence
    reason = page.locator("#facts .reason").inner_text()
    trig_text = trigger.first.inner_text()
    assert trig_text
    assert "hl-evidence" in (trigger.first.get_attribute("class") or "")
    assert reason
    shot(page, artifacts, "event")
    assert page.errors == []


@pytest.mark.parametrize(
    "path, needle",
    [
        ("/network", "svg.network circle.node"),
        ("/search?q=attack", "#results table.events tbody tr"),
        ("/search?quad=3,4&type=ASSAULT", "#results table.events tbody tr"),
        ("/actors", "table.actors tbody tr"),
        ("/actors/IRN", "#adversaries ul.chips li"),
        ("/actors/DEUGOV", "svg.roles rect.role-bar"),
        ("/articles/sample-02-agreement", ".article-text .hl-trigger"),
        ("/dyads/IRN/USA?by=year", "svg.timeline rect.bar-conflict"),
    ],
)
def test_each_page_renders(page: Any, live_server: str, artifacts: Path, path: str, needle: str) -> None:
    resp = page.goto(live_server + path)
    assert resp is not None and resp.status == 200
    assert page.locator(needle).count() >= 1, f"{path}: nothing matches {needle}"
    name = path.strip("/").replace("/", "_").split("?")[0] or "root"
    shot(page, artifacts, f"page_{name}")
    assert page.errors == []


def test_search_form_filters(page: Any, live_server: str) -> None:
    page.goto(live_server + "/search")
    page.fill("input[name=actor]", "IRN")
    page.select_option("select[name=quad]", "3,4")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "actor=IRN" in page.url
    rows = page.locator("#results table.events tbody tr")
    assert rows.count() >= 1
    for i in range(rows.count()):
        assert "conflict" in rows.nth(i).locator(".quad").inner_text()


def test_missing_pages_show_an_error_page(page: Any, live_server: str) -> None:
    resp = page.goto(live_server + "/events/nosuchevent")
    assert resp is not None and resp.status == 404
    assert "no event nosuchevent" in page.locator("main").inner_text()


def test_article_with_markup_and_script_renders_as_text(
    page: Any, live_server: str, artifacts: Path, hostile: dict[str, str]
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    resp = page.goto(live_server + "/articles/" + quote(hostile["id"]))
    assert resp is not None and resp.status == 200
    body = page.locator("#article .article-text")
    shown = body.inner_text()
    assert '<script>window.__pwned = "script"' in shown  # the markup is shown as text
    assert '<img src="x" onerror=' in shown
    assert body.locator("script, img, b, a, iframe").count() == 0
    assert page.locator("h1").inner_text() == "<i>Pact</i> & <script>x()</script>"
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.title().startswith("<i>Pact</i>")
    assert "pwned" not in page.title()
    assert dialogs == []
    shot(page, artifacts, "hostile_article")

    # the same article through an event page (where actor, recipient and trigger are highlighted)
    events = page.locator("table.events a.etype")
    assert events.count() >= 1
    events.first.click()
    page.wait_for_load_state()
    assert page.locator("#article .article-text .hl-trigger").count() >= 1
    assert page.locator("#article .article-text script").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.errors == []
