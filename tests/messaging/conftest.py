"""A real SMTP server on 127.0.0.1 (aiosmtpd) that can fail on purpose."""

from __future__ import annotations

import email
import logging
import socket
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from rapport.messaging.outbox import outbox_send_due

# aiosmtpd logs every SMTP line from its own thread, sometimes after pytest has closed the stream.
logging.getLogger("mail.log").setLevel(logging.WARNING)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MailServer:
    """Stores what it accepts; `busy` answers 451 that many times, `refuse` answers 550."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []
        self.recipients: list[list[str]] = []  # each message's envelope: who it went to
        self.busy = 0
        self.refuse = False

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.busy > 0:
            self.busy -= 1
            return "451 4.3.0 Try again later"
        self.received.append(email.message_from_bytes(envelope.content, policy=default))  # type: ignore[arg-type]
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted"


@pytest.fixture
def mail_server(settings: Any) -> Iterator[MailServer]:
    server = MailServer()
    port = free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.RAPPORT_BASE_URL = "https://rapport.example"
    yield server
    controller.stop()


def send_after_undo_window() -> int:
    """The worker's run once the default undo window (30 seconds) has passed."""
    return outbox_send_due(now=timezone.now() + timedelta(seconds=31))
