"""Words on every page are for the person reading them (issue 17): an empty choice in a
dropdown says what choosing nothing means, never Django's "---------"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.attention.chart import contact_chart, morning_chart, scale_top
from rapport.attention.models import AgendaSnapshot
from rapport.cli import main
from rapport.practices.models import Member, Practice
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD, ClientFile
from tests.test_staff_walk import member_pages


def test_no_page_offers_an_empty_choice_without_words(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    unsaid = []
    for page in member_pages():
        response = owner_http.get(page.url(client_file))
        if response.status_code == 200 and "---------" in response.content.decode():
            unsaid.append(page.name)
    assert unsaid == [], unsaid


# Working days are ticked by name, in the order the practice's country writes a week.


def _day_boxes(page: str) -> list[tuple[str, str, bool]]:
    """(value, day name, ticked) for each working-day checkbox, in page order."""
    found = re.findall(
        r'<label><input type="checkbox" name="member-work_days" value="(\d)"([^>]*)> (\w+)</label>',
        page,
    )
    return [(value, name, "checked" in attrs) for value, attrs, name in found]


def test_working_days_are_checkboxes_named_by_day(owner: Member, owner_http: HttpClient) -> None:
    page = owner_http.get("/settings/").content.decode()
    assert "Monday is 0" not in page and "01234" not in page
    assert '<legend>Days I work <span class="required" aria-hidden="true">*</span></legend>' in page
    assert _day_boxes(page) == [
        ("0", "Monday", True), ("1", "Tuesday", True), ("2", "Wednesday", True),
        ("3", "Thursday", True), ("4", "Friday", True), ("5", "Saturday", False),
        ("6", "Sunday", False),
    ]  # fmt: skip
    saved = owner_http.post("/settings/", _member_post(work_days=["4", "0", "2"]))
    assert saved.status_code == 302
    owner.refresh_from_db()
    assert owner.work_days == "024" and owner.weekdays == {0, 2, 4}
    ticked = [
        name for _, name, on in _day_boxes(owner_http.get("/settings/").content.decode()) if on
    ]
    assert ticked == ["Monday", "Wednesday", "Friday"]


def test_no_working_day_ticked_is_refused_with_what_to_do(
    owner: Member, owner_http: HttpClient
) -> None:
    refused = owner_http.post("/settings/", _member_post(work_days=[]))
    assert refused.status_code == 400
    assert "Tick at least one day you work" in refused.content.decode()
    owner.refresh_from_db()
    assert owner.work_days == "01234"
    made_up = owner_http.post("/settings/", _member_post(work_days=["7"]))
    assert made_up.status_code == 400
    owner.refresh_from_db()
    assert owner.work_days == "01234"


def test_a_week_starts_on_sunday_in_the_united_states(
    owner: Member, owner_http: HttpClient
) -> None:
    owner.practice.default_region = "US"
    owner.practice.save(update_fields=["default_region"])
    names = [name for _, name, _ in _day_boxes(owner_http.get("/settings/").content.decode())]
    assert names[0] == "Sunday" and names[1:] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
    ]  # fmt: skip


def _member_post(*, work_days: list[str], time_zone: str = "") -> dict[str, object]:
    return {
        "member": "1",
        "member-digest_time": "07:30",
        "member-time_zone": time_zone,
        "member-work_days": work_days,
    }


# Time zones are places on the tz database's own list, each with its offset now.


def _zone_options(page: str) -> dict[str, str]:
    datalist = re.search(r'<datalist id="time-zones">(.*?)</datalist>', page, re.S)
    assert datalist is not None
    return dict(re.findall(r'<option value="([^"]+)" label="([^"]+)">', datalist.group(1)))


def test_the_welcome_page_offers_real_places_with_their_offset(db: None) -> None:
    with time_machine.travel(datetime(2026, 7, 1, 12, tzinfo=UTC), tick=False):
        page = HttpClient().get("/welcome/").content.decode()
    zones = _zone_options(page)
    assert "Factory" not in zones and "localtime" not in zones
    assert not [name for name in zones if name.startswith(("posix/", "right/", "Etc/", "US/"))]
    assert zones["Europe/London"] == "London, United Kingdom — UTC+1"  # summer time
    assert zones["Asia/Kolkata"] == "Kolkata, India — UTC+5:30"
    assert zones["America/St_Johns"] == "St Johns, Canada — UTC\N{MINUS SIGN}2:30"
    assert zones["Europe/Oslo"] == "Oslo, Norway — UTC+2"  # zone.tab's name for Norway
    assert zones["UTC"].endswith("UTC+0")
    assert list(zones) == sorted(zones)  # by name: grouped by continent
    assert 350 < len(zones) < 500
    with time_machine.travel(datetime(2026, 1, 15, 12, tzinfo=UTC), tick=False):
        winter = _zone_options(HttpClient().get("/welcome/").content.decode())
    assert winter["Europe/London"] == "London, United Kingdom — UTC+0"


@pytest.mark.parametrize("zone", ["Factory", "localtime", "Etc/GMT+5", "Mars/Base"])
def test_a_zone_not_on_the_list_is_refused_everywhere(
    zone: str,
    owner: Member,
    owner_http: HttpClient,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said = f"“{zone}” is not a time zone on the list: type your city or a nearby one"
    welcome = HttpClient().post("/welcome/", {"practice_name": "X", "time_zone": zone})
    assert welcome.status_code == 404  # a practice exists: the welcome page is closed
    settings = owner_http.post("/settings/", _member_post(work_days=["0"], time_zone=zone))
    assert settings.status_code == 400 and said in settings.content.decode()
    owner.refresh_from_db()
    assert owner.time_zone == ""
    with pytest.raises(ValidationError, match="is not a time zone on the list"):
        practice_create(
            name="Elsewhere", owner_email="e@x.example", owner_name="E", password=PASSWORD,
            time_zone=zone,
        )  # fmt: skip
    monkeypatch.setenv("RAPPORT_PASSWORD", PASSWORD)
    code = main(["createpractice", "Y", "--email", "y@x.example", "--time-zone", zone])
    assert code == 2 and said in capsys.readouterr().err
    assert not Practice.objects.filter(name__in=["Elsewhere", "Y"]).exists()


def test_an_old_name_is_refused_with_the_name_to_choose(
    owner: Member, owner_http: HttpClient
) -> None:
    for old, current in [("US/Eastern", "America/New_York (New York)"), ("GB", "Europe/London")]:
        refused = owner_http.post("/settings/", _member_post(work_days=["0"], time_zone=old))
        assert f"“{old}” is an old name: choose {current}" in refused.content.decode()
    owner.refresh_from_db()
    assert owner.time_zone == ""


def test_welcome_refuses_factory_and_says_what_to_do(db: None) -> None:
    data = {
        "practice_name": "Quay Street Clinic", "time_zone": "Factory", "default_region": "US",
        "owner_name": "Rosa", "owner_email": "rosa@quay.example",
        "password": "quiet-harbour-lights", "password_again": "quiet-harbour-lights",
    }  # fmt: skip
    refused = HttpClient().post("/welcome/", data)
    assert "“Factory” is not a time zone on the list" in refused.content.decode()
    assert not Practice.objects.exists()
    assert HttpClient().post("/welcome/", data | {"time_zone": "Europe/Oslo"}).status_code == 302
    assert Practice.objects.get().time_zone == "Europe/Oslo"


# Countries are names, sorted by name; the stored value stays the code.


def test_countries_are_listed_by_name_and_stored_by_code(db: None) -> None:
    page = HttpClient().get("/welcome/").content.decode()
    select = re.search(r'<select name="default_region"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None
    options = re.findall(r'<option value="(\w\w)"( selected)?>([^<]+)</option>', select.group(1))
    names = [name for _, _, name in options]
    assert ("GB", " selected", "United Kingdom") in options
    assert ("DE", "", "Germany") in options and ("US", "", "United States") in options
    assert names == sorted(names) and len(names) > 200
    assert not [name for code, _, name in options if name == code]  # every one has a name


# The export page says what each download holds and what opens it, in its own words.


def test_the_export_page_explains_each_format(owner_http: HttpClient) -> None:
    page = owner_http.get("/settings/export/").content.decode()
    assert "docs/export.md" not in page
    said = dict(re.findall(r"<article>\s*<h2>(.*?)</h2>(.*?)</article>", page, re.S))
    assert "backup" in said["Everything"] and "another server" in said["Everything"]
    assert "Passwords and secret links are never in it" in said["Everything"]
    assert (
        "Apple Contacts" in said["Address book"] and "another client book" in said["Address book"]
    )
    assert "Excel" in said["Spreadsheet"] and "One row per client" in said["Spreadsheet"]
    for name, link in [("Everything", "json"), ("Address book", "vcard"), ("Spreadsheet", "csv")]:
        assert f'href="?format={link}"' in said[name]
        assert owner_http.get(f"/settings/export/?format={link}").status_code == 200


# The overview's bars have a scale with numbers, dates under them, and the numbers in a table.


def test_a_scale_is_round_numbers_from_nought_over_the_highest_bar() -> None:
    assert scale_top(0) == (1, 1) and scale_top(7) == (8, 2) and scale_top(9) == (10, 5)
    assert scale_top(23) == (30, 10) and scale_top(130) == (150, 50)
    chart = morning_chart([(date(2026, 10, 6) + timedelta(days=n), n % 8) for n in range(56)])
    assert [tick.label for tick in chart.scale] == ["0", "2", "4", "6", "8"]
    assert chart.scale[0].at == chart.plot_bottom and chart.scale[-1].at == chart.plot_top
    tallest = max(chart.bars, key=lambda bar: bar.count)
    assert tallest.count == 7 and tallest.y > chart.plot_top  # 7 sits below the 8 line
    assert [tick.label for tick in chart.dates] == ["19 Oct", "2 Nov", "16 Nov", "30 Nov"]
    assert (
        chart.summary
        == "From 6 October to 30 November: between 0 and 7 each morning, 7 on the last."
    )
    assert chart.width <= 358  # a phone's 390 px less the page's margins: no sideways scroll


def test_the_overview_draws_axes_and_keeps_the_numbers(
    owner: Member, owner_http: HttpClient
) -> None:
    today = timezone.localdate()
    AgendaSnapshot.objects.bulk_create(
        AgendaSnapshot(practice=owner.practice, day=today - timedelta(days=n), counts={"reply": n})
        for n in range(1, 15)
    )
    page = owner_http.get("/overview/").content.decode()
    row = page[page.index("Replies owed") :]
    row = row[: row.index('<th scope="row">')]  # up to the next section
    assert 'aria-label="Replies owed: From ' in row and "between 1 and 14 each morning" in row
    assert [int(n) for n in re.findall(r'class="scale"[^>]*text-anchor="end">(\d+)<', row)] == [
        0, 5, 10, 15,
    ]  # fmt: skip
    assert len(re.findall(r'text-anchor="middle">\d+ \w{3}</text>', row)) == 1  # 14 mornings
    assert '<text class="unit" x="0" y="8">waiting</text>' in row
    assert len(re.findall(r"<tr><td>\w{3} \d+ \w{3}</td><td>\d+</td></tr>", row)) == 14


def test_the_client_pages_contact_chart_has_a_scale(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    month = date(2026, 11, 1)
    chart = contact_chart([(month, 3, 2, 1), (date(2026, 10, 1), 1, 0, 0)], current_month=month)
    assert [tick.label for tick in chart.scale] == ["0", "2", "4", "6"]  # 6 contacts at most
    last = chart.bars[-1]
    assert last.together_y == chart.plot_top  # the tallest bar reaches the top of the scale
    assert chart.scale[0].at == chart.plot_bottom and chart.width <= 358  # fits a phone
    page = owner_http.get(f"/clients/{client_file.client.pk}/").content.decode()
    assert '<text class="unit" x="0" y="8">contacts</text>' in page
    assert re.search(r'<text class="scale"[^>]*text-anchor="end">1</text>', page)
    assert "<caption>Contact per month</caption>" in page  # the table behind the picture
