"""The person: profile, contact points, facts they told us, and the dates that matter to them."""

from __future__ import annotations

import calendar
import re
import zoneinfo
from datetime import datetime, time
from typing import Any, Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from rapport.clients.list_indexes import LIST_ORDER_INDEXES
from rapport.clients.rhythm import (
    MAX_RHYTHM_DAYS,
    MIN_RHYTHM_DAYS,
    checkin_due_at,
    rhythm_days,
)
from rapport.lib.dates import within_years
from rapport.lib.text import fold
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet, validate_time_zone


class ClientStatus(models.TextChoices):
    PROSPECT = "prospect", "Prospect"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    FORMER = "former", "Former"


class Closeness(models.TextChoices):
    NEW = "new", "New"
    REGULAR = "regular", "Regular"
    CLOSE = "close", "Close"


class CheckinConsent(models.TextChoices):
    UNKNOWN = "unknown", "Not asked yet"
    YES = "yes", "Yes, check in with them"
    NO = "no", "No check-ins"


class NoCheckins(models.TextChoices):
    """Why Rapport never suggests reaching out to a client unprompted; the label is what
    their page says beside their reading."""

    FORMER = "former", "A former client: Rapport suggests no check-ins."
    DECLINED = "declined", "They asked not to be checked on; the door is open."
    PAUSED = (
        "paused",
        "They are paused and did not ask to hear from you meanwhile; the door is open.",
    )


# The one rule: each reason, and the values that give it. The Client property and the
# QuerySet both read it, so what Python says and what SQL selects cannot drift apart.
_NO_CHECKINS_WHEN: tuple[tuple[NoCheckins, dict[str, object]], ...] = (
    (NoCheckins.FORMER, {"status": ClientStatus.FORMER}),
    (NoCheckins.DECLINED, {"checkin_consent": CheckinConsent.NO}),
    (NoCheckins.PAUSED, {"status": ClientStatus.PAUSED, "paused_note_ok": False}),
)


def may_be_checked_on(prefix: str = "") -> Q:
    """Clients Rapport may suggest reaching out to (check-ins, fading, dates, touches...);
    `prefix` reads it from a related model ("client__"). A reply owed is not a suggestion:
    answering is never nagging, so replies do not use this."""
    refused = Q()
    for _, values in _NO_CHECKINS_WHEN:
        refused |= Q(**{f"{prefix}{name}": value for name, value in values.items()})
    return ~refused


class CheckinChannel(models.TextChoices):
    ANY = "any", "Any way"
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    MESSAGE = "message", "Text message"
    IN_PERSON = "in_person", "In person"


class Tag(PracticeOwned):
    name = models.CharField(max_length=50)

    objects = PracticeQuerySet["Tag"].as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("practice", Lower("name"), name="tag_name_unique_per_practice")
        ]

    def __str__(self) -> str:
        return self.name


class FoldedNames(models.CharField[str, str]):
    """A client's names folded (lib.text), worked out as the row is written: by save() and by
    bulk_create alike, so no writer can forget it."""

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        names = f"{model_instance.full_name} {model_instance.preferred_name}"  # type: ignore[attr-defined]
        value = fold(names)[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value


class ClientQuerySet(PracticeQuerySet["Client"]):
    def current(self) -> Self:
        return self.filter(archived_at__isnull=True)

    def archived(self) -> Self:
        return self.filter(archived_at__isnull=False)

    def may_be_checked_on(self) -> Self:
        return self.filter(may_be_checked_on())

    def matching(self, query: str) -> Self:
        """Clients whose name, email, phone or tag matches what the provider typed."""
        query = query.replace("\x00", "").strip()  # PostgreSQL refuses NUL in a pattern
        if not query:
            return self
        points = ContactPoint.objects.filter(client=OuterRef("pk"))
        condition = (
            Q(search_text__contains=fold(query))
            | Q(Exists(points.filter(kind=ContactKind.EMAIL, normalized__icontains=query.lower())))
            | Q(Exists(Tag.objects.filter(clients=OuterRef("pk"), name__iexact=query.lstrip("#"))))
        )
        # A trunk zero ("07700...") is not part of the E.164 form we store ("+447700...").
        digits = re.sub(r"\D", "", query).lstrip("0")
        if len(digits) >= 4 and not re.search(r"[A-Za-z@]", query):
            condition |= Q(
                Exists(points.filter(kind=ContactKind.PHONE, normalized__contains=digits))
            )
        return self.filter(condition)


class Client(PracticeOwned):
    full_name = models.CharField("full name", max_length=200)
    preferred_name = models.CharField(
        "preferred name",
        max_length=100,
        blank=True,
        help_text="What they like to be called. We greet them by this.",
    )
    # Both names with case and accents folded, so that a search finds Wiśniewski typed as
    # "wisniewski" and Wisniewski typed as "Wiśniewski".
    search_text = FoldedNames(max_length=301, default="", editable=False)
    pronunciation = models.CharField(
        "how to say it", max_length=100, blank=True, help_text='For example "SHIV-awn".'
    )
    pronouns = models.CharField(max_length=40, blank=True, help_text="For example she/her.")
    status = models.CharField(
        max_length=10, choices=ClientStatus.choices, default=ClientStatus.ACTIVE
    )
    closeness = models.CharField(max_length=10, choices=Closeness.choices, default=Closeness.NEW)
    how_we_met = models.CharField("how we met", max_length=300, blank=True)
    client_since = models.DateField(
        "client since", null=True, blank=True, validators=[within_years]
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="clients")
    checkin_consent = models.CharField(
        "check-ins",
        max_length=10,
        choices=CheckinConsent.choices,
        default=CheckinConsent.UNKNOWN,
        help_text="Did they say they would like you to check in now and then?",
    )
    checkin_channel = models.CharField(
        "how they like to hear from you",
        max_length=10,
        choices=CheckinChannel.choices,
        default=CheckinChannel.ANY,
    )
    messages_opt_out = models.BooleanField(
        "no messages except about appointments",
        default=False,
        help_text="Set when they unsubscribe: check-ins and news stop; appointment changes "
        "still go.",
    )
    paused_note_ok = models.BooleanField(
        "while paused, a gentle note is welcome",
        default=False,
        help_text="Only for paused clients: without it, Rapport never suggests contacting them.",
    )
    time_zone = models.CharField(
        "their time zone",
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text="Where they live, if not in yours: messages give times in their clock.",
    )
    wants_reminders = models.BooleanField(
        "remind them of appointments",
        default=False,
        help_text="They asked for a reminder the day before.",
    )
    no_gifts = models.BooleanField(
        "accepts no gifts",
        default=False,
        help_text="A therapy boundary, a public-sector rule: Rapport never suggests a gift.",
    )
    no_physical_contact = models.BooleanField(
        "no physical contact",
        default=False,
        help_text="Rapport never suggests a gesture such as a hug.",
    )
    imported_extras = models.JSONField(
        "imported extras",
        default=dict,
        blank=True,
        editable=False,
        help_text="What an imported address book held that Rapport has no field for, kept "
        "as it was.",
    )
    rhythm_days = models.PositiveSmallIntegerField(
        "keep in touch every (days)",
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_RHYTHM_DAYS), MaxValueValidator(MAX_RHYTHM_DAYS)],
        help_text="Leave empty for the default for their status and closeness.",
    )
    # Kept up to date by the timeline services, so lists and Today never scan the history.
    last_contact_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_inbound_at = models.DateTimeField(null=True, blank=True, editable=False)
    awaiting_reply_since = models.DateTimeField(null=True, blank=True, editable=False)
    awaiting_reply_latest = models.DateTimeField(null=True, blank=True, editable=False)
    unanswered_count = models.PositiveSmallIntegerField(default=0, editable=False)
    # Derived in save() from the fields above; None when no check-in may be suggested.
    checkin_due_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # The one member who looks after them now, or nobody yet; a handoff (rapport.handoffs)
    # changes it. A member removed from the practice leaves it at nobody.
    looked_after_by = models.ForeignKey(
        Member,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name="looked after by",
    )

    objects = ClientQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "id"]
        indexes = [
            models.Index(fields=["practice", "full_name"]),
            models.Index(fields=["practice", "status"]),
            models.Index(fields=["practice", "last_contact_at"]),
            models.Index(fields=["practice", "checkin_due_at"]),
            models.Index(fields=["practice", "awaiting_reply_since"]),
            # The client list counts a practice's current clients on every page: this index
            # holds only those, and both columns the count reads, so the count never visits
            # the table (nor the archived).
            models.Index(
                fields=["practice", "archived_at"],
                condition=Q(archived_at__isnull=True),
                name="clients_current_per_practice",
            ),
            *LIST_ORDER_INDEXES,
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """Their own clock: the practice's unless they live elsewhere."""
        return zoneinfo.ZoneInfo(self.time_zone) if self.time_zone else self.practice.zone

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def rhythm(self) -> int | None:
        return rhythm_days(status=self.status, closeness=self.closeness, chosen=self.rhythm_days)

    @property
    def no_checkins(self) -> NoCheckins | None:
        """Why Rapport may not suggest reaching out to them, or None when it may."""
        return next(
            (
                reason
                for reason, values in _NO_CHECKINS_WHEN
                if all(getattr(self, name) == value for name, value in values.items())
            ),
            None,
        )

    @property
    def may_be_checked_on(self) -> bool:
        return self.no_checkins is None

    @property
    def relationship_start(self) -> datetime:
        if self.client_since is None:
            return self.created_at
        return datetime.combine(self.client_since, time.min, tzinfo=self.practice.zone)

    def derive(self) -> None:
        """The stored values computed from the others; save() calls it, bulk writers too."""
        self.checkin_due_at = (
            checkin_due_at(
                last_contact_at=self.last_contact_at,
                since=self.relationship_start,
                days=self.rhythm,
                zone=self.practice.zone,
            )
            if self.may_be_checked_on and self.archived_at is None
            else None
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.derive()
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, "checkin_due_at", "search_text"}
        super().save(*args, **kwargs)


class ContactKind(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    ADDRESS = "address", "Address"


class ContactPoint(PracticeOwned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contact_points")
    kind = models.CharField(max_length=10, choices=ContactKind.choices)
    label = models.CharField(max_length=40, blank=True, help_text="home, work, mobile...")
    value = models.TextField(help_text="As written by the provider.")
    # Lower-cased email or E.164 phone, for matching and search.
    normalized = models.CharField(max_length=254, blank=True, db_index=True)

    objects = PracticeQuerySet["ContactPoint"].as_manager()

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class FactCategory(models.TextChoices):
    PERSON = "person", "People in their life"
    INTEREST = "interest", "Interests"
    PREFERENCE = "preference", "Preferences"
    LIFE_EVENT = "life_event", "Life events"
    VALUE = "value", "What they value"
    OTHER = "other", "Other things to remember"


class FactSource(models.TextChoices):
    TOLD = "told", "They told me"
    NOTICED = "noticed", "I noticed"
    OTHERS = "others", "Someone else told me"
    IMPORTED = "imported", "Imported"


class FactQuerySet(PracticeQuerySet["Fact"]):
    def to_ask_again(self) -> Self:
        return self.filter(ask_again=True)


class Fact(PracticeOwned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="facts")
    category = models.CharField(max_length=20, choices=FactCategory.choices)
    text = models.CharField(max_length=500)
    important = models.BooleanField(default=False)
    source = models.CharField(
        "how we learned it", max_length=10, choices=FactSource.choices, default=FactSource.TOLD
    )
    learned_at = models.DateTimeField("learned", default=timezone.now, validators=[within_years])
    # A string reference: the timeline sits above clients, so nothing here imports it.
    learned_from = models.ForeignKey(
        "timeline.Interaction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facts_learned",
    )
    confirmed_at = models.DateTimeField("last confirmed", null=True, blank=True)
    ask_again = models.BooleanField(
        "forgotten, ask again", default=False, help_text="Ask them again, apologise, write it down."
    )
    hard_news = models.BooleanField(
        "bad news or a hard time",
        default=False,
        help_text="Today will suggest a gentle check on how they are, a week later.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # When we last knew it to be true; indexed so stale facts are found without a scan.
    known_at = models.GeneratedField(
        expression=Coalesce("confirmed_at", "learned_at"),
        output_field=models.DateTimeField(),
        db_persist=True,
    )

    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["category", "-learned_at", "id"]
        indexes = [
            models.Index(fields=["practice"], condition=Q(ask_again=True), name="fact_ask_again"),
            models.Index(
                fields=["practice", "known_at"],
                condition=Q(important=True, ask_again=False),
                name="fact_important_by_age",
            ),
            models.Index(
                fields=["practice", "learned_at"],
                condition=models.Q(hard_news=True),
                name="fact_hard_news",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class DateKind(models.TextChoices):
    BIRTHDAY = "birthday", "Birthday"
    ANNIVERSARY = "anniversary", "Anniversary"
    OTHER = "other", "Other"


class ImportantDate(PracticeOwned):
    """A yearly date. The year is optional: many people share a birthday but not their age."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="important_dates")
    kind = models.CharField(max_length=12, choices=DateKind.choices, default=DateKind.BIRTHDAY)
    label = models.CharField(max_length=100, blank=True, help_text="For example: wedding, sobriety")
    month = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # 1125 for 25 November: the next days are one indexed range, even across the year end.
    month_day = models.GeneratedField(
        expression=F("month") * 100 + F("day"),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )

    objects = PracticeQuerySet["ImportantDate"].as_manager()

    class Meta:
        ordering = ["month", "day", "id"]
        indexes = [models.Index(fields=["practice", "month_day"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12) & Q(day__gte=1, day__lte=31),
                name="important_date_in_calendar",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.as_text}"

    @property
    def title(self) -> str:
        return self.label or self.get_kind_display()

    @property
    def title_in_sentence(self) -> str:
        """ "birthday", but a label as the provider wrote it ("Oisín's first day")."""
        return self.label or self.get_kind_display().lower()

    @property
    def as_text(self) -> str:
        text = f"{self.day} {calendar.month_name[self.month]}"
        return f"{text} {self.year}" if self.year else text

    def clean(self) -> None:
        if not (1 <= (self.month or 0) <= 12):
            raise ValidationError({"month": "Choose a month."})
        # 29 February is fine without a year (a leap-day birthday) but not in a common year.
        longest = calendar.monthrange(self.year or 2000, self.month)[1]
        if not (1 <= (self.day or 0) <= longest):
            raise ValidationError(
                {
                    "day": f"{calendar.month_name[self.month]} has {longest} days"
                    + (f" in {self.year}." if self.year else ".")
                }
            )
        if self.year is not None and not (1900 <= self.year <= timezone.now().year + 1):
            raise ValidationError(
                {"year": "Give a year between 1900 and next year, or leave it empty."}
            )
