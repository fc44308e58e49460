"""Reading the practice's mailbox over IMAP: new mail in the inbox and the sent folder.

Only mail newer than the last one read is fetched (by UID, restarting if the
server renumbers the folder), read-only, so nothing in the mailbox is changed or
marked as read. Each mail goes through the same ingestion as a file.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging

from django.utils import timezone

from rapport.messaging.inbound import ImportReport, mail_ingest
from rapport.messaging.models import Mailbox

log = logging.getLogger(__name__)
BATCH = 200
TIMEOUT = 30


class MailboxError(Exception):
    pass


def _connect(mailbox: Mailbox) -> imaplib.IMAP4:
    if not mailbox.password:
        # The field reads as empty when the encryption keys in force cannot decrypt it.
        raise MailboxError(
            "The saved password cannot be read with this installation's encryption keys: "
            "enter it again in Settings (docs/security.md)."
        )
    try:
        client: imaplib.IMAP4
        if mailbox.use_ssl:
            client = imaplib.IMAP4_SSL(mailbox.host, mailbox.port, timeout=TIMEOUT)
        else:
            client = imaplib.IMAP4(mailbox.host, mailbox.port, timeout=TIMEOUT)
    except (TimeoutError, OSError, imaplib.IMAP4.error) as error:
        raise MailboxError(
            f"Could not reach {mailbox.host}:{mailbox.port} ({type(error).__name__})."
        ) from error
    try:
        client.login(mailbox.username, mailbox.password)
    except imaplib.IMAP4.error as error:
        raise MailboxError("The mail server did not accept the username and password.") from error
    return client


def _folder(
    client: imaplib.IMAP4, mailbox: Mailbox, name: str, uid_field: str, validity_field: str
) -> ImportReport:
    report = ImportReport()
    status, _ = client.select(f'"{name}"', readonly=True)
    if status != "OK":
        raise MailboxError(f"There is no folder called {name} in this mailbox.")
    validity = int(_untagged(client, "UIDVALIDITY") or 0)
    last = getattr(mailbox, uid_field) if validity == getattr(mailbox, validity_field) else 0
    status, found = client.uid("SEARCH", f"UID {last + 1}:*")
    uids = sorted(int(uid) for uid in (found[0] or b"").split() if int(uid) > last)
    for uid in uids[:BATCH]:
        status, parts = client.uid("FETCH", str(uid), "(BODY.PEEK[])")
        raw = next((part[1] for part in parts if isinstance(part, tuple)), None)
        if status == "OK" and isinstance(raw, bytes):
            try:
                report.add(mail_ingest(practice=mailbox.practice, raw=raw, mailbox=mailbox.address))
            except Exception:  # one unreadable mail must not stop the sync; it is counted
                log.exception("could not read mail uid %s", uid)
                report.unreadable += 1
        setattr(mailbox, uid_field, uid)
    setattr(mailbox, validity_field, validity)
    return report


def _untagged(client: imaplib.IMAP4, name: str) -> str | None:
    _, data = client.response(name)
    value = data[0] if data else None
    return (
        value.decode() if isinstance(value, bytes) else (str(value) if value is not None else None)
    )


def mailbox_sync(*, mailbox: Mailbox) -> ImportReport:
    """Reads what is new; the reason for any failure is kept on the mailbox for Settings to show."""
    report = ImportReport()
    try:
        client = _connect(mailbox)
        try:
            report.add(
                _folder(client, mailbox, mailbox.inbox_folder, "inbox_uid", "inbox_validity")
            )
            if mailbox.sent_folder:
                report.add(
                    _folder(client, mailbox, mailbox.sent_folder, "sent_uid", "sent_validity")
                )
        finally:
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                client.logout()
        mailbox.last_error = ""
    except (MailboxError, imaplib.IMAP4.error, OSError) as error:
        if isinstance(error, MailboxError):
            mailbox.last_error = str(error)[:300]
        else:
            mailbox.last_error = f"The mail server answered unexpectedly ({type(error).__name__})."
    mailbox.last_sync_at = timezone.now()
    mailbox.save()
    return report


def mailboxes_sync() -> ImportReport:
    total = ImportReport()
    for mailbox in Mailbox.objects.select_related("practice"):
        total.add(mailbox_sync(mailbox=mailbox))
    return total
