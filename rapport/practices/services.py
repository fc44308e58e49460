"""Creating a practice and its people."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from rapport.practices.models import Member, Practice, Role, User


@transaction.atomic
def practice_create(
    *,
    name: str,
    owner_email: str,
    owner_name: str,
    password: str,
    time_zone: str = "Europe/London",
    default_region: str = "GB",
) -> Member:
    """A practice and its owner, who can log in at once."""
    practice = Practice(
        name=name.strip(), time_zone=time_zone, default_region=default_region.upper()
    )
    practice.full_clean()
    email = owner_email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError({"owner_email": "Someone already logs in with this email address."})
    user = User(email=email, name=owner_name.strip())
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    practice.save()
    user.save()
    return Member.objects.create(user=user, practice=practice, role=Role.OWNER)


@transaction.atomic
def member_add(
    *, practice: Practice, email: str, name: str, password: str, role: str = Role.STAFF
) -> Member:
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": "Someone already logs in with this email address."})
    user = User(email=email, name=name.strip())
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return Member.objects.create(user=user, practice=practice, role=role)
