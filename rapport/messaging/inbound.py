"""Hearing replies: mail from a client starts the reply clock; mail from the practice answers it.

Each mail is read once (its Message-ID, or a hash of it when it has none). A
client's address makes it theirs; mail from a member of the practice (the sent
folder, a BCC, a forward) counts as ours. Anything else waits in triage for the
provider to place it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from rapport.clients.models import Client, ContactKind, ContactPoint
from rapport.messaging.mailparse import ParsedMail, parse_mail, split_mbox
from rapport.messaging.models import InboundMail, MailStatus, OutboxMessage, OutboxStatus
from rapport.messaging.outbox import outbox_bounced
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Direction, Interaction, InteractionKind
from rapport.timeline.services import interaction_create

_FORWARDED_FROM = re.compile(
    r"^\s*>?\s*From:\s*.*?<?([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)>?", re.MULTILINE
)


@dataclass
class ImportReport:
    logged: int = 0
    triage: int = 0
    already_seen: int = 0
    unreadable: int = 0

    def add(self, other: ImportReport) -> None:
        self.logged += other.logged
        self.triage += other.triage
        self.already_seen += other.already_seen
        self.unreadable += other.unreadable

    def __str__(self) -> str:
        parts = [f"{self.logged} on timelines", f"{self.triage} to place"]
        if self.already_seen:
            parts.append(f"{self.already_seen} already read before")
        if self.unreadable:
            parts.append(f"{self.unreadable} could not be read")
        return ", ".join(parts)


def _clients_by_address(practice: Practice, addresses: list[str]) -> list[Client]:
    points = (
        ContactPoint.objects.for_practice(practice)
        .filter(kind=ContactKind.EMAIL, normalized__in=addresses, client__archived_at__isnull=True)
        .select_related("client")
    )
    return list({point.client_id: point.client for point in points}.values())


def _member_addresses(practice: Practice) -> set[str]:
    return {
        email.lower()
        for email in Member.objects.filter(practice=practice).values_list("user__email", flat=True)
    }


def _when(mail: ParsedMail) -> datetime:
    now = timezone.now()
    # A sender's clock can be wrong; a mail is never logged as happening in the future.
    return min(mail.sent_at, now) if mail.sent_at else now


def _summary(mail: ParsedMail, record: InboundMail) -> str:
    # Message-IDs come from the mail, which anyone can write: only a message this practice
    # sent to this client may lend its subject, never another practice's (or client's).
    answered = (
        OutboxMessage.objects.for_practice(record.practice)
        .filter(client=record.client, message_id__in=mail.in_reply_to)
        .first()
    )
    subject = mail.subject or "(no subject)"
    if answered is not None:
        return f"{subject}\n(in reply to “{answered.subject}”)"
    return subject


@transaction.atomic
def mail_ingest(*, practice: Practice, raw: bytes, mailbox: str = "") -> ImportReport:
    report = ImportReport()
    mail = parse_mail(raw)
    if InboundMail.objects.for_practice(practice).filter(message_id=mail.message_id).exists():
        report.already_seen += 1
        return report
    if mail.bounce is not None and _bounce_record(practice, mail):
        return report
    ours = _member_addresses(practice) | ({mailbox.lower()} if mailbox else set())
    outgoing = mail.from_address in ours
    if outgoing:
        clients = _clients_by_address(practice, mail.to_addresses)
        if not clients:  # a forward to the mailbox: the client is the original sender
            clients = _clients_by_address(
                practice, [a.lower() for a in _FORWARDED_FROM.findall(mail.text)]
            )
            outgoing = not clients
    else:
        clients = _clients_by_address(practice, [mail.from_address])
    record = InboundMail(
        practice=practice,
        message_id=mail.message_id,
        outgoing=outgoing,
        from_address=mail.from_address,
        from_name=mail.from_name,
        to_addresses=mail.to_addresses,
        references=mail.in_reply_to[-20:],
        subject=mail.subject,
        text=mail.text,
        sent_at=mail.sent_at,
        attachments=[{"name": name, "size": size} for name, size in mail.attachments],
        status=MailStatus.TRIAGE,
    )
    if len(clients) == 1:
        record.client = clients[0]
        record.interaction = _log(record, mail)
        record.status = MailStatus.LOGGED
        report.logged += 1
    else:
        report.triage += 1
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:  # read at the same moment by another process
        report = ImportReport(already_seen=1)
        transaction.set_rollback(True)
    return report


def _bounce_record(practice: Practice, mail: ParsedMail) -> bool:
    """A bounce of a message the practice sent: that message failed after all. A bounce of
    anything else is ordinary mail, to place or ignore."""
    assert mail.bounce is not None
    returned = list(
        OutboxMessage.objects.for_practice(practice)
        .filter(message_id__in=mail.bounce.message_ids)
        .select_related("interaction", "client")
    )
    if not returned:
        return False
    for message in returned:
        if mail.bounce.failed and message.status == OutboxStatus.SENT:
            outbox_bounced(message=message, reason=mail.bounce.reason)
    InboundMail.objects.create(
        practice=practice,
        message_id=mail.message_id,
        from_address=mail.from_address,
        from_name=mail.from_name,
        subject=mail.subject,
        sent_at=mail.sent_at,
        status=MailStatus.BOUNCE,
        client=returned[0].client,
    )
    return True


def _log(record: InboundMail, mail: ParsedMail) -> Interaction:
    assert record.client is not None
    return interaction_create(
        client=record.client,
        kind=InteractionKind.EMAIL,
        direction=Direction.OUTBOUND if record.outgoing else Direction.INBOUND,
        occurred_at=_when(mail),
        summary=_summary(mail, record),
        client_words="" if record.outgoing else mail.text[:5000],
    )


@transaction.atomic
def mail_place(*, mail: InboundMail, client: Client) -> InboundMail:
    """Triage: this mail belongs to this client."""
    mail.client = client
    mail.interaction = interaction_create(
        client=client,
        kind=InteractionKind.EMAIL,
        direction=Direction.OUTBOUND if mail.outgoing else Direction.INBOUND,
        occurred_at=min(mail.sent_at or mail.received_at, timezone.now()),
        summary=mail.subject or "(no subject)",
        client_words="" if mail.outgoing else mail.text[:5000],
    )
    mail.status = MailStatus.LOGGED
    mail.save(update_fields=["client", "interaction", "status"])
    return mail


def mail_import_file(*, practice: Practice, raw: bytes, mailbox: str = "") -> ImportReport:
    """An .eml (one mail) or an .mbox (many); each mail in its own transaction, so one bad
    mail never stops the rest."""
    chunks = split_mbox(raw) if raw.startswith(b"From ") else [raw]
    report = ImportReport()
    for chunk in chunks:
        try:
            report.add(mail_ingest(practice=practice, raw=chunk, mailbox=mailbox))
        except Exception:
            report.unreadable += 1
    return report
