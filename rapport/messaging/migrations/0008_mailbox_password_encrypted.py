"""Mailbox passwords encrypted at rest (issue 15): the column becomes text long enough for a
Fernet token, and every password kept in clear until now is encrypted under the installation's
key (made on first use in the data folder, or RAPPORT_ENCRYPTION_KEYS). docs/security.md."""

import rapport.lib.fields
from django.db import migrations


def _rows(apps, schema_editor):
    mailbox = apps.get_model("messaging", "Mailbox")
    table = schema_editor.connection.ops.quote_name(mailbox._meta.db_table)
    cursor = schema_editor.connection.cursor()
    # Raw values: the field would hand back decrypted text, and this must see what is stored.
    cursor.execute(f"SELECT id, password FROM {table}")
    return table, cursor, cursor.fetchall()


def encrypt_passwords(apps, schema_editor):
    from rapport.lib.encryption import encrypt, is_encrypted

    table, cursor, rows = _rows(apps, schema_editor)
    for pk, password in rows:
        if password and not is_encrypted(password):
            cursor.execute(
                f"UPDATE {table} SET password = %s WHERE id = %s", [encrypt(password), pk]
            )


def decrypt_passwords(apps, schema_editor):
    from rapport.lib.encryption import decrypt

    table, cursor, rows = _rows(apps, schema_editor)
    for pk, password in rows:
        if password:
            cursor.execute(
                f"UPDATE {table} SET password = %s WHERE id = %s", [decrypt(password)[:200], pk]
            )


class Migration(migrations.Migration):

    dependencies = [
        ('messaging', '0007_word_check_families'),
    ]

    operations = [
        migrations.AlterField(
            model_name='mailbox',
            name='password',
            field=rapport.lib.fields.EncryptedTextField(),
        ),
        migrations.RunPython(encrypt_passwords, decrypt_passwords),
    ]
