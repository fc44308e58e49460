"""The client list's orders (name, last contact, health, both ways) and its tag filter: each
combines with search and status, lives in the URL, and shrugs off what a hand-edited URL
holds. The first page by name or by last contact is read from an index, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext

from rapport.attention.models import ClientReading, HealthWord
from rapport.clients.models import Client, Tag
from rapport.clients.services import client_create
from rapport.practices.models import Member
from tests.conftest import NOW


def names(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return [client.full_name for client in response.context["page"].object_list]


def _add(member: Member, full_name: str, *, days_ago: int | None = None, **extra: object) -> Client:
    client = client_create(practice=member.practice, full_name=full_name, **extra)  # type: ignore[arg-type]
    if days_ago is not None:
        Client.objects.filter(pk=client.pk).update(last_contact_at=NOW - timedelta(days=days_ago))
    return client


def _read(client: Client, word: HealthWord, score: int, override: str = "") -> None:
    ClientReading.objects.update_or_create(
        client=client,
        defaults={
            "practice": client.practice,
            "score": score,
            "word": word,
            "override_word": override,
        },
    )


def test_by_name_both_ways_sets_case_and_accents_aside(
    owner: Member, owner_http: HttpClient
) -> None:
    # On SQLite's byte order, "de Vries" and "Émile" would come after "Zoe".
    for name in ("Zoe Adams", "de Vries Anke", "Émile Roux", "anna Berg", "Łukasz Nowak"):
        _add(owner, name)
    by_name = ["anna Berg", "de Vries Anke", "Émile Roux", "Łukasz Nowak", "Zoe Adams"]
    assert names(owner_http.get("/clients/")) == by_name
    assert names(owner_http.get("/clients/", {"sort": "name"})) == by_name
    assert names(owner_http.get("/clients/", {"sort": "-name"})) == by_name[::-1]


def test_by_last_contact_never_counts_as_longest(owner: Member, owner_http: HttpClient) -> None:
    _add(owner, "Recent Rae", days_ago=2)
    _add(owner, "Never Nell")
    _add(owner, "Long Lou", days_ago=90)
    _add(owner, "Middle Mo", days_ago=30)
    longest_first = ["Never Nell", "Long Lou", "Middle Mo", "Recent Rae"]
    assert names(owner_http.get("/clients/", {"sort": "contact"})) == longest_first
    assert names(owner_http.get("/clients/", {"sort": "-contact"})) == longest_first[::-1]


def test_by_health_follows_the_word_shown_and_puts_the_unread_last(
    owner: Member, owner_http: HttpClient
) -> None:
    _read(_add(owner, "Thriving Theo"), HealthWord.THRIVING_, 95)
    _read(_add(owner, "Steady Low"), HealthWord.STEADY_, 61)
    _read(_add(owner, "Steady High"), HealthWord.STEADY_, 78)
    _read(_add(owner, "Risky Ria"), HealthWord.AT_RISK_, 20)
    # Rapport reads thriving, the provider sees a client at risk: the list follows the provider.
    _read(_add(owner, "Overridden Olu"), HealthWord.THRIVING_, 90, override=HealthWord.AT_RISK_)
    _read(_add(owner, "Cooling Cy"), HealthWord.COOLING_, 45)
    # Read as it is written; a client bulk-created (an import) has no reading until the next one.
    ClientReading.objects.filter(client=_add(owner, "Unread Una")).delete()
    worst_first = names(owner_http.get("/clients/", {"sort": "health"}))
    assert worst_first == [
        "Risky Ria",
        "Overridden Olu",
        "Cooling Cy",
        "Steady Low",
        "Steady High",
        "Thriving Theo",
        "Unread Una",
    ]
    best_first = names(owner_http.get("/clients/", {"sort": "-health"}))
    assert best_first == [*worst_first[:-1][::-1], "Unread Una"]


@pytest.fixture
def tagged(owner: Member, outsider: Member) -> None:
    _add(owner, "Anna Couple", tag_names=["Couples"], days_ago=40)
    _add(owner, "Tomasz Wiśniewski", tag_names=["couples", "Grief"], days_ago=3)
    _add(owner, "Wisniewski Former", tag_names=["Couples"], status="former", days_ago=80)
    _add(owner, "Bo Solo", tag_names=["Grief"])
    client_create(practice=outsider.practice, full_name="Their Client", tag_names=["Secret tag"])


@pytest.mark.usefixtures("tagged")
def test_tag_filter_combines_with_search_status_and_order(owner_http: HttpClient) -> None:
    couples = ["Anna Couple", "Tomasz Wiśniewski", "Wisniewski Former"]
    assert names(owner_http.get("/clients/", {"tag": "Couples"})) == couples
    assert names(owner_http.get("/clients/", {"tag": "couples", "sort": "-contact"})) == [
        "Tomasz Wiśniewski",
        "Anna Couple",
        "Wisniewski Former",
    ]
    # Search still sets accents and case aside both ways, within the tag and the order.
    for typed in ("wisniewski", "WIŚNIEWSKI"):
        found = names(owner_http.get("/clients/", {"tag": "Couples", "q": typed, "sort": "-name"}))
        assert found == ["Wisniewski Former", "Tomasz Wiśniewski"]
    assert names(owner_http.get("/clients/", {"tag": "Couples", "status": "former"})) == [
        "Wisniewski Former"
    ]
    assert names(owner_http.get("/clients/", {"tag": "Grief", "q": "anna"})) == []


@pytest.mark.usefixtures("tagged")
def test_the_page_carries_the_choices_so_a_link_keeps_them(owner_http: HttpClient) -> None:
    page = owner_http.get("/clients/", {"tag": "grief", "sort": "-contact", "q": "o"})
    html = page.content.decode()
    assert '<option value="Grief" selected>' in html
    assert '<option value="-contact" selected>' in html
    assert "2 clients tagged “Grief” matching “o”" in html
    # A tag on a row narrows the list to it and keeps the rest of the view.
    assert '<a class="chip" href="?tag=Couples&amp;sort=-contact&amp;q=o">' in html
    partial = owner_http.get("/clients/", {"tag": "grief"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content
    assert names(partial) == ["Bo Solo", "Tomasz Wiśniewski"]


@pytest.mark.usefixtures("tagged")
@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("Secret tag", "“Secret tag”"),  # another practice's
        ("nobody", "“nobody”"),
        ("#Grief", "“#Grief”"),  # a tag's name is what the list offers, nothing added
        ("²", "“²”"),
        ("' OR 1=1 --", "“&#x27; OR 1=1 --”"),
        ("x" * 5000, "“" + "x" * 59 + "…”"),
        ("\x00", None),
        ("  ", None),
    ],
)
def test_a_tag_not_in_the_book_is_said_and_narrows_nothing(
    owner_http: HttpClient, asked: str, said: str | None
) -> None:
    response = owner_http.get("/clients/", {"tag": asked})
    assert len(names(response)) == 4
    html = response.content.decode()
    notice = "in your book, so the list is not narrowed by tag."
    if said is None:
        assert notice not in html
    else:
        assert f"There is no tag {said} {notice}" in html
    # Another practice's tags are never offered, named or counted.
    assert "Secret tag" not in html.replace("There is no tag “Secret tag”", "")
    assert "Their Client" not in html


@pytest.mark.usefixtures("tagged")
@pytest.mark.parametrize("sort", ["", "bogus", "-", "--name", "health;drop", "\x00", "²"])
def test_an_unknown_order_reads_as_by_name(owner_http: HttpClient, sort: str) -> None:
    by_name = ["Anna Couple", "Bo Solo", "Tomasz Wiśniewski", "Wisniewski Former"]
    response = owner_http.get("/clients/", {"sort": sort})
    assert names(response) == by_name
    assert '<option value="name" selected>' in response.content.decode()


def test_query_count_does_not_grow_with_clients_in_any_order(
    owner: Member, owner_http: HttpClient
) -> None:
    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert owner_http.get(url).status_code == 200
        return len(captured)

    def add(count: int) -> None:
        tag, _ = Tag.objects.get_or_create(practice=owner.practice, name="Group")
        made = Client.objects.bulk_create(
            Client(practice=owner.practice, full_name=f"Client {count}-{i:03}")
            for i in range(count)
        )
        tag.clients.add(*made)
        ClientReading.objects.bulk_create(
            ClientReading(practice=owner.practice, client=c, score=50, word=HealthWord.COOLING_)
            for c in made
        )

    add(3)
    url = "/clients/?tag=group&sort=-health&q=client"
    few = queries(url)
    add(120)
    assert queries(url) == few


def _page_plan(http: HttpClient, sort: str) -> str:
    with CaptureQueriesContext(connection) as captured:
        assert http.get("/clients/", {"sort": sort}).status_code == 200
    [sql] = [q["sql"] for q in captured if q["sql"].startswith('SELECT "clients_client"."id"')]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The tables are tiny, so the planner would rather read them whole and sort; forbid
            # that to see whether an index gives the order. SET LOCAL ends with the test.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(cell) for cell in row) for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("name", "clients_by_folded_name"),
        ("-name", "clients_by_folded_name"),
        ("contact", "clients_by_last_contact"),
        ("-contact", "clients_by_last_contact"),
    ],
)
def test_a_page_by_name_or_last_contact_is_read_in_index_order(
    owner: Member, owner_http: HttpClient, sort: str, index: str
) -> None:
    made = Client.objects.bulk_create(
        Client(practice=owner.practice, full_name=f"Client {i:03}") for i in range(80)
    )
    Client.objects.filter(pk__in=[c.pk for c in made[::3]]).update(last_contact_at=NOW)
    plan = _page_plan(owner_http, sort)
    assert index in plan, plan
    if connection.vendor == "postgresql":
        assert "Sort" not in plan.replace("Incremental Sort", ""), plan
    else:
        assert "TEMP B-TREE" not in plan, plan


@pytest.mark.usefixtures("tagged")
def test_a_heading_sorts_by_its_column_and_then_the_other_way(owner_http: HttpClient) -> None:
    html = owner_http.get("/clients/", {"sort": "-contact", "tag": "Grief"}).content.decode()
    turned = '<a class="sorts" href="?sort=contact&amp;tag=Grief">Last contact'
    assert f'<th scope="col" aria-sort="descending">{turned}' in html
    assert '<th scope="col"><a class="sorts" href="?sort=name&amp;tag=Grief">Name</a>' in html
    assert '<th scope="col"><a class="sorts" href="?sort=health&amp;tag=Grief">Health</a>' in html
    html = owner_http.get("/clients/").content.decode()
    assert '<th scope="col" aria-sort="ascending"><a class="sorts" href="?sort=-name">Name' in html
