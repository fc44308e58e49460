from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AttentionConfig(AppConfig):
    name = "rapport.attention"

    def ready(self) -> None:
        from rapport.attention import receivers  # noqa: F401  (connects the signal receivers)

        post_migrate.connect(items_first_built, sender=self)


def items_first_built(using: str = "default", **kwargs: Any) -> None:
    """An install upgraded from before the attention table has practices and no items, and
    its Today would stay empty until someone ran `rapport rebuild-attention`. So after every
    migration has run (here, not in a migration, which would read tables not yet migrated),
    an empty table is built from history once; an empty table with practices is cheap to
    rebuild, and one that holds anything is left to the writes that keep it."""
    from rapport.attention.items import items_rebuild
    from rapport.attention.models import AttentionItem
    from rapport.practices.models import Practice

    if AttentionItem.objects.using(using).exists():
        return
    for practice in Practice.objects.using(using).order_by("pk"):
        items_rebuild(practice=practice)
