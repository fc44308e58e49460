"""`rapport not-at-my-best`: where to approve today's honest notes, one per client still to come.

Nothing is drafted into the outbox from here: each note is read and approved in the composer,
so the command lists the clients and the page that holds each note.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "list today's clients still to see, with where to approve an honest note to each"
    help = (
        "On a day you are not at your best: each client you are still to see today, with the "
        "page where a short, honest note to them waits for your approval."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--member", required=True, help="your email, as you log in")

    def run(self, **options: Any) -> int:
        from django.conf import settings
        from django.utils import timezone

        from rapport.appointments.honest_day import still_to_come_today
        from rapport.appointments.message_views import message_url
        from rapport.practices.models import Member

        member = (
            Member.objects.select_related("practice", "user")
            .filter(user__email=options["member"].lower())
            .first()
        )
        if member is None:
            self.stderr.write(f"No member logs in as {options['member']}.")
            return 2
        appointments = list(still_to_come_today(member=member))
        if not appointments:
            self.stdout.write("No appointments left for you today, so there is no one to tell.")
            return 0
        self.stdout.write("Read and approve each note; nothing goes without you.")
        for appointment in appointments:
            at = timezone.localtime(appointment.starts_at, member.zone).strftime("%H:%M")
            done = " (note approved)" if appointment.honest_note_message_id else ""
            url = settings.RAPPORT_BASE_URL + message_url(appointment, not_at_my_best=1)
            self.stdout.write(f"{at}  {appointment.client.display_name}{done}  {url}")
        return 0
