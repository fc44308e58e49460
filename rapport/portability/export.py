"""Everything a practice holds, as one documented JSON document (docs/export.md).

Rows are written field by field from the models themselves, so a field added
later is exported without anyone remembering; what must never leave (password
hashes, API and calendar-feed secrets, the mailbox password, signed-link
nonces) is excluded by name, and the tokens of links written into stored text
(a late notice's reschedule link) are replaced by a placeholder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone

from rapport.appointments.models import Appointment
from rapport.cases.models import Advice, Case, CaseFact, CaseInteraction, Step
from rapport.clients.models import Client, ContactPoint, Fact, ImportantDate, Tag
from rapport.feedback.models import FeedbackQuestion, FeedbackRequest
from rapport.handoffs.models import Handoff
from rapport.messaging.models import InboundMail, MessageTemplate, OutboxMessage
from rapport.portability.cards import clients_csv, vcards
from rapport.practices.models import Member, Practice
from rapport.referrals.models import Partner, Referral
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch, TouchKind

FORMAT = "rapport-practice-export"
VERSION = 1
NEVER = {"practice", "password", "feed_token_hash", "link_nonce", "key_hash", "token_hash"}

# A client link or a feed address in stored text (a late notice's reschedule link, an
# unsubscribe link quoted in a reply): the words stay, the token goes, so a link taken from an
# export opens nothing (docs/security.md).
LINK_IN_TEXT = re.compile(r"(/[ru]/)[^/\s\"'<>]+/|(/calendar/feed/)[^/\s\"'<>]+\.ics")
LINK_REMOVED = "(link removed in export)"


def _without_links(text: str) -> str:
    if "/r/" not in text and "/u/" not in text and "/calendar/feed/" not in text:
        return text
    return LINK_IN_TEXT.sub(
        lambda found: f"{found[1]}{LINK_REMOVED}/" if found[1] else f"{found[2]}{LINK_REMOVED}.ics",
        text,
    )


def _value(value: Any) -> Any:
    if isinstance(value, str):
        return _without_links(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def row(obj: models.Model, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A model row as JSON values: foreign keys as `<name>_id`, no generated columns."""
    skipped = NEVER | set(skip)
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in skipped or isinstance(field, models.GeneratedField):
            continue
        data[field.attname] = _value(getattr(obj, field.attname))
    return data


def _by_client(rows: Iterable[models.Model]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = {}
    for item in rows:
        grouped.setdefault(item.client_id, []).append(row(item, skip={"client"}))  # type: ignore[attr-defined]
    return grouped


def _cases_by_client(client_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each case with its steps and advice inside it, as the case page tells them, and the ids
    of the client's conversations and facts linked to it (their messages name their case)."""
    cases = Case.objects.filter(client_id__in=client_ids).order_by("opened_on", "pk")
    inside: dict[int, dict[str, list[Any]]] = {}

    def held(case_id: int) -> dict[str, list[Any]]:
        empty: dict[str, list[Any]] = {
            "steps": [], "advice": [], "interaction_ids": [], "fact_ids": []
        }  # fmt: skip
        return inside.setdefault(case_id, empty)

    for key, rows in (
        ("steps", Step.objects.filter(case__in=cases)),
        ("advice", Advice.objects.filter(case__in=cases)),
    ):
        for item in rows:
            held(item.case_id)[key].append(row(item, skip={"case"}))
    links = (
        ("interaction_ids", CaseInteraction.objects.filter(case__in=cases), "interaction_id"),
        ("fact_ids", CaseFact.objects.filter(case__in=cases), "fact_id"),
    )
    for key, link_rows, name in links:
        for case_id, linked_id in link_rows.order_by("pk").values_list("case_id", name):
            held(case_id)[key].append(linked_id)
    grouped: dict[int, list[dict[str, Any]]] = {}
    for case in cases:
        grouped.setdefault(case.client_id, []).append(row(case, skip={"client"}) | held(case.pk))
    return grouped


def _referrals_by_client(client_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each referral with the partner's name, so a client's own file says to whom."""
    grouped: dict[int, list[dict[str, Any]]] = {}
    referrals = Referral.objects.filter(client_id__in=client_ids).select_related("partner")
    for referral in referrals.order_by("referred_at", "pk"):
        data = row(referral, skip={"client"}) | {"partner_name": referral.partner.name}
        grouped.setdefault(referral.client_id, []).append(data)
    return grouped


def _feedback_by_client(client_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each feedback request with its questions and the client's answers inside it."""
    requests = FeedbackRequest.objects.filter(client_id__in=client_ids).order_by("created_at", "pk")
    questions: dict[int, list[dict[str, Any]]] = {}
    for question in FeedbackQuestion.objects.filter(request__in=requests).order_by("pk"):
        questions.setdefault(question.request_id, []).append(row(question, skip={"request"}))
    grouped: dict[int, list[dict[str, Any]]] = {}
    for request in requests:
        held = {"questions": questions.get(request.pk, [])}
        grouped.setdefault(request.client_id, []).append(row(request, skip={"client"}) | held)
    return grouped


def clients_export(practice: Practice, clients: models.QuerySet[Client]) -> list[dict[str, Any]]:
    ids = list(clients.values_list("pk", flat=True))
    within = {"client_id__in": ids}
    related = {
        "contact_points": _by_client(ContactPoint.objects.filter(**within)),
        "facts": _by_client(Fact.objects.filter(**within)),
        "important_dates": _by_client(ImportantDate.objects.filter(**within)),
        "interactions": _by_client(Interaction.objects.filter(**within).order_by("occurred_at")),
        "promises": _by_client(Promise.objects.filter(**within)),
        "messages": _by_client(OutboxMessage.objects.filter(**within)),
        "mail": _by_client(InboundMail.objects.filter(**within)),
        "appointments": _by_client(Appointment.objects.filter(**within)),
        "touches": _by_client(Touch.objects.filter(**within)),
        "cases": _cases_by_client(ids),
        "referrals": _referrals_by_client(ids),
        "handoffs": _by_client(Handoff.objects.filter(**within).order_by("created_at", "pk")),
        "feedback": _feedback_by_client(ids),
    }
    tags: dict[int, list[str]] = {}
    for client_id, name in Client.tags.through.objects.filter(client_id__in=ids).values_list(
        "client_id", "tag__name"
    ):
        tags.setdefault(client_id, []).append(name)
    result = []
    for client in clients.order_by("pk"):
        data = row(client)
        data["tags"] = sorted(tags.get(client.pk, []))
        for key, grouped in related.items():
            data[key] = grouped.get(client.pk, [])
        result.append(data)
    return result


def practice_export(practice: Practice) -> dict[str, Any]:
    members = Member.objects.filter(practice=practice).select_related("user")
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "practice": row(practice),
        "members": [
            row(member, skip={"user"}) | {"email": member.user.email, "name": member.user.name}
            for member in members
        ],
        "tags": [row(tag) for tag in Tag.objects.for_practice(practice)],
        "touch_kinds": [row(kind) for kind in TouchKind.objects.for_practice(practice)],
        "partners": [row(partner) for partner in Partner.objects.for_practice(practice)],
        "message_templates": [
            row(template) for template in MessageTemplate.objects.for_practice(practice)
        ],
        "clients": clients_export(practice, Client.objects.for_practice(practice)),
    }


def client_export(client: Client) -> dict[str, Any]:
    """One client's own data, for their right of access."""
    practice = client.practice
    [data] = clients_export(practice, Client.objects.filter(pk=client.pk))
    return {
        "format": "rapport-client-export",
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "held_by": practice.name,
        "client": data,
    }


def practice_file(practice: Practice, kind: str) -> str:
    """The practice's data as a file's text: JSON, CSV or vCard."""
    if kind == "json":
        return json.dumps(practice_export(practice), ensure_ascii=False, indent=1)
    clients = (
        Client.objects.for_practice(practice)
        .order_by("full_name", "pk")
        .prefetch_related("contact_points", "important_dates", "tags")
    )
    return clients_csv(clients) if kind == "csv" else vcards(clients)
