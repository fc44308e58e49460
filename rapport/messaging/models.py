"""Message templates, the outbox, and a practice's own checker rules."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from rapport.cases.models import Case
from rapport.clients.models import Client
from rapport.lib.fields import EncryptedTextField
from rapport.messaging.rules import CATEGORIES
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet
from rapport.timeline.models import Interaction


class Purpose(models.TextChoices):
    WELCOME = "welcome", "Welcome"
    CHECKIN = "checkin", "Check-in"
    THANK_YOU = "thank_you", "Thank you"
    RUNNING_LATE = "running_late", "Running late"
    RESCHEDULE = "reschedule", "Offer to reschedule"
    REMINDER = "reminder", "Appointment reminder"
    FEEDBACK = "feedback", "Feedback request"
    REFERRAL = "referral", "Referral introduction"
    OTHER = "other", "Other"


class MessageTemplate(PracticeOwned):
    name = models.CharField(max_length=100)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.OTHER)
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text="Placeholders in double braces, such as {{preferred_name}}.")
    essential = models.BooleanField(
        default=False,
        help_text="About an appointment or a reply they are waiting for: sent even to clients "
        "who opted out of other messages.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PracticeQuerySet["MessageTemplate"].as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("practice", "name", name="template_name_unique_per_practice")
        ]

    def __str__(self) -> str:
        return self.name


class OutboxStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to send"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Not sent"
    UNSURE = "unsure", "May not have been sent"
    CANCELLED = "cancelled", "Not sent: they opted out"


class OutboxQuerySet(PracticeQuerySet["OutboxMessage"]):
    def needing_attention(self) -> OutboxQuerySet:
        return self.filter(status__in=RESENDABLE)

    def undoable(self) -> OutboxQuerySet:
        """Approved, not yet handed to the mail server: the provider can still take it back."""
        return self.filter(status=OutboxStatus.QUEUED, attempts=0)


# What "send again" may act on: never a message that went.
RESENDABLE = (OutboxStatus.FAILED, OutboxStatus.UNSURE)


class OutboxMessage(PracticeOwned):
    """An approved email, stored with its interaction in one transaction, sent by the worker."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="outbox")
    interaction = models.OneToOneField(Interaction, on_delete=models.CASCADE, related_name="outbox")
    to_address = models.EmailField()
    to_name = models.CharField(max_length=200, blank=True)
    # A second reader of the same email (a partner a client is introduced to): one message,
    # one claim, one delivery to both, so the outbox's at-most-once holds for the pair.
    cc_address = models.EmailField(blank=True)
    cc_name = models.CharField(max_length=200, blank=True)
    reply_to = models.EmailField(blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    essential = models.BooleanField(default=False)
    # The case it is about, if any: deleting the case leaves the message whole.
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    # Fixed at approval, so a message sent again is recognisable as the same one.
    message_id = models.CharField(max_length=250, unique=True)
    # The client's mail this answers, so their mail program keeps the conversation together.
    in_reply_to = models.CharField(max_length=250, blank=True)
    references = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(
                fields=["practice", "created_at"],
                condition=models.Q(status__in=["failed", "unsure"]),
                name="outbox_needing_attention",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} to {self.to_address} ({self.get_status_display()})"


class PracticeRule(PracticeOwned):
    """A phrase a practice wants the checker to flag, in its own words."""

    category = models.CharField(max_length=20, choices=[(c, c) for c in CATEGORIES])
    phrase = models.CharField(max_length=100)
    explanation = models.CharField(max_length=300)
    fix = models.CharField("suggested fix", max_length=300)

    objects = PracticeQuerySet["PracticeRule"].as_manager()

    def __str__(self) -> str:
        return self.phrase


class SilencedRule(PracticeOwned):
    rule_id = models.CharField(max_length=50)

    objects = PracticeQuerySet["SilencedRule"].as_manager()

    class Meta:
        constraints = [models.UniqueConstraint("practice", "rule_id", name="silenced_once")]

    def __str__(self) -> str:
        return self.rule_id


class MailStatus(models.TextChoices):
    LOGGED = "logged", "On the timeline"
    TRIAGE = "triage", "Waiting for you to place it"
    IGNORED = "ignored", "Ignored"
    BOUNCE = "bounce", "A bounce, matched to the message it returned"


class InboundMail(PracticeOwned):
    """A mail Rapport has read (from IMAP or a file), once per Message-ID."""

    message_id = models.CharField(max_length=250)
    outgoing = models.BooleanField(
        default=False, help_text="Written by the practice (sent folder, BCC)."
    )
    from_address = models.CharField(max_length=254, blank=True)
    from_name = models.CharField(max_length=200, blank=True)
    to_addresses = models.JSONField(default=list)
    references = models.JSONField(
        default=list, help_text="The Message-IDs it answers (In-Reply-To, References)."
    )
    subject = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attachments = models.JSONField(
        default=list, help_text="Names and sizes only; files are not kept."
    )
    status = models.CharField(max_length=10, choices=MailStatus.choices)
    client = models.ForeignKey(
        Client, null=True, blank=True, on_delete=models.CASCADE, related_name="mail"
    )
    interaction = models.OneToOneField(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="mail"
    )
    received_at = models.DateTimeField(default=timezone.now)

    objects = PracticeQuerySet["InboundMail"].as_manager()

    class Meta:
        ordering = ["-received_at"]
        constraints = [models.UniqueConstraint("practice", "message_id", name="mail_read_once")]
        indexes = [models.Index(fields=["practice", "status"])]

    def __str__(self) -> str:
        return f"{self.subject} from {self.from_address}"


class Mailbox(PracticeOwned):
    """The practice's IMAP mailbox, read by the worker: the inbox for replies, the sent folder
    for answers written in the provider's own mail program."""

    host = models.CharField(max_length=200)
    port = models.PositiveIntegerField(default=993)
    use_ssl = models.BooleanField("encrypted (TLS)", default=True)
    username = models.CharField(max_length=200)
    # Encrypted with a key kept outside the database (docs/security.md); read back to log in.
    password = EncryptedTextField()
    address = models.EmailField(
        help_text="The mailbox's own address; mail from it counts as yours."
    )
    inbox_folder = models.CharField(max_length=100, default="INBOX")
    sent_folder = models.CharField(max_length=100, default="Sent", blank=True)
    inbox_uid = models.PositiveBigIntegerField(default=0, editable=False)
    inbox_validity = models.PositiveBigIntegerField(default=0, editable=False)
    sent_uid = models.PositiveBigIntegerField(default=0, editable=False)
    sent_validity = models.PositiveBigIntegerField(default=0, editable=False)
    last_sync_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.CharField(max_length=300, blank=True, editable=False)

    objects = PracticeQuerySet["Mailbox"].as_manager()

    class Meta:
        constraints = [models.UniqueConstraint("practice", name="one_mailbox_per_practice")]

    def __str__(self) -> str:
        return f"{self.username}@{self.host}"
