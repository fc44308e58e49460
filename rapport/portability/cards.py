"""Clients as vCard 4.0 (RFC 6350) and as CSV: the address-book formats people already use."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable
from datetime import UTC

from rapport.clients.models import Client, ContactKind, ContactPoint, DateKind

TYPES = {"home": "home", "work": "work", "mobile": "cell", "cell": "cell", "personal": "home"}
CSV_COLUMNS = [
    "Full name", "Preferred name", "Pronouns", "Status", "Closeness", "Emails", "Phones",
    "Addresses", "Tags", "Birthday", "Client since", "How we met", "Last contact",
]  # fmt: skip


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines of at most 75 octets, never splitting a character (RFC 6350, 3.2)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _type(label: str) -> str:
    kind = TYPES.get(label.strip().lower())
    return f";TYPE={kind}" if kind else ""


def _names(full_name: str) -> str:
    parts = full_name.split()
    family = parts[-1] if len(parts) > 1 else ""
    given = " ".join(parts[:-1]) if len(parts) > 1 else full_name
    return f"{_escape(family)};{_escape(given)};;;"


def client_uid(client: Client) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'rapport:{client.practice_id}:{client.pk}')}"


def vcard(client: Client) -> str:
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"UID:{client_uid(client)}"]
    lines.append(f"FN:{_escape(client.full_name)}")
    lines.append(f"N:{_names(client.full_name)}")
    if client.preferred_name and client.preferred_name != client.full_name:
        lines.append(f"NICKNAME:{_escape(client.preferred_name)}")
    if client.pronouns:
        lines.append(f"X-PRONOUNS:{_escape(client.pronouns)}")
    for point in client.contact_points.all():
        if point.kind == ContactKind.EMAIL:
            lines.append(f"EMAIL{_type(point.label)}:{point.value.strip()}")
        elif point.kind == ContactKind.PHONE:
            number = point.normalized or point.value.strip()
            lines.append(f"TEL;VALUE=uri{_type(point.label)}:tel:{number.replace(' ', '-')}")
        else:
            lines.append(f"ADR{_type(point.label)}:;;{_escape(point.value)};;;;")
    for item in client.important_dates.all():
        when = (
            f"{item.year:04d}{item.month:02d}{item.day:02d}"
            if item.year
            else (f"--{item.month:02d}{item.day:02d}")
        )
        if item.kind == DateKind.BIRTHDAY and not item.label:
            lines.append(f"BDAY:{when}")
        elif item.kind == DateKind.ANNIVERSARY and not item.label:
            lines.append(f"ANNIVERSARY:{when}")
    tags = [tag.name for tag in client.tags.all()]
    if tags:
        lines.append("CATEGORIES:" + ",".join(_escape(tag) for tag in tags))
    if client.how_we_met:
        lines.append(f"NOTE:{_escape('How we met: ' + client.how_we_met)}")
    lines.append(f"REV:{client.updated_at.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def vcards(clients: Iterable[Client]) -> str:
    return "".join(vcard(client) for client in clients)


def _cell(text: str) -> str:
    """A spreadsheet must not run a formula someone typed as a name (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def clients_csv(clients: Iterable[Client]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for client in clients:
        points = list(client.contact_points.all())

        def values(kind: str, points: list[ContactPoint] = points) -> str:
            return " ; ".join(point.value.strip() for point in points if point.kind == kind)

        birthday = next(
            (item for item in client.important_dates.all() if item.kind == DateKind.BIRTHDAY),
            None,
        )
        writer.writerow([
            _cell(client.full_name), _cell(client.preferred_name), _cell(client.pronouns),
            client.get_status_display(), client.get_closeness_display(),
            _cell(values(ContactKind.EMAIL)), values(ContactKind.PHONE),
            _cell(values(ContactKind.ADDRESS)),
            _cell(" ; ".join(tag.name for tag in client.tags.all())),
            "" if birthday is None else (
                f"{birthday.year:04d}-{birthday.month:02d}-{birthday.day:02d}" if birthday.year
                else f"--{birthday.month:02d}-{birthday.day:02d}"
            ),
            client.client_since.isoformat() if client.client_since else "",
            _cell(client.how_we_met),
            client.last_contact_at.isoformat() if client.last_contact_at else "",
        ])  # fmt: skip
    return buffer.getvalue()
