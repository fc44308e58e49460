"""Today's page, acting on its items (done, snooze, dismiss, undo) and the overview of the
last weeks: the pages that show every capability's work at once."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html_join

from rapport.appointments.models import Appointment
from rapport.attention.chart import morning_chart
from rapport.attention.models import AgendaAction, AgendaSnapshot, Section
from rapport.attention.snapshots import snapshot_ensure
from rapport.clients.lookups import client_for
from rapport.clients.models import Client, Fact, ImportantDate
from rapport.desk.today.actions import (
    UNDO,
    action_said,
    agenda_action_undo,
    agenda_item_act,
    snooze_choices,
)
from rapport.desk.today.agenda import MEMBERS_OWN, Agenda, SectionView, agenda_build
from rapport.desk.today.forms import AgendaActionForm
from rapport.feedback.models import FeedbackRequest
from rapport.lib.http import UrlPattern, id_param, is_htmx, refuse_unless_post
from rapport.messaging.models import OutboxMessage
from rapport.practices.access import PracticeRequest, member_required
from rapport.referrals.models import Referral
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch

OVERVIEW_WEEKS = 8


# Items shown inside another section: an undone item is looked for in the section it is in.
_SHOWN_IN: dict[str, str] = {
    Section.CARE: Section.DATE,
    Section.CARE_TALK: Section.DATE,
    Section.REMINDER: Section.APPOINTMENTS,
    Section.CHANGED: Section.APPOINTMENTS,
    Section.FOLLOW_UP: Section.APPOINTMENTS,
}
_ACTED = "today_acted"  # the session key for the last action, shown once with its Undo
_COUNTED = "today_counted"  # the day this session last made sure of the morning count


def _link(agenda: Agenda) -> None:
    """Fills in each item's URLs: one reverse() per kind of URL, not per item."""
    client_url, compose_url = UrlPattern("client_detail"), UrlPattern("compose")
    appointment_message_url = UrlPattern("appointment_message")
    outcome_url = UrlPattern("referral_outcome")
    for section in agenda.sections:
        if section.key == Section.HANDOFF:  # acknowledged ("Got it"), not done or snoozed
            _link_handoffs(section)
            continue
        action_url = {
            key: UrlPattern(f"agenda_{key}") for key in {item.section for item in section.items}
        }
        for item in section.items:
            item.action_url = action_url[item.section](item.object_id)
            item.client_url = client_url(item.client.pk)
            if item.write is not None:
                query = f"?{item.write}" if item.write else ""
                if item.section == Section.REMINDER:  # written on the appointment's composer
                    item.write_url = f"{appointment_message_url(item.object_id)}?reminder=1"
                elif item.section == Section.FEEDBACK:  # replying clears it
                    item.write_url = reverse(
                        "feedback_reply", args=[item.client.pk, item.object_id]
                    )
                else:
                    item.write_url = f"{compose_url(item.client.pk)}{query}"
            if item.section == Section.REFERRAL:
                item.settle_url = outcome_url(item.object_id)
            if item.section == Section.UNSENT:
                item.resend_url = reverse("outbox_resend", args=[item.client.pk, item.object_id])


def _link_handoffs(section: SectionView) -> None:
    client_url = UrlPattern("client_detail")
    for item in section.items:  # a few: each one's own reverse()
        item.client_url = client_url(item.client.pk)
        item.action_url = reverse("handoff_acknowledge", args=[item.client.pk, item.object_id])


@member_required
def today(request: PracticeRequest) -> HttpResponse:
    practice = request.practice
    expanded = request.GET.get("more", "")
    agenda = agenda_build(practice, expanded=expanded, member=request.member)
    # The morning count is written once a day: this session remembers it looked for it today.
    if request.session.get(_COUNTED) != agenda.today.isoformat():
        snapshot_ensure(practice=practice, day=agenda.today, counts=agenda.counts())
        request.session[_COUNTED] = agenda.today.isoformat()
    _link(agenda)
    has_clients = agenda.total > 0 or Client.objects.for_practice(practice).exists()
    return render(
        request,
        "desk/today/today.html",
        {
            "agenda": agenda,
            "expanded": expanded,
            "has_clients": has_clients,
            "snooze_options": _snooze_options(agenda.today),
            "coming_up": agenda.coming_up,
            "acted": request.session.pop(_ACTED, None),
            "on_its_way": agenda.on_its_way,
        },
    )


def _snooze_options(today: date) -> str:
    """Rendered once for every item on the page: the page can hold a hundred of them."""
    choices = ((day.isoformat(), label) for day, label in snooze_choices(today))
    return format_html_join("", '<option value="{}">{}</option>', choices)


def _target(request: PracticeRequest, section: str, kwargs: dict[str, int]) -> tuple[Any, int]:
    """The practice's object behind an item; anything else is a 404."""
    practice = request.practice
    if "client_id" in kwargs:
        client = client_for(practice, kwargs["client_id"])
        return client, client.pk
    lookups: dict[str, Any] = {
        "promise_id": Promise,
        "fact_id": Fact,
        "date_id": ImportantDate,
        "interaction_id": Interaction,
        "outbox_id": OutboxMessage,
        "appointment_id": Appointment,
        "touch_id": Touch,
        "referral_id": Referral,
        "feedback_id": FeedbackRequest,
    }
    for key, model in lookups.items():
        if key in kwargs:
            found = get_object_or_404(model.objects.for_practice(practice), pk=kwargs[key])
            return found, found.pk
    raise AssertionError(f"no object id for section {section}")


def _action_for(request: PracticeRequest, section: str, object_id: int) -> AgendaAction:
    """The action to undo: this practice's, on this very item; anything else is a 404."""
    raw = request.POST.get("undo", "")
    if (action_id := id_param(raw)) is None:
        raise Http404("No such action.")
    return get_object_or_404(
        AgendaAction.objects.for_practice(request.practice),
        pk=action_id,
        section=section,
        object_id=object_id,
    )


def _said_without_javascript(
    request: PracticeRequest, section: str, said: str, *, ok: bool, undo: int | None = None
) -> HttpResponse:
    """Back to the section acted on, which says once what happened, with its Undo: said
    there, not at the top of the page, which the section's anchor scrolls away from."""
    shown_in = _SHOWN_IN.get(section, section)
    request.session[_ACTED] = {
        "section": shown_in, "said": said, "ok": ok, "url": request.path, "undo": undo,
    }  # fmt: skip
    return redirect(reverse("home") + f"#section-{shown_in}")


@member_required
def agenda_item(request: PracticeRequest, section: str, **ids: int) -> HttpResponse:
    """Done, snooze or dismiss an item of Today, or undo one of those."""
    target, object_id = _target(request, section, ids)
    if refused := refuse_unless_post(request):
        return refused
    if request.POST.get("action") == UNDO:
        return _undo(request, section, target, _action_for(request, section, object_id))
    form = AgendaActionForm(request.POST)
    action: AgendaAction | None = None
    if not form.is_valid():
        message = "Choose done, snooze or dismiss."
    else:
        try:
            action = agenda_item_act(
                member=request.member,
                section=section,
                target=target,
                object_id=object_id,
                action=form.cleaned_data["action"],
                until=form.cleaned_data["until"],
            )
        except ValidationError as error:
            message = " ".join(error.messages)
        else:
            message = action_said(action, target)
    if is_htmx(request):
        return _answer(request, section, object_id, message, undo=action, ok=action is not None)
    return _said_without_javascript(
        request, section, message, ok=action is not None, undo=None if action is None else action.pk
    )


def _undo(
    request: PracticeRequest, section: str, target: Any, action: AgendaAction
) -> HttpResponse:
    try:
        undone = agenda_action_undo(member=request.member, action=action, target=target)
    except ValidationError as error:
        message, ok = " ".join(error.messages), False
    else:
        message, ok = action_said(undone, target), True
    if not is_htmx(request):
        return _said_without_javascript(request, section, message, ok=ok)
    if not ok:
        return _answer(request, section, action.object_id, message, ok=False)
    # The item comes back in place, with its buttons, when it is still on Today.
    agenda = agenda_build(
        request.practice,
        limit=0,
        expanded=_SHOWN_IN.get(section, section),
        member=request.member,
    )
    key = f"{section}-{action.object_id}"
    item = next((i for shown in agenda.sections for i in shown.items if i.key == key), None)
    if item is None:
        message += " It is not on Today any more."
        return _answer(request, section, action.object_id, message, ok=True, agenda=agenda)
    _link(agenda)
    return render(
        request,
        "desk/today/_item_back.html",
        {"back": [item], "agenda": agenda, "snooze_options": _snooze_options(agenda.today)},
    )


def _answer(
    request: PracticeRequest,
    section: str,
    object_id: int,
    message: str,
    *,
    ok: bool,
    undo: AgendaAction | None = None,
    agenda: Agenda | None = None,
) -> HttpResponse:
    """The row after an action, with its Undo, and every count on the page swapped in place,
    so the badges and the total say what a reload would say."""
    if agenda is None and ok:
        agenda = agenda_build(request.practice, limit=0, member=request.member)
    return render(
        request,
        "desk/today/_item_done.html",
        {
            "message": message,
            "ok": ok,
            "row_id": f"item-{section}-{object_id}",
            "undo": undo,
            "url": request.path,
            "agenda": agenda,
        },
    )


@member_required
def overview(request: PracticeRequest) -> HttpResponse:
    practice = request.practice
    agenda = agenda_build(practice, limit=0)
    since = agenda.today - timedelta(weeks=OVERVIEW_WEEKS)
    snapshots = list(
        AgendaSnapshot.objects.for_practice(practice).filter(day__gt=since).order_by("day")
    )
    rows = []
    for section in agenda.sections:
        if section.key in MEMBERS_OWN:  # the overview is the practice's, not one member's
            continue
        counts = [(snapshot.day, snapshot.count(section.key)) for snapshot in snapshots]
        rows.append(
            {
                "key": section.key,
                "title": section.title,
                "now": section.total,
                "chart": morning_chart(counts) if counts else None,
            }
        )
    return render(
        request,
        "desk/overview.html",
        {"rows": rows, "weeks": OVERVIEW_WEEKS, "days": len(snapshots)},
    )


SECTION_URLS = [
    ("unsent/<int:outbox_id>/", Section.UNSENT),
    ("replies/<int:client_id>/", Section.REPLY),
    ("checkins/<int:client_id>/", Section.CHECKIN),
    ("fading/<int:client_id>/", Section.FADING),
    ("promises/<int:promise_id>/", Section.PROMISE),
    ("dates/<int:date_id>/", Section.DATE),
    ("care/facts/<int:fact_id>/", Section.CARE),
    ("care/conversations/<int:interaction_id>/", Section.CARE_TALK),
    ("reconfirm/<int:fact_id>/", Section.RECONFIRM),
    ("reminders/<int:appointment_id>/", Section.REMINDER),
    ("changes/<int:appointment_id>/", Section.CHANGED),
    ("follow-ups/<int:appointment_id>/", Section.FOLLOW_UP),
    ("touches/<int:touch_id>/", Section.TOUCH),
    ("referrals/<int:referral_id>/", Section.REFERRAL),
    ("feedback/<int:feedback_id>/", Section.FEEDBACK),
]
