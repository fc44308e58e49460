"""Writes to cases. The rules live here, so every way in (a form now, the API later) keeps them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.cases.models import (
    Advice,
    Case,
    CaseFact,
    CaseInteraction,
    CaseStatus,
    Certainty,
    Step,
)
from rapport.clients.models import Client, Fact
from rapport.practices.models import Member

if TYPE_CHECKING:  # the timeline sits beside cases: its model is named, never imported
    from rapport.timeline.models import Interaction

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


def _advice_checked(advice: Advice) -> Advice:
    """Refuses a "don't know" without a next step, and a next step without who takes it."""
    advice.text, advice.next_step = advice.text.strip(), advice.next_step.strip()
    advice.someone_else = advice.someone_else.strip()
    if advice.certainty == Certainty.UNKNOWN and not advice.next_step:
        raise ValidationError({"next_step": DONT_KNOW_NEEDS_A_STEP})
    problems = _who_problems(advice.case, advice.member, advice.someone_else)
    if advice.next_step and problems:
        raise ValidationError(problems)
    if not advice.next_step and (advice.member is not None or advice.someone_else):
        raise ValidationError({"next_step": "What is the next step they take?"})
    advice.full_clean()
    return advice


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
    advice = _advice_checked(
        Advice(
            practice_id=case.practice_id,
            case=case,
            certainty=certainty,
            text=text,
            next_step=next_step,
            given_on=given_on or timezone.localdate(),
            member=member,
            someone_else=someone_else,
        )
    )
    advice.save()
    return advice


def advice_update(
    *,
    advice: Advice,
    certainty: str,
    text: str,
    next_step: str = "",
    given_on: date,
    member: Member | None = None,
    someone_else: str = "",
) -> Advice:
    """The same rules as adding: a "don't know" edited to lose its next step is refused."""
    advice.certainty, advice.text, advice.next_step = certainty, text, next_step
    advice.given_on, advice.member, advice.someone_else = given_on, member, someone_else
    _advice_checked(advice).save()
    return advice


def advice_delete(*, advice: Advice) -> None:
    advice.delete()


def step_update(
    *,
    step: Step,
    tried: str,
    result: str = "",
    taken_on: date,
    member: Member | None = None,
    someone_else: str = "",
) -> Step:
    someone_else = someone_else.strip()
    if problems := _who_problems(step.case, member, someone_else):
        raise ValidationError(problems)
    step.tried, step.result, step.taken_on = tried.strip(), result.strip(), taken_on
    step.member, step.someone_else = member, someone_else
    step.full_clean()
    step.save()
    return step


def step_delete(*, step: Step) -> None:
    step.delete()


def case_delete(*, case: Case) -> None:
    """The case and its steps, advice and links go; linked facts, interactions and messages
    stay whole on the client's record, no longer about a case."""
    case.delete()


def _same_client(case: Case, client_id: int, what: str) -> None:
    if client_id != case.client_id:
        raise ValidationError(f"This {what} is another client's: a case links only its own.")


@transaction.atomic
def case_link_fact(*, case: Case, fact: Fact) -> CaseFact:
    """Links the fact to this case; a fact linked to another case moves here."""
    _same_client(case, fact.client_id, "fact")
    link, _ = CaseFact.objects.update_or_create(
        fact=fact, defaults={"case": case, "practice_id": case.practice_id}
    )
    return link


@transaction.atomic
def case_link_interaction(*, case: Case, interaction: Interaction) -> CaseInteraction:
    """Links the interaction to this case; one linked to another case moves here."""
    _same_client(case, interaction.client_id, "conversation")
    link, _ = CaseInteraction.objects.update_or_create(
        interaction=interaction, defaults={"case": case, "practice_id": case.practice_id}
    )
    return link


def case_unlink_fact(*, case: Case, fact: Fact) -> None:
    CaseFact.objects.filter(case=case, fact=fact).delete()


def case_unlink_interaction(*, case: Case, interaction: Interaction) -> None:
    CaseInteraction.objects.filter(case=case, interaction=interaction).delete()
