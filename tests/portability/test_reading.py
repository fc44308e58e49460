"""Address books as real programs write them: any language, any encoding, a bad line costs
that line. The files in contacts/ imitate each exporter (see contacts/README.md)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient

from rapport.cli import main
from rapport.clients.models import Client, ContactKind
from rapport.portability.entries import parse_date
from rapport.portability.records import Record, read_source
from rapport.practices.models import Member

FILES = Path(__file__).parent / "contacts"


def _read(name: str, region: str = "GB") -> list[Record]:
    source = read_source((FILES / name).read_bytes(), name, region=region)
    assert not source.needs_mapping, source.unclear
    return source.records


def _people(name: str) -> dict[str, Record]:
    return {record.full_name: record for record in _read(name)}


def test_outlook_in_german_windows_1252() -> None:
    people = _people("outlook_de.csv")
    assert set(people) == {"Jürgen Größer", "Käthe Weiß"}
    jurgen = people["Jürgen Größer"]
    assert jurgen.emails == [("juergen@example.de", "")] and jurgen.birthday == (3, 7, 1980)
    assert [value for value, _ in jurgen.phones] == ["+49 30 1234567", "0170 1234567"]
    assert (jurgen.organisation, jurgen.title, jurgen.tags) == ("Bäckerei Größer", "Inhaber",
                                                                ["Familie"])  # fmt: skip
    assert people["Käthe Weiß"].birthday is None  # Outlook's "0.0.00"


def test_outlook_in_japanese_shift_jis_keeps_the_family_name_first() -> None:
    taro = _people("outlook_ja.csv")["山田 太郎"]
    assert taro.emails == [("taro@example.jp", "")] and taro.birthday == (3, 7, 1980)
    assert taro.note == "毎週火曜日" and taro.tags == ["友人"]


def test_outlook_in_russian_utf16_without_a_mark_tab_separated() -> None:
    ivan = _people("outlook_ru_utf16.csv")["Иван Петрович Сидоров"]
    assert ivan.emails == [("ivan@example.ru", "")] and ivan.birthday == (3, 7, 1980)


def test_thunderbird_csv_with_its_birthday_in_three_columns() -> None:
    people = _people("thunderbird.csv")
    zoe = people["Zoë Ångström"]
    assert zoe.birthday == (3, 7, 1985) and zoe.preferred_name == "Zo"
    assert [value for value, _ in zoe.phones] == ["+46 8 555 123", "+46 70 123 4567"]
    assert people["Ben Okafor"].emails == [("ben@example.ng", "")]


def test_yahoo_csv_in_the_regions_date_order() -> None:
    assert _read("yahoo.csv", "US")[0].birthday == (3, 7, 1980)  # 7/3/1980: 3 July in the US
    dolores = _read("yahoo.csv", "GB")[0]
    assert dolores.birthday == (7, 3, 1980) and dolores.full_name == "Dolores Haze"
    assert [value for value, _ in dolores.emails] == ["dolores@example.com", "lola@example.net"]


def test_linkedin_connections_below_their_notes() -> None:
    people = _people("linkedin.csv")
    ada = people["Ada Lovelace"]
    assert ada.emails == [("ada@example.org", "")] and ada.birthday is None  # not Connected On
    assert (ada.organisation, ada.title) == ("Analytical Engines Ltd", "Engineer")


def test_unknown_headers_are_decided_by_their_values() -> None:
    aino = _people("unknown_language.csv")["Aino Virtanen"]  # Finnish: no header is known
    assert aino.emails == [("aino@example.fi", "")] and aino.birthday == (3, 7, 1980)
    assert aino.phones == [("+358 40 123 4567", "")]


def test_a_column_nothing_decides_still_asks() -> None:
    source = read_source((FILES / "custom.csv").read_bytes(), "custom.csv")
    assert source.needs_mapping and source.unclear == ["Since"]
    assert source.guesses == {0: "full_name", 1: "email", 2: "phone"}


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [("3/7/1980", "GB", (3, 7, 1980)), ("3/7/1980", "US", (7, 3, 1980)),
     ("7/23/1980", "GB", (23, 7, 1980)), ("3.7.80", "US", (3, 7, 1980)),
     ("1980/7/3", "JP", (3, 7, 1980)), ("3 Jul 1980", "", (3, 7, 1980)), ("0.0.00", "", None)],
)  # fmt: skip
def test_dates_in_the_regions_order(
    text: str, region: str, expected: tuple[int, int, int] | None
) -> None:
    assert parse_date(text, region) == expected


def test_utf16_vcard_without_a_byte_order_mark() -> None:
    assert list(_people("utf16.vcf")) == ["Grzegorz Brzęczyszczykiewicz"]


def test_vcard_21_charset_shift_jis_quoted_printable_and_raw() -> None:
    people = _people("vcard21_shift_jis.vcf")
    assert set(people) == {"山田 太郎", "佐藤 花子"} and people["山田 太郎"].note == "火曜日に電話"


def test_vcard_21_windows_1250_quoted_printable_with_soft_breaks() -> None:
    gosia = _people("vcard21_windows1250.vcf")["Małgorzata Wiśniewska"]
    assert gosia.addresses == [("ul. Żółkiewskiego 12, Łódź, 90-001, Polska", "home")]


def test_apples_label_is_the_address() -> None:
    people = _people("apple_label.vcf")
    assert people["Johnny Appleseed"].addresses == [
        ("Apple Park, 1 Apple Park Way, Cupertino CA 95014", "work")
    ]
    assert people["Kate Seed"].addresses == [("1 Infinite Loop, Cupertino CA 95014, USA", "home")]


def test_a_fold_without_the_leading_space() -> None:
    note = _people("fold_without_space.vcf")["Olufemi Adeyemi-Bankole"].note
    assert note.endswith("prefers morning calls and written summaries after each session")


def test_a_broken_property_costs_that_property_and_vobject_says_nothing(
    capfd: pytest.CaptureFixture[str],
) -> None:
    priya = _people("broken_property.vcf")["Priya Raman"]
    assert priya.emails == [("priya@example.in", "")] and priya.birthday == (17, 5, 1990)
    assert priya.left_out == ["Line 4 (TEL) could not be read and was left out."]
    logging.getLogger("vobject.base").error("a line of vobject's own")
    assert capfd.readouterr().err == ""


def test_the_preview_says_what_was_left_out_and_a_nul_never_reaches_the_database(
    owner: Member, owner_http: HttpClient
) -> None:
    for name in ("broken_property.vcf", "nul.vcf"):
        upload = SimpleUploadedFile(name, (FILES / name).read_bytes())
        url = owner_http.post("/clients/import/", {"file": upload})["Location"]
        preview = owner_http.get(url).content.decode()
        assert ("Line 4 (TEL) could not be read" in preview) or ("(such as NUL)" in preview)
        assert owner_http.post(url, {}, follow=True).status_code == 200
    nora = Client.objects.get(full_name="Nora Lindqvist")
    assert nora.contact_points.get(kind=ContactKind.EMAIL).value == "nora@example.se"
    assert Client.objects.filter(full_name="Priya Raman").exists()


def test_the_command_line_guesses_and_takes_map(
    owner: Member, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(FILES / "outlook_de.csv"), "--dry-run"]) == 0
    assert "Would import: 2 new" in capsys.readouterr().out
    custom = str(FILES / "custom.csv")
    assert main(["import", custom, "--dry-run"]) == 2
    assert '--map "Since=' in capsys.readouterr().err
    assert main(["import", custom, "--map", "Since=,Mail=email"]) == 0
    assert Client.objects.filter(full_name__in=["Pilar Ortega", "Viktor Nagy"]).count() == 2
    assert main(["import", custom, "--map", "When=note"]) == 2
    assert "There is no column “When”" in capsys.readouterr().err
