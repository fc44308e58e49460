"""Recognising a bounce: the mail a server sends back when it could not deliver ours.

Pure (standard library only). Reads RFC 3464 delivery status reports (Postfix, Exim, Gmail,
Exchange and most others send one) and the plain-text notices of older servers (qmail's
"failure notice"). A bounce names the message it returns by quoting its Message-ID, in an
attached copy, attached headers, or the text; the caller matches those against its outbox.
Only failures count: a "delayed" notice means the server is still trying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message

_SENDERS = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|bounces?)@", re.IGNORECASE)
_SUBJECTS = re.compile(
    r"undeliver|not delivered|delivery (status notification|has failed|failure|failed)"
    r"|mail delivery failed|returned mail|failure notice|returned to sender|could not be delivered",
    re.IGNORECASE,
)
_DELAY = re.compile(r"\bdelay|\bwarning\b|will retry|still trying", re.IGNORECASE)
_QUOTED_ID = re.compile(r"^[ \t>]*Message-I[Dd]:[ \t]*(<[^<>\s]+>)", re.MULTILINE)
_SMTP_REPLY = re.compile(r"\b5\d\d[ -](?:\d\.\d{1,3}\.\d{1,3}\s)?[^\n]{3,200}")


@dataclass(frozen=True)
class Bounce:
    message_ids: list[str]  # what it returns, as quoted; the caller keeps the ones it sent
    failed: bool  # False for a delay notice: the server is still trying
    reason: str


def _status_blocks(message: Message) -> list[Message]:
    blocks: list[Message] = []
    for part in message.walk():
        if part.get_content_type() == "message/delivery-status":
            payload = part.get_payload()
            if isinstance(payload, list):
                blocks += [block for block in payload if isinstance(block, Message)]
    return blocks


def _field(blocks: list[Message], name: str) -> list[str]:
    return [" ".join(str(block[name]).split()) for block in blocks if block.get(name)]


def bounce_of(
    message: Message, *, sender: str, subject: str, text: str, raw: bytes
) -> Bounce | None:
    """The bounce this mail is, or None when it is an ordinary mail."""
    is_report = (
        message.get_content_type() == "multipart/report"
        and str(message.get_param("report-type", "")).lower() == "delivery-status"
    )
    if not (is_report or _SENDERS.match(sender) or _SUBJECTS.search(subject)):
        return None
    own_id = str(message.get("Message-ID", "")).strip()
    quoted = _QUOTED_ID.findall(raw.decode("utf-8", "replace"))
    ids = list(dict.fromkeys(found for found in quoted if found != own_id))
    if not ids:
        return None
    blocks = _status_blocks(message)
    actions = [action.lower() for action in _field(blocks, "Action")]
    # A report says what happened per recipient; a plain notice only says so in its subject.
    failed = "failed" in actions if actions else not _DELAY.search(subject)
    diagnostic = (_field(blocks, "Diagnostic-Code") or _field(blocks, "Status") or [""])[0]
    if not diagnostic:
        reply = _SMTP_REPLY.search(text)
        diagnostic = reply.group(0).strip() if reply else ""
    diagnostic = re.sub(r"^smtp;\s*", "", diagnostic, flags=re.IGNORECASE)[:250]
    reason = "It bounced back: the receiving server could not deliver it"
    return Bounce(ids, failed, f"{reason} ({diagnostic})." if diagnostic else f"{reason}.")
