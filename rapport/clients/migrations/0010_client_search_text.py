from django.db import migrations

import rapport.clients.models
from rapport.lib.text import fold


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Every client's folded names, as derive() keeps them from now on."""
    Client = apps.get_model("clients", "Client")
    batch = []
    for client in Client.objects.only("pk", "full_name", "preferred_name").iterator(2000):
        client.search_text = fold(f"{client.full_name} {client.preferred_name}")
        batch.append(client)
        if len(batch) == 2000:
            Client.objects.bulk_update(batch, ["search_text"])
            batch = []
    Client.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0009_client_imported_extras"),
    ]

    operations = [
        migrations.AddField(
            model_name="client",
            name="search_text",
            field=rapport.clients.models.FoldedNames(default="", editable=False, max_length=301),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
