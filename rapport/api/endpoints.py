"""The JSON API (django-ninja): practice data through a member's token, scoped as everywhere.

Another practice's ids are a 404, exactly as in the web app; bad input is a 422
that says which field and why. No `from __future__ import annotations` here or in the
schemas: django-ninja reads the annotations at run time.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, NinjaAPI, Schema, Status
from ninja.errors import ValidationError as RequestInvalid
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer

from rapport.api.schemas import (
    AppointmentOut,
    ClientDetailOut,
    ClientIn,
    ClientOut,
    ContactPointIn,
    ContactPointOut,
    ErrorOut,
    FactIn,
    FactOut,
    FeedbackOut,
    FeedbackThemesOut,
    HandoffIn,
    HandoffOut,
    ImportantDateIn,
    ImportantDateOut,
    InteractionIn,
    InteractionOut,
    MemberOut,
    OutcomeIn,
    PartnerIn,
    PartnerOut,
    ReferralIn,
    ReferralOut,
    TodayOut,
    TouchDoneIn,
    TouchIn,
    TouchKindOut,
    TouchOut,
)
from rapport.api.services import member_for_key
from rapport.appointments.models import Appointment
from rapport.cases.models import Case
from rapport.clients.models import Client, ContactKind, ContactPoint, Fact, ImportantDate
from rapport.clients.services import (
    ContactPointInput,
    client_create,
    contact_point_add,
    fact_create,
    important_date_save,
)
from rapport.desk.today.agenda import agenda_build
from rapport.desk.today.render import agenda_as_data
from rapport.feedback.models import FeedbackRequest
from rapport.feedback.queries import themes_since
from rapport.feedback.themes import HOW_THEMES_ARE_FOUND
from rapport.handoffs.models import Handoff, HandoffQuerySet
from rapport.handoffs.services import (
    NOTE_FIELDS,
    NoteInput,
    handoff_acknowledge,
    handoff_create,
)
from rapport.lib.dates import Day
from rapport.practices.models import Member
from rapport.practices.throttle import LoginThrottled, client_address, token_check
from rapport.referrals.models import Partner, Referral
from rapport.referrals.services import (
    partner_create,
    partner_delete,
    partner_update,
    referral_create,
    referral_outcome_record,
)
from rapport.timeline.models import Interaction
from rapport.timeline.services import interaction_create
from rapport.touches.models import Touch, TouchKind
from rapport.touches.services import kinds_ensure, touch_done, touch_plan

# Ids are 64-bit: a larger number is a 422, not an overflow deep in the database driver.
ObjectId = Annotated[int, Field(ge=1, le=2**63 - 1)]
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_PAGE = 100_000
MAX_RANGE_DAYS = 366


class Pages(PageNumberPagination):
    """Page numbers bounded: an offset past what a database can count is a 422, not a 500."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Member | None:
        # One guess, counted by the login throttle: past its limit even a right token is a 429.
        member = token_check(address=client_address(request), check=lambda: member_for_key(token))
        if member is not None:
            # Before the body is read: a naive datetime in it is a time in the practice's zone
            # (rapport.lib.dates.Moment). The middleware deactivates it after the request.
            timezone.activate(member.practice.zone)
        return member


api = NinjaAPI(
    title="Rapport",
    version="1",
    description="A practice's clients, timeline, appointments, Today, personal touches and "
    "handoffs, feedback. "
    "Send a member's API token (Settings → API tokens) as `Authorization: Bearer <token>`.",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
    openapi_url="/openapi.json",
)


@api.exception_handler(RequestInvalid)
def _request_invalid(request: HttpRequest, error: RequestInvalid) -> HttpResponse:
    """One readable sentence per problem, naming the field: "query page: Input should be..."."""
    problems = []
    for item in error.errors:
        where = " ".join(str(part) for part in item.get("loc", ()))
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=422)


def _answers(ok: Any, status: int = 200) -> dict[int, Any]:
    """Every operation documents the errors it can give, so clients and schemathesis know."""
    return {status: ok, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


@api.exception_handler(LoginThrottled)
def _throttled(request: HttpRequest, refused: LoginThrottled) -> HttpResponse:
    """Too many wrong tokens from this address: say how long to wait, as the login page does."""
    response = api.create_response(request, {"detail": refused.message}, status=429)
    response["Retry-After"] = str(refused.seconds)
    return response


class FieldsInvalid(Exception):
    """A service refused the request: each problem already says where, as the API names it."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _problems(error: ValidationError, about: str, api_names: dict[str, str]) -> list[str]:
    problems = []
    by_field = error.error_dict if hasattr(error, "error_dict") else {"__all__": error.error_list}
    for field, errors in by_field.items():
        where = about if field == "__all__" else f"body data {api_names.get(field, field)}"
        problems += [f"{where}: {message}" for item in errors for message in item.messages]
    return problems


@contextmanager
def _naming(about: str, **api_names: str) -> Iterator[None]:
    """Runs service calls so that what they refuse is a 422 naming each field as the schema
    errors do ("body data full_name: ..."): a model field under its API name (`api_names`,
    kind="kind_id"), and an error about no one field under `about`, the field it concerns."""
    try:
        yield
    except ValidationError as error:
        raise FieldsInvalid(_problems(error, about, api_names)) from error


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A refusal from outside a _naming block still names what it can; "body" at worst."""
    detail = "; ".join(_problems(error, "body", {}))
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(FieldsInvalid)
def _fields_invalid(request: HttpRequest, error: FieldsInvalid) -> HttpResponse:
    return api.create_response(request, {"detail": "; ".join(error.problems)}, status=422)


def _member(request: HttpRequest) -> Member:
    member = request.auth  # type: ignore[attr-defined]
    assert isinstance(member, Member)
    return member


def _client(request: HttpRequest, client_id: ObjectId) -> Client:
    return get_object_or_404(Client.objects.for_practice(_member(request).practice), pk=client_id)


@api.get("/clients", response=_answers(list[ClientOut]), tags=["clients"])
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def clients_list(request: HttpRequest, q: str = "", archived: bool = False) -> QuerySet[Client]:
    clients = Client.objects.for_practice(_member(request).practice)
    clients = clients.archived() if archived else clients.current()
    return clients.matching(q[:200]).order_by("full_name", "id")


@api.get("/clients/{client_id}", response=_answers(ClientDetailOut), tags=["clients"])
def clients_detail(request: HttpRequest, client_id: ObjectId) -> dict[str, Any]:
    client = _client(request, client_id)
    return {
        **ClientOut.model_validate(client).model_dump(),
        "contact_points": list(client.contact_points.all()),
        "facts": list(client.facts.all()),
        "important_dates": list(client.important_dates.all()),
    }


@api.post("/clients", response=_answers(ClientOut, 201), tags=["clients"])
def clients_create(request: HttpRequest, data: ClientIn) -> Status[Client]:
    member = _member(request)
    points = [ContactPointInput(ContactKind.EMAIL, email) for email in data.emails] + [
        ContactPointInput(ContactKind.PHONE, phone) for phone in data.phones
    ]
    with _naming("body data full_name"):
        client = client_create(
            practice=member.practice,
            full_name=data.full_name,
            preferred_name=data.preferred_name,
            contact_points=points,
            created_by=member,
        )
    return Status(201, client)


@api.get(
    "/clients/{client_id}/interactions", response=_answers(list[InteractionOut]), tags=["clients"]
)
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def clients_interactions(request: HttpRequest, client_id: ObjectId) -> QuerySet[Interaction]:
    return Interaction.objects.filter(client=_client(request, client_id))


@api.get(
    "/clients/{client_id}/contact-points",
    response=_answers(list[ContactPointOut]),
    tags=["clients"],
)
def contact_points_list(request: HttpRequest, client_id: ObjectId) -> QuerySet[ContactPoint]:
    return _client(request, client_id).contact_points.all()


@api.post(
    "/clients/{client_id}/contact-points",
    response=_answers(ContactPointOut, 201),
    tags=["clients"],
)
def contact_points_add(
    request: HttpRequest, client_id: ObjectId, data: ContactPointIn
) -> Status[ContactPoint]:
    client = _client(request, client_id)
    point = ContactPointInput(data.kind, data.value, data.label)
    with _naming("body data value", normalized="value"):
        return Status(201, contact_point_add(client=client, point=point))


@api.get("/clients/{client_id}/facts", response=_answers(list[FactOut]), tags=["clients"])
def facts_list(request: HttpRequest, client_id: ObjectId) -> QuerySet[Fact]:
    return _client(request, client_id).facts.all()


@api.post("/clients/{client_id}/facts", response=_answers(FactOut, 201), tags=["clients"])
def facts_add(request: HttpRequest, client_id: ObjectId, data: FactIn) -> Status[Fact]:
    client = _client(request, client_id)
    with _naming("body data text"):
        fact = fact_create(
            client=client,
            category=data.category,
            text=data.text,
            important=data.important,
            hard_news=data.hard_news,
        )
    return Status(201, fact)


@api.get("/clients/{client_id}/dates", response=_answers(list[ImportantDateOut]), tags=["clients"])
def dates_list(request: HttpRequest, client_id: ObjectId) -> QuerySet[ImportantDate]:
    return _client(request, client_id).important_dates.all()


@api.post("/clients/{client_id}/dates", response=_answers(ImportantDateOut, 201), tags=["clients"])
def dates_add(
    request: HttpRequest, client_id: ObjectId, data: ImportantDateIn
) -> Status[ImportantDate]:
    client = _client(request, client_id)
    item = ImportantDate(practice=client.practice, client=client, **data.model_dump())
    with _naming("body data day"):  # a day the month does not have
        return Status(201, important_date_save(important_date=item))


@api.post(
    "/clients/{client_id}/interactions",
    response=_answers(InteractionOut, 201),
    tags=["clients"],
)
def interactions_add(
    request: HttpRequest, client_id: ObjectId, data: InteractionIn
) -> Status[Interaction]:
    client = _client(request, client_id)
    with _naming("body data summary"):
        interaction = interaction_create(
            client=client,
            kind=data.kind,
            direction=data.direction,
            occurred_at=data.occurred_at,
            summary=data.summary,
            client_words=data.client_words,
            created_by=_member(request),
        )
    return Status(201, interaction)


@api.get("/appointments", response=_answers(list[AppointmentOut]), tags=["appointments"])
def appointments_list(
    request: HttpRequest, start: Day | None = None, end: Day | None = None
) -> Any:
    member = _member(request)
    zone = member.practice.zone
    start = start or timezone.localdate(timezone.now(), zone)
    end = end or start + timedelta(days=7)
    if not timedelta(0) < end - start <= timedelta(days=MAX_RANGE_DAYS):
        return Status(
            422, {"detail": "query end: Give an end after the start, at most a year later."}
        )
    return list(
        Appointment.objects.for_practice(member.practice).filter(
            starts_at__gte=datetime.combine(start, time.min, tzinfo=zone),
            starts_at__lt=datetime.combine(end, time.min, tzinfo=zone),
        )
    )


@api.get("/today", response=_answers(TodayOut), tags=["today"])
def today(request: HttpRequest) -> dict[str, Any]:
    """The same data as `rapport today --json --member <you>`: with what was handed to you."""
    member = _member(request)
    return agenda_as_data(agenda_build(member.practice, member=member))


@api.get("/touch-kinds", response=_answers(list[TouchKindOut]), tags=["touches"])
def touch_kinds(request: HttpRequest) -> QuerySet[TouchKind]:
    practice = _member(request).practice
    kinds_ensure(practice=practice)
    return TouchKind.objects.for_practice(practice)


@api.get("/touches", response=_answers(list[TouchOut]), tags=["touches"])
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def touches_list(
    request: HttpRequest,
    client_id: ObjectId | None = None,
    state: Literal["all", "planned", "done"] = "all",
) -> QuerySet[Touch]:
    touches = Touch.objects.for_practice(_member(request).practice).select_related("kind")
    if client_id is not None:
        touches = touches.filter(client_id=client_id)
    if state == "planned":
        touches = touches.planned()
    elif state == "done":
        touches = touches.done()
    return touches.order_by("-planned_on", "-id")


@api.post("/touches", response=_answers(TouchOut, 201), tags=["touches"])
def touches_plan(request: HttpRequest, data: TouchIn) -> Status[Touch]:
    member = _member(request)
    client = _client(request, data.client_id)
    kind = get_object_or_404(TouchKind.objects.for_practice(member.practice), pk=data.kind_id)
    fact = None
    if data.source_fact_id is not None:
        fact = Fact.objects.filter(client=client, pk=data.source_fact_id).first()
        if fact is None:
            raise FieldsInvalid(
                ["body data source_fact_id: That fact is not on this client's profile (any more)."]
            )
    with _naming("body data client_id", kind="kind_id", source_fact="source_fact_id"):
        touch = touch_plan(
            client=client,
            kind=kind,
            planned_on=data.planned_on,
            note=data.note,
            cost=data.cost,
            source_fact=fact,
            created_by=member,
        )
    return Status(201, touch)


@api.post("/touches/{touch_id}/done", response=_answers(TouchOut), tags=["touches"])
def touches_done(request: HttpRequest, touch_id: ObjectId, data: TouchDoneIn) -> Touch:
    member = _member(request)
    touch = get_object_or_404(
        Touch.objects.for_practice(member.practice).select_related("kind", "client"), pk=touch_id
    )
    with _naming("body data done_on"):  # already done, a day to come, a boundary crossed
        touch_done(touch=touch, response=data.response, done_on=data.done_on, member=member)
    return touch


def _partner(request: HttpRequest, partner_id: int) -> Partner:
    return get_object_or_404(Partner.objects.for_practice(_member(request).practice), pk=partner_id)


@api.get("/partners", response=_answers(list[PartnerOut]), tags=["referrals"])
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def partners_list(request: HttpRequest) -> QuerySet[Partner]:
    return Partner.objects.for_practice(_member(request).practice)


@api.post("/partners", response=_answers(PartnerOut, 201), tags=["referrals"])
def partners_create(request: HttpRequest, data: PartnerIn) -> Status[Partner]:
    with _naming("body data name"):
        partner = partner_create(practice=_member(request).practice, **data.dict())
    return Status(201, partner)


@api.get("/partners/{partner_id}", response=_answers(PartnerOut), tags=["referrals"])
def partners_detail(request: HttpRequest, partner_id: ObjectId) -> Partner:
    return _partner(request, partner_id)


@api.put("/partners/{partner_id}", response=_answers(PartnerOut), tags=["referrals"])
def partners_update(request: HttpRequest, partner_id: ObjectId, data: PartnerIn) -> Partner:
    partner = _partner(request, partner_id)
    with _naming("body data name"):
        return partner_update(partner=partner, **data.dict())


@api.delete("/partners/{partner_id}", response=_answers(None, 204), tags=["referrals"])
def partners_delete(request: HttpRequest, partner_id: ObjectId) -> Status[None]:
    """The partner goes, with the referrals made to them; the notes on timelines stay."""
    partner_delete(partner=_partner(request, partner_id))
    return Status(204, None)


@api.get("/referrals", response=_answers(list[ReferralOut]), tags=["referrals"])
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def referrals_list(
    request: HttpRequest,
    client_id: ObjectId | None = None,
    partner_id: ObjectId | None = None,
    waiting: bool = False,
) -> QuerySet[Referral]:
    """`waiting`: only those whose outcome Today will ask about (or already asks about)."""
    referrals = Referral.objects.for_practice(_member(request).practice)
    if client_id is not None:
        referrals = referrals.filter(client_id=client_id)
    if partner_id is not None:
        referrals = referrals.filter(partner_id=partner_id)
    if waiting:
        referrals = referrals.awaiting_follow_up()
    return referrals.order_by("-referred_at", "-id")


@api.post("/referrals", response=_answers(ReferralOut, 201), tags=["referrals"])
def referrals_create(request: HttpRequest, data: ReferralIn) -> Status[Referral]:
    """Records a referral (and the client's agreement to share the case summary). The
    introduction itself is written and approved in the web composer: nothing reaches a
    client without the provider reading the words."""
    member = _member(request)
    client = _client(request, data.client_id)
    partner = _partner(request, data.partner_id)
    case = None
    if data.case_id is not None:
        case = (
            Case.objects.for_practice(member.practice)
            .filter(pk=data.case_id, client=client)
            .first()
        )
        if case is None:
            raise FieldsInvalid(["body data case_id: That is not one of this client's cases."])
    with _naming("body data partner_id"):
        referral = referral_create(
            client=client, partner=partner, member=member, case=case, need=data.need,
            summary_shared=data.summary_shared, follow_up_days=data.follow_up_days,
        )  # fmt: skip
    return Status(201, referral)


@api.post("/referrals/{referral_id}/outcome", response=_answers(ReferralOut), tags=["referrals"])
def referrals_outcome(request: HttpRequest, referral_id: ObjectId, data: OutcomeIn) -> Referral:
    """Helped or not a fit ends the follow-up; no contact yet asks again after the same days."""
    member = _member(request)
    referral = get_object_or_404(
        Referral.objects.for_practice(member.practice).select_related("partner", "client"),
        pk=referral_id,
    )
    with _naming("body data outcome"):
        return referral_outcome_record(
            referral=referral, outcome=data.outcome, note=data.note, member=member
        )


def _handoffs(member: Member) -> HandoffQuerySet:
    return Handoff.objects.for_practice(member.practice)


@api.get("/members", response=_answers(list[MemberOut]), tags=["handoffs"])
def members_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The practice's members: who a client or a case can be handed to (the active ones)."""
    members = Member.objects.filter(practice=_member(request).practice).select_related("user")
    return [
        {"id": m.pk, "name": m.user.name, "email": m.user.email, "role": m.role,
         "active": m.user.is_active}
        for m in members.order_by("pk")
    ]  # fmt: skip


@api.get("/handoffs/pending", response=_answers(list[HandoffOut]), tags=["handoffs"])
def handoffs_pending(request: HttpRequest) -> QuerySet[Handoff]:
    """What was handed to you and waits for your Got it, as on your Today."""
    member = _member(request)
    return _handoffs(member).pending_for(member).order_by("created_at", "id")


@api.get("/clients/{client_id}/handoffs", response=_answers(list[HandoffOut]), tags=["handoffs"])
def handoffs_list(request: HttpRequest, client_id: ObjectId) -> QuerySet[Handoff]:
    return Handoff.objects.filter(client=_client(request, client_id))


@api.post("/clients/{client_id}/handoffs", response=_answers(HandoffOut, 201), tags=["handoffs"])
def handoffs_create(request: HttpRequest, client_id: ObjectId, data: HandoffIn) -> Status[Handoff]:
    """Hands the client (or one case) to a colleague with a note; another practice's member
    or case is a 404, as everywhere; yourself, or a member who has left, a 422 saying why."""
    member = _member(request)
    client = _client(request, client_id)
    to = get_object_or_404(Member.objects.filter(practice=member.practice), pk=data.to_member_id)
    case = None
    if data.case_id is not None:
        case = get_object_or_404(Case.objects.for_practice(member.practice), pk=data.case_id)
    note = NoteInput(**{name: getattr(data, name) for name in NOTE_FIELDS})
    with _naming("body data to_member_id", to_member="to_member_id", case="case_id"):
        handoff = handoff_create(
            client=client, by=member, to=to, case=case, note=note, call_on=data.call_on
        )
    return Status(201, handoff)


@api.post("/handoffs/{handoff_id}/acknowledge", response=_answers(HandoffOut), tags=["handoffs"])
def handoffs_acknowledge(request: HttpRequest, handoff_id: ObjectId) -> Handoff:
    """Got it: the note leaves your Today. Only the member it was handed to can say it."""
    member = _member(request)
    handoff = get_object_or_404(_handoffs(member), pk=handoff_id)
    with _naming("path handoff_id"):
        return handoff_acknowledge(handoff=handoff, member=member)


# Feedback is read here, never sent: a request reaches a client only with words a member
# approved in the composer.
@api.get("/feedback", response=_answers(list[FeedbackOut]), tags=["feedback"])
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def feedback_list(
    request: HttpRequest,
    client_id: ObjectId | None = None,
    state: Literal["all", "sent", "answered"] = "all",
) -> QuerySet[FeedbackRequest]:
    requests = FeedbackRequest.objects.for_practice(_member(request).practice)
    if client_id is not None:
        requests = requests.filter(client_id=client_id)
    if state == "sent":
        requests = requests.sent()
    elif state == "answered":
        requests = requests.answered()
    return requests.prefetch_related("questions").order_by("-created_at", "-id")


@api.get("/feedback/themes", response=_answers(FeedbackThemesOut), tags=["feedback"])
def feedback_themes(request: HttpRequest, months: Literal["3", "6", "12"] = "6") -> dict[str, Any]:
    """The themes of the answers of the last 3, 6 or 12 months, as on the Themes page."""
    found = themes_since(_member(request).practice, months=int(months))
    return {
        "months": int(months),
        "answers": found.answers,
        "themes": [
            {
                "label": theme.label,
                "answers": theme.count,
                "quotes": [{"words": q.words, "client_id": q.client.pk} for q in theme.quotes],
            }
            for theme in found.themes
        ],
        "unthemed": [
            {"question": answer.text, "answer": answer.answer, "client_id": client.pk}
            for answer, client in found.unthemed
        ],
        "how_themes_are_found": HOW_THEMES_ARE_FOUND,
    }
