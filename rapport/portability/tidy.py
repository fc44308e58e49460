"""What uploads and stopped imports leave behind, put right by the scheduler.

A preview never imported keeps people's data in its upload: it goes after a day. An
import's record of what it wrote holds copies of people's data too: it goes once the
import can no longer be undone.
An import whose worker stopped while writing is thrown away (nothing of it was
visible); one that stopped while publishing is published to the end, because
part of it is already visible (portability.staging).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rapport.portability.models import UNDO_FOR, ImportBatch, ImportedRow
from rapport.portability.staging import abandon, publish

PREVIEW_KEPT = timedelta(hours=24)
# Publishing moves a few thousand clients a second and says so each time: silent this long,
# its worker has stopped.
PUBLISH_SILENT_AFTER = timedelta(minutes=2)


def imports_tidy(now: datetime) -> dict[str, int]:
    """Returns how many previews were deleted, imports thrown away and imports finished."""
    stale = ImportBatch.objects.filter(started_at__isnull=True, created_at__lt=now - PREVIEW_KEPT)
    previews = stale.delete()[1].get(ImportBatch._meta.label, 0)
    ImportedRow.objects.filter(batch__finished_at__lt=now - UNDO_FOR).delete()
    thrown = finished = 0
    stopped = ImportBatch.objects.filter(finished_at__isnull=True, holding__isnull=False)
    for batch in stopped.select_related("practice", "member", "holding"):
        last = batch.heard_at or batch.publishing_at or now
        if batch.publishing_at is not None and now - last > PUBLISH_SILENT_AFTER:
            publish(batch)
            finished += 1
        elif batch.interrupted(now) and abandon(batch.pk):
            thrown += 1
    return {"previews": previews, "thrown_away": thrown, "published": finished}
