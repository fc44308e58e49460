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
    ImportantDateIn,
    ImportantDateOut,
    InteractionIn,
    InteractionOut,
    TodayOut,
    TouchDoneIn,
    TouchIn,
    TouchKindOut,
    TouchOut,
)
from rapport.api.services import member_for_key
from rapport.appointments.models import Appointment
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
from rapport.lib.dates import Day
from rapport.practices.models import Member
from rapport.practices.throttle import LoginThrottled, client_address, token_check
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
    "feedback. "
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
    """The same data as `rapport today --json`."""
    return agenda_as_data(agenda_build(_member(request).practice))


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
