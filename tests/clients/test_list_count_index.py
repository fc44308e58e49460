"""The client list's count of current clients is answered from an index alone, on SQLite and
PostgreSQL, so it costs the size of that index and not a read of every client row."""

from __future__ import annotations

from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rapport.clients.models import Client
from rapport.practices.models import Member

INDEX = "clients_current_per_practice"


def _count_query(http: HttpClient) -> str:
    with CaptureQueriesContext(connection) as queries:
        response = http.get("/clients/")
    assert response.status_code == 200
    counts = [q["sql"] for q in queries if "COUNT(*)" in q["sql"] and "clients_client" in q["sql"]]
    assert len(counts) == 1, counts
    return counts[0]


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test's tables are tiny, so the planner would rather read them whole; forbid
            # that to see whether the index can answer alone. SET LOCAL ends with the test's
            # transaction.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(cell) for cell in row) for row in cursor.fetchall())


def test_the_count_reads_only_the_index_of_current_clients(
    owner: Member, owner_http: HttpClient
) -> None:
    practice = owner.practice
    Client.objects.bulk_create(
        Client(practice=practice, full_name=f"Client {index:03}") for index in range(60)
    )
    Client.objects.bulk_create(
        Client(practice=practice, full_name=f"Gone {index:03}", archived_at=timezone.now())
        for index in range(15)
    )
    sql = _count_query(owner_http)
    assert "archived_at" in sql and "IS NULL" in sql
    plan = _plan(sql)
    if connection.vendor == "postgresql":
        assert f"Index Only Scan using {INDEX}" in plan, plan
    else:
        assert f"USING COVERING INDEX {INDEX}" in plan, plan
    assert "60 clients" in owner_http.get("/clients/").content.decode()
