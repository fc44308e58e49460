"""Cases in the JSON API: a client's problems, the steps tried and the advice given, each piece
labelled known, best guess or don't know. Registered on the one API when imported (rapport.urls).

The rules are the services' (rapport.cases.services), so the API keeps them as the pages do: a
"don't know" without a next step is a 422 that says so, another practice's case a 404.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Status

from rapport.api.case_schemas import AdviceIn, CaseChangeIn, CaseIn, CaseLinksIn, CaseOut, StepIn
from rapport.api.endpoints import FieldsInvalid, ObjectId, _answers, _client, _member, _naming, api
from rapport.cases import services
from rapport.cases.models import Case
from rapport.clients.models import Fact
from rapport.practices.models import Member
from rapport.timeline.models import Interaction


def _cases(request: HttpRequest) -> QuerySet[Case]:
    return Case.objects.for_practice(_member(request).practice).prefetch_related(
        "steps__member__user",
        "advice__member__user",
        "interaction_links",
        "fact_links",
        "messages",
    )


def _case(request: HttpRequest, case_id: int) -> Case:
    return get_object_or_404(_cases(request), pk=case_id)


def _someone(request: HttpRequest, member_id: int | None) -> Member | None:
    if member_id is None:
        return None
    member = Member.objects.filter(practice=_member(request).practice, pk=member_id).first()
    if member is None:
        raise FieldsInvalid(["body data member_id: Choose a member of this practice."])
    return member


@api.get("/clients/{client_id}/cases", response=_answers(list[CaseOut]), tags=["cases"])
def cases_list(request: HttpRequest, client_id: ObjectId) -> QuerySet[Case]:
    return _cases(request).filter(client=_client(request, client_id))


@api.post("/clients/{client_id}/cases", response=_answers(CaseOut, 201), tags=["cases"])
def cases_open(request: HttpRequest, client_id: ObjectId, data: CaseIn) -> Status[Case]:
    client = _client(request, client_id)
    with _naming("body data problem"):
        case = services.case_create(
            client=client,
            problem=data.problem,
            opened_on=data.opened_on,
            created_by=_member(request),
        )
    return Status(201, _case(request, case.pk))


@api.get("/cases/{case_id}", response=_answers(CaseOut), tags=["cases"])
def cases_detail(request: HttpRequest, case_id: ObjectId) -> Case:
    return _case(request, case_id)


@api.patch("/cases/{case_id}", response=_answers(CaseOut), tags=["cases"])
def cases_change(request: HttpRequest, case_id: ObjectId, data: CaseChangeIn) -> Case:
    """Edits the problem or the day it opened, or closes and reopens it with `status`."""
    case = _case(request, case_id)
    with _naming("body data problem"):
        services.case_update(
            case=case,
            problem=data.problem if data.problem is not None else case.problem,
            opened_on=data.opened_on or case.opened_on,
            status=data.status or case.status,
        )
    return _case(request, case_id)


@api.post("/cases/{case_id}/steps", response=_answers(CaseOut, 201), tags=["cases"])
def cases_step_add(request: HttpRequest, case_id: ObjectId, data: StepIn) -> Status[Case]:
    case = _case(request, case_id)
    with _naming("body data someone_else", member="member_id"):
        services.step_add(
            case=case,
            tried=data.tried,
            result=data.result,
            taken_on=data.taken_on,
            member=_someone(request, data.member_id),
            someone_else=data.someone_else,
        )
    return Status(201, _case(request, case_id))


@api.post("/cases/{case_id}/advice", response=_answers(CaseOut, 201), tags=["cases"])
def cases_advice_add(request: HttpRequest, case_id: ObjectId, data: AdviceIn) -> Status[Case]:
    """A "don't know" (certainty unknown) needs a next step, and a next step who takes it."""
    case = _case(request, case_id)
    with _naming("body data next_step", member="member_id"):
        services.advice_add(
            case=case,
            certainty=data.certainty,
            text=data.text,
            next_step=data.next_step,
            given_on=data.given_on,
            member=_someone(request, data.member_id),
            someone_else=data.someone_else,
        )
    return Status(201, _case(request, case_id))


@api.post("/cases/{case_id}/links", response=_answers(CaseOut), tags=["cases"])
def cases_link(request: HttpRequest, case_id: ObjectId, data: CaseLinksIn) -> Case:
    """Links the client's own conversations and facts to the case; another client's is a 422."""
    case = _case(request, case_id)
    interactions = list(case.client.interactions.filter(pk__in=data.interaction_ids))
    facts = list(case.client.facts.filter(pk__in=data.fact_ids))
    problems: list[str] = []
    if len(interactions) != len(set(data.interaction_ids)):
        problems.append("body data interaction_ids: Link only this client's own conversations.")
    if len(facts) != len(set(data.fact_ids)):
        problems.append("body data fact_ids: Link only facts on this client's profile.")
    if problems:
        raise FieldsInvalid(problems)
    _link_all(case, interactions, facts)
    return _case(request, case_id)


@transaction.atomic
def _link_all(case: Case, interactions: list[Interaction], facts: list[Fact]) -> None:
    for interaction in interactions:
        services.case_link_interaction(case=case, interaction=interaction)
    for fact in facts:
        services.case_link_fact(case=case, fact=fact)
