"""Appointments listen to the timeline: a notice's email taken back takes back the notice."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from rapport.appointments.services import appointment_notice_taken_back
from rapport.timeline.models import Interaction
from rapport.timeline.signals import interaction_removing


@receiver(interaction_removing)
def notice_taken_back(sender: type[Interaction], interaction: Interaction, **kwargs: Any) -> None:
    # Before the delete: afterwards the link to the appointment is already cleared.
    appointment_notice_taken_back(message=interaction)
