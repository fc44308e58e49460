"""Trusted partners and warm referrals, through the pages: suggested by specialty and past
outcomes, consent recorded, one introduction to both sides, and Today's follow-up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from rapport.attention.models import Section
from rapport.cases.services import advice_add, case_create
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.desk.today.agenda import agenda_build
from rapport.messaging.models import OutboxMessage
from rapport.messaging.outbox import email_for
from rapport.practices.models import Member
from rapport.referrals.models import Outcome, Partner, Referral
from rapport.referrals.services import partner_create, referral_create, referral_outcome_record
from rapport.referrals.suggestions import Candidate, suggest, words
from rapport.timeline.models import InteractionKind


@pytest.fixture
def priya(owner: Member) -> Client:
    return client_create(
        practice=owner.practice,
        full_name="Priya Shah",
        preferred_name="Priya",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "priya@example.org")],
        created_by=owner,
    )


@pytest.fixture
def ahmed(owner: Member) -> Partner:
    return partner_create(
        practice=owner.practice, name="Dr Ahmed", specialties="sleep, anxiety",
        area="Leeds", email="ahmed@example.org",
    )  # fmt: skip


def test_words_ignore_little_words_and_plurals() -> None:
    assert words("The Wi-Fi drops every evening") == {"drop", "every", "evening"}
    assert words("Sleep problems and anxiety") == {"sleep", "problem", "anxiety"}


def test_suggestions_put_matching_specialties_first_then_past_outcomes() -> None:
    candidates = [
        Candidate(1, ["tax"], helped=5),
        Candidate(2, ["sleep"], not_a_fit=2),
        Candidate(3, ["sleep", "grief"], helped=1),
        Candidate(4, ["sleep"], helped=3),
    ]
    order = [found.partner_id for found in suggest("sleep since the move", candidates)]
    assert order == [4, 3, 2, 1]
    assert suggest("", candidates)[0].partner_id == 1  # nothing typed: the best record first


def test_partners_are_added_edited_listed_and_removed_by_members(
    staff_http: HttpClient, owner: Member
) -> None:
    response = staff_http.post(reverse("partner_new"), {"name": "", "specialties": " , "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give their name" in page and "Name at least one thing they are good at." in page
    response = staff_http.post(
        reverse("partner_new"),
        {"name": "Sam Lee", "specialties": "tax", "email": "not an address"},
    )
    assert "This is not an email address" in response.content.decode()
    response = staff_http.post(reverse("partner_new"), {"name": "Sam Lee", "specialties": "tax"})
    partner = Partner.objects.get(practice=owner.practice)
    assert response["Location"] == reverse("partner_detail", args=[partner.pk])
    edit = reverse("partner_edit", args=[partner.pk])
    staff_http.post(edit, {"name": "Sam Lee", "specialties": "tax, payroll", "area": "York"})
    partner.refresh_from_db()
    assert partner.specialty_list == ["tax", "payroll"] and partner.area == "York"
    listing = staff_http.get(reverse("partner_list")).content.decode()
    assert "Sam Lee" in listing and "no email: by hand" in listing
    staff_http.post(reverse("partner_delete", args=[partner.pk]))
    assert not Partner.objects.exists()
    assert "No partners yet" in staff_http.get(reverse("partner_list")).content.decode()


def test_another_practices_partner_client_or_referral_is_a_404(
    outsider_http: HttpClient, owner: Member, priya: Client, ahmed: Partner
) -> None:
    referral = referral_create(client=priya, partner=ahmed, member=owner)
    for url in [
        reverse("partner_detail", args=[ahmed.pk]),
        reverse("partner_edit", args=[ahmed.pk]),
        reverse("partner_delete", args=[ahmed.pk]),
        reverse("refer", args=[priya.pk]),
        reverse("referral_introduction", args=[referral.pk]),
        reverse("referral_outcome", args=[referral.pk]),
    ]:
        assert outsider_http.get(url).status_code == 404, url
        assert outsider_http.post(url, {"outcome": "helped"}).status_code == 404, url
    # Their own client, our partner: a 404 too.
    mine = client_create(practice=_practice(outsider_http), full_name="Kofi")
    response = outsider_http.post(
        reverse("refer", args=[mine.pk]), {"partner": ahmed.pk, "follow_up_days": 7}
    )
    assert response.status_code == 404
    assert Referral.objects.count() == 1


def _practice(http: HttpClient) -> Any:
    return Member.objects.get(user_id=http.session["_auth_user_id"]).practice


def test_a_referral_from_a_case_records_consent_and_drafts_one_introduction_to_both(
    owner_http: HttpClient, owner: Member, priya: Client, ahmed: Partner, clock: Any
) -> None:
    partner_create(practice=owner.practice, name="Jo Tax", specialties="tax, accounts")
    case = case_create(client=priya, problem="Cannot sleep since the move", created_by=owner)
    advice_add(case=case, certainty="guess", text="The new street is noisy",
               next_step="Try earplugs for a week", member=owner)  # fmt: skip
    url = reverse("refer", args=[priya.pk]) + f"?case={case.pk}"
    page = owner_http.get(url).content.decode()
    assert page.index("Dr Ahmed") < page.index("Jo Tax") and "suggested: sleep" in page

    bad = owner_http.post(url, {"partner": "", "follow_up_days": "0"})
    assert bad.status_code == 400
    said = bad.content.decode()
    assert "Choose the partner to refer them to." in said and "At least 1 day." in said

    response = owner_http.post(
        url, {"partner": ahmed.pk, "need": "sleep", "summary_shared": "on", "follow_up_days": 10}
    )
    referral = Referral.objects.get()
    assert response["Location"] == reverse("referral_introduction", args=[referral.pk])
    assert (referral.case, referral.summary_shared, referral.consent_by) == (case, True, owner)
    assert referral.consent_at == timezone.now()
    assert referral.follow_up_at == timezone.now() + timedelta(days=10)
    note = priya.interactions.get(kind=InteractionKind.NOTE)
    assert note.summary.startswith("Referred to Dr Ahmed: “sleep”.")

    composer = owner_http.get(response["Location"]).content.decode()
    assert "Dear Priya and Dr Ahmed," in composer
    assert "Our best guess:" in composer and "The new street is noisy" in composer
    assert "Dr Ahmed &lt;ahmed@example.org&gt; in copy" in composer
    form = {
        "channel": "email", "to_address": "priya@example.org",
        "subject": "Introducing Priya and Dr Ahmed",
        "body": "Dear Priya and Dr Ahmed,\n\nMeet each other.\n\nAlex",
    }  # fmt: skip
    approved = owner_http.post(response["Location"], form)
    message = OutboxMessage.objects.get()
    assert approved["Location"] == reverse("outbox_status", args=[priya.pk, message.pk])
    assert (message.to_address, message.cc_address) == ("priya@example.org", "ahmed@example.org")
    email = email_for(message)
    assert email.to == ["Priya Shah <priya@example.org>"] and email.cc == [
        "Dr Ahmed <ahmed@example.org>"
    ]
    # Her own unsubscribe link is not for the partner's eyes.
    assert "/u/" not in email.body and "List-Unsubscribe" not in email.extra_headers
    referral.refresh_from_db()
    assert referral.interaction == message.interaction


def test_without_consent_the_summary_stays_out(
    owner_http: HttpClient, owner: Member, priya: Client, ahmed: Partner
) -> None:
    case = case_create(client=priya, problem="Cannot sleep", created_by=owner)
    url = reverse("refer", args=[priya.pk]) + f"?case={case.pk}"
    owner_http.post(url, {"partner": ahmed.pk, "follow_up_days": 7})
    referral = Referral.objects.get()
    assert not referral.summary_shared and referral.consent_at is None
    draft = owner_http.get(reverse("referral_introduction", args=[referral.pk])).content.decode()
    assert "Cannot sleep" not in draft and "agreed that I share" not in draft


def test_a_partner_without_email_gets_an_introduction_to_copy_not_sent(
    owner_http: HttpClient, owner: Member, priya: Client
) -> None:
    quiet = partner_create(practice=owner.practice, name="Mrs Bell", specialties="grief",
                           introductions="the client phones her")  # fmt: skip
    owner_http.post(reverse("refer", args=[priya.pk]), {"partner": quiet.pk, "follow_up_days": 7})
    referral = Referral.objects.get()
    url = reverse("referral_introduction", args=[referral.pk])
    page = owner_http.get(url).content.decode()
    assert 'data-copy="id_text"' in page and "Nothing is sent" in page
    assert "Dear Priya and Mrs Bell," in page
    empty = owner_http.post(url, {"text": "  "})
    assert empty.status_code == 400 and "The introduction is empty" in empty.content.decode()
    owner_http.post(url, {"text": "Priya, meet Mrs Bell."})
    referral.refresh_from_db()
    assert referral.introduction == "Priya, meet Mrs Bell."
    assert not OutboxMessage.objects.exists()


def test_today_asks_after_the_days_chosen_and_the_outcome_clears_it(
    owner_http: HttpClient, owner: Member, priya: Client, ahmed: Partner, clock: Any
) -> None:
    referral = referral_create(client=priya, partner=ahmed, member=owner, need="sleep")
    section = agenda_build(owner.practice).section(Section.REFERRAL)
    assert section.total == 0
    clock.shift(timedelta(days=7, minutes=1))
    page = owner_http.get(reverse("home")).content.decode()
    assert "Did Priya reach Dr Ahmed? How did it go?" in page
    outcome_url = reverse("referral_outcome", args=[referral.pk])
    assert outcome_url in page
    # Partners are no clients: last contact untouched by the referral and its note.
    priya.refresh_from_db()
    assert priya.last_contact_at is None

    bad = owner_http.post(outcome_url, {"outcome": "great"})
    assert bad.status_code == 400 and "Choose helped, not a fit" in bad.content.decode()
    owner_http.post(outcome_url, {"outcome": "no_contact"})
    assert agenda_build(owner.practice).section(Section.REFERRAL).total == 0
    clock.shift(timedelta(days=7, minutes=1))
    assert agenda_build(owner.practice).section(Section.REFERRAL).total == 1

    response = owner_http.post(outcome_url, {"outcome": "helped", "note": "Sleeping better"})
    assert response["Location"] == reverse("partner_detail", args=[ahmed.pk])
    assert agenda_build(owner.practice).section(Section.REFERRAL).total == 0
    record = owner_http.get(response["Location"]).content.decode()
    assert "Helped" in record and "Sleeping better" in record and "Priya" in record


def test_past_outcomes_shape_the_next_suggestions(owner: Member, priya: Client) -> None:
    from rapport.referrals.queries import partners_suggested

    first = partner_create(practice=owner.practice, name="A Sleep", specialties="sleep")
    second = partner_create(practice=owner.practice, name="B Sleep", specialties="sleep")
    assert [p.name for p, _ in partners_suggested(owner.practice, "sleep")] == [
        "A Sleep", "B Sleep",
    ]  # fmt: skip
    referral_outcome_record(
        referral=referral_create(client=priya, partner=first, member=owner),
        outcome=Outcome.NOT_A_FIT,
    )
    referral_outcome_record(
        referral=referral_create(client=priya, partner=second, member=owner),
        outcome=Outcome.HELPED,
    )
    assert [p.name for p, _ in partners_suggested(owner.practice, "sleep")] == [
        "B Sleep", "A Sleep",
    ]  # fmt: skip


def test_removing_a_partner_takes_their_follow_ups_off_today(
    owner: Member, priya: Client, ahmed: Partner, clock: Any
) -> None:
    from rapport.referrals.services import partner_delete

    referral_create(client=priya, partner=ahmed, member=owner)
    clock.shift(timedelta(days=8))
    assert agenda_build(owner.practice).section(Section.REFERRAL).total == 1
    partner_delete(partner=ahmed)
    assert agenda_build(owner.practice).section(Section.REFERRAL).total == 0
    assert priya.interactions.filter(summary__startswith="Referred to Dr Ahmed").exists()


def test_rapport_today_json_includes_referral_follow_ups(
    owner: Member, priya: Client, ahmed: Partner, clock: Any
) -> None:
    import json
    from io import StringIO

    from django.core.management import call_command

    referral_create(client=priya, partner=ahmed, member=owner, follow_up_days=2)
    clock.shift(timedelta(days=2, minutes=1))
    call_command("today", "--json", stdout=(out := StringIO()))
    sections = {section["key"]: section for section in json.loads(out.getvalue())["sections"]}
    [item] = sections[Section.REFERRAL]["items"]
    assert item["headline"] == "Did Priya reach Dr Ahmed? How did it go?"
    assert item["client_id"] == priya.pk
