"""Adding and editing a client: contact points, tags, duplicates, and bad input kept in place."""

from __future__ import annotations

from django.test import Client as HttpClient

from rapport.clients.models import Client, ContactPoint
from rapport.practices.models import Member
from tests.conftest import ClientFile


def contact_rows(*rows: tuple[str, str, str]) -> dict[str, str]:
    data = {"contact-TOTAL_FORMS": str(len(rows)), "contact-INITIAL_FORMS": "0"}
    for index, (kind, label, value) in enumerate(rows):
        data |= {
            f"contact-{index}-kind": kind,
            f"contact-{index}-label": label,
            f"contact-{index}-value": value,
        }
    return data


def profile(**changes: str) -> dict[str, str]:
    return {
        "full_name": "Tomasz Wiśniewski",
        "preferred_name": "Tomek",
        "pronunciation": "TOH-mek",
        "pronouns": "he/him",
        "status": "active",
        "closeness": "new",
        "how_we_met": "a referral",
        "client_since": "2026-01-15",
        "checkin_consent": "yes",
        "checkin_channel": "any",
        "tag_names": "counselling, grief",
    } | changes


def test_staff_add_a_client_with_several_contact_points(
    staff: Member, staff_http: HttpClient
) -> None:
    data = profile() | contact_rows(
        ("email", "home", "tomek@example.org"),
        ("email", "work", "t.wisniewski@work.example"),
        ("phone", "mobile", "07700 900456"),
        ("address", "home", "12 Quay Street\nBristol"),
        ("phone", "", ""),  # an empty row is ignored
    )
    response = staff_http.post("/clients/new/", data)
    client = Client.objects.get(full_name="Tomasz Wiśniewski")
    assert response.status_code == 302
    assert response["Location"] == f"/clients/{client.pk}/"
    assert client.practice == staff.practice and client.created_by == staff
    assert sorted(client.tags.values_list("name", flat=True)) == ["counselling", "grief"]
    points = {(p.kind, p.label, p.normalized) for p in client.contact_points.all()}
    assert ("phone", "mobile", "+447700900456") in points
    assert ("email", "work", "t.wisniewski@work.example") in points
    assert len(points) == 4
    page = staff_http.get(response["Location"]).content.decode()
    assert "TOH-mek" in page and "he/him" in page and "07700 900456" in page


def test_bad_email_phone_and_date_are_explained_next_to_the_field_and_nothing_saved(
    owner_http: HttpClient,
) -> None:
    data = profile(client_since="2026-02-30") | contact_rows(
        ("email", "", "tomek(at)example"), ("phone", "", "call me maybe")
    )
    response = owner_http.post("/clients/new/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "This is not an email address" in page
    assert "This does not look like a phone number" in page
    assert "Enter a valid date" in page
    assert 'value="tomek(at)example"' in page  # what was typed is kept
    assert 'value="Tomasz Wiśniewski"' in page
    assert not Client.objects.exists() and not ContactPoint.objects.exists()


def test_duplicate_email_is_flagged_with_a_link_then_allowed_on_purpose(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    data = profile(full_name="Siobhan Brien") | contact_rows(("email", "", "SIOBHAN@example.org"))
    response = owner_http.post("/clients/new/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "already in your book" in page
    assert f'href="/clients/{client_file.client.pk}/"' in page
    assert Client.objects.count() == 1
    response = owner_http.post("/clients/new/", data | {"confirm_duplicate": "on"})
    assert response.status_code == 302
    assert Client.objects.count() == 2


def test_duplicates_in_another_practice_are_not_revealed(
    client_file: ClientFile, outsider_http: HttpClient
) -> None:
    data = profile() | contact_rows(("email", "", "siobhan@example.org"))
    assert outsider_http.post("/clients/new/", data).status_code == 302


def test_edit_replaces_contact_points_and_tags(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    client = client_file.client
    data = profile(
        full_name="Siobhán Ní Bhriain", preferred_name="Shiv", tag_names=""
    ) | contact_rows(("email", "new", "shiv@example.org"))
    response = owner_http.post(f"/clients/{client.pk}/edit/", data)
    assert response.status_code == 302
    client.refresh_from_db()
    assert client.display_name == "Shiv"
    assert list(client.contact_points.values_list("value", flat=True)) == ["shiv@example.org"]
    assert not client.tags.exists()


def test_edit_form_shows_what_is_there(client_file: ClientFile, owner_http: HttpClient) -> None:
    page = owner_http.get(f"/clients/{client_file.client.pk}/edit/").content.decode()
    assert 'value="siobhan@example.org"' in page and 'value="coaching"' in page


def test_a_name_is_required(owner_http: HttpClient) -> None:
    response = owner_http.post("/clients/new/", profile(full_name="  ") | contact_rows())
    assert "This field is required." in response.content.decode()
    assert not Client.objects.exists()


def test_unknown_ids_are_404(owner_http: HttpClient) -> None:
    assert owner_http.get("/clients/999999/").status_code == 404
    assert owner_http.get("/clients/999999/edit/").status_code == 404
