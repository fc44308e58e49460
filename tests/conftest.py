"""Shared fixtures: two practices, an owner and a staff member in A, and an outsider who owns B."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.test import Client as HttpClient
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from rapport.api.models import ApiToken
from rapport.api.services import token_create
from rapport.appointments.models import Appointment, CalendarUpload
from rapport.appointments.services import appointment_create
from rapport.attention.services import reading_refresh
from rapport.cases.models import Case, Certainty
from rapport.cases.services import advice_add, case_create, step_add
from rapport.clients.models import Client, ContactKind, DateKind, Fact, FactCategory, ImportantDate
from rapport.clients.services import ContactPointInput, client_create, fact_create
from rapport.feedback.models import FeedbackRequest
from rapport.feedback.services import (
    feedback_answer,
    feedback_request_create,
)
from rapport.handoffs.models import Handoff
from rapport.messaging.inbound import mail_import_file
from rapport.messaging.models import InboundMail, MessageTemplate, OutboxMessage, PracticeRule
from rapport.messaging.services import message_approve, templates_ensure
from rapport.portability.models import ExportFile, ExportKind, ImportBatch
from rapport.practices.models import Member, Role
from rapport.practices.services import member_add, practice_create
from rapport.referrals.models import Outcome, Partner, Referral
from rapport.timeline.models import Interaction, InteractionKind, Promise
from rapport.timeline.services import PromiseInput, interaction_create
from rapport.touches.models import Touch, TouchKind
from rapport.touches.services import kinds_ensure, touch_plan
from tests.imap_server import DOVECOT, ImapServer, start_imap_server

PASSWORD = "correct horse battery"

# On a shared two-core machine, making examples can be slow and one example can take a
# second; neither says anything about the code under test, so neither fails a test.
hypothesis_settings.register_profile(
    "rapport", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("rapport")

# The tests' one "now": Tuesday 24 November 2026, 08:00 in London (UTC in winter), a
# working day before its first appointment. Tests that need a moment say it from here.
NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    """Pins now at NOW; a test moves it with clock.move_to(...) or clock.shift(...)."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def owner(db: None) -> Member:
    return practice_create(
        name="Harbour Lane",
        owner_email="owner@a.example",
        owner_name="Ada Owner",
        password=PASSWORD,
    )


@pytest.fixture
def staff(owner: Member) -> Member:
    return member_add(
        practice=owner.practice,
        email="staff@a.example",
        name="Sam Staff",
        password=PASSWORD,
        role=Role.STAFF,
    )


@pytest.fixture
def outsider(db: None) -> Member:
    return practice_create(
        name="Other Practice",
        owner_email="owner@b.example",
        owner_name="Bo Outsider",
        password=PASSWORD,
    )


def logged_in(member: Member) -> HttpClient:
    http = HttpClient()
    http.force_login(member.user)
    return http


@pytest.fixture
def owner_http(owner: Member) -> HttpClient:
    return logged_in(owner)


@pytest.fixture
def staff_http(staff: Member) -> HttpClient:
    return logged_in(staff)


@pytest.fixture
def outsider_http(outsider: Member) -> HttpClient:
    return logged_in(outsider)


@dataclass
class ClientFile:
    """One client with something of every kind, for tests that need the whole picture."""

    client: Client
    fact: Fact
    important_date: ImportantDate
    interaction: Interaction
    promise: Promise
    outbox: OutboxMessage
    template: MessageTemplate
    rule: PracticeRule
    mail: InboundMail
    appointment: Appointment
    touch: Touch
    touch_kind: TouchKind
    api_token: ApiToken
    import_batch: ImportBatch
    export_file: ExportFile
    calendar_upload: CalendarUpload
    case: Case
    partner: Partner
    referral: Referral
    handoff: Handoff
    feedback: FeedbackRequest


def make_client_file(
    member: Member, name: str = "Siobhán Ní Bhriain", email: str = "siobhan@example.org"
) -> ClientFile:
    client = client_create(
        practice=member.practice,
        full_name=name,
        preferred_name=name.split()[0],
        contact_points=[
            ContactPointInput(ContactKind.EMAIL, email, "home"),
            ContactPointInput(ContactKind.PHONE, "07700 900123", "mobile"),
        ],
        tag_names=["coaching"],
        created_by=member,
    )
    interaction = interaction_create(
        client=client,
        kind=InteractionKind.CALL,
        direction="inbound",
        occurred_at=timezone.now() - timedelta(days=3),
        summary="Talked about the new job.",
        client_words="I am nervous but ready.",
        promises=[PromiseInput("Send the reading list", timezone.localdate() + timedelta(days=2))],
        created_by=member,
    )
    fact = fact_create(
        client=client,
        category=FactCategory.INTEREST,
        text="Grows orchids",
        learned_from=interaction,
    )
    important_date = ImportantDate.objects.create(
        practice=member.practice, client=client, kind=DateKind.BIRTHDAY, month=2, day=14
    )
    approved = message_approve(
        client=client,
        member=member,
        channel="email",
        subject="Notes from today",
        body=f"Hi {client.display_name},\n\nThe notes from today are below.\n\nSam",
        to_address=email,
    )
    assert approved.outbox is not None
    templates_ensure(practice=member.practice)
    template = MessageTemplate.objects.for_practice(member.practice).first()
    assert template is not None
    rule = PracticeRule.objects.create(
        practice=member.practice,
        category="canned",
        phrase="circle back",
        explanation="Jargon.",
        fix="Say when.",
    )
    promise = interaction.promises.get()
    unknown = (
        f"From: Stranger <stranger@example.net>\r\nTo: {member.user.email}\r\n"
        "Subject: Hello\r\n\r\nHi.\r\n"
    )
    mail_import_file(practice=member.practice, raw=unknown.encode())
    mail = InboundMail.objects.for_practice(member.practice).get(
        from_address="stranger@example.net"
    )
    tomorrow = timezone.localtime() + timedelta(days=1)
    start = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0)
    appointment = appointment_create(
        client=client, member=member, starts_at=start, ends_at=start + timedelta(hours=1)
    )
    kinds_ensure(practice=member.practice)
    touch_kind = TouchKind.objects.for_practice(member.practice).get(key="card")
    touch = touch_plan(
        client=client,
        kind=touch_kind,
        planned_on=timezone.localdate(),
        note="A card for the new job",
        source_fact=fact,
        created_by=member,
    )
    return ClientFile(
        client,
        fact,
        important_date,
        interaction,
        promise,
        approved.outbox,
        template,
        rule,
        mail,
        appointment,
        touch,
        touch_kind,
        token_create(member=member, name="tests")[0],
        ImportBatch.objects.create(
            practice=member.practice,
            member=member,
            filename="contacts.vcf",
            content=b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nEND:VCARD\r\n",
        ),
        ExportFile.objects.create(
            practice=member.practice,
            member=member,
            kind=ExportKind.CSV,
            finished_at=timezone.now(),
            content=b"full_name\r\nSiobhan\r\n",
        ),
        CalendarUpload.objects.create(
            practice=member.practice,
            member=member,
            filename="calendar.ics",
            content=b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@b\r\n"
            b"DTSTART:20261201T100000Z\r\nSUMMARY:Session\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        ),
        case := _case_with_story(client, member),
        *_referred(client),
        _handoff_acknowledged(case, member),
        _feedback_answered(client, member),
    )


def _referred(client: Client) -> tuple[Partner, Referral]:
    """A trusted partner, and a referral to them that helped (nothing for Today to ask)."""
    partner = Partner.objects.create(
        practice=client.practice, name="Dr Ahmed", specialties="sleep", email="ahmed@example.org"
    )
    referral = Referral.objects.create(
        practice=client.practice, client=client, partner=partner, need="sleep",
        outcome=Outcome.HELPED, outcome_at=timezone.now(),
    )  # fmt: skip
    return partner, referral


def _feedback_answered(client: Client, member: Member) -> FeedbackRequest:
    """A feedback request asked and answered two days ago, so that it waits on Today for a
    reply. Its asking is marked sent without a message: a message would be contact, and the
    client file's client has had none (tests/feedback sends requests the whole way)."""
    with time_machine.travel(timezone.now() - timedelta(days=2), tick=False) as clock:
        feedback = feedback_request_create(
            client=client, member=member, questions=["What would have made today more helpful?"]
        )
        FeedbackRequest.objects.filter(pk=feedback.pk).update(sent_at=timezone.now())
        clock.shift(timedelta(hours=3))  # answered later the same day
        feedback = feedback_answer(feedback=feedback, answers=["A written summary afterwards."])
    reading_refresh(client=client)  # read now, as every other write of the file leaves it
    return feedback


def _case_with_story(client: Client, member: Member) -> Case:
    """An open case with a step by a member and one by an outsider, and each kind of advice."""
    case = case_create(client=client, problem="The Wi-Fi drops every evening", created_by=member)
    step_add(case=case, tried="Restarted the router", result="Fine for a day", member=member)
    step_add(case=case, tried="Called the internet provider", someone_else="the provider")
    advice_add(case=case, certainty=Certainty.KNOWN, text="The router is five years old")
    advice_add(
        case=case,
        certainty=Certainty.GUESS,
        text="A neighbour's network on the same channel",
        next_step="Change the channel",
        member=member,
    )
    advice_add(
        case=case,
        certainty=Certainty.UNKNOWN,
        text="Whether the provider changed anything",
        next_step="Ask the router's maker",
        someone_else="the client",
    )
    return case


def _handoff_acknowledged(case: Case, member: Member) -> Handoff:
    """The case handed to the member by a colleague who has since left (their name stays),
    and acknowledged: the client's page reads as before (tests/handoffs has pending ones)."""
    return Handoff.objects.create(
        practice=member.practice,
        client=case.client,
        case=case,
        from_name="Robin Former",
        to_member=member,
        to_name=member.user.name,
        next_steps="Change the router's channel",
        contact_how="Email, in the evening",
        acknowledged_at=timezone.now(),
    )


@pytest.fixture
def client_file(owner: Member) -> ClientFile:
    return make_client_file(owner)


def add_history(client: Client, count: int) -> None:
    """Many interactions, facts and promises at once, for tests about volume."""
    now = timezone.now()
    interactions = Interaction.objects.bulk_create(
        Interaction(
            practice=client.practice,
            client=client,
            kind=InteractionKind.MEETING,
            occurred_at=now - timedelta(days=index + 1),
            summary=f"Session {index}",
        )
        for index in range(count)
    )
    Fact.objects.bulk_create(
        Fact(
            practice=client.practice,
            client=client,
            category=FactCategory.OTHER,
            text=f"Fact {index}",
            learned_from=interactions[index],
        )
        for index in range(count)
    )
    Promise.objects.bulk_create(
        Promise(
            practice=client.practice,
            client=client,
            interaction=interactions[index],
            text=f"Promise {index}",
            due_on=timezone.localdate(),
        )
        for index in range(count)
    )


@pytest.fixture(scope="session")
def imap_server() -> Iterator[ImapServer]:
    if not Path(DOVECOT).exists():
        pytest.fail(
            f"{DOVECOT} is missing: scripts/test installs it (apt-get install dovecot-imapd)."
        )
    server = start_imap_server()
    yield server
    server.stop()
