"""Where email goes when no SMTP host is set: a line in the log that one was sent.

Django's console backend prints each whole message, and the server's log is no place
for what a provider wrote to a client. This says only that a message would have gone,
to whom by id (a client's or a user's, found by the address), and its size.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

from rapport.clients.models import ContactKind, ContactPoint
from rapport.practices.models import User

log = logging.getLogger("rapport.mail")


class LogOnlyEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            size = len(message.message().as_bytes())
            whom = ", ".join(_who(address) for address in message.recipients())
            log.info("Email not sent (no SMTP host is set): to %s, %d bytes", whom, size)
        return len(email_messages)


def _who(address: str) -> str:
    """ "client 12", "member 3", or "someone else": never the address itself."""
    bare = address.rsplit("<", 1)[-1].rstrip(">").strip().lower()
    client = (
        ContactPoint.objects.filter(kind=ContactKind.EMAIL, normalized=bare)
        .values_list("client_id", flat=True)
        .first()
    )
    if client is not None:
        return f"client {client}"
    member = User.objects.filter(email__iexact=bare).values_list("pk", flat=True).first()
    return f"user {member}" if member is not None else "someone else"
