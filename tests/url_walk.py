"""The URL configuration as a list to walk: every named page a member reaches, with its ids.

The outsider walk (tests/test_isolation.py) and the staff walk (tests/test_staff_walk.py)
read the patterns from here, so a URL added later is walked by both without anyone
remembering; an id parameter the walk does not know fails the test that meets it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import ClientFile

# The admin is staff-only (tests/practices/test_auth.py); the API answers to tokens, not
# sessions, and has its own isolation test (tests/api/test_api.py).
SKIPPED_NAMESPACES = {"admin", "api"}
# Public pages reached by a signed token, not an id: covered by their own tests.
TOKEN_URLS = {
    "unsubscribe", "reschedule", "reschedule_calendar", "calendar_feed", "feedback_answer",
}  # fmt: skip


@dataclass(frozen=True)
class Page:
    name: str
    kwargs: list[str]
    view: Callable[..., object]

    def url(self, file: ClientFile) -> str:
        """The page's address, filled in with the ids of this client file."""
        return reverse(self.name, kwargs={kwarg: id_for(kwarg, file) for kwarg in self.kwargs})


def id_for(kwarg: str, file: ClientFile) -> int:
    ids = {
        "client_id": file.client.pk,
        "fact_id": file.fact.pk,
        "date_id": file.important_date.pk,
        "interaction_id": file.interaction.pk,
        "promise_id": file.promise.pk,
        "outbox_id": file.outbox.pk,
        "template_id": file.template.pk,
        "rule_id": file.rule.pk,
        "mail_id": file.mail.pk,
        "appointment_id": file.appointment.pk,
        "touch_id": file.touch.pk,
        "kind_id": file.touch_kind.pk,
        "token_id": file.api_token.pk,
        "batch_id": file.import_batch.pk,
        "export_id": file.export_file.pk,
        "upload_id": file.calendar_upload.pk,
        "case_id": file.case.pk,
        "partner_id": file.partner.pk,
        "referral_id": file.referral.pk,
        "handoff_id": file.handoff.pk,
        "step_id": file.case.steps.values_list("pk", flat=True)[0],
        "advice_id": file.case.advice.values_list("pk", flat=True)[0],
        "feedback_id": file.feedback.pk,
    }
    if kwarg not in ids:
        pytest.fail(f"The URL walk does not know the URL parameter {kwarg!r}: teach it in id_for.")
    return ids[kwarg]


def _pages(resolver: URLResolver, namespace: str = "") -> Iterator[Page]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if inner in SKIPPED_NAMESPACES:
                continue
            for page in _pages(entry, inner):
                yield Page(page.name, list(entry.pattern.converters) + page.kwargs, page.view)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in TOKEN_URLS:
            yield Page(entry.name, list(entry.pattern.converters), entry.callback)


def pages() -> list[Page]:
    """Every named URL pattern outside the admin, the API and the token links."""
    return list(_pages(get_resolver()))
