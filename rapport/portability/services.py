"""Erasing a client: every row about them and every copy of them (portability.leftovers), in one
transaction, leaving only an audit entry."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from rapport.appointments.models import Appointment
from rapport.attention.models import AgendaAction, Section
from rapport.clients.models import Client
from rapport.messaging.models import OutboxMessage
from rapport.portability.leftovers import Traces, import_running, leftovers_erase
from rapport.portability.models import Erasure
from rapport.practices.models import Member
from rapport.referrals.models import Referral
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch

# Today's actions point at rows by id, without a foreign key: which ids belong to the client.
ACTION_TARGETS = {
    Section.REPLY: "client",
    Section.CHECKIN: "client",
    Section.FADING: "client",
    Section.PROMISE: "promise",
    Section.DATE: "date",
    Section.CARE: "fact",
    Section.RECONFIRM: "fact",
    Section.CARE_TALK: "interaction",
    Section.UNSENT: "outbox",
    Section.REMINDER: "appointment",
    Section.CHANGED: "appointment",
    Section.FOLLOW_UP: "appointment",
    Section.TOUCH: "touch",
    Section.REFERRAL: "referral",
    Section.FEEDBACK: "feedback",
}


@transaction.atomic
def client_erase(*, client: Client, member: Member | None) -> Erasure:
    practice = client.practice
    if import_running(practice):
        raise ValidationError(
            "An import is being written. Erase them once it has finished: it may still add "
            "to what Rapport holds about them."
        )
    ids = {
        "client": [client.pk],
        "promise": list(Promise.objects.filter(client=client).values_list("pk", flat=True)),
        "date": list(client.important_dates.values_list("pk", flat=True)),
        "fact": list(client.facts.values_list("pk", flat=True)),
        "interaction": list(Interaction.objects.filter(client=client).values_list("pk", flat=True)),
        "outbox": list(OutboxMessage.objects.filter(client=client).values_list("pk", flat=True)),
        "appointment": list(Appointment.objects.filter(client=client).values_list("pk", flat=True)),
        "touch": list(Touch.objects.filter(client=client).values_list("pk", flat=True)),
        # Their referrals go with them; the partners stay.
        "referral": list(Referral.objects.filter(client=client).values_list("pk", flat=True)),
        "feedback": list(client.feedback_requests.values_list("pk", flat=True)),
    }
    traces = Traces.of(client)
    actions = Q(pk__in=[])
    for section, target in ACTION_TARGETS.items():
        if ids[target]:
            actions |= Q(section=section, object_id__in=ids[target])
    counts: Counter[str] = Counter()
    counts["agenda actions"] = (
        AgendaAction.objects.for_practice(practice).filter(actions).delete()[0]
    )
    counts.update(leftovers_erase(client=client, traces=traces))
    _, deleted = client.delete()
    for label, number in deleted.items():
        counts[label.rsplit(".", 1)[-1].lower()] += number
    return Erasure.objects.create(practice=practice, erased_by=member, counts=dict(counts))
