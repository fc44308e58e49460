"""Rows written in bulk, faster than the ORM's bulk_create for rows built from checked values."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import connection, models


def insert_rows(model: type[models.Model], rows: list[dict[str, Any]]) -> None:
    """Rows straight into the table, with the model's defaults for the fields not given.

    bulk_create builds and validates a model object per row, which was most of an
    import's time; these rows are built here from checked values, so plain
    `executemany` is enough. Dates and times are adapted as the ORM would.
    """
    if not rows:
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not isinstance(field, models.GeneratedField)
    ]
    defaults = {field.attname: field.get_default() for field in fields}
    ops = connection.ops
    adapt: dict[str, Callable[[Any], Any]] = {
        field.attname: ops.adapt_datetimefield_value
        if isinstance(field, models.DateTimeField)
        else ops.adapt_datefield_value
        for field in fields
        if isinstance(field, models.DateField)
    }
    for field in fields:
        if isinstance(field, models.JSONField):
            adapt[field.attname] = partial(field.get_db_prep_save, connection=connection)
    names = [field.attname for field in fields]
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 (names from metadata)
    values = []
    for row in rows:
        full = defaults | row
        values.append([adapt[name](full[name]) if name in adapt else full[name] for name in names])
    with connection.cursor() as cursor:
        for start in range(0, len(values), 2000):
            cursor.executemany(sql, values[start : start + 2000])
