"""The attention table Today reads is kept by the writes: after any sequence of them, with the
clock moving, it equals the table recomputed from scratch, and the rebuild command says so."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import appointment_create, appointment_finish
from rapport.attention.items import items_compare
from rapport.attention.models import AgendaAction, AttentionItem, Section
from rapport.cases.services import case_create
from rapport.clients.models import (
    Client,
    ContactKind,
    DateKind,
    Fact,
    FactCategory,
    ImportantDate,
)
from rapport.clients.services import (
    ContactPointInput,
    client_create,
    client_unarchive,
    clients_archive,
    clients_set_status,
    fact_confirm,
    fact_create,
    fact_mark_ask_again,
)
from rapport.desk.today.actions import agenda_action_undo, agenda_item_act
from rapport.desk.today.agenda import agenda_build
from rapport.feedback.models import FeedbackRequest
from rapport.feedback.services import (
    feedback_answer,
    feedback_reply_send,
    feedback_request_create,
    feedback_request_draft,
    feedback_request_send,
)
from rapport.handoffs.models import Handoff
from rapport.handoffs.services import NoteInput, handoff_acknowledge, handoff_create
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.messaging.outbox import (
    PermanentFailure,
    outbox_bounced,
    outbox_claim,
    outbox_mark_unsure,
    outbox_record,
    outbox_send_again,
    outbox_send_due,
)
from rapport.messaging.services import message_approve
from rapport.practices.models import Member, Role
from rapport.practices.services import member_add
from rapport.referrals.models import Outcome, Partner, Referral
from rapport.referrals.services import (
    partner_create,
    partner_delete,
    partner_update,
    referral_create,
    referral_outcome_record,
)
from rapport.timeline.models import Interaction, InteractionKind, Promise
from rapport.timeline.services import PromiseInput, interaction_create, promise_set_done
from rapport.touches.models import Touch
from tests.conftest import NOW

# What a Today item is about, to act on it as the page does.
_TARGET: dict[str, type[Any]] = {
    Section.UNSENT: OutboxMessage, Section.REPLY: Client, Section.CHECKIN: Client,
    Section.FADING: Client, Section.PROMISE: Promise, Section.DATE: ImportantDate,
    Section.CARE: Fact, Section.CARE_TALK: Interaction, Section.RECONFIRM: Fact,
    Section.REMINDER: Appointment, Section.CHANGED: Appointment,
    Section.FOLLOW_UP: Appointment, Section.TOUCH: Touch, Section.REFERRAL: Referral,
    Section.FEEDBACK: FeedbackRequest,
}  # fmt: skip


@dataclass
class World:
    member: Member
    clients: list[Client]
    clock: time_machine.Traveller
    colleague: Member

    def client(self, n: int) -> Client:
        return Client.objects.get(pk=self.clients[n % len(self.clients)].pk)


def _world(member: Member, clock: time_machine.Traveller) -> World:
    practice = member.practice
    practice.undo_seconds = 0
    practice.save(update_fields=["undo_seconds"])
    clients = []
    for number, name in enumerate(["Maya Lind", "Kofi Mensah", "Ines Duarte"]):
        person = client_create(
            practice=practice,
            full_name=name,
            closeness="regular",
            contact_points=[ContactPointInput(ContactKind.EMAIL, f"c{number}@example.org")],
        )
        soon = timezone.localdate() + timedelta(days=5 + 4 * number)
        ImportantDate.objects.create(
            practice=practice, client=person, kind=DateKind.BIRTHDAY,
            month=soon.month, day=soon.day, year=1980 + number,
        )  # fmt: skip
        fact_create(
            client=person, category=FactCategory.PERSON, text=f"Has {number + 1} children",
            important=True, learned_at=timezone.now() - timedelta(days=360 - 3 * number),
        )  # fmt: skip
        clients.append(person)
    colleague = member_add(
        practice=practice, email="kit@a.example", name="Kit Colleague", password="a long one",
        role=Role.STAFF,
    )  # fmt: skip
    return World(member, clients, clock, colleague)


def _approve(world: World, n: int) -> OutboxMessage:
    person = world.client(n)
    approved = message_approve(
        client=person, member=world.member, channel="email", subject="Notes",
        body="Hello, the notes are below.", to_address=f"c{n % 3}@example.org",
    )  # fmt: skip
    message = approved.outbox
    assert message is not None
    return message


def _send(world: World, n: int) -> None:
    _approve(world, n)
    outbox_send_due(now=timezone.now())


def _refused(world: World, n: int) -> None:
    message = _approve(world, n)
    assert outbox_claim(message.pk, timezone.now())
    message.refresh_from_db()
    outbox_record(message, timezone.now(), PermanentFailure("550 no such mailbox"))


def _stuck(world: World, n: int) -> None:
    """A worker claims the message and dies: half an hour later it is marked unsure."""
    message = _approve(world, n)
    assert outbox_claim(message.pk, timezone.now())
    world.clock.shift(timedelta(minutes=30))
    outbox_mark_unsure(timezone.now())


def _bounce(world: World, n: int) -> None:
    sent = OutboxMessage.objects.filter(client=world.client(n), status=OutboxStatus.SENT).first()
    if sent is not None:
        outbox_bounced(message=sent, reason="550 mailbox full")


def _send_again(world: World, n: int) -> None:
    failed = OutboxMessage.objects.filter(
        client=world.client(n), status__in=[OutboxStatus.FAILED, OutboxStatus.UNSURE]
    ).first()
    if failed is not None:
        outbox_send_again(message=failed)


def _contact(world: World, n: int, direction: str, **more: Any) -> None:
    interaction_create(
        client=world.client(n), kind=InteractionKind.EMAIL if direction == "inbound" else
        InteractionKind.CALL, direction=direction, summary="How the week went", **more,
    )  # fmt: skip


def _promise(world: World, n: int) -> None:
    due = timezone.localdate() + timedelta(days=n % 4)
    _contact(world, n, "outbound", promises=[PromiseInput("Send the reading list", due)])


def _keep(world: World, n: int) -> None:
    promise = Promise.objects.filter(client=world.client(n), done_at__isnull=True).first()
    if promise is not None:
        promise_set_done(promise=promise, done=True)


def _visit(world: World, n: int) -> None:
    """An appointment that happened an hour ago, completed."""
    now = timezone.now()
    person = world.client(n)
    seen = appointment_create(
        client=person, member=world.member, starts_at=now - timedelta(hours=2),
        ends_at=now - timedelta(hours=1),
    )  # fmt: skip
    appointment_finish(appointment=seen, status=AppointmentStatus.COMPLETED, member=world.member)


def _book(world: World, n: int) -> None:
    starts = timezone.now() + timedelta(days=1 + n % 3, hours=2)
    appointment_create(
        client=world.client(n), member=world.member, starts_at=starts,
        ends_at=starts + timedelta(hours=1),
    )  # fmt: skip


def _fact(world: World, n: int, change: Callable[..., Fact]) -> None:
    fact = Fact.objects.filter(client=world.client(n), important=True).first()
    if fact is not None:
        change(fact=fact)


def _news(world: World, n: int) -> None:
    fact_create(
        client=world.client(n), category=FactCategory.LIFE_EVENT, text="Lost their father",
        hard_news=True,
    )  # fmt: skip


def _hand_over(world: World, n: int, *, a_case: bool = False) -> None:
    """To whichever of the two does not look after the client now, a call promised or not."""
    person = world.client(n)
    by, to = world.member, world.colleague
    if person.looked_after_by_id == to.pk:
        by, to = to, by
    case = case_create(client=person, problem="The Wi-Fi drops", created_by=by) if a_case else None
    call_on = timezone.localdate() + timedelta(days=n % 3) if n % 2 else None
    handoff_create(
        client=person, by=by, to=to, case=case, call_on=call_on,
        note=NoteInput(next_steps="Call about the router"),
    )  # fmt: skip


def _got_it(world: World, n: int) -> None:
    pending = list(Handoff.objects.pending().order_by("pk").select_related("to_member"))
    if pending:
        handoff = pending[n % len(pending)]
        assert handoff.to_member is not None
        handoff_acknowledge(handoff=handoff, member=handoff.to_member)


def _feedback(world: World, n: int) -> None:
    """A request sent and answered (refused within 90 days of the last: still a step)."""
    feedback = feedback_request_create(
        client=world.client(n), member=world.member, questions=["What would have helped?"]
    )
    subject, body = feedback_request_draft(feedback=feedback, member=world.member)
    feedback_request_send(
        feedback=feedback, member=world.member, channel="email", subject=subject, body=body,
        to_address=f"c{n % 3}@example.org",
    )  # fmt: skip
    feedback_answer(feedback=feedback, answers=["More time to plan the week."])


def _feedback_reply(world: World, n: int) -> None:
    waiting = FeedbackRequest.objects.filter(
        client=world.client(n), answered_at__isnull=False, replied_at__isnull=True
    ).first()
    if waiting is not None:
        feedback_reply_send(
            feedback=waiting, member=world.member, channel="phone", subject="",
            body="Thank you: I will keep ten minutes at the end.",
        )  # fmt: skip


def _act(world: World, n: int, action: str) -> None:
    """Done, snooze or dismiss the n-th item on Today, as a member would."""
    agenda = agenda_build(world.member.practice, limit=100)
    items = [item for section in agenda.sections for item in section.items]
    if not items:
        return
    item = items[n % len(items)]
    target = _TARGET[item.section].objects.get(pk=item.object_id)
    until = timezone.localdate() + timedelta(days=2) if action == "snoozed" else None
    agenda_item_act(
        member=world.member, section=item.section, target=target, object_id=item.object_id,
        action=action, until=until,
    )  # fmt: skip


def _undo(world: World, n: int) -> None:
    action = AgendaAction.objects.filter(
        practice=world.member.practice, undone_at__isnull=True
    ).first()
    if action is not None:
        target = _TARGET[action.section].objects.get(pk=action.object_id)
        agenda_action_undo(member=world.member, action=action, target=target)


def _refer(world: World, n: int) -> None:
    practice = world.member.practice
    partner = Partner.objects.filter(practice=practice).first() or partner_create(
        practice=practice, name="Dr Ahmed", specialties="sleep", email="ahmed@example.org"
    )
    referral_create(
        client=world.client(n), partner=partner, member=world.member, follow_up_days=1 + n % 3
    )


def _outcome(world: World, n: int) -> None:
    waiting = Referral.objects.filter(client=world.client(n)).awaiting_follow_up().first()
    if waiting is not None:
        outcome = [Outcome.HELPED, Outcome.NOT_A_FIT, Outcome.NO_CONTACT][n % 3]
        referral_outcome_record(referral=waiting, outcome=outcome, member=world.member)


def _partner_change(world: World, n: int) -> None:
    """A partner renamed (Today names them) or removed with their referrals."""
    partner = Partner.objects.filter(practice=world.member.practice).first()
    if partner is not None and n % 2:
        partner_delete(partner=partner)
    elif partner is not None:
        partner_update(partner=partner, name=f"Dr Ahmed {n}")


STEPS: dict[str, Callable[[World, int], None]] = {
    "wait": lambda world, n: world.clock.shift(timedelta(hours=5 * n + 1)),
    "inbound": lambda world, n: _contact(world, n, "inbound"),
    "call": lambda world, n: _contact(world, n, "outbound"),
    "hard talk": lambda world, n: _contact(world, n, "outbound", hard_conversation=True),
    "promise": _promise,
    "keep": _keep,
    "send": _send,
    "refused": _refused,
    "stuck": _stuck,
    "bounce": _bounce,
    "send again": _send_again,
    "visit": _visit,
    "book": _book,
    "confirm": lambda world, n: _fact(world, n, fact_confirm),
    "forget": lambda world, n: _fact(world, n, fact_mark_ask_again),
    "news": _news,
    "feedback": _feedback,
    "feedback reply": _feedback_reply,
    "done": lambda world, n: _act(world, n, "done"),
    "snooze": lambda world, n: _act(world, n, "snoozed"),
    "dismiss": lambda world, n: _act(world, n, "dismissed"),
    "undo": _undo,
    "hand over": _hand_over,
    "hand a case": lambda world, n: _hand_over(world, n, a_case=True),
    "got it": _got_it,
    "pause": lambda world, n: clients_set_status(
        practice=world.member.practice, client_ids=[world.client(n).pk], status="paused"
    ),
    "archive": lambda world, n: clients_archive(
        practice=world.member.practice, client_ids=[world.client(n).pk]
    ),
    "unarchive": lambda world, n: client_unarchive(client=world.client(n)),
    "refer": _refer,
    "outcome": _outcome,
    "partner": _partner_change,
}

steps = st.lists(st.tuples(st.sampled_from(sorted(STEPS)), st.integers(0, 40)), max_size=12)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=steps)
def test_the_kept_items_equal_the_items_recomputed_after_every_write(
    owner: Member, steps: list[tuple[str, int]]
) -> None:
    with time_machine.travel(NOW, tick=False) as clock:
        started = transaction.savepoint()  # each example starts from the same empty practice
        try:
            world = _world(owner, clock)
            for step, n in steps:
                # A refused write leaves nothing written: still a step to check after.
                with suppress(ValidationError):
                    STEPS[step](world, n)
                comparison = items_compare(practice=owner.practice, now=timezone.now())
                assert comparison.equal, (step, n, comparison)
        finally:
            transaction.savepoint_rollback(started)


@pytest.mark.django_db
def test_the_rebuild_command_finds_and_mends_a_table_out_of_step(owner: Member, clock: Any) -> None:
    world = _world(owner, clock)
    _promise(world, 0)
    out = StringIO()
    call_command("rebuild_attention", stdout=out)
    assert "equal to what the writes kept" in out.getvalue()
    AttentionItem.objects.filter(section=Section.PROMISE).delete()  # a write that forgot
    AttentionItem.objects.filter(section=Section.DATE).update(sort_name="someone else")
    with pytest.raises(SystemExit) as exit_code:
        call_command("rebuild_attention", "--check", stdout=(out := StringIO()))
    assert exit_code.value.code == 1
    assert "1 missing, 0 left over, 3 different (left as they are)" in out.getvalue()
    with pytest.raises(SystemExit):
        call_command("rebuild_attention", stdout=StringIO())
    call_command("rebuild_attention", stdout=(out := StringIO()))
    assert "equal to what the writes kept" in out.getvalue()
    assert agenda_build(owner.practice).section(Section.PROMISE).total == 1


def test_an_upgraded_install_finds_its_items_built_after_migrating(
    owner: Member, clock: Any
) -> None:
    """Before the table, an install had history and no items: migrating builds them once."""
    world = _world(owner, clock)
    _promise(world, 0)
    AttentionItem.objects.all().delete()  # as the table was on the day it was added
    assert agenda_build(owner.practice).section(Section.PROMISE).total == 0
    call_command("migrate", verbosity=0)
    assert agenda_build(owner.practice).section(Section.PROMISE).total == 1
    call_command("rebuild_attention", "--check", stdout=(out := StringIO()))
    assert "equal to what the writes kept" in out.getvalue() and "missing" not in out.getvalue()
