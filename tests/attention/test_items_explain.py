"""Today's read starts from the practice: on PostgreSQL, with many practices' items in the
table and fresh statistics, its plan reads the items through an index on the practice, never
the whole table."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rapport.attention.models import AttentionItem, Section
from rapport.clients.models import Client
from rapport.desk.today.agenda import agenda_build
from rapport.practices.models import Member
from rapport.practices.services import practice_create

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the plan asked about is PostgreSQL's"
)

PRACTICES, CLIENTS, ITEMS = 30, 20, 600  # per practice: 18,000 items in all


def _fill(member: Member) -> None:
    """Check-ins, half of them due, spread over the practice's clients."""
    practice, now = member.practice, timezone.now()
    clients = Client.objects.bulk_create(
        Client(practice=practice, full_name=f"Client {n}") for n in range(CLIENTS)
    )
    AttentionItem.objects.bulk_create(
        AttentionItem(
            practice=practice,
            client=clients[n % CLIENTS],
            section=Section.CHECKIN,
            shown_in=Section.CHECKIN,
            object_id=n,
            rank=n % 3,
            sort_at=now - timedelta(hours=n),
            due_at=now - timedelta(days=1) if n % 2 else now + timedelta(days=30),
        )
        for n in range(ITEMS)
    )


def _today_sql(member: Member) -> str:
    with CaptureQueriesContext(connection) as queries:
        agenda_build(member.practice, member=member)
    (read,) = [q["sql"] for q in queries.captured_queries if "UNION ALL" in q["sql"]]
    return read


def test_the_today_read_uses_an_index_that_starts_from_the_practice(owner: Member) -> None:
    for n in range(PRACTICES):
        _fill(
            practice_create(
                name=f"Practice {n}", owner_email=f"o{n}@example.org", owner_name="O",
                password="correct horse battery",
            )
        )  # fmt: skip
    _fill(owner)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {AttentionItem._meta.db_table}")
        read = _today_sql(owner)
        cursor.execute(f"EXPLAIN {read}")  # the SQL as sent, its values already in it
        plan = "\n".join(row[0] for row in cursor.fetchall())
    table = AttentionItem._meta.db_table
    assert f"Seq Scan on {table}" not in plan, plan
    scans = [node for node in _nodes(plan) if f" on {table} " in node]
    assert scans, plan
    for node in scans:  # every read of the items is an index range bounded by the practice
        kind = node.split(" on ")[0]
        assert "Index" in kind or "Bitmap Heap Scan" in kind, node
        conditions = [line for line in node.splitlines() if "Cond:" in line]
        assert conditions and all("practice_id = " in line for line in conditions), node
    due = agenda_build(owner.practice).section(Section.CHECKIN)
    assert due.total == ITEMS // 2 or due.capped


def _nodes(plan: str) -> list[str]:
    """The plan's nodes, each with its detail lines (conditions, filters)."""
    nodes: list[str] = []
    for line in plan.splitlines():
        if "->" in line or not nodes:
            nodes.append(line)
        else:
            nodes[-1] += "\n" + line
    return nodes
