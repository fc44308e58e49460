"""The morning digest: each member's Today by email, at their hour, only when it holds something."""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rapport.desk.today.agenda import Agenda, agenda_build
from rapport.practices.models import Member

log = logging.getLogger(__name__)


def things_need_you(count: int) -> str:
    return "1 thing needs you" if count == 1 else f"{count} things need you"


def digest_body(agenda: Agenda, member: Member) -> str:
    first_name = member.user.name.split()[0] if member.user.name.strip() else ""
    lines = [
        f"Good morning {first_name}".rstrip() + ",",
        "",
    ]
    lines.append(f"{things_need_you(agenda.total)} today:")
    for section in agenda.sections:
        if not section.total:
            continue
        lines += ["", f"{section.title} ({section.total})"]
        for item in section.items:
            lines.append(f"  - {item.headline}" + (f" [{item.badge}]" if item.badge else ""))
            if item.detail:
                lines.append(f"    {item.detail}")
        if section.more:
            lines.append(f"  and {section.more} more")
    lines += [
        "",
        f"Open Today: {settings.RAPPORT_BASE_URL}/",
        "",
        "You get this because you asked for it in Settings; switch it off there.",
    ]
    return "\n".join(lines)


def digests_send_due(*, now: datetime | None = None) -> int:
    """Sends the digests whose hour has come today in each member's own time zone.

    A member gets at most one a day, even if the clock moves backwards or the
    hour happens twice when daylight saving ends; an hour skipped when it
    begins still counts as reached. Returns how many emails were sent.
    """
    now = now or timezone.now()
    sent = 0
    members = Member.objects.filter(digest_enabled=True, user__is_active=True).select_related(
        "practice", "user"
    )
    for member in members:
        local = now.astimezone(member.zone)
        if local.time() < member.digest_time:
            continue
        if member.last_digest_on is not None and member.last_digest_on >= local.date():
            continue
        agenda = agenda_build(member.practice, now=now, limit=10, member=member)
        # Marked and sent in one transaction: a failed send is retried at the next run. Marked
        # only if still unmarked, so a second worker running this at once sends no second copy.
        with transaction.atomic():
            marked = (
                Member.objects.filter(pk=member.pk)
                .filter(Q(last_digest_on__isnull=True) | Q(last_digest_on__lt=local.date()))
                .update(last_digest_on=local.date())
            )
            if marked and agenda.total:
                send_mail(
                    subject=f"Today: {things_need_you(agenda.total)} ({local:%A %-d %B})",
                    message=digest_body(agenda, member),
                    from_email=None,
                    recipient_list=[member.user.email],
                )
                sent += 1
    if sent:
        log.info("sent %d morning digest(s)", sent)
    return sent
