"""NullsPlacedIndex: NULLS FIRST/LAST said to PostgreSQL, left to SQLite's own placement."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import F

from rapport.clients.models import Client
from rapport.lib.indexes import NullsPlacedIndex


@pytest.mark.parametrize(
    "column",
    [F("last_contact_at").asc(nulls_last=True), F("last_contact_at").desc(nulls_first=True)],
)
def test_a_placement_sqlite_cannot_build_is_refused(column: object) -> None:
    with pytest.raises(ValueError, match="SQLite sorts NULL first ascending"):
        NullsPlacedIndex(F("practice"), column, name="never_built")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("column", "said"),
    [
        (F("last_contact_at").asc(nulls_first=True), '"last_contact_at" ASC NULLS FIRST'),
        (F("last_contact_at").desc(nulls_last=True), '"last_contact_at" DESC NULLS LAST'),
    ],
)
def test_each_database_is_told_what_it_can_build(column: object, said: str) -> None:
    index = NullsPlacedIndex(F("practice"), column, name="by_contact")
    # Only the statement is built: nothing runs, so the editor's context is not entered.
    sql = str(index.create_sql(Client, connection.schema_editor(collect_sql=True)))
    if connection.vendor == "postgresql":
        assert said in sql
    else:
        assert said.split(" NULLS")[0] in sql and "NULLS" not in sql
