"""Internal handoffs: a client or a case handed to a colleague with a note, seen on their
Today and at the top of the client page until they say Got it; who looks after a client."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.attention.models import Section
from rapport.cases.services import case_create, step_add
from rapport.cli import main
from rapport.clients.models import CheckinChannel, Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.desk.today.agenda import agenda_build
from rapport.handoffs.models import Handoff
from rapport.handoffs.services import NoteInput, handoff_acknowledge, handoff_create
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member, Role
from rapport.practices.services import member_add
from rapport.timeline.models import InteractionKind, Promise
from rapport.timeline.services import interaction_create
from tests.conftest import PASSWORD

THURSDAY = date(2026, 11, 26)  # two days after the tests' NOW, a Tuesday


@pytest.fixture
def maya(owner: Member, clock: Any) -> Client:
    maya = client_create(
        practice=owner.practice,
        full_name="Maya Lind",
        pronunciation="MY-ah",
        checkin_channel=CheckinChannel.PHONE,
        no_gifts=True,
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
        created_by=owner,
    )
    return maya


def _note(**posted: Any) -> dict[str, Any]:
    return {
        "told_us": "She is anxious about the move.",
        "tried": "Two sessions on sleep.",
        "next_steps": "Plan the first week in the new flat.",
        "avoid": "Talk of her old job.",
        "contact_how": "A call in the evening.",
        **posted,
    }


def _today(http: HttpClient) -> str:
    return http.get(reverse("home")).content.decode()


def test_a_client_is_handed_over_seen_on_today_and_the_client_page_until_got_it(
    owner_http: HttpClient, staff_http: HttpClient, owner: Member, staff: Member, maya: Client
) -> None:
    page = owner_http.get(reverse("client_detail", args=[maya.pk])).content.decode()
    assert "Looked after by <strong>you</strong>" in page

    response = owner_http.post(
        reverse("handoff_new", args=[maya.pk]),
        _note(to_member=staff.pk, call_on="2026-11-26", introduce="on"),
    )
    handoff = Handoff.objects.get(client=maya)
    assert response.status_code == 302
    assert response["Location"] == reverse("handoff_introduce", args=[maya.pk, handoff.pk])
    maya.refresh_from_db()
    assert maya.looked_after_by == staff
    assert (handoff.from_member, handoff.to_member, handoff.avoid) == (
        owner, staff, "Talk of her old job."
    )  # fmt: skip
    # On the timeline, with the promised call due on Thursday.
    note = handoff.noted_in
    assert note is not None and note.kind == InteractionKind.NOTE
    assert note.summary == "Handed to Sam Staff by Ada Owner."
    promise = Promise.objects.get(client=maya)
    assert (promise.due_on, promise.interaction_id) == (THURSDAY, note.pk)
    assert "Sam calls Maya Lind" in promise.text

    # Only Sam sees it on Today; Ada does not.
    assert "Maya Lind, handed to you by Ada Owner" in _today(staff_http)
    assert "handed to you by" not in _today(owner_http)
    assert agenda_build(owner.practice, member=staff).section(Section.HANDOFF).total == 1
    assert agenda_build(owner.practice, member=owner).section(Section.HANDOFF).total == 0

    page = staff_http.get(reverse("client_detail", args=[maya.pk])).content.decode()
    assert "Maya Lind was handed to you by Ada Owner" in page
    assert "Plan the first week in the new flat." in page
    assert "Looked after by <strong>you</strong>" in page
    owner_page = owner_http.get(reverse("client_detail", args=[maya.pk])).content.decode()
    assert "Looked after by <strong>Sam Staff</strong>" in owner_page
    assert "was handed to you" not in owner_page

    # Ada can't say Got it for Sam; Sam can, and the note leaves Today and the page's top.
    got_it = reverse("handoff_acknowledge", args=[maya.pk, handoff.pk])
    response = owner_http.post(got_it, follow=True)
    assert "only they can say Got it" in response.content.decode()
    assert Handoff.objects.get(pk=handoff.pk).acknowledged_at is None
    response = staff_http.post(got_it, {"back": reverse("home")})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "handed to you by" not in _today(staff_http)
    page = staff_http.get(reverse("client_detail", args=[maya.pk])).content.decode()
    assert "was handed to you" not in page and "Looked after by <strong>you</strong>" in page


def test_the_note_starts_from_what_rapport_knows(
    owner_http: HttpClient, staff: Member, owner: Member, maya: Client
) -> None:
    case = case_create(client=maya, problem="Can't sleep since the move", created_by=owner)
    step_add(case=case, tried="A wind-down routine", result="Better on weekdays", member=owner)
    form = owner_http.get(reverse("case_handoff_new", args=[maya.pk, case.pk])).content.decode()
    assert "The problem, in their words: “Can&#x27;t sleep since the move”" in form
    assert "A wind-down routine (Ada Owner) → Better on weekdays" in form
    assert "They accept no gifts." in form
    assert "Likes to be called Maya Lind (say “MY-ah”)." in form
    assert "They prefer: phone call." in form
    assert "Email: maya@example.org" in form


def test_a_case_is_handed_over_without_changing_who_looks_after_the_client(
    owner_http: HttpClient, staff_http: HttpClient, owner: Member, staff: Member, maya: Client
) -> None:
    case = case_create(client=maya, problem="The Wi-Fi drops every evening", created_by=owner)
    response = owner_http.post(
        reverse("case_handoff_new", args=[maya.pk, case.pk]), _note(to_member=staff.pk)
    )
    assert response["Location"] == reverse("case_detail", args=[maya.pk, case.pk])
    maya.refresh_from_db()
    assert maya.looked_after_by == owner
    handoff = Handoff.objects.get(case=case)
    assert handoff.noted_in is not None
    assert handoff.noted_in.summary == (
        "The case “The Wi-Fi drops every evening” handed to Sam Staff by Ada Owner."
    )
    case_page = staff_http.get(reverse("case_detail", args=[maya.pk, case.pk])).content.decode()
    assert "A case handed to you by Ada Owner" in case_page and "Got it" in case_page
    assert "A case of Maya Lind&#x27;s, handed to you by Ada Owner" in _today(staff_http)
    owner_case = owner_http.get(reverse("case_detail", args=[maya.pk, case.pk])).content.decode()
    assert "to <strong>Sam Staff</strong> by Ada Owner" in owner_case
    assert "not yet acknowledged" in owner_case


def test_nobody_can_be_handed_a_client_outside_the_practice_themselves_or_once_gone(
    owner_http: HttpClient, owner: Member, staff: Member, outsider: Member, maya: Client
) -> None:
    url = reverse("handoff_new", args=[maya.pk])
    choices = owner_http.get(url).content.decode().split("<select")[1].split("</select>")[0]
    assert "Sam Staff" in choices and "Bo Outsider" not in choices and "Ada Owner" not in choices
    for chosen in (outsider.pk, 10**12, "x"):
        response = owner_http.post(url, _note(to_member=chosen))
        assert response.status_code == 400
        assert "Choose a colleague who works in this practice now." in response.content.decode()
    yourself = owner_http.post(url, _note(to_member=owner.pk))
    assert yourself.status_code == 400
    assert (
        "You can&#x27;t hand a client to yourself: choose a colleague." in yourself.content.decode()
    )
    assert owner_http.post(url, _note()).status_code == 400
    staff.user.is_active = False
    staff.user.save()
    left = owner_http.post(url, _note(to_member=staff.pk))
    assert "Choose a colleague who works in this practice now." in left.content.decode()
    assert "No colleague to hand to yet" in owner_http.get(url).content.decode()
    assert not Handoff.objects.exists()

    # The service says why too, for every other way in.
    refusals = {
        outsider: "Choose a member of this practice.",
        owner: "You can't hand a client to yourself: choose a colleague.",
        staff: "Sam Staff has left the practice: choose someone who is here.",
    }
    for member, said in refusals.items():
        with pytest.raises(ValidationError) as refused:
            handoff_create(client=maya, by=owner, to=member, note=NoteInput())
        assert refused.value.message_dict == {"to_member": [said]}
    assert not Handoff.objects.exists() and maya.interactions.count() == 0


def test_a_client_is_not_handed_to_who_looks_after_them_nor_a_call_promised_in_the_past(
    owner: Member, staff: Member, maya: Client
) -> None:
    handoff_create(client=maya, by=owner, to=staff, note=NoteInput())
    with pytest.raises(ValidationError, match="Sam Staff already looks after Maya"):
        handoff_create(client=maya, by=owner, to=staff, note=NoteInput())
    colleague = member_add(
        practice=owner.practice, email="kit@a.example", name="Kit Third", password=PASSWORD,
        role=Role.STAFF,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="That day has passed"):
        handoff_create(
            client=maya, by=owner, to=colleague, note=NoteInput(), call_on=date(2026, 11, 23)
        )
    assert Handoff.objects.count() == 1 and Promise.objects.count() == 0


def test_the_introduction_is_drafted_and_goes_only_once_approved(
    owner_http: HttpClient, owner: Member, staff: Member, maya: Client
) -> None:
    handoff = handoff_create(client=maya, by=owner, to=staff, note=NoteInput(), call_on=THURSDAY)
    url = reverse("handoff_introduce", args=[maya.pk, handoff.pk])
    composer = owner_http.get(url).content.decode()
    assert "Introducing Sam Staff" in composer
    assert "I&#x27;d like to introduce my colleague Sam Staff" in composer
    assert "Sam will call you on Thursday." in composer
    assert not OutboxMessage.objects.exists()  # a draft is not a message

    body = "Hello Maya,\n\nSam Staff will look after you now. Sam will call you on Thursday.\n\nAda"
    response = owner_http.post(
        url,
        {"channel": "email", "to_address": "maya@example.org", "subject": "Meet Sam",
         "body": body},
    )  # fmt: skip
    sent = OutboxMessage.objects.get(client=maya)
    assert response.status_code == 302 and sent.body == body
    handoff.refresh_from_db()
    assert handoff.introduction_id == sent.interaction_id


def test_got_it_needs_a_post_and_is_kept_once(
    staff_http: HttpClient, owner: Member, staff: Member, maya: Client
) -> None:
    handoff = handoff_create(client=maya, by=owner, to=staff, note=NoteInput())
    url = reverse("handoff_acknowledge", args=[maya.pk, handoff.pk])
    assert staff_http.get(url).status_code == 405
    staff_http.post(url)
    first = Handoff.objects.get(pk=handoff.pk).acknowledged_at
    handoff_acknowledge(handoff=Handoff.objects.get(pk=handoff.pk), member=staff)
    assert first is not None and Handoff.objects.get(pk=handoff.pk).acknowledged_at == first


def test_rapport_today_json_lists_pending_handoffs_and_the_members_own(
    owner: Member, staff: Member, maya: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    handoff = handoff_create(
        client=maya, by=owner, to=staff, note=NoteInput(next_steps="Call her"), call_on=THURSDAY
    )
    assert main(["today", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pending_handoffs"] == [
        {"id": handoff.pk, "client_id": maya.pk, "client": "Maya Lind", "case_id": None,
         "from_name": "Ada Owner", "to_name": "Sam Staff", "to_member_id": staff.pk,
         "handed_at": handoff.created_at.isoformat(), "call_on": "2026-11-26",
         "next_steps": "Call her"},
    ]  # fmt: skip
    assert main(["today", "--json", "--member", "staff@a.example"]) == 0
    sections = {s["key"]: s for s in json.loads(capsys.readouterr().out)["sections"]}
    [item] = sections["handoff"]["items"]
    assert item["headline"] == "Maya Lind, handed to you by Ada Owner"
    assert "A call promised for Thursday." in item["detail"]
    assert main(["today", "--member", "staff@a.example"]) == 0
    assert "Handed to you (1)" in capsys.readouterr().out
    handoff_acknowledge(handoff=handoff, member=staff)
    assert main(["today", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending_handoffs"] == []


def test_todays_counts_after_an_action_keep_the_members_own_and_the_overview_leaves_them_out(
    staff_http: HttpClient, owner: Member, staff: Member, maya: Client
) -> None:
    handoff_create(client=maya, by=owner, to=staff, note=NoteInput())
    interaction_create(client=maya, kind="email", direction="inbound", summary="Are you there?")
    answer = staff_http.post(
        f"/today/replies/{maya.pk}/", {"action": "dismissed"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    # The counts swapped in after an action are this member's, with what was handed to them.
    assert '<span class="count" id="count-handoff" hx-swap-oob="true">1</span>' in answer
    assert Section.HANDOFF not in agenda_build(owner.practice, member=staff).counts()
    overview = staff_http.get(reverse("overview")).content.decode()
    assert "Handed to you" not in overview and "Promises due" in overview
