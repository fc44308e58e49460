"""Planning, doing and remembering touches; ideas for a client; the budget."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from rapport.clients.models import Client, Fact
from rapport.clients.pronouns import pronouns_for
from rapport.lib.humanize import money
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Direction, InteractionKind
from rapport.timeline.services import interaction_create, interaction_delete
from rapport.touches.ideas import ClientView, FactView, GivenView, Idea, KindView, ideas_for
from rapport.touches.models import MAX_COST, Touch, TouchKind
from rapport.touches.repeats import Earlier, repeats
from rapport.touches.starting_kinds import STARTING_KINDS

FIRST_MEETING_DAYS = 14


@transaction.atomic
def kinds_ensure(*, practice: Practice) -> None:
    """The starting kinds, once: a practice that deleted one does not get it back."""
    if TouchKind.objects.for_practice(practice).exists():
        return
    TouchKind.objects.bulk_create(
        TouchKind(
            practice=practice,
            key=key,
            name=name,
            behaviour=behaviour,
            is_gift=gift,
            physical=physical,
            min_closeness=closeness,
            shows_as=shows_as,
        )
        for key, name, behaviour, gift, physical, closeness, shows_as in STARTING_KINDS
    )


def _earlier(client: Client, exclude: int | None = None) -> list[Earlier]:
    rows = Touch.objects.filter(client=client).exclude(pk=exclude or 0)
    return [
        Earlier(row.pk, row.kind_id, row.note, row.source_fact_id, row.planned_on) for row in rows
    ]


def touch_repeats(
    *, client: Client, kind: TouchKind, note: str, source_fact: Fact | None, on: date,
    exclude: int | None = None,
) -> list[Touch]:  # fmt: skip
    found = repeats(
        earlier=_earlier(client, exclude),
        kind_id=kind.pk,
        note=note,
        source_fact_id=source_fact.pk if source_fact else None,
        on=on,
    )
    return list(Touch.objects.filter(pk__in=[item.id for item in found]).order_by("-planned_on"))


def _validated(touch: Touch) -> Touch:
    if touch.kind.practice_id != touch.practice_id or touch.client.practice_id != touch.practice_id:
        raise ValidationError("Choose a kind and a client of your own practice.")
    if touch.client.archived_at is not None:
        raise ValidationError(f"{touch.client.display_name} is archived: restore them first.")
    crossed = touch.kind.crosses(touch.client)
    if crossed:
        raise ValidationError({"kind": f"{crossed}: choose another kind of gesture."})
    if touch.cost is not None and not Decimal(0) <= touch.cost <= MAX_COST:
        raise ValidationError(
            {"cost": f"A cost is between 0 and {MAX_COST:,.0f}; leave it empty when free."}
        )
    if not touch.note.strip():
        raise ValidationError({"note": "Say what it is and why, in a few words."})
    touch.full_clean(exclude=["client", "kind"])
    return touch


@transaction.atomic
def touch_plan(
    *,
    client: Client,
    kind: TouchKind,
    planned_on: date,
    note: str,
    cost: Decimal | None = None,
    source_fact: Fact | None = None,
    created_by: Member | None = None,
) -> Touch:
    if source_fact is not None and source_fact.client_id != client.pk:
        raise ValidationError("That idea was about another client.")
    touch = _validated(
        Touch(
            practice=client.practice,
            client=client,
            kind=kind,
            planned_on=planned_on,
            note=note.strip(),
            cost=cost,
            source_fact=source_fact,
            source_text=source_fact.text[:500] if source_fact else "",
            created_by=created_by,
        )
    )
    touch.save()
    return touch


@transaction.atomic
def touch_update(*, touch: Touch) -> Touch:
    _validated(touch).save()
    if touch.interaction is not None:
        touch.interaction.summary = _summary(touch)
        touch.interaction.save(update_fields=["summary"])
    return touch


def _summary(touch: Touch) -> str:
    text = f"{touch.kind.name}: {touch.note}"
    return f"{text}\nHow they responded: {touch.response}" if touch.response else text


@transaction.atomic
def touch_done(
    *,
    touch: Touch,
    response: str = "",
    done_on: date | None = None,
    member: Member | None = None,
) -> Touch:
    """Done: on the timeline, as a call or meeting when it was one."""
    if touch.is_done:
        raise ValidationError("This is already marked done.")
    crossed = touch.kind.crosses(touch.client)
    if crossed:
        raise ValidationError(f"{crossed}, recorded since this was planned: delete it instead.")
    zone = touch.practice.zone
    today = timezone.localdate(timezone.now(), zone)
    done_on = done_on or today
    if done_on > today:
        raise ValidationError("That day has not come yet: mark it done once it has happened.")
    now = timezone.now()
    moment = now if done_on == today else datetime.combine(done_on, time(12), tzinfo=zone)
    touch.done_at, touch.response = moment, response.strip()
    touch.planned_on = min(touch.planned_on, done_on)
    kind = touch.kind.shows_as
    touch.interaction = interaction_create(
        client=touch.client,
        kind=kind,
        direction=Direction.OUTBOUND if kind == InteractionKind.CALL else Direction.NONE,
        occurred_at=moment,
        summary=_summary(touch),
        created_by=member,
    )
    touch.save()
    return touch


@transaction.atomic
def touch_reopen(*, touch: Touch, planned_on: date, response: str = "") -> Touch:
    """Undoes "done": planned again for its day, and off the timeline, so it no longer
    counts as contact."""
    interaction = touch.interaction
    touch.done_at, touch.interaction = None, None
    touch.planned_on, touch.response = planned_on, response
    touch.save()
    if interaction is not None:
        interaction_delete(interaction=interaction)
    return touch


@transaction.atomic
def touch_delete(*, touch: Touch) -> None:
    if touch.interaction is not None:
        interaction_delete(interaction=touch.interaction)
    touch.delete()


def client_ideas(
    client: Client,
    *,
    today: date | None = None,
    facts: list[Fact] | None = None,
    touches: list[Touch] | None = None,
) -> list[Idea]:
    """Ideas for the client; a page that already read their facts and touches passes them."""
    today = today or timezone.localdate()
    kinds = list(TouchKind.objects.for_practice(client.practice))
    zone = client.practice.zone
    views = [
        FactView(fact.pk, fact.category, fact.text, fact.hard_news,
                 timezone.localdate(fact.learned_at, zone))
        for fact in (client.facts.all() if facts is None else facts)
    ]  # fmt: skip
    given = [
        GivenView(row.kind_id, row.source_fact_id, row.planned_on)
        for row in (Touch.objects.filter(client=client) if touches is None else touches)
    ]
    return ideas_for(
        facts=views,
        kinds=[
            KindView(kind.pk, kind.key, kind.name, kind.suits(client) and not kind.crosses(client))
            for kind in kinds
        ],
        given=given,
        today=today,
        client=ClientView(client.display_name, pronouns_for(client.pronouns)),
        met_in_person_on=_first_meeting(client, today),
    )


def _first_meeting(client: Client, today: date) -> date | None:
    """The day of a first meeting in person in the last two weeks, after contact otherwise."""
    meetings = client.interactions.filter(kind__in=[InteractionKind.MEETING, "visit"])
    first = meetings.order_by("occurred_at").first()
    if first is None:
        return None
    day = timezone.localdate(first.occurred_at, client.practice.zone)
    if (today - day).days > FIRST_MEETING_DAYS:
        return None
    known_before = client.interactions.contacts().filter(occurred_at__lt=first.occurred_at)
    return day if known_before.exists() else None


@dataclass(frozen=True)
class Budget:
    currency: str
    month_limit: Decimal | None
    year_limit: Decimal | None
    month_spent: Decimal
    year_spent: Decimal
    month_planned: Decimal
    year_planned: Decimal

    @property
    def month_over(self) -> bool:
        return self.month_limit is not None and self.month_spent > self.month_limit

    @property
    def year_over(self) -> bool:
        return self.year_limit is not None and self.year_spent > self.year_limit


def _total(rows: object) -> Decimal:
    value = rows.aggregate(total=Sum("cost"))["total"]  # type: ignore[attr-defined]
    return Decimal(value or 0)


def budget_status(practice: Practice, *, today: date | None = None) -> Budget:
    """What gestures cost this month and this year: spent (done) and still planned."""
    today = today or timezone.localdate(timezone.now(), practice.zone)
    zone = practice.zone
    month_start = datetime.combine(today.replace(day=1), time.min, tzinfo=zone)
    year_start = datetime.combine(date(today.year, 1, 1), time.min, tzinfo=zone)
    last_day = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    touches = Touch.objects.for_practice(practice).filter(cost__isnull=False)
    return Budget(
        currency=practice.currency,
        month_limit=practice.gift_budget_month,
        year_limit=practice.gift_budget_year,
        month_spent=_total(touches.filter(done_at__gte=month_start)),
        year_spent=_total(touches.filter(done_at__gte=year_start)),
        month_planned=_total(touches.planned().filter(planned_on__lte=last_day)),
        year_planned=_total(touches.planned().filter(planned_on__year=today.year)),
    )


def budget_warning(practice: Practice, on: date) -> str:
    """Whether what is spent and planned, a touch for `on` included, goes over the budget:
    allowed, but said out loud."""
    budget = budget_status(practice)
    today = timezone.localdate(timezone.now(), practice.zone)
    messages = []
    month_total = budget.month_spent + budget.month_planned
    same_month = (on.year, on.month) == (today.year, today.month)
    if same_month and budget.month_limit is not None and month_total > budget.month_limit:
        messages.append(
            f"this month's budget of {money(budget.month_limit, budget.currency)} "
            f"(with this, {money(month_total, budget.currency)})"
        )
    year_total = budget.year_spent + budget.year_planned
    if on.year == today.year and budget.year_limit is not None and year_total > budget.year_limit:
        messages.append(
            f"this year's budget of {money(budget.year_limit, budget.currency)} "
            f"(with this, {money(year_total, budget.currency)})"
        )
    return "Over " + " and ".join(messages) + "." if messages else ""
