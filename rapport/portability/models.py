"""What remains of an erased client: that an erasure happened, and nothing about them."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from rapport.practices.models import Member, Practice, PracticeOwned, PracticeQuerySet


class Erasure(PracticeOwned):
    erased_at = models.DateTimeField(default=timezone.now)
    erased_by = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    # How many rows of each kind went: numbers only, never a name, an address or a note.
    counts = models.JSONField(default=dict)

    objects = PracticeQuerySet["Erasure"].as_manager()

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return f"erasure {self.pk} at {self.erased_at:%Y-%m-%d}"


class ImportBatch(PracticeOwned):
    """An uploaded address book between its preview and the provider's decision."""

    member = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    # Column index to field, for a CSV whose layout had to be chosen by hand.
    mapping = models.JSONField(default=dict, blank=True)
    # What the preview page shows, built once from the file (portability.preview).
    preview = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The provider's merge/create/skip per record, kept while a large import runs.
    choices = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)
    problem = models.CharField(max_length=300, blank=True)
    # How far a large import has got, written by its task (portability.tasks), read by the page.
    written = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    heard_at = models.DateTimeField(null=True, blank=True)
    # A large import is written into a practice of its own, then published (portability.staging);
    # what it merges into existing clients waits here, as plain data, until then.
    holding = models.ForeignKey(
        Practice, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merges = models.JSONField(default=list, blank=True)
    publishing_at = models.DateTimeField(null=True, blank=True)
    # Undone from Settings → Your data (portability.undo), within UNDO_FOR of finished_at.
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    # A large import is undone by a task (portability.tasks.import_undo_run): what the page shows
    # first, built by a task too, and when the undo started and was last heard from.
    undo_review = models.JSONField(default=dict, blank=True)
    undo_started_at = models.DateTimeField(null=True, blank=True)
    undo_heard_at = models.DateTimeField(null=True, blank=True)

    objects = PracticeQuerySet["ImportBatch"].as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    def interrupted(self, now: datetime | None = None) -> bool:
        """Started, not finished, and not heard from for a while: its worker stopped (a crash,
        a restart) while writing where no one sees it, and that is thrown away
        (portability.tidy), so nothing was imported."""
        last = self.heard_at or self.started_at
        return (
            self.finished_at is None
            and self.publishing_at is None  # publishing is finished, not abandoned (staging)
            and not self.problem
            and last is not None
            and (now or timezone.now()) - last > IMPORT_SILENT_AFTER
        )


IMPORT_SILENT_AFTER = timedelta(minutes=30)
UNDO_FOR = timedelta(days=30)


class RowKind(models.TextChoices):
    CLIENT = "client", "new client"
    POINT = "point", "contact point"
    DATE = "date", "date"
    FACT = "fact", "fact"
    NOTE = "note", "note"
    TAG_LINK = "tag_link", "tag"
    TAG = "tag", "new tag"
    EXTRAS = "extras", "imported extras"


class ImportedRow(models.Model):
    """One row an import wrote, with its values as written, so that undo can remove it and
    say which were edited since. EXTRAS holds, for a merged client, the extras it had
    before ("before") and those the import set ("after")."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    kind = models.CharField(max_length=10, choices=RowKind.choices)
    row_id = models.BigIntegerField()
    client_id = models.BigIntegerField(null=True)
    values = models.JSONField(default=dict, encoder=DjangoJSONEncoder)

    class Meta:
        indexes = [models.Index(fields=["batch", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.row_id} of import {self.batch_id}"


class ExportKind(models.TextChoices):
    JSON = "json", "Everything (JSON)"
    VCARD = "vcard", "Address book (vCard)"
    CSV = "csv", "Spreadsheet (CSV)"


class ExportFile(PracticeOwned):
    """A practice's data written by a task (portability.tasks.export_write) for a member to
    download: one at a time per practice, a new request replacing the last."""

    member = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=10, choices=ExportKind.choices)
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    content = models.BinaryField(default=b"")
    problem = models.CharField(max_length=300, blank=True)

    objects = PracticeQuerySet["ExportFile"].as_manager()

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.kind} export {self.pk}"
