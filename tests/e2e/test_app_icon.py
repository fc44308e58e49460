"""Rapport has an icon for the tab and for "add to home screen", and a first visit asks the
server for nothing it does not have (the missing favicon was a console error on every one)."""

from __future__ import annotations

from playwright.sync_api import Page, Response


def test_a_first_visit_finds_every_file_it_asks_for(page: Page, live_server, db) -> None:  # type: ignore[no-untyped-def]
    missing: list[str] = []

    def answered(response: Response) -> None:
        if response.status >= 400:
            missing.append(f"{response.status} {response.url}")

    page.on("response", answered)
    page.on("requestfailed", lambda request: missing.append(f"failed {request.url}"))
    page.goto(f"{live_server.url}/login/")
    page.wait_for_load_state("networkidle")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    manifest_url = page.locator("link[rel=manifest]").get_attribute("href")
    assert icon and manifest_url
    drawn = page.request.get(f"{live_server.url}{icon}")
    assert drawn.ok and b"<svg" in drawn.body()
    manifest = page.request.get(f"{live_server.url}{manifest_url}").json()
    assert manifest["name"] == "Rapport" and manifest["start_url"] == "/"
    base = manifest_url.rsplit("/", 1)[0]
    for each in manifest["icons"]:
        assert page.request.get(f"{live_server.url}{base}/{each['src']}").ok
    assert missing == []
