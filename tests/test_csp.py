"""The Content-Security-Policy: the header on every answer, and pages that keep to it (no inline
script, event handler attribute, style attribute, javascript: URL or htmx code to eval).

The browser's own view of it is in the Chromium tests: tests/e2e/conftest.py fails any test whose
page reports a violation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client as HttpClient

from tests.conftest import ClientFile
from tests.url_walk import pages

TEMPLATES = Path(__file__).resolve().parents[1] / "rapport" / "templates"

# What a policy without 'unsafe-inline' and 'unsafe-eval' refuses, as it appears in markup.
INLINE = {
    "an inline <script>": re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I
    ),
    "an event handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "a style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
    "a <style> element": re.compile(r"<style[\s>]", re.I),
    "a javascript: URL": re.compile(r"=\s*[\"']?\s*javascript:", re.I),
    "htmx code to eval": re.compile(
        r"\shx-(on|vars)\b|hx-vals\s*=\s*[\"']\s*(js|javascript):", re.I
    ),
}


def inline_parts(html: str) -> list[str]:
    found = []
    for what, pattern in INLINE.items():
        found += [f"{what}: {match.group(0)[:80]}" for match in pattern.finditer(html)]
    return found


def directives(response: object) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]  # type: ignore[index]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_every_answer_carries_the_policy(owner_http: HttpClient) -> None:
    for url in ("/login/", "/", "/static/rapport/app.css", "/no-such-page/"):
        response = (HttpClient() if url == "/login/" else owner_http).get(url)
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["img-src"] == ["'self'", "data:"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["form-action"] == ["'self'"], url
        assert policy["base-uri"] == ["'self'"], url
        header = response["Content-Security-Policy"]
        assert "unsafe-inline" not in header and "unsafe-eval" not in header


def test_the_api_and_the_admin_carry_it_too(owner: object) -> None:
    assert "script-src 'self'" in HttpClient().get("/api/openapi.json")["Content-Security-Policy"]
    assert "script-src 'self'" in HttpClient().get("/admin/login/")["Content-Security-Policy"]


def test_htmx_is_told_not_to_eval_nor_add_a_style(owner_http: HttpClient) -> None:
    html = owner_http.get("/").content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html)
    assert config, "base.html sets htmx's configuration"
    assert json.loads(config.group(1)) == {"includeIndicatorStyles": False, "allowEval": False}
    css = (TEMPLATES.parent / "static" / "rapport" / "app.css").read_text()
    assert ".htmx-indicator {" in css  # what htmx would have added as a <style>


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_no_template_has_inline_script_or_style(template: Path) -> None:
    text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"))  # comments say anything
    assert inline_parts(text) == []


def test_no_page_has_inline_script_or_style(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    """Every member page, as rendered (markup from Python included), and the public ones."""
    checked = 0
    for page in pages():
        response = owner_http.get(page.url(client_file))
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        assert inline_parts(response.content.decode()) == [], page.name
        checked += 1
    assert checked >= 40
    for url in ("/login/", "/admin/login/"):
        assert inline_parts(HttpClient().get(url).content.decode()) == [], url
