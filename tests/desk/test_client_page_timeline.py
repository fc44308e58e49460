"""The client page's timeline is paged without counting the whole history: each page, its
links, an old link past the end, and every promise beside its interaction and in the list of
open promises."""

from __future__ import annotations

import re
from datetime import timedelta

from django.test import Client as HttpClient
from django.utils import timezone

from rapport.timeline.models import Interaction, InteractionKind, Promise
from tests.conftest import ClientFile


def _sessions(client_file: ClientFile, count: int) -> None:
    client = client_file.client
    now = timezone.now()
    interactions = Interaction.objects.bulk_create(
        Interaction(
            practice=client.practice,
            client=client,
            kind=InteractionKind.MEETING,
            occurred_at=now - timedelta(days=400 + index),  # older than the file's own
            summary=f"Session number {index}.",
        )
        for index in range(count)
    )
    # The oldest session holds a kept promise; it shows under its session only.
    Promise.objects.create(
        practice=client.practice,
        client=client,
        interaction=interactions[-1],
        text="Lend the book",
        due_on=timezone.localdate(),
        done_at=now,
    )


def _shown(html: str) -> list[str]:
    return re.findall(r"Session number (\d+)\.", html)


def test_pages_of_the_timeline(client_file: ClientFile, owner_http: HttpClient) -> None:
    before = Interaction.objects.filter(client=client_file.client).count()
    _sessions(client_file, 30)  # after the file's own, on pages of 25
    on_first = 25 - before
    url = f"/clients/{client_file.client.pk}/"

    first = owner_http.get(url).content.decode()
    assert _shown(first) == [str(index) for index in range(on_first)]
    assert "Older →" in first and "← Newer" not in first
    assert "Send the reading list" in first  # the open promise, listed on every page

    second = owner_http.get(f"{url}?page=2").content.decode()
    assert _shown(second) == [str(index) for index in range(on_first, 30)]
    assert "← Newer" in second and "Older →" not in second
    assert "✓ Kept" in second and "Lend the book" in second
    assert "Send the reading list" in second
    assert "Lend the book" not in first

    # An old link past the end shows the oldest page; a hand-edited one, the newest.
    assert _shown(owner_http.get(f"{url}?page=9").content.decode()) == _shown(second)
    huge = owner_http.get(f"{url}?page=99999999999999999999")  # past any database integer
    assert huge.status_code == 200 and _shown(huge.content.decode()) == _shown(second)
    assert _shown(owner_http.get(f"{url}?page=abc").content.decode()) == _shown(first)


def test_one_page_has_no_page_links(client_file: ClientFile, owner_http: HttpClient) -> None:
    html = owner_http.get(f"/clients/{client_file.client.pk}/").content.decode()
    assert "Older →" not in html and "← Newer" not in html
    assert 'aria-label="Timeline pages"' not in html
