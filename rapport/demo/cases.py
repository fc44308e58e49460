"""The demo's cases: one still open with each kind of advice (known, a best guess, and a
don't-know with its next step), and one resolved, each joined to the referral it led to."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from rapport.cases.models import CaseStatus, Certainty
from rapport.cases.services import advice_add, case_create, case_update, step_add
from rapport.clients.models import Client
from rapport.practices.models import Member, Practice
from rapport.referrals.models import Referral


def demo_cases(practice: Practice, member: Member) -> None:
    today = timezone.localdate(timezone=practice.zone)
    clients = Client.objects.for_practice(practice)
    rahul = clients.get(preferred_name="Rahul")
    sleep = case_create(
        client=rahul, problem="I can't switch off at night since I started the new job",
        opened_on=today - timedelta(days=24), created_by=member,
    )  # fmt: skip
    step_add(
        case=sleep, tried="A wind-down hour: no work email after nine",
        result="Better on weekdays; Sunday nights still bad", member=member,
        taken_on=today - timedelta(days=21),
    )  # fmt: skip
    step_add(
        case=sleep, tried="Talked to his manager about the late calls",
        result="Calls after seven are now by arrangement", someone_else="Rahul",
        taken_on=today - timedelta(days=14),
    )  # fmt: skip
    advice_add(
        case=sleep, certainty=Certainty.KNOWN,
        text="Worry that is written down before bed loosens its grip for most people",
        given_on=today - timedelta(days=21),
    )  # fmt: skip
    advice_add(
        case=sleep, certainty=Certainty.GUESS, member=member,
        text="Sunday nights are about the week ahead more than about sleep itself",
        next_step="Plan Monday on Friday afternoon for two weeks",
        given_on=today - timedelta(days=14),
    )  # fmt: skip
    advice_add(
        case=sleep, certainty=Certainty.UNKNOWN, someone_else="Dr Amira Ahmed",
        text="Whether there is more to it than stress",
        next_step="A sleep assessment with Dr Ahmed", given_on=today - timedelta(days=9),
    )  # fmt: skip
    Referral.objects.filter(client=rahul).update(case=sleep)

    hana = clients.get(preferred_name="Hana")
    money = case_create(
        client=hana, problem="Worried I can't keep up the sessions after losing hours at work",
        opened_on=today - timedelta(days=45), created_by=member,
    )  # fmt: skip
    step_add(
        case=money, tried="Moved to fortnightly sessions at the sliding-scale rate",
        result="Affordable for now", member=member, taken_on=today - timedelta(days=42),
    )  # fmt: skip
    advice_add(
        case=money, certainty=Certainty.KNOWN,
        text="The practice's sliding scale applies for as long as it is needed",
        given_on=today - timedelta(days=42),
    )  # fmt: skip
    advice_add(
        case=money, certainty=Certainty.GUESS, someone_else="Ruth Okafor",
        text="A payment plan with the energy company would free up most of the month",
        next_step="Ruth to call the supplier with Hana", given_on=today - timedelta(days=38),
    )  # fmt: skip
    Referral.objects.filter(client=hana).update(case=money)
    case_update(
        case=money, problem=money.problem, opened_on=money.opened_on, status=CaseStatus.RESOLVED
    )
