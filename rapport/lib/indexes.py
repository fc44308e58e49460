"""An index whose columns say where NULLs go, built alike on PostgreSQL and SQLite."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.backends.ddl_references import Statement
from django.db.models import OrderBy


class NullsPlacedIndex(models.Index):
    """For an ORDER BY that says NULLS FIRST or LAST to be read from an index on PostgreSQL,
    whose indexes put NULLs last unless told. SQLite refuses those words in CREATE INDEX and
    needs none: it always sorts NULL first ascending and last descending, so those are the
    only placements accepted, and SQLite gets the same columns without the words."""

    def __init__(self, *expressions: Any, **kwargs: Any) -> None:
        for column in expressions:
            if isinstance(column, OrderBy) and (
                (column.nulls_first and column.descending)
                or (column.nulls_last and not column.descending)
            ):
                raise ValueError("SQLite sorts NULL first ascending and last descending only.")
        super().__init__(*expressions, **kwargs)

    def create_sql(
        self,
        model: type[models.Model],
        schema_editor: BaseDatabaseSchemaEditor,
        using: str = "",
        **kwargs: Any,
    ) -> Statement:
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using, **kwargs)
        _, columns, options = self.deconstruct()
        plain = [
            OrderBy(column.expression, descending=column.descending)
            if isinstance(column, OrderBy)
            else column
            for column in columns
        ]
        return models.Index(*plain, **options).create_sql(model, schema_editor, using, **kwargs)
