"""Writes to cases. The rules live here, so every way in (a form now, the API later) keeps them."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from rapport.cases.models import Advice, Case, CaseStatus, Certainty, Step
from rapport.clients.models import Client
from rapport.practices.models import Member

DONT_KNOW_NEEDS_A_STEP = (
    "“Don't know” needs a next step: say what will happen to find out, and who takes it."
)


def _who_problems(case: Case, member: Member | None, someone_else: str) -> dict[str, str]:
    if member is not None and member.practice_id != case.practice_id:
        return {"member": "Choose a member of this practice."}
    if member is not None and someone_else:
        return {"someone_else": "Choose a member or name someone else, not both."}
    if member is None and not someone_else:
        return {"member": "Who? Choose a member, or name someone outside the practice."}
    return {}


def case_create(
    *, client: Client, problem: str, opened_on: date | None = None, created_by: Member | None
) -> Case:
    case = Case(
        practice_id=client.practice_id,
        client=client,
        problem=problem.strip(),
        opened_on=opened_on or timezone.localdate(),
        created_by=created_by,
    )
    case.full_clean()
    case.save()
    return case


def case_update(*, case: Case, problem: str, opened_on: date, status: str) -> Case:
    case.problem, case.opened_on, case.status = problem.strip(), opened_on, CaseStatus(status)
    case.full_clean()
    case.save(update_fields=["problem", "opened_on", "status"])
    return case


def step_add(
    *,
    case: Case,
    tried: str,
    result: str = "",
    taken_on: date | None = None,
    member: Member | None = None,
    someone_else: str = "",
) -> Step:
    someone_else = someone_else.strip()
    if problems := _who_problems(case, member, someone_else):
        raise ValidationError(problems)
    step = Step(
        practice_id=case.practice_id,
        case=case,
        tried=tried.strip(),
        result=result.strip(),
        taken_on=taken_on or timezone.localdate(),
        member=member,
        someone_else=someone_else,
    )
    step.full_clean()
    step.save()
    return step


def advice_add(
    *,
    case: Case,
    certainty: str,
    text: str,
    next_step: str = "",
    given_on: date | None = None,
    member: Member | None = None,
    someone_else: str = "",
) -> Advice:
    """Refuses a "don't know" without a next step, and a next step without who takes it."""
    next_step, someone_else = next_step.strip(), someone_else.strip()
    if certainty == Certainty.UNKNOWN and not next_step:
        raise ValidationError({"next_step": DONT_KNOW_NEEDS_A_STEP})
    problems = _who_problems(case, member, someone_else)
    if next_step and problems:
        raise ValidationError(problems)
    if not next_step and (member is not None or someone_else):
        raise ValidationError({"next_step": "What is the next step they take?"})
    advice = Advice(
        practice_id=case.practice_id,
        case=case,
        certainty=certainty,
        text=text.strip(),
        next_step=next_step,
        given_on=given_on or timezone.localdate(),
        member=member,
        someone_else=someone_else,
    )
    advice.full_clean()
    advice.save()
    return advice
