"""Reading one email as it comes from the world: any charset, HTML-only, broken headers.

Pure (standard library only); never raises on bad input, and never keeps attachments,
only their names and sizes.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from rapport.messaging.bounces import Bounce, bounce_of

MAX_TEXT = 20_000


@dataclass
class ParsedMail:
    message_id: str
    from_address: str
    from_name: str
    to_addresses: list[str]
    subject: str
    text: str
    sent_at: datetime | None
    in_reply_to: list[str] = field(default_factory=list)
    attachments: list[tuple[str, int]] = field(default_factory=list)
    bounce: Bounce | None = None


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header the parser cannot even read is a header we do not have
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def _decode(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name: read it as UTF-8, marking what will not decode
        return payload.decode("utf-8", errors="replace")


def _html_to_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", markup)
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()


def _body(message: Message) -> tuple[str, list[tuple[str, int]]]:
    plain, rich, attachments = [], [], []
    parts = message.walk() if message.is_multipart() else [message]
    for part in parts:
        if part.is_multipart():
            continue
        disposition = (part.get("Content-Disposition") or "").lower()
        filename = part.get_filename()
        kind = part.get_content_type()
        if filename or disposition.startswith("attachment"):
            payload = part.get_payload(decode=True)
            attachments.append(
                (filename or "unnamed", len(payload) if isinstance(payload, bytes) else 0)
            )
        elif kind == "text/plain":
            plain.append(_decode(part))
        elif kind == "text/html":
            rich.append(_decode(part))
    text = "\n".join(plain).strip() or _html_to_text("\n".join(rich))
    return text[:MAX_TEXT], attachments


def _ids(value: str) -> list[str]:
    return re.findall(r"<[^<>\s]+>", value)


def parse_mail(raw: bytes) -> ParsedMail:
    # The modern policy decodes encoded words and raw UTF-8 headers (RFC 6532) alike.
    message = message_from_bytes(raw, policy=policy.default)
    name, address = parseaddr(_header(message, "From"))
    recipients = getaddresses([_header(message, "To"), _header(message, "Cc")])
    try:
        sent_at = parsedate_to_datetime(_header(message, "Date"))
        if sent_at.tzinfo is None:
            sent_at = sent_at.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError):
        sent_at = None
    text, attachments = _body(message)
    # Without a Message-ID the content itself identifies the mail: importing it twice is harmless.
    message_id = (
        _ids(_header(message, "Message-ID"))
        or [f"<sha256-{hashlib.sha256(raw).hexdigest()}@rapport>"]
    )[0]
    sender, subject = address.strip().lower(), _header(message, "Subject")[:200]
    return ParsedMail(
        message_id=message_id,
        from_address=sender,
        from_name=name.strip(),
        to_addresses=[addr.strip().lower() for _, addr in recipients if "@" in addr],
        subject=subject,
        text=text,
        sent_at=sent_at,
        # The thread, oldest first (References), then the mail it answers, each once.
        in_reply_to=list(
            dict.fromkeys(
                _ids(_header(message, "References")) + _ids(_header(message, "In-Reply-To"))
            )
        ),
        attachments=attachments,
        bounce=bounce_of(message, sender=sender, subject=subject, text=text, raw=raw),
    )


def split_mbox(raw: bytes) -> list[bytes]:
    """The messages of an mbox file ("From " lines), without needing it on disk."""
    messages: list[list[bytes]] = []
    for line in raw.splitlines(keepends=True):
        if line.startswith(b"From ") and (
            not messages or not messages[-1] or messages[-1][-1].strip() == b""
        ):
            messages.append([])
            continue
        if not messages:
            messages.append([])
        # mboxrd quoting: ">From " inside a body stands for "From ".
        messages[-1].append(line[1:] if re.match(rb">+From ", line) else line)
    return [b"".join(lines) for lines in messages if any(line.strip() for line in lines)]
