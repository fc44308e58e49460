"""Today words each item from what the attention table kept of its object: made again from
those fields, the object must read exactly as the one in the database."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.test import Client as HttpClient
from django.utils import timezone

from rapport.attention.due import items_due
from rapport.attention.models import Section
from rapport.attention.reasons import ON_ITS_WAY, SHOWN_FIELDS
from rapport.clients.services import fact_mark_ask_again
from rapport.desk.today.stored import row_of
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.practices.models import Member
from tests.conftest import ClientFile


def _same(made: object, stored: object) -> bool:
    """Equal, a moment to the millisecond: the table keeps times as JSON does."""
    if isinstance(made, datetime) and isinstance(stored, datetime):
        return abs(made - stored) < timedelta(milliseconds=1)
    return made == stored


def test_every_kept_field_reads_as_the_object_holds_it(
    owner: Member, client_file: ClientFile
) -> None:
    OutboxMessage.objects.filter(pk=client_file.outbox.pk).update(
        status=OutboxStatus.FAILED, last_error="The mail server refused the address."
    )
    fact_mark_ask_again(fact=client_file.fact)
    sections = [key for key in SHOWN_FIELDS if key != ON_ITS_WAY]
    due = items_due(
        owner.practice,
        now=timezone.now(),
        today=timezone.localdate(),
        sections=sections,
        shown=dict.fromkeys(sections, 50),
        cap=100,
        member=owner,
    )
    seen = set()
    for key, found in due.items():
        for item in found.items:
            made = row_of(item)
            made = made[0] if isinstance(made, tuple) else made
            model, names = SHOWN_FIELDS[item.section]
            stored = model.objects.get(pk=item.object_id)
            for name in names:
                assert _same(getattr(made, name), getattr(stored, name)), (key, name)
            seen.add(item.section)
    # The client file gives a message that did not go, a fact to ask again about, a touch
    # planned for today and an appointment tomorrow: each kind was compared.
    assert {Section.UNSENT, Section.RECONFIRM, Section.TOUCH, Section.COMING_UP} <= seen


def test_a_message_that_did_not_go_is_named_by_its_subject(
    owner: Member, owner_http: HttpClient, client_file: ClientFile
) -> None:
    OutboxMessage.objects.filter(pk=client_file.outbox.pk).update(status=OutboxStatus.FAILED)
    page = owner_http.get("/").content.decode()
    assert "Not sent: “Notes from today” to Siobhán" in page
