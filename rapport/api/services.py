from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.api.models import ApiToken, new_key, token_hash
from rapport.practices.models import Member

# Writing "last used" on every request would make every read a write.
LAST_USED_PRECISION = timedelta(minutes=5)


@transaction.atomic
def token_create(*, member: Member, name: str) -> tuple[ApiToken, str]:
    """The token and its key; the key is not kept and cannot be shown again."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Name it after what will use it, e.g. “backup script”."})
    if "\x00" in name:  # PostgreSQL cannot store it; only a tampered form sends it
        raise ValidationError({"name": "A name cannot hold a NUL character."})
    key = new_key()
    token = ApiToken.objects.create(
        practice=member.practice,
        member=member,
        name=name[:100],
        key_hash=token_hash(key),
        hint=key[:10],
    )
    return token, key


@transaction.atomic
def token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def member_for_key(key: str) -> Member | None:
    token = (
        ApiToken.objects.filter(key_hash=token_hash(key), revoked_at__isnull=True)
        .select_related("member__practice", "member__user")
        .first()
    )
    if token is None or not token.member.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.member
