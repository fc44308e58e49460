"""“About which case?” when logging a conversation: the timeline and cases stand side by side
and know nothing of each other, so the desk, above both, offers the client's open cases on the
timeline's form (rapport.timeline.form_extras) and links what was logged."""

from __future__ import annotations

from typing import Any

from django import forms

from rapport.cases.models import Case
from rapport.cases.services import case_link_interaction
from rapport.clients.models import Client
from rapport.timeline.form_extras import InteractionExtra, interaction_extra_add
from rapport.timeline.models import Interaction


class OpenCaseChoice(forms.ModelChoiceField[Case]):
    def label_from_instance(self, obj: Case) -> str:
        return f"“{obj.problem[:80]}”"


def _case_field(client: Client) -> forms.Field | None:
    cases = Case.objects.for_practice(client.practice).filter(client=client).open()
    if not cases.exists():
        return None
    return OpenCaseChoice(
        cases,
        required=False,
        label="About which case?",
        empty_label="No case",
        help_text="It joins the case's story, so whoever picks the case up reads it there.",
        error_messages={"invalid_choice": "Choose one of this client's open cases."},
    )


def _link(interaction: Interaction, case: Any) -> None:
    if isinstance(case, Case):
        case_link_interaction(case=case, interaction=interaction)


def register() -> None:
    interaction_extra_add(InteractionExtra("case", _case_field, _link))
