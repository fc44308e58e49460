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
    user = _user_new(email=owner_email, name=owner_name, password=password, field="owner_email")
    practice.save()
    user.save()
    return Member.objects.create(user=user, practice=practice, role=Role.OWNER)


@transaction.atomic
def member_add(
    *, practice: Practice, email: str, name: str, password: str, role: str = Role.STAFF
) -> Member:
    user = _user_new(email=email, name=name, password=password, field="email")
    user.save()
    return Member.objects.create(user=user, practice=practice, role=role)


def _user_new(*, email: str, name: str, password: str, field: str) -> User:
    """A checked, unsaved user; errors name the form field the email came from."""
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError({field: "Someone already logs in with this email address."})
    user = User(email=email, name=name.strip())
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    return user
