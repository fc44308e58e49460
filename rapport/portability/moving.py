"""Moving in: a Rapport JSON export (docs/export.md) loaded into an empty practice.

The file is untrusted: every row is validated as the app would, ids are mapped
to new ones, and one problem anywhere leaves nothing written, with the message
naming the client and the field.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from rapport.appointments.models import Appointment
from rapport.cases.models import Advice, Case, CaseFact, CaseInteraction, Step
from rapport.clients.models import Client, ContactPoint, Fact, ImportantDate, Tag
from rapport.feedback.models import FeedbackQuestion, FeedbackRequest
from rapport.handoffs.models import Handoff
from rapport.messaging.models import InboundMail, MessageTemplate, OutboxMessage
from rapport.portability.export import FORMAT, VERSION
from rapport.practices.models import Member, Practice
from rapport.referrals.models import Partner, Referral
from rapport.timeline.models import Interaction, Promise
from rapport.timeline.services import practice_history_refresh
from rapport.touches.models import Touch, TouchKind

PRACTICE_SETTINGS = [
    "time_zone",
    "default_region",
    "core_values",
    "work_starts",
    "work_ends",
    "currency",
    "gift_budget_month",
    "gift_budget_year",
]


class Maps:
    """Old ids from the file to the new rows' ids, per kind of row."""

    def __init__(self, member: Member) -> None:
        self.member = member
        self.ids: dict[str, dict[int, int]] = {}

    def put(self, kind: str, old: Any, new: int) -> None:
        if isinstance(old, int):
            self.ids.setdefault(kind, {})[old] = new

    def get(self, kind: str, old: Any) -> int | None:
        return self.ids.get(kind, {}).get(old) if isinstance(old, int) else None

    def member_id(self, old: Any) -> int | None:
        """Someone who is not in this practice here: their rows become the importer's."""
        return self.get("member", old) or (None if old is None else self.member.pk)


def _build(
    model: type[models.Model],
    row: dict[str, Any],
    *,
    practice: Practice,
    links: dict[str, int | None],
    where: str,
) -> models.Model:
    allowed = {
        field.attname
        for field in model._meta.concrete_fields
        if not field.primary_key and not isinstance(field, models.GeneratedField)
    }
    values = {key: value for key, value in row.items() if key in allowed}
    values |= links
    values["practice_id"] = practice.pk
    obj = model(**values)
    try:
        obj.full_clean(
            exclude=[name.removesuffix("_id") for name in links] + ["practice"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        details = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise ValidationError(f"{where}: {details}") from error
    return obj


def _rows(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValidationError(f"“{key}” should be a list of objects.")
    return value


@transaction.atomic
def practice_import(*, data: Any, practice: Practice, member: Member) -> dict[str, int]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(
            "This is not a Rapport export: choose the JSON file that "
            "Settings → Your data (or `rapport export`) wrote."
        )
    if data.get("version") != VERSION:
        raise ValidationError(
            f"This export is version {data.get('version')!r}; this Rapport reads version {VERSION}."
        )
    if Client.objects.for_practice(practice).exists():
        raise ValidationError(
            "Move in only into an empty practice: this one already has "
            "clients. Import address books with Clients → Import instead."
        )
    maps = Maps(member)
    given = data.get("practice")
    settings: dict[str, Any] = given if isinstance(given, dict) else {}
    for name in PRACTICE_SETTINGS:
        if name in settings:
            setattr(practice, name, settings[name])
    try:
        practice.full_clean()
    except ValidationError as error:
        raise ValidationError(f"The practice's settings: {error.messages[0]}") from error
    practice.save()
    emails = {
        m.user.email: m.pk for m in Member.objects.filter(practice=practice).select_related("user")
    }
    for row in _rows(data, "members"):
        maps.put("member", row.get("id"), emails.get(str(row.get("email", "")).lower(), member.pk))
    for row in _rows(data, "tags"):
        tag, _ = Tag.objects.get_or_create(practice=practice, name=str(row.get("name", ""))[:50])
        maps.put("tag", row.get("id"), tag.pk)
    kinds = {kind.name.casefold(): kind for kind in TouchKind.objects.for_practice(practice)}
    for row in _rows(data, "touch_kinds"):
        found: models.Model | None = kinds.get(str(row.get("name", "")).casefold())
        if found is None:
            found = _build(TouchKind, row, practice=practice, links={}, where="A kind of touch")
            found.save()
        maps.put("kind", row.get("id"), found.pk)
    names = set(MessageTemplate.objects.for_practice(practice).values_list("name", flat=True))
    for row in _rows(data, "message_templates"):
        if row.get("name") not in names:
            _build(MessageTemplate, row, practice=practice, links={}, where="A template").save()
    for row in _rows(data, "partners"):
        partner = _build(Partner, row, practice=practice, links={}, where="A partner")
        partner.save()
        maps.put("partner", row.get("id"), partner.pk)
    counts = {"clients": 0}
    for row in _rows(data, "clients"):
        counts["clients"] += 1
        _client(row, practice, maps)
    practice_history_refresh(practice=practice)
    return counts


def _client(row: dict[str, Any], practice: Practice, maps: Maps) -> None:
    where = f"Client “{row.get('full_name', '?')}”"
    client = _build(
        Client,
        row,
        practice=practice,
        where=where,
        links={
            "created_by_id": maps.member_id(row.get("created_by_id")),
            "looked_after_by_id": maps.member_id(row.get("looked_after_by_id")),
        },
    )
    assert isinstance(client, Client)
    client.practice = practice
    client.save()
    client.tags.set(Tag.objects.filter(practice=practice, name__in=row.get("tags", [])))
    _Belongings(row=row, practice=practice, maps=maps, client_id=client.pk, where=where).load()


_Links = Callable[[dict[str, Any]], dict[str, int | None]]


@dataclass
class _Belongings:
    """One client's rows in the file (contacts, history, appointments...), saved as theirs.

    A row points at rows saved before it by their old ids (a fact at the
    interaction it was learned in, a touch at its fact and interaction), so the
    order in `load` matters.
    """

    row: dict[str, Any]
    practice: Practice
    maps: Maps
    client_id: int
    where: str

    def load(self) -> None:
        interaction = self._old_id("interaction", "interaction_id")
        self._each("contact_points", ContactPoint)
        self._each("important_dates", ImportantDate)
        self._each("interactions", Interaction, self._created_by, kind="interaction")
        self._each("facts", Fact, self._old_id("interaction", "learned_from_id"), kind="fact")
        self._each("promises", Promise, interaction, kind="promise")
        self._messages()
        self._each("mail", InboundMail, interaction)
        self._appointments()
        self._each("touches", Touch, self._touch_links)
        self._cases()
        self._referrals()
        self._each("handoffs", Handoff, self._handoff_links)
        self._feedback()

    def _old_id(self, kind: str, name: str) -> _Links:
        """The links of a row whose field `name` holds the old id of a `kind` saved before."""
        return lambda item: {name: self.maps.get(kind, item.get(name))}

    def _created_by(self, item: dict[str, Any]) -> dict[str, int | None]:
        return {"created_by_id": self.maps.member_id(item.get("created_by_id"))}

    def _handoff_links(self, item: dict[str, Any]) -> dict[str, int | None]:
        """Members map as every row's do (one who is not here becomes the importer); the note
        keeps the names it was written with."""
        return {
            "case_id": self.maps.get("case", item.get("case_id")),
            "from_member_id": self.maps.get("member", item.get("from_member_id")),
            "to_member_id": self.maps.get("member", item.get("to_member_id")),
            "noted_in_id": self.maps.get("interaction", item.get("noted_in_id")),
            "introduction_id": self.maps.get("interaction", item.get("introduction_id")),
            "promise_id": self.maps.get("promise", item.get("promise_id")),
        }

    def _touch_links(self, item: dict[str, Any]) -> dict[str, int | None]:
        return {
            "kind_id": self.maps.get("kind", item.get("kind_id")),
            "source_fact_id": self.maps.get("fact", item.get("source_fact_id")),
            "interaction_id": self.maps.get("interaction", item.get("interaction_id")),
        } | self._created_by(item)

    def _build(
        self,
        key: str,
        model: type[models.Model],
        item: dict[str, Any],
        links: dict[str, int | None],
    ) -> models.Model:
        owned: dict[str, int | None] = {"client_id": self.client_id}
        return _build(
            model, item, practice=self.practice, where=f"{self.where}, {key}", links=owned | links
        )

    def _each(
        self, key: str, model: type[models.Model], links: _Links | None = None, kind: str = ""
    ) -> None:
        for item in _rows(self.row, key):
            made = self._build(key, model, item, links(item) if links else {})
            made.save()
            if kind:
                self.maps.put(kind, item.get("id"), made.pk)

    def _messages(self) -> None:
        for item in _rows(self.row, "messages"):
            linked = self.maps.get("interaction", item.get("interaction_id"))
            if linked is None:
                raise ValidationError(
                    f"{self.where}, messages: a message without its conversation."
                )
            # Its case is set once the cases are in (_cases): never an id from the file as is.
            links = self._created_by(item) | {"interaction_id": linked, "case_id": None}
            message = self._build("messages", OutboxMessage, item, links)
            assert isinstance(message, OutboxMessage)
            # Message-ids are unique in the whole database: a file moved in twice gets new ones.
            if (
                not message.message_id
                or OutboxMessage.objects.filter(message_id=message.message_id).exists()
            ):
                message.message_id = f"<{uuid.uuid4().hex}@rapport>"
            message.save()
            self.maps.put("message", item.get("id"), message.pk)

    def _appointments(self) -> None:
        for item in _rows(self.row, "appointments"):
            links = {"member_id": self.maps.member_id(item.get("member_id"))}
            appointment = self._build(
                "appointments", Appointment, item, links | self._created_by(item)
            )
            assert isinstance(appointment, Appointment)
            # Calendar uids are unique in the whole database, as message-ids are.
            if not appointment.uid or Appointment.objects.filter(uid=appointment.uid).exists():
                appointment.uid = f"{uuid.uuid4()}@rapport"
            appointment.save()

    def _cases(self) -> None:
        for item in _rows(self.row, "cases"):
            case = self._build("cases", Case, item, self._created_by(item))
            assert isinstance(case, Case)
            case.save()
            self.maps.put("case", item.get("id"), case.pk)
            self._case_links(case, item)
            for key, model in (("steps", Step), ("advice", Advice)):
                for inner in _rows(item, key):
                    links = {
                        "case_id": case.pk,
                        "member_id": self.maps.get("member", inner.get("member_id")),
                    }
                    made = _build(
                        model,
                        inner,
                        practice=self.practice,
                        where=f"{self.where}, case {key}",
                        links=links,
                    )
                    try:  # a "don't know" without a next step, refused as the form refuses it
                        made.validate_constraints()
                    except ValidationError as error:
                        raise ValidationError(
                            f"{self.where}, case {key}: {error.messages[0]}"
                        ) from error
                    made.save()
        self._message_cases()

    def _case_links(self, case: Case, item: dict[str, Any]) -> None:
        """The client's own conversations and facts, by their ids in this file; an id that is
        not one of this client's rows in the file links nothing."""
        interaction_ids = self._mapped(item, "interaction_ids", "interaction")
        for interaction in Interaction.objects.filter(
            client_id=self.client_id, pk__in=interaction_ids
        ):
            CaseInteraction.objects.update_or_create(
                interaction=interaction, defaults={"case": case, "practice_id": self.practice.pk}
            )
        for fact in Fact.objects.filter(
            client_id=self.client_id, pk__in=self._mapped(item, "fact_ids", "fact")
        ):
            CaseFact.objects.update_or_create(
                fact=fact, defaults={"case": case, "practice_id": self.practice.pk}
            )

    def _mapped(self, item: dict[str, Any], key: str, kind: str) -> list[int]:
        ids = item.get(key, [])
        if not isinstance(ids, list):
            raise ValidationError(f"{self.where}, case {key}: should be a list of ids.")
        return [new for old in ids if (new := self.maps.get(kind, old)) is not None]

    def _message_cases(self) -> None:
        for item in _rows(self.row, "messages"):
            message_id = self.maps.get("message", item.get("id"))
            case_id = self.maps.get("case", item.get("case_id"))
            if message_id is not None and case_id is not None:
                OutboxMessage.objects.filter(pk=message_id).update(case_id=case_id)

    def _referrals(self) -> None:
        for item in _rows(self.row, "referrals"):
            partner_id = self.maps.get("partner", item.get("partner_id"))
            if partner_id is None:
                raise ValidationError(
                    f"{self.where}, referrals: a referral to a partner who is not in the file."
                )
            links = {
                "partner_id": partner_id,
                "case_id": self.maps.get("case", item.get("case_id")),
                "interaction_id": self.maps.get("interaction", item.get("interaction_id")),
                "referred_by_id": self.maps.member_id(item.get("referred_by_id")),
                "consent_by_id": self.maps.member_id(item.get("consent_by_id")),
            }
            self._build("referrals", Referral, item, links).save()

    def _feedback(self) -> None:
        """Each request with its questions and answers; its messages are the interactions
        moved in above. Its links are not moved: they were sent from the old place."""
        interaction = "interaction"
        for item in _rows(self.row, "feedback"):
            links = {
                "asked_by_id": self.maps.member_id(item.get("asked_by_id")),
                "message_id": self.maps.get(interaction, item.get("message_id")),
                "answer_note_id": self.maps.get(interaction, item.get("answer_note_id")),
                "reply_id": self.maps.get(interaction, item.get("reply_id")),
            }
            request = self._build("feedback", FeedbackRequest, item, links)
            request.save()
            for inner in _rows(item, "questions"):
                made = _build(
                    FeedbackQuestion,
                    inner,
                    practice=self.practice,
                    where=f"{self.where}, feedback questions",
                    links={"request_id": request.pk},
                )
                made.save()
