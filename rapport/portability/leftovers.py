"""What an erasure removes besides the client's own rows: the copies of them that other rows hold.

Their own rows go with them (every foreign key to a client cascades). Copies do not, and an
erasure that left them would not be one (issue 15):

- mail waiting to be placed that is from, to or about them (it belongs to no client yet),
  and their address among the recipients of mail on another client's timeline;
- files uploaded and not yet imported: an address book's preview and its file, a calendar
  file. A file holds other people too, and cutting one person out of a file in any of the
  formats we read (vCard, CSV in many encodings, iCalendar, each folded its own way) is
  where a mistake would leave them behind; so every such upload of the practice is
  discarded, and the erase page says so. It is a day's upload at most (portability.tidy),
  uploaded again in a minute. Imports that failed or were abandoned, which imported
  nothing, go with their file too; one still being written makes the erasure wait;
- what finished imports keep about them: the rows undo would remove, the preview shown
  before the import (no longer read once it is done) and a ready undo review (read again
  when asked);
- a prepared export of the whole practice, which is written again on request;
- a member's session: a draft taken back with Undo, a notice of what was just done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, QuerySet
from django.utils import timezone

from rapport.appointments.models import CalendarUpload
from rapport.clients.models import Client, ContactKind
from rapport.messaging.models import InboundMail
from rapport.portability.models import ExportFile, ImportBatch, ImportedRow
from rapport.practices.models import Member, Practice


@dataclass(frozen=True)
class Traces:
    """The words that say who the client is: what a copy of them would contain."""

    full_name: str
    preferred_name: str
    emails: list[str]
    phones: list[str]  # as written and as normalized

    @classmethod
    def of(cls, client: Client) -> Traces:
        emails, phones = [], []
        for kind, value, normalized in client.contact_points.values_list(
            "kind", "value", "normalized"
        ):
            if kind == ContactKind.EMAIL:
                emails.append((normalized or value).lower())
            elif kind == ContactKind.PHONE:
                phones += [text for text in (value, normalized) if text]
        return cls(
            client.full_name.strip(),
            client.preferred_name.strip(),
            sorted(set(emails)),
            sorted(set(phones)),
        )

    def mentions(self) -> list[str]:
        """The words that make a text about them: too short a name or number ("Al", "112")
        would catch other people's mail too."""
        long_enough = [self.full_name] if len(self.full_name) >= 5 else []
        numbers = [phone for phone in self.phones if sum(c.isdigit() for c in phone) >= 6]
        return [*long_enough, *self.emails, *numbers]

    def session_words(self) -> list[str]:
        # A notice in Today names them as they are called, not always by their full name;
        # losing another's one-off notice to a look-alike name costs little.
        called = [self.preferred_name] if len(self.preferred_name) >= 4 else []
        return [word.casefold() for word in (*self.mentions(), *called)]


def _started(practice: Practice) -> tuple[list[int], list[int]]:
    """Imports started and not finished, as (going on, stopped for good). One that failed,
    or was abandoned after its worker stopped, imported nothing and will not go on."""
    going: list[int] = []
    stopped: list[int] = []
    batches = ImportBatch.objects.for_practice(practice).filter(
        started_at__isnull=False, finished_at__isnull=True
    )
    for batch in batches.defer("content", "preview", "merges", "choices", "undo_review"):
        dead = bool(batch.problem) or (batch.interrupted() and batch.holding_id is None)
        (stopped if dead else going).append(batch.pk)
    return going, stopped


def import_running(practice: Practice) -> bool:
    """An import being written or published may still write about the client: an erasure
    waits for it."""
    return bool(_started(practice)[0])


def leftovers_erase(*, client: Client, traces: Traces) -> Counter[str]:
    """Removes the copies; returns how many of each kind went (numbers only)."""
    practice = client.practice
    counts: Counter[str] = Counter()
    counts["unplaced mail"] = _mail(practice, traces).delete()[0]
    counts["mail to others, address removed"] = _addressed_too(client, traces)
    counts.update(_imports(practice, client))
    uploads = CalendarUpload.objects.for_practice(practice).delete()[1]
    counts["calendar uploads"] = uploads.get(CalendarUpload._meta.label, 0)
    exports = ExportFile.objects.for_practice(practice).delete()[1]
    counts["prepared exports"] = exports.get(ExportFile._meta.label, 0)
    _sessions(practice, traces)
    return +counts  # kinds with nothing removed are left out of the audit entry


def _mail(practice: Practice, traces: Traces) -> QuerySet[InboundMail]:
    about = Q(from_address__in=traces.emails)
    for email in traces.emails:
        about |= Q(to_addresses__icontains=email)
    for words in traces.mentions():
        about |= Q(from_name__icontains=words) | Q(subject__icontains=words)
        about |= Q(text__icontains=words)
    return InboundMail.objects.for_practice(practice).filter(about, client__isnull=True)


def _addressed_too(client: Client, traces: Traces) -> int:
    """Mail on another client's timeline that was sent to them as well: their address goes
    from its recipients. Its words are the other client's record, and stay."""
    to_them = Q(pk__in=[])
    for email in traces.emails:
        to_them |= Q(to_addresses__icontains=email)
    placed = InboundMail.objects.for_practice(client.practice).filter(to_them, client__isnull=False)
    changed = 0
    for mail in placed.exclude(client=client).only("pk", "to_addresses"):
        mail.to_addresses = [a for a in mail.to_addresses if a.lower() not in traces.emails]
        mail.save(update_fields=["to_addresses"])
        changed += 1
    return changed


def _imports(practice: Practice, client: Client) -> Counter[str]:
    counts: Counter[str] = Counter()
    batches = ImportBatch.objects.for_practice(practice)
    # Previews, and imports that stopped for good: nothing of them was imported.
    dead = Q(started_at__isnull=True) | Q(pk__in=_started(practice)[1])
    removed = batches.filter(dead).delete()[1]
    counts["import previews"] = removed.get(ImportBatch._meta.label, 0)
    rows = ImportedRow.objects.filter(batch__practice=practice, client_id=client.pk)
    counts["import records"] = rows.delete()[0]
    finished = batches.filter(finished_at__isnull=False)
    finished.update(preview={})
    # An undo under way compares its review with this one; any other is read again when asked.
    finished.exclude(undo_started_at__isnull=False, undone_at__isnull=True).update(undo_review={})
    return counts


def _sessions(practice: Practice, traces: Traces) -> None:
    """Drops what members' sessions keep that mentions them: a draft, a notice."""
    users = {
        str(pk) for pk in Member.objects.filter(practice=practice).values_list("user_id", flat=True)
    }
    words, store = traces.session_words(), SessionStore()
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        data = store.decode(session.session_data)
        if data.get("_auth_user_id") not in users:
            continue
        kept = {key: value for key, value in data.items() if not _mentions(value, words)}
        if kept != data:
            session.session_data = store.encode(kept)
            session.save(update_fields=["session_data"])


def _mentions(value: object, words: list[str]) -> bool:
    text = DjangoJSONEncoder(ensure_ascii=False).encode(value).casefold()
    return any(word in text for word in words)
