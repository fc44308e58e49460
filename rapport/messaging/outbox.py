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
  ones (5xx, a refused address, an address that cannot be written) stop at once.
  Either way the reason is kept and shown; nothing fails silently, and one bad
  message never stops the others.
- An approved message waits the practice's undo window before it can be claimed;
  until it is claimed the provider can take it back (`outbox_undo`), and a message
  taken back is gone, so it can never be claimed. Claim and undo both act only on
  a queued row, so whichever comes first wins.
- The client's choice is read when the message goes: one who opted out after
  approval does not get a message that is not about an appointment.
- An email is contact from the moment it is sent, not before (timeline.summary).
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from rapport.clients.models import Client
from rapport.messaging.models import RESENDABLE, OutboxMessage, OutboxStatus
from rapport.messaging.unsubscribe import unsubscribe_link
from rapport.timeline.models import InteractionKind
from rapport.timeline.services import (
    interaction_create,
    interaction_delete,
    interaction_mark_delivered,
)

log = logging.getLogger(__name__)

RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 180, 360)]
CLAIM_TIMEOUT = timedelta(minutes=10)


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


def unsubscribe_url(message: OutboxMessage) -> str:
    """A fresh link each time the email is built; earlier copies' links keep working."""
    return unsubscribe_link(message.client)


def _address(display_name: str, address: str) -> str:
    """A header-safe address: commas, quotes and any script in the name are quoted or encoded."""
    return str(Address(display_name=display_name, addr_spec=parseaddr(address)[1] or address))


def email_for(message: OutboxMessage) -> EmailMessage:
    body = message.body
    headers = {"Message-ID": message.message_id}
    if message.in_reply_to:
        headers["In-Reply-To"] = message.in_reply_to
        headers["References"] = message.references or message.in_reply_to
    # The unsubscribe link speaks for the client: never in a copy someone else reads too.
    if not message.essential and not message.cc_address:
        link = unsubscribe_url(message)
        body += f"\n\n--\nTo stop messages like this one: {link}"
        headers["List-Unsubscribe"] = f"<{link}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return EmailMessage(
        subject=message.subject,
        body=body,
        from_email=_address(message.practice.name, settings.DEFAULT_FROM_EMAIL),
        to=[_address(message.to_name, message.to_address)],
        cc=[_address(message.cc_name, message.cc_address)] if message.cc_address else None,
        reply_to=[message.reply_to] if message.reply_to else None,
        headers=headers,
    )


def _deliver(message: OutboxMessage, connection: BaseEmailBackend) -> None:
    """One attempt; classifies what went wrong as temporary or permanent."""
    try:
        email = email_for(message)
        email.message()  # builds the headers now, so a bad address is named as such
    except (ValueError, IndexError, HeaderParseError) as error:
        raise PermanentFailure(
            "The address or the name on it cannot be written in an email "
            f"({type(error).__name__}). Correct it on their page and write again."
        ) from error
    try:
        sent = connection.send_messages([email])
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
    """queued -> sending, only if nobody else did it first and its undo window has passed."""
    with transaction.atomic():
        return bool(
            OutboxMessage.objects.filter(
                pk=message_id, status=OutboxStatus.QUEUED, next_attempt_at__lte=now
            ).update(status=OutboxStatus.SENDING, claimed_at=now)
        )


def outbox_claim_next(now: datetime) -> int | None:
    """Claims the next due message for this worker; None when nothing is due.

    Workers running side by side skip the rows another one is claiming (PostgreSQL's
    SKIP LOCKED; SQLite lets one writer in at a time), so they spread over the queue
    instead of racing for the same message; the conditional UPDATE in the same
    transaction is what makes a claim exclusive either way.
    """
    due = OutboxMessage.objects.filter(status=OutboxStatus.QUEUED, next_attempt_at__lte=now)
    with transaction.atomic():
        message_id = (
            due.order_by("next_attempt_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
            .first()
        )
        if message_id is None:
            return None
        return message_id if outbox_claim(message_id, now) else None


@transaction.atomic
def outbox_record(message: OutboxMessage, now: datetime, failure: Exception | None) -> None:
    message.attempts += 1
    if failure is None:
        message.status, message.sent_at, message.last_error = OutboxStatus.SENT, now, ""
        interaction_mark_delivered(interaction=message.interaction, at=now)
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
    *,
    now: datetime | None = None,
    connection: BaseEmailBackend | None = None,
    limit: int | None = None,
) -> int:
    """Sends what is due, up to `limit` messages; returns how many went.

    Safe to run in several workers at once: each message is claimed before it is sent.
    One message's trouble never stops the rest."""
    now = now or timezone.now()
    outbox_mark_unsure(now)
    sent = tried = 0
    while limit is None or tried < limit:
        message_id = outbox_claim_next(now)
        if message_id is None:
            break
        tried += 1
        sent += _send_claimed(message_id, now, connection)
    return sent


def _send_claimed(message_id: int, now: datetime, connection: BaseEmailBackend | None) -> bool:
    """One claimed message: sent and recorded, or cancelled if they have opted out since."""
    message = OutboxMessage.objects.select_related("practice", "client", "interaction").get(
        pk=message_id
    )
    if not message.essential and message.client.messages_opt_out:
        outbox_cancel(message=message)
        return False
    failure: Exception | None = None
    try:
        _deliver(message, connection or get_connection())
    except (TemporaryFailure, PermanentFailure) as error:
        failure = error
    except Exception as error:  # a fault of ours with this one message: say so, go on
        log.exception("outbox message %s could not be built", message.pk)
        failure = PermanentFailure(
            f"Rapport could not prepare this email ({type(error).__name__})."
        )
    if failure is not None:
        log.warning("outbox message %s not sent: %s", message.pk, type(failure).__name__)
    outbox_record(message, max(now, timezone.now()), failure)
    return failure is None


@transaction.atomic
def outbox_bounced(*, message: OutboxMessage, reason: str) -> None:
    """The mail server took it, then sent it back: not sent after all, and not contact."""
    message.status, message.last_error = OutboxStatus.FAILED, reason[:500]
    message.save(update_fields=["status", "last_error"])
    interaction_mark_delivered(interaction=message.interaction, at=None, delivered=False)


@transaction.atomic
def outbox_cancel(*, message: OutboxMessage) -> None:
    """The client opted out after this was approved: it does not go, and the timeline says why."""
    message.status = OutboxStatus.CANCELLED
    message.last_error = (
        "Not sent: after it was approved, they asked for no messages other than about appointments."
    )
    message.save(update_fields=["status", "last_error"])
    interaction_create(
        client=message.client,
        kind=InteractionKind.NOTE,
        summary=f"“{message.subject}” was not sent: they had unsubscribed from messages other "
        "than about appointments.",
    )


def outbox_cancel_opted_out(*, client: Client) -> int:
    """At unsubscribing: what is waiting for them and not about an appointment stays unsent."""
    waiting = OutboxMessage.objects.filter(
        client=client, status=OutboxStatus.QUEUED, essential=False
    ).select_for_update()
    for message in waiting:
        outbox_cancel(message=message)
    return len(waiting)


@transaction.atomic
def outbox_send_again(*, message: OutboxMessage) -> OutboxMessage:
    """The provider checked and wants it sent (again): same words, same Message-ID.

    Only for a message that did not go, or may not have: never a second copy of one that went."""
    resent = OutboxMessage.objects.filter(pk=message.pk, status__in=RESENDABLE).update(
        status=OutboxStatus.QUEUED,
        next_attempt_at=timezone.now(),
        claimed_at=None,
        last_error="",
        attempts=0,
    )
    if not resent:
        message.refresh_from_db(fields=["status"])
        raise ValidationError(
            f"This message is {message.get_status_display().lower()}: "
            "it is not sent again, so they never get two copies."
        )
    message.refresh_from_db()
    return message


@transaction.atomic
def outbox_undo(*, message: OutboxMessage) -> OutboxMessage:
    """Takes back an approved email before it goes: the message and its timeline entry are
    removed. Refused once the worker has claimed it, so an undone message is never sent."""
    taken = OutboxMessage.objects.undoable().filter(pk=message.pk).select_for_update()
    if not taken.exists():
        raise ValidationError("Too late to undo: it has already gone to the mail server.")
    interaction_delete(interaction=message.interaction)  # the outbox row goes with it
    return message
