"""The demo practice is believable and shows every part of Today."""

from __future__ import annotations

import pytest

from rapport.attention.models import AgendaSnapshot, ClientReading
from rapport.cases.models import Case, CaseStatus, Certainty
from rapport.clients.models import Client
from rapport.demo import DEMO_EMAIL, demo_practice_ensure
from rapport.desk.today.agenda import agenda_build
from rapport.feedback.queries import themes_since
from rapport.practices.models import Member
from tests.test_demo_pronouns import check_demo_pronouns


@pytest.mark.django_db
def test_the_demo_fills_every_section_of_today_and_the_overview() -> None:
    practice, created = demo_practice_ensure()
    assert created
    sam = Member.objects.get(user__email=DEMO_EMAIL)
    agenda = agenda_build(practice, member=sam)
    assert {section.key: section.total > 0 for section in agenda.sections} == {
        "handoff": True,
        "unsent": True,
        "reply": True,
        "promise": True,
        "checkin": True,
        "fading": True,
        "date": True,
        "reconfirm": True,
        "appointments": True,
        "touch": True,
        "referral": True,
        "feedback": True,
    }
    dates = next(section for section in agenda.sections if section.key == "date")
    assert {item.section for item in dates.items} >= {"date", "care", "care_talk"}
    appointments = agenda.section("appointments")
    assert {item.section for item in appointments.items} == {"reminder", "changed", "follow_up"}
    clients = Client.objects.for_practice(practice)
    assert clients.count() >= 30
    assert ClientReading.objects.filter(client__in=clients).count() == clients.count()
    assert AgendaSnapshot.objects.for_practice(practice).count() >= 56
    found = themes_since(practice, months=6)
    assert found.answers >= 12 and len(found.themes) >= 3  # a dozen answers, three themes
    check_demo_pronouns(practice)  # every sentence about a client agrees with their pronouns
    # Issue 18: an open case with all three kinds of advice, a resolved one, each joined to
    # the referral it led to.
    cases = Case.objects.for_practice(practice)
    [open_case] = cases.open()
    assert set(open_case.advice.values_list("certainty", flat=True)) == set(Certainty.values)
    assert cases.filter(status=CaseStatus.RESOLVED).count() == 1
    assert all(case.referrals.exists() for case in cases)
    assert demo_practice_ensure() == (practice, False)  # a second start changes nothing
