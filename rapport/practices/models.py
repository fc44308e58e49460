"""Practices (the tenants), the people who log in, and their membership.

Every row of client data belongs to one practice through `PracticeOwned`,
and every read starts from `for_practice`: that single path is what keeps one
practice's clients invisible to another.
"""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal
from typing import Any, ClassVar, Self, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone

from rapport.lib.time_zones import zone_problem
from rapport.practices.lengths import validate_lengths


def validate_time_zone(value: str) -> None:
    """One of the places on the list people choose from (rapport.lib.time_zones)."""
    problem = zone_problem(value)
    if problem is not None:
        raise ValidationError(problem, code="unknown_time_zone")


def validate_work_days(value: str) -> None:
    """Stored as the weekday numbers, Monday being 0: 01234 is Monday to Friday. People tick
    days by name (rapport.practices.weekdays); this guards what other ways in store."""
    if not value or any(day not in "0123456" for day in value) or len(set(value)) != len(value):
        raise ValidationError(
            "Choose at least one day you work, each once: stored as weekday numbers, Monday "
            "being 0 and Sunday 6 (01234 is Monday to Friday)."
        )


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who logs in. `is_staff` is for the people who run the server, not practice owners."""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["name"]

    def __str__(self) -> str:
        return self.name or self.email


class PracticeManager(models.Manager["Practice"]):
    """The practices people work in: not those that only hold an import being written."""

    def get_queryset(self) -> models.QuerySet[Practice]:
        return super().get_queryset().filter(holds_import=False)


class Practice(models.Model):
    name = models.CharField(max_length=200)
    time_zone = models.CharField(
        max_length=64, default="Europe/London", validators=[validate_time_zone]
    )
    default_region = models.CharField(
        max_length=2,
        default="GB",
        help_text="Country code used to read phone numbers written without +country.",
    )
    core_values = models.TextField(
        "your values",
        blank=True,
        help_text="What you stand for, in a few lines. Shown in the welcome message and on pages "
        "clients see.",
    )
    work_starts = models.TimeField("working day starts", default=datetime.time(9, 0))
    work_ends = models.TimeField("working day ends", default=datetime.time(17, 30))
    currency = models.CharField(
        max_length=3,
        default="GBP",
        help_text="For costs and budgets: GBP, EUR, USD...",
        validators=[RegexValidator(r"^[A-Z]{3}$", "Use a three-letter code such as GBP or EUR.")],
    )
    gift_budget_month = models.DecimalField(
        "budget for gifts and gestures, a month",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    gift_budget_year = models.DecimalField(
        "a year",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    undo_seconds = models.PositiveSmallIntegerField(
        "time to undo a sent email (seconds)",
        default=30,
        validators=[MaxValueValidator(600)],
        help_text="An approved email waits this long before it goes, so you can take it back. "
        "0 to 600 seconds.",
    )
    usual_lengths = models.CharField(
        "usual lengths (minutes)",
        max_length=60,
        default="60, 50, 30",
        validators=[validate_lengths],
        help_text="What a booking offers first, in minutes, separated by commas; a new "
        "booking starts at the first. For example 50, 80, 30.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Holds a large import while it is written (portability.staging): it has no members, and
    # every query is scoped to a practice, so nothing in it is visible until it is published.
    holds_import = models.BooleanField(default=False, editable=False)

    objects = PracticeManager()
    with_holding = models.Manager["Practice"]()

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    STAFF = "staff", "Staff"


class Member(models.Model):
    """A user's place in a practice.

    One practice per user keeps "whose data is this?" unambiguous.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="member")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.STAFF)
    joined_at = models.DateTimeField(default=timezone.now)
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text="Leave empty to use the practice's time zone.",
    )
    work_starts = models.TimeField(
        "my day starts", null=True, blank=True, help_text="Empty: the practice's hours."
    )
    work_ends = models.TimeField("my day ends", null=True, blank=True)
    work_days = models.CharField(
        "days I work",
        max_length=7,
        default="01234",
        help_text="Weekday numbers, Monday is 0: 01234 is Monday to Friday.",
        validators=[validate_work_days],
    )
    # The SHA-256 of the secret in the address of the member's calendar feed, never the secret
    # (shown once, when made); empty when there is no feed.
    feed_token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    feed_include_dates = models.BooleanField(
        "include clients' birthdays and other dates in my calendar feed", default=False
    )
    digest_enabled = models.BooleanField("email me my Today each morning", default=False)
    digest_time = models.TimeField("at", default=datetime.time(7, 30))
    last_digest_on = models.DateField(null=True, blank=True, editable=False)

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.practice})"

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone) if self.time_zone else self.practice.zone

    @property
    def day_starts(self) -> datetime.time:
        return self.work_starts or self.practice.work_starts

    @property
    def day_ends(self) -> datetime.time:
        return self.work_ends or self.practice.work_ends

    @property
    def weekdays(self) -> set[int]:
        return {int(day) for day in self.work_days}


_Row = TypeVar("_Row", bound=models.Model)


class PracticeQuerySet(models.QuerySet[_Row]):
    def for_practice(self, practice: Practice) -> Self:
        return self.filter(practice=practice)


class PracticeOwned(models.Model):
    """Base for every model that holds a practice's data."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class LoginFailure(models.Model):
    """A failed login, kept briefly to slow down guessing per account and per address
    (rapport.practices.throttle). A password guess is written here before it is checked, and
    removed if it was right; a wrong API token is one with no account."""

    account = models.CharField(max_length=254, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"failed login at {self.at:%Y-%m-%d %H:%M}"
