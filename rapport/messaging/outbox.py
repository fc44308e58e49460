"""Sending the outbox through SMTP: nothing lost, nothing sent twice by Rapport.

The guarantee, exactly:
- A message is sent at most once by Rapport on its own. Before talking to the
  mail server the worker claims it (queued -> sending) in its own transaction;
  only the worker holding that claim sends it.
- If the worker stops after the claim and before recording the result, Rapport
  cannot know whether the server took the message. It does not guess: after
  CLAIM_TIMEOUT the message is marked "may not have been sent" and shown to the
  provider on the client page and in Today, who can check their sent mail and
  send it again. Sending again keeps the same Message-ID, so mail programs can
  recognise a repeat.
- Temporary failures (no connection, 4xx) retry with growing delays; permanent
  ones (5xx, a refused address) stop at once. Either way the reason is kept and
  shown; nothing fails silently.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from rapport.messaging.models import OutboxMessage, OutboxStatus

log = logging.getLogger(__name__)

RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 180, 360)]
CLAIM_TIMEOUT = timedelta(minutes=10)
BATCH = 20
UNSUBSCRIBE_SALT = "rapport.unsubscribe"


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


def unsubscribe_token(message: OutboxMessage) -> str:
    return signing.dumps(
        {"p": message.practice_id, "c": message.client_id}, salt=UNSUBSCRIBE_SALT, compress=True
    )


def unsubscribe_url(message: OutboxMessage) -> str:
    return settings.RAPPORT_BASE_URL + reverse("unsubscribe", args=[unsubscribe_token(message)])


def email_for(message: OutboxMessage) -> EmailMessage:
    body = message.body
    headers = {"Message-ID": message.message_id}
    if not message.essential:
        link = unsubscribe_url(message)
        body += f"\n\n--\nTo stop messages like this one: {link}"
        headers["List-Unsubscribe"] = f"<{link}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    sender = f"{message.practice.name} <{settings.DEFAULT_FROM_EMAIL}>"
    recipient = (
        f"{message.to_name} <{message.to_address}>" if message.to_name else message.to_address
    )
    return EmailMessage(
        subject=message.subject,
        body=body,
        from_email=sender,
        to=[recipient],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers=headers,
    )


def _deliver(message: OutboxMessage, connection: BaseEmailBackend) -> None:
    """One attempt; classifies what went wrong as temporary or permanent."""
    try:
        sent = connection.send_messages([email_for(message)])
    except smtplib.SMTPRecipientsRefused as error:
        code, text = next(iter(error.recipients.values()))
        raise (TemporaryFailure if 400 <= code < 500 else PermanentFailure)(
            f"The mail server refused the address ({code}: {_text(text)})."
        ) from error
    except smtplib.SMTPResponseException as error:
        kind = TemporaryFailure if 400 <= error.smtp_code < 500 else PermanentFailure
        raise kind(f"The mail server said {error.smtp_code}: {_text(error.smtp_error)}") from error
    except (TimeoutError, smtplib.SMTPException, OSError) as error:
        raise TemporaryFailure(
            f"Could not reach the mail server ({type(error).__name__})."
        ) from error
    if not sent:
        raise TemporaryFailure("The mail server did not accept the message.")


def _text(value: bytes | str) -> str:
    return (value.decode("utf-8", "replace") if isinstance(value, bytes) else value)[:200]


def outbox_claim(message_id: int, now: datetime) -> bool:
    """queued -> sending, only if nobody else did it first."""
    with transaction.atomic():
        return bool(
            OutboxMessage.objects.filter(pk=message_id, status=OutboxStatus.QUEUED).update(
                status=OutboxStatus.SENDING, claimed_at=now
            )
        )


def outbox_record(message: OutboxMessage, now: datetime, failure: Exception | None) -> None:
    message.attempts += 1
    if failure is None:
        message.status, message.sent_at, message.last_error = OutboxStatus.SENT, now, ""
    elif isinstance(failure, TemporaryFailure) and message.attempts <= len(RETRY_DELAYS):
        message.status = OutboxStatus.QUEUED
        message.next_attempt_at = now + RETRY_DELAYS[message.attempts - 1]
        message.last_error = f"{failure} Trying again {_when(message.next_attempt_at - now)}."
    else:
        message.status = OutboxStatus.FAILED
        gave_up = isinstance(failure, TemporaryFailure)
        message.last_error = f"{failure}" + (
            f" Gave up after {message.attempts} attempts." if gave_up else ""
        )
    message.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"])


def _when(delay: timedelta) -> str:
    minutes = int(delay.total_seconds() // 60)
    return f"in {minutes} minutes" if minutes < 120 else f"in {minutes // 60} hours"


def outbox_mark_unsure(now: datetime) -> int:
    """Messages whose worker stopped mid-send: say so, never guess."""
    return OutboxMessage.objects.filter(
        status=OutboxStatus.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
    ).update(
        status=OutboxStatus.UNSURE,
        last_error="Rapport stopped while sending this and cannot tell whether it went. "
        "Check your sent mail; send it again if it is not there.",
    )


def outbox_send_due(
    *, now: datetime | None = None, connection: BaseEmailBackend | None = None
) -> int:
    """Sends what is due; returns how many went."""
    now = now or timezone.now()
    outbox_mark_unsure(now)
    due = OutboxMessage.objects.filter(status=OutboxStatus.QUEUED, next_attempt_at__lte=now)
    sent = 0
    for message_id in list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:BATCH]):
        if not outbox_claim(message_id, now):
            continue
        message = OutboxMessage.objects.select_related("practice").get(pk=message_id)
        failure: Exception | None = None
        try:
            _deliver(message, connection or get_connection())
        except (TemporaryFailure, PermanentFailure) as error:
            failure = error
            log.warning("outbox message %s not sent: %s", message.pk, type(error).__name__)
        outbox_record(message, timezone.now(), failure)
        sent += failure is None
    return sent


@transaction.atomic
def outbox_send_again(*, message: OutboxMessage) -> OutboxMessage:
    """The provider checked and wants it sent (again): same words, same Message-ID."""
    message.status, message.next_attempt_at, message.claimed_at = (
        OutboxStatus.QUEUED,
        timezone.now(),
        None,
    )
    message.last_error, message.attempts = "", 0
    message.save(
        update_fields=["status", "next_attempt_at", "claimed_at", "last_error", "attempts"]
    )
    return message
