"""Clients already in the book when "looked after by" arrived: by who added them, if they
still work in the practice, else by the practice's first owner, else nobody yet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("clients", "0015_client_looked_after_by")]
AFTER = [("clients", "0016_looked_after_by_creator_or_owner")]


@pytest.fixture
def migrator(transactional_db: None) -> Iterator[MigrationExecutor]:
    executor = MigrationExecutor(connection)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_existing_clients_are_looked_after_by_their_creator_or_the_first_owner(
    migrator: MigrationExecutor,
) -> None:
    migrator.migrate(BEFORE)
    old = migrator.loader.project_state(BEFORE).apps
    practice_model, user_model = (
        old.get_model("practices", "Practice"),
        old.get_model("practices", "User"),
    )
    member_model, client_model = (
        old.get_model("practices", "Member"),
        old.get_model("clients", "Client"),
    )

    def member(practice: object, email: str, role: str, active: bool = True) -> object:
        user = user_model.objects.create(email=email, name=email, is_active=active)
        return member_model.objects.create(user=user, practice=practice, role=role)

    harbour = practice_model.objects.create(name="Harbour Lane")
    owner = member(harbour, "owner@a.example", "owner")
    staff = member(harbour, "staff@a.example", "staff")
    gone = member(harbour, "gone@a.example", "staff", active=False)
    no_owner = practice_model.objects.create(name="No owner here")
    made = {
        name: client_model.objects.create(practice=practice, full_name=name, created_by=by)
        for name, practice, by in [
            ("Added by staff", harbour, staff),
            ("Added by someone gone", harbour, gone),
            ("Imported", harbour, None),
            ("In a practice with no owner", no_owner, None),
        ]
    }

    migrator = MigrationExecutor(connection)
    migrator.migrate(AFTER)
    new = migrator.loader.project_state(AFTER).apps.get_model("clients", "Client")
    looked_after = {
        name: new.objects.get(pk=client.pk).looked_after_by_id for name, client in made.items()
    }
    assert looked_after == {
        "Added by staff": staff.pk,  # type: ignore[attr-defined]
        "Added by someone gone": owner.pk,  # type: ignore[attr-defined]
        "Imported": owner.pk,  # type: ignore[attr-defined]
        "In a practice with no owner": None,
    }
