"""The client list's count of current clients is answered from an index alone, on SQLite and
PostgreSQL, so it costs the size of that index and not a read of every client row."""

from __future__ import annotations

import re

from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rapport.clients.models import Client
from rapport.practices.models import Member


def _definition(index: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [index])
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [index])
        return str(cursor.fetchone()[0])


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
    # Any index over current clients alone that leads with the practice answers the count;
    # which one the planner picks (this one or the list's order indexes) is its business.
    shape = (
        "Index Only Scan using " if connection.vendor == "postgresql" else "USING COVERING INDEX "
    )
    used = re.search(re.escape(shape) + r"(\w+)", plan)
    assert used is not None, plan
    definition = _definition(used.group(1)).lower()
    assert "archived_at" in definition and "is null" in definition, definition
    assert definition.index("practice_id") < definition.index("where"), definition
    assert "60 clients" in owner_http.get("/clients/").content.decode()
