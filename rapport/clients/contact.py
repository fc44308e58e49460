"""Normalising contact points so that the same email or phone is found however it was typed."""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from rapport.clients.models import ContactKind


def normalize_contact(*, kind: str, value: str, region: str) -> str:
    """The matching form of a contact point, or a ValidationError that says what to fix."""
    value = value.strip()
    if kind == ContactKind.EMAIL:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                "This is not an email address: it should look like name@example.org."
            ) from None
        return value.lower()
    if kind == ContactKind.PHONE:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_possible_number(number):
            raise ValidationError(
                "This does not look like a phone number. Write it as you would dial it, "
                "or with the country code, such as +44 7700 900123."
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return " ".join(value.split()).lower()
