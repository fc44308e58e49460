"""Today: who needs a word from the provider, section by section, and why.

Every section is one or two indexed queries over the summaries the timeline
keeps current, so the page costs the same for 50 clients or 5,000. Items a
member marked done, snoozed or dismissed are left out in SQL, for the cycle
they were handled in.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    IntegerField,
    Model,
    Q,
    QuerySet,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone

from rapport.appointments.models import (
    HOLDING_TIME,
    Appointment,
    AppointmentStatus,
    ClientChoice,
)
from rapport.attention.dates import next_occurrence, ordinal_years
from rapport.attention.models import AgendaAction, ClientReading, Section
from rapport.attention.working_hours import WorkingHours, describe_wait, working_time_between
from rapport.clients.models import (
    CheckinChannel,
    CheckinConsent,
    Client,
    ClientStatus,
    Fact,
    ImportantDate,
    may_be_checked_on,
)
from rapport.lib.humanize import (
    calendar_days,
    day_phrase,
    days_ago_phrase,
    days_phrase,
    short_moment,
)
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Practice
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch

DATES_AHEAD_DAYS = 14
CARE_AFTER_DAYS = 7
CARE_UNTIL_DAYS = 21
RECONFIRM_AFTER_DAYS = 365
CHANGES_DAYS = 14
FOLLOW_UP_DAYS = 7
TOUCH_AHEAD_DAYS = 3
_ACTIONS = connection.ops.quote_name(AgendaAction._meta.db_table)
SECTION_LIMIT = 10
# Past this a section says "200+": counting further costs time (reading that many rows to
# count them was most of the heaviest section's cost) and helps no one.
COUNT_CAP = 200
EXPANDED_LIMIT = 100


@dataclass
class Item:
    section: str
    object_id: int
    client: Client
    headline: str
    detail: str = ""
    badge: str = ""
    suggestion: str = ""
    # The composer's query for the message this item calls for ("appointment=4&reminder=1");
    # "" opens the composer as it is, None offers no Write button.
    write: str | None = None
    action_url: str = ""  # set by the web view, which knows the URLs
    client_url: str = ""
    write_url: str = ""
    resend_url: str = ""  # "Send again", for a message that did not go or may not have

    @property
    def key(self) -> str:
        return f"{self.section}-{self.object_id}"


@dataclass
class SectionView:
    key: str
    title: str
    explanation: str
    empty: str
    items: list[Item] = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    @property
    def more_label(self) -> str:
        """What "Show ..." will add: the expanded section shows EXPANDED_LIMIT items."""
        next_ones = min(self.more, EXPANDED_LIMIT - len(self.items))
        if self.capped or next_ones < self.more:
            return f"the next {next_ones}"
        return f"{self.more} more"

    @property
    def capped(self) -> bool:
        """There are at least this many; the true number was not counted."""
        return self.total >= COUNT_CAP


@dataclass
class Agenda:
    practice: Practice
    now: datetime
    today: date
    sections: list[SectionView]

    @property
    def total(self) -> int:
        return sum(section.total for section in self.sections)

    @property
    def capped(self) -> bool:
        """The total is a floor: some section stopped counting."""
        return any(section.capped for section in self.sections)

    def section(self, key: str) -> SectionView:
        return next(section for section in self.sections if section.key == key)

    def counts(self) -> dict[str, int]:
        return {section.key: section.total for section in self.sections}


def _not_hidden(
    model: type[Model],
    practice: Practice,
    section: str,
    today: date,
    cycle: str | None = None,
    since: datetime | None = None,
) -> RawSQL:
    """No action on this object still hides it. With a cycle field (or a fixed `since`),
    only actions taken since then count, so a new message, a new due date or next
    year's birthday brings the item back.

    Written as SQL rather than an ORM Exists(): every section uses it twice, and
    compiling the subquery cost more than running it. Every value is a parameter; the
    names come from the model's own metadata.
    """
    table, pk = _table(model), model._meta.pk.column
    sql = (
        f"NOT EXISTS (SELECT 1 FROM {_ACTIONS} a WHERE a.practice_id = %s AND a.section = %s"  # noqa: S608
        f" AND a.object_id = {table}.{connection.ops.quote_name(pk)} AND a.hidden_until > %s"
    )
    params: list[Any] = [practice.pk, section, today]
    if cycle is not None:
        sql += f" AND a.taken_at >= {table}.{connection.ops.quote_name(cycle)}"
    if since is not None:
        sql += " AND a.taken_at >= %s"
        params.append(since)
    return RawSQL(sql + ")", params, output_field=BooleanField())  # noqa: S611 (names from metadata)


def _page(
    queryset: QuerySet[Any], limit: int, related: tuple[str, ...] = ()
) -> tuple[list[Any], int]:
    """The first `limit` rows and the total (counted up to COUNT_CAP), in two queries whatever
    the data: the section's own query reads only ids, in order; the rows shown are then
    fetched by id with their client. Building one complex query instead of two is most
    of what this page costs."""
    ids = list(queryset.values_list("pk", flat=True)[:COUNT_CAP])
    shown = ids[: max(limit, 0)]
    return _rows(queryset.model, shown, related), len(ids)


def _rows(model: type[Model], shown: list[int], related: tuple[str, ...] = ()) -> list[Any]:
    """These rows, in this order, with their client."""
    fetch = model._base_manager.filter(Q(pk__in=shown) if shown else Q(pk__isnull=True))
    if any(field.name == "client" for field in model._meta.get_fields()):
        fetch = fetch.select_related("client", *related)
    by_id = {row.pk: row for row in fetch}
    return [by_id[pk] for pk in shown]


def _days_ago(moment: datetime, practice: Practice, today: date) -> str:
    return days_phrase(timezone.localtime(moment, practice.zone).date(), today)


def _working_hours(practice: Practice) -> WorkingHours:
    return WorkingHours(starts=practice.work_starts, ends=practice.work_ends)


def _unsent(practice: Practice, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.UNSENT,
        "Messages that did not go",
        "Approved emails the mail server refused, or that Rapport could not confirm.",
        "Every approved message went.",
    )
    messages = (
        OutboxMessage.objects.for_practice(practice)
        .needing_attention()
        .filter(_not_hidden(OutboxMessage, practice, Section.UNSENT, today))
        .order_by("created_at", "pk")
    )
    rows, section.total = _page(messages, limit)
    for message in rows:
        section.items.append(
            Item(
                Section.UNSENT,
                message.pk,
                message.client,
                headline=f"{message.get_status_display()}: “{message.subject}” "
                f"to {message.client.display_name}",
                detail=message.last_error,
                suggestion="Check your sent mail, then send it again; or correct the address "
                "on their page and write again.",
            )
        )
    return section


def _replies(practice: Practice, now: datetime, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.REPLY,
        "Replies owed",
        "Messages still waiting for your answer: who wrote again first, then the longest wait.",
        "Nobody is waiting for an answer.",
    )
    wrote_again = Case(
        When(unanswered_count__gte=2, then=0), default=1, output_field=IntegerField()
    )
    clients = (
        Client.objects.for_practice(practice)
        .current()
        .filter(awaiting_reply_since__isnull=False, awaiting_reply_since__lte=now)
        .filter(_not_hidden(Client, practice, Section.REPLY, today, cycle="awaiting_reply_latest"))
        .order_by(wrote_again, "awaiting_reply_since", "pk")
    )
    rows, section.total = _page(clients, limit)
    hours = _working_hours(practice)
    for client in rows:
        since = client.awaiting_reply_since
        assert since is not None
        waited = describe_wait(
            now - since, working_time_between(since, now, practice.zone, hours), hours
        )
        second = client.unanswered_count >= 2
        section.items.append(
            Item(
                Section.REPLY,
                client.pk,
                client,
                headline=f"{client.display_name} is waiting for your answer",
                detail=f"Waiting {waited}.",
                badge=f"{_nth(client.unanswered_count)} message" if second else "",
                suggestion="They wrote again before you answered: answer today, "
                "and thank them for their patience."
                if second
                else "",
                write="",
            )
        )
    return section


def _nth(count: int) -> str:
    return {2: "second", 3: "third"}.get(count, f"{count}th")


def _promises(practice: Practice, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.PROMISE,
        "Promises due",
        "What you said you would do, due today or late.",
        "No promises are due.",
    )
    promises = (
        Promise.objects.for_practice(practice)
        .open()
        .filter(due_on__lte=today, client__archived_at__isnull=True)
        .filter(_not_hidden(Promise, practice, Section.PROMISE, today))
        .order_by("due_on", "pk")
    )
    rows, section.total = _page(promises, limit)
    for promise in rows:
        late = (today - promise.due_on).days
        section.items.append(
            Item(
                Section.PROMISE,
                promise.pk,
                promise.client,
                headline=f"{promise.text}, for {promise.client.display_name}",
                detail="Due today." if late == 0 else f"Due {days_phrase(promise.due_on, today)}.",
                badge="late" if late > 0 else "",
            )
        )
    return section


def _checkins(practice: Practice, now: datetime, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.CHECKIN,
        "Check-ins due",
        "Past their keep-in-touch rhythm, counted from the last contact either way.",
        "Everyone has heard from you within their rhythm.",
    )
    clients = (
        Client.objects.for_practice(practice)
        .current()
        .may_be_checked_on()
        .filter(checkin_due_at__lte=now, awaiting_reply_since__isnull=True)
        .filter(_not_hidden(Client, practice, Section.CHECKIN, today, cycle="checkin_due_at"))
        .order_by("checkin_due_at", "pk")
    )
    rows, section.total = _page(clients, limit)
    for client in rows:
        last = (
            "no contact yet"
            if client.last_contact_at is None
            else "last contact "
            + days_ago_phrase(calendar_days(client.last_contact_at, now, practice.zone))
        )
        ask = client.checkin_consent == CheckinConsent.UNKNOWN
        section.items.append(
            Item(
                Section.CHECKIN,
                client.pk,
                client,
                headline=f"{client.display_name}: {last}",
                detail=f"Your rhythm with them is every {client.rhythm} days.",
                badge="ask first" if ask else "",
                suggestion="Ask whether they would like you to check in now and then, and how."
                if ask
                else _checkin_suggestion(client),
            )
        )
    return section


def _checkin_suggestion(client: Client) -> str:
    if client.status == ClientStatus.PAUSED:
        return "They are paused but welcome a gentle note: no pressure, just that you are there."
    if client.checkin_channel != CheckinChannel.ANY:
        return f"They prefer: {client.get_checkin_channel_display().lower()}."
    return ""


def _fading(practice: Practice, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.FADING,
        "Fading attention",
        "Clients hearing from you far less than in the first months, or waiting longer "
        "for answers.",
        "No one is drifting.",
    )
    readings = (
        ClientReading.objects.for_practice(practice)
        .filter(may_be_checked_on("client__"), fading=True, client__archived_at__isnull=True)
        .filter(_not_hidden(ClientReading, practice, Section.FADING, today))
        .order_by("score", "pk")
    )
    rows, section.total = _page(readings, limit)
    for reading in rows:
        section.items.append(
            Item(
                Section.FADING,
                reading.client_id,
                reading.client,
                headline=reading.client.display_name,
                detail=" ".join(reading.fading_reasons),
            )
        )
    return section


def _dates(practice: Practice, now: datetime, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.DATE,
        "Dates ahead",
        f"Birthdays, anniversaries and other dates in the next {DATES_AHEAD_DAYS} days, "
        "and a gentle check a week after hard news.",
        "No dates in the next two weeks.",
    )
    # Gentle checks first: they matter more than a birthday and are few.
    care = _care(practice, now, today)
    section.items, care_total = care[:limit], len(care)
    start = today.month * 100 + today.day
    last = today + timedelta(days=DATES_AHEAD_DAYS)
    end = last.month * 100 + last.day
    if start <= end:
        window = Q(month_day__gte=start, month_day__lte=end)
        rank: Any = F("month_day")
    else:  # the window runs over the year end: January comes after December
        window = Q(month_day__gte=start) | Q(month_day__lte=end)
        rank = Case(
            When(month_day__lt=start, then=F("month_day") + 1300),
            default=F("month_day"),
            output_field=IntegerField(),
        )
    if end == 228 and not calendar.isleap(last.year):
        window |= Q(month_day=229)  # a leap-day birthday is kept on 28 February
    # An action on a date is taken while it is in the window, so only actions from the
    # last window's length can concern this year's occurrence.
    this_window = now - timedelta(days=DATES_AHEAD_DAYS + 1)
    dates = (
        ImportantDate.objects.for_practice(practice)
        .filter(window, may_be_checked_on("client__"), client__archived_at__isnull=True)
        .filter(_not_hidden(ImportantDate, practice, Section.DATE, today, since=this_window))
        .order_by(rank, "client__full_name", "pk")
    )
    rows, dates_total = _page(dates, max(limit - len(section.items), 0))
    for item in rows:
        when = next_occurrence(item.month, item.day, today)
        years = ordinal_years(item.year, when)
        extra = ""
        if years and item.kind == "birthday":
            extra = f" (turns {years})"
        elif years:
            extra = f" ({years} years)"
        section.items.append(
            Item(
                Section.DATE,
                item.pk,
                item.client,
                headline=f"{item.client.display_name}: {item.title_in_sentence} "
                f"{day_phrase(when, today)}{extra}",
                detail=f"{item.as_text}.",
            )
        )
    section.total = care_total + dates_total
    return section


def _care(practice: Practice, now: datetime, today: date) -> list[Item]:
    """A week after hard news or a hard conversation, unless they have been in touch since."""
    window = {
        "gte": now - timedelta(days=CARE_UNTIL_DAYS),
        "lte": now - timedelta(days=CARE_AFTER_DAYS),
    }
    quiet_since = timedelta(days=CARE_AFTER_DAYS - 1)
    facts = (
        Fact.objects.for_practice(practice)
        .filter(hard_news=True, learned_at__gte=window["gte"], learned_at__lte=window["lte"])
        .filter(may_be_checked_on("client__"), client__archived_at__isnull=True)
        .filter(
            Q(client__last_contact_at__isnull=True)
            | Q(client__last_contact_at__lt=F("learned_at") + quiet_since)
        )
        .filter(_not_hidden(Fact, practice, Section.CARE, today))
        .select_related("client")
    )
    talks = (
        Interaction.objects.for_practice(practice)
        .filter(
            hard_conversation=True, occurred_at__gte=window["gte"], occurred_at__lte=window["lte"]
        )
        .filter(
            may_be_checked_on("client__"),
            client__archived_at__isnull=True,
            client__last_contact_at__lt=F("occurred_at") + quiet_since,
        )
        .filter(_not_hidden(Interaction, practice, Section.CARE_TALK, today))
        .select_related("client")
    )
    items = [
        Item(
            Section.CARE,
            fact.pk,
            fact.client,
            headline=f"{fact.client.display_name}: how are they doing?",
            detail=f"A week ago you learned: {fact.text}",
            suggestion="A short, gentle note or call; nothing to sell, just asking how they are.",
        )
        for fact in facts
    ]
    items += [
        Item(
            Section.CARE_TALK,
            talk.pk,
            talk.client,
            headline=f"{talk.client.display_name}: how are they since your conversation?",
            detail=f"A hard conversation {_days_ago(talk.occurred_at, practice, today)}: "
            f"{talk.summary[:120]}",
            suggestion="Check on how they are, gently.",
        )
        for talk in talks
    ]
    return items


def _reconfirm(practice: Practice, now: datetime, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.RECONFIRM,
        "Facts to reconfirm",
        "Forgotten, or important and not confirmed for a year: ask, apologise, write it down.",
        "Everything important is fresh.",
    )
    stale = now - timedelta(days=RECONFIRM_AFTER_DAYS)
    facts = (
        Fact.objects.for_practice(practice)
        .filter(may_be_checked_on("client__"), client__archived_at__isnull=True)
        .filter(_not_hidden(Fact, practice, Section.RECONFIRM, today))
    )
    # Two indexed queries rather than one OR: forgotten facts first, then the stalest.
    forgotten, forgotten_total = _page(
        facts.filter(ask_again=True).order_by("known_at", "pk"), limit
    )
    stale_facts = facts.filter(ask_again=False, important=True, known_at__lt=stale)
    rest, stale_total = _page(stale_facts.order_by("known_at", "pk"), limit - len(forgotten))
    rows, section.total = forgotten + rest, forgotten_total + stale_total
    for fact in rows:
        section.items.append(
            Item(
                Section.RECONFIRM,
                fact.pk,
                fact.client,
                headline=f"{fact.client.display_name}: {fact.text}",
                detail="You marked it forgotten."
                if fact.ask_again
                else f"Last confirmed {_days_ago(fact.known_at, practice, today)}.",
                badge="forgotten" if fact.ask_again else "",
                suggestion="Ask again, apologise for asking twice, and write it down.",
            )
        )
    return section


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _appointment_rows(
    practice: Practice, now: datetime, today: date, limit: int
) -> tuple[list[Any], int]:
    """The section's rows, each with its `kind`, in one SQL query written out by hand: as an
    ORM expression, the three conditions cost more to compile than to run. Table names come
    from the models' metadata; every value is a parameter."""
    ops = connection.ops
    at, day = ops.adapt_datetimefield_value, ops.adapt_datefield_value
    appointments, clients = _table(Appointment), _table(Client)
    promises, actions = _table(Promise), _ACTIONS
    tomorrow = today + timedelta(days=1)
    zone = practice.zone

    def not_hidden(section: str, cycle: str = "") -> tuple[str, list[Any]]:
        sql = (
            f"NOT EXISTS (SELECT 1 FROM {actions} x WHERE x.practice_id = %s "  # noqa: S608
            "AND x.section = %s AND x.object_id = a.id AND x.hidden_until > %s"
            + (f" AND x.taken_at >= a.{cycle}" if cycle else "")
            + ")"
        )
        return sql, [practice.pk, section, day(today)]

    hidden_sql, hidden_params = not_hidden(Section.REMINDER)
    reminder = (
        "a.starts_at >= %s AND a.starts_at < %s AND a.status = %s "
        f"AND a.reminder_sent_at IS NULL AND c.wants_reminders = %s AND {hidden_sql}",
        [
            at(datetime.combine(tomorrow, time.min, tzinfo=zone)),
            at(datetime.combine(tomorrow + timedelta(days=1), time.min, tzinfo=zone)),
            AppointmentStatus.SCHEDULED.value,
            True,
            *hidden_params,
        ],
    )
    hidden_sql, hidden_params = not_hidden(Section.CHANGED, "client_choice_at")
    changed = (
        f"a.client_choice_at >= %s AND {hidden_sql}",
        [at(now - timedelta(days=CHANGES_DAYS)), *hidden_params],
    )
    hidden_sql, hidden_params = not_hidden(Section.FOLLOW_UP)
    follow_up = (
        "a.status = %s AND a.ends_at >= %s AND a.ends_at <= %s "  # noqa: S608
        # No contact since: the appointment's own meeting, at its real start (which can be
        # after the booked end), is the visit itself, not contact after it.
        "AND (c.last_contact_at IS NULL OR c.last_contact_at < a.ends_at "
        "OR c.last_contact_at <= COALESCE(a.actual_start_at, a.starts_at)) "
        # One follow-up per client: for the latest appointment.
        f"AND NOT EXISTS (SELECT 1 FROM {appointments} b WHERE b.client_id = a.client_id "
        "AND b.status = %s AND b.ends_at > a.ends_at AND b.ends_at <= %s "
        "AND b.starts_at >= a.starts_at) "
        # A client whose next session is booked hears from you then, unless you owe them.
        f"AND (NOT EXISTS (SELECT 1 FROM {appointments} n WHERE n.client_id = a.client_id "
        "AND n.status IN (%s, %s) AND n.starts_at > %s) "
        f"OR EXISTS (SELECT 1 FROM {promises} p WHERE p.client_id = a.client_id "
        f"AND p.done_at IS NULL)) AND {hidden_sql}",
        [
            AppointmentStatus.COMPLETED.value,
            at(now - timedelta(days=FOLLOW_UP_DAYS)),
            at(now),
            AppointmentStatus.COMPLETED.value,
            at(now),
            *HOLDING_TIME,
            at(now),
            *hidden_params,
        ],
    )
    # Every kind starts after this: a follow-up within FOLLOW_UP_DAYS, a reschedule answer
    # (made before the start, or while it was running late) within CHANGES_DAYS.
    earliest = now - timedelta(days=max(CHANGES_DAYS, FOLLOW_UP_DAYS) + 2)
    sql = (
        f"SELECT a.id, CASE WHEN {reminder[0]} THEN %s WHEN {changed[0]} THEN %s ELSE %s END "  # noqa: S608
        f"AS kind FROM {appointments} a INNER JOIN {clients} c ON c.id = a.client_id "
        "WHERE a.practice_id = %s AND a.starts_at >= %s AND c.archived_at IS NULL "
        f"AND (({reminder[0]}) OR ({changed[0]}) OR ({follow_up[0]})) "
        "ORDER BY kind DESC, a.starts_at, a.id LIMIT %s"
    )
    params = [
        *reminder[1], Section.REMINDER.value, *changed[1], Section.CHANGED.value,
        Section.FOLLOW_UP.value, practice.pk, at(earliest),
        *reminder[1], *changed[1], *follow_up[1], COUNT_CAP,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        pairs = cursor.fetchall()
    kinds = dict(pairs)
    rows = _rows(Appointment, [pk for pk, _ in pairs[: max(limit, 0)]])
    for row in rows:
        row.kind = kinds[row.pk]
    return rows, len(pairs)


def _appointments(practice: Practice, now: datetime, today: date, limit: int) -> SectionView:
    """Reminders to send, answers to reschedule links, and follow-ups: one query for all three,
    bounded to appointments starting from a couple of weeks ago, so it reads a short index
    range however long the practice's history."""
    section = SectionView(
        Section.APPOINTMENTS,
        "Appointments",
        "Reminders clients asked for, what they answered to your reschedule links, and who "
        "has not heard from you since you saw them.",
        "Nothing to do about appointments.",
    )
    rows, section.total = _appointment_rows(practice, now, today, limit)
    for appointment in rows:
        name = appointment.client.display_name
        when = timezone.localtime(appointment.starts_at, practice.zone)
        if appointment.kind == Section.REMINDER:
            section.items.append(
                Item(
                    Section.REMINDER,
                    appointment.pk,
                    appointment.client,
                    headline=f"Remind {name} of tomorrow {when:%H:%M}",
                    detail=appointment.place,
                    suggestion="They asked for a reminder the day before. Rapport drafts it; "
                    "you approve it.",
                    write=f"appointment={appointment.pk}&reminder=1",
                )
            )
        elif appointment.kind == Section.CHANGED and appointment.client_choice_at:
            # Worded from the client's choice, with dates that say the same whenever read.
            moved = appointment.client_choice == ClientChoice.MOVED
            said = short_moment(when, today)
            was = appointment.client_choice_from
            answered = (
                f"They answered through your link "
                f"{_days_ago(appointment.client_choice_at, practice, today)}."
            )
            if moved and was is not None:
                answered = (
                    f"Instead of {short_moment(timezone.localtime(was, practice.zone), today)}. "
                    + answered
                )
            section.items.append(
                Item(
                    Section.CHANGED,
                    appointment.pk,
                    appointment.client,
                    headline=f"{name} chose {said} instead"
                    if moved
                    else f"{name} kept the original time, {said}",
                    detail=answered,
                    suggestion="Your calendar feed already has the new time." if moved else "",
                )
            )
        else:
            section.items.append(
                Item(
                    Section.FOLLOW_UP,
                    appointment.pk,
                    appointment.client,
                    headline=f"Follow up with {name}",
                    detail=f"You saw them {_days_ago(appointment.ends_at, practice, today)}.",
                    suggestion="A thank-you, the next step you promised, or an offer of the next "
                    "appointment.",
                    write="purpose=thank_you",
                )
            )
    return section


def _touches(practice: Practice, today: date, limit: int) -> SectionView:
    section = SectionView(
        Section.TOUCH,
        "Personal touches planned",
        f"The gestures you planned, due in the next {TOUCH_AHEAD_DAYS} days or late.",
        "No personal touch planned for now: the ideas on a client's page can start one.",
    )
    touches = (
        Touch.objects.for_practice(practice)
        .planned()
        .filter(planned_on__lte=today + timedelta(days=TOUCH_AHEAD_DAYS))
        .filter(may_be_checked_on("client__"), client__archived_at__isnull=True)
        # A boundary recorded after planning wins: such a touch is never put forward.
        .exclude(kind__is_gift=True, client__no_gifts=True)
        .exclude(kind__physical=True, client__no_physical_contact=True)
        .filter(_not_hidden(Touch, practice, Section.TOUCH, today))
        .order_by("planned_on", "pk")
    )
    rows, section.total = _page(touches, limit, related=("kind",))
    for touch in rows:
        late = (today - touch.planned_on).days
        section.items.append(
            Item(
                Section.TOUCH,
                touch.pk,
                touch.client,
                headline=f"{touch.kind.name} for {touch.client.display_name}",
                detail=f"{touch.note} ({day_phrase(touch.planned_on, today)})",
                badge="late" if late > 0 else "",
            )
        )
    return section


def agenda_build(
    practice: Practice,
    *,
    now: datetime | None = None,
    limit: int = SECTION_LIMIT,
    expanded: str = "",
) -> Agenda:
    """Today for a practice: `limit` items per section, `EXPANDED_LIMIT` for the expanded one."""
    now = now or timezone.now()
    today = timezone.localtime(now, practice.zone).date()

    def size(key: str) -> int:
        return EXPANDED_LIMIT if key == expanded else limit

    return Agenda(
        practice=practice,
        now=now,
        today=today,
        sections=[
            _unsent(practice, today, size(Section.UNSENT)),
            _replies(practice, now, today, size(Section.REPLY)),
            _promises(practice, today, size(Section.PROMISE)),
            _checkins(practice, now, today, size(Section.CHECKIN)),
            _fading(practice, today, size(Section.FADING)),
            _dates(practice, now, today, size(Section.DATE)),
            _reconfirm(practice, now, today, size(Section.RECONFIRM)),
            _appointments(practice, now, today, size(Section.APPOINTMENTS)),
            _touches(practice, today, size(Section.TOUCH)),
        ],
    )
