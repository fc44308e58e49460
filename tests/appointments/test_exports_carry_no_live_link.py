"""A late notice's stored words hold a working reschedule link; taken from an export, that link
must open nothing (issue 15). The words stay; the token is replaced by a placeholder."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import time_machine
from django.core.management import call_command
from django.test import Client as HttpClient

from rapport.appointments.models import Appointment
from rapport.clients.models import Client
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.appointments.test_running_late import LINK, _approve, _draft
from tests.conftest import NOW

# Any path of a client link or a feed, whole or with its placeholder.
LINK_PATH = re.compile(r"/(?:r|u)/[^/\"\n]+/|/calendar/feed/[^/\"\n]+\.ics")


def _late_notice_sent(http: HttpClient, session: Appointment) -> str:
    page = _draft(http, session, 15)
    _approve(http, session, page, 15)
    found = LINK.search(OutboxMessage.objects.get().body)
    assert found is not None
    return urlsplit(found.group(0)).path


def test_links_in_an_export_open_nothing_though_the_words_are_kept(
    session: Appointment,
    maya: Client,
    owner: Member,
    owner_http: HttpClient,
    clock: time_machine.Coordinates,
    tmp_path: Path,
) -> None:
    clock.move_to(NOW.replace(hour=9, minute=50))
    live = _late_notice_sent(owner_http, session)
    assert live in Interaction.objects.get(client=maya, kind="email").summary
    visitor = HttpClient()
    assert visitor.get(live).status_code == 200  # the link the client got works

    # A reply quoting the email, and a feed address pasted in a note: their tokens too.
    owner.feed_token_hash = "0" * 64
    owner.save()
    note = Interaction.objects.get(client=maya, kind="email")
    note.summary += f" (they wrote back quoting {live} and /u/AbCdEfGhIjKlMnOpQrStUv/)"
    note.save()

    web = owner_http.get("/settings/export/", {"format": "json"}).content.decode()
    theirs = owner_http.get(f"/clients/{maya.pk}/data/").content.decode()
    call_command("exportdata", "--practice", owner.practice.name, "-o", str(tmp_path / "e.json"))
    command = (tmp_path / "e.json").read_text()

    for export in (web, theirs, command):
        assert "choose another time that suits you better here" in export  # the words stay
        paths = LINK_PATH.findall(export)
        assert paths, "the stored words with the link are in the export"
        assert live not in export
        for path in paths:
            assert "(link removed in export)" in path, path
            assert visitor.get(quote(path)).status_code == 404, path
            assert visitor.post(quote(path), {"choice": "keep"}).status_code == 404, path
    session.refresh_from_db()
    assert session.client_choice == ""  # nothing was answered from the export
    assert visitor.get(live).status_code == 200  # and the client's own email still works
