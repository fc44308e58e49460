"""Cases: one problem of a client's, told once, with what was tried and the advice given.

Whoever picks a case up reads the story from here instead of asking the client to tell it
again; each piece of advice says honestly whether it is known, a best guess, or not known.
"""

from __future__ import annotations

from typing import Self

from django.db import models
from django.utils import timezone

from rapport.clients.models import Client, Fact
from rapport.lib.dates import within_years
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    NOT_RESOLVED = "not_resolved", "Not resolved"


class Certainty(models.TextChoices):
    KNOWN = "known", "Known"
    GUESS = "guess", "Best guess"
    UNKNOWN = "unknown", "Don't know"


class CaseQuerySet(PracticeQuerySet["Case"]):
    def open(self) -> Self:
        return self.filter(status=CaseStatus.OPEN)

    def closed(self) -> Self:
        return self.exclude(status=CaseStatus.OPEN)


class Case(PracticeOwned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="cases")
    problem = models.TextField(
        "the problem, in their words",
        max_length=2000,
        help_text="As the client put it, e.g. “the Wi-Fi drops every evening”.",
    )
    opened_on = models.DateField("opened", default=timezone.localdate, validators=[within_years])
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    created_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["client", "status"])]

    def __str__(self) -> str:
        return self.problem[:60]


class Someone(models.Model):
    """Who did something: a member of the practice, or someone outside it, named in words."""

    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    someone_else = models.CharField(
        "or someone outside the practice",
        max_length=200,
        blank=True,
        help_text="E.g. “the router's maker”, “Dr Ahmed”, “the client”.",
    )

    class Meta:
        abstract = True

    @property
    def who(self) -> str:
        if self.someone_else:
            return self.someone_else
        if self.member is not None:
            return self.member.user.name or self.member.user.email
        return "a former member"


class Step(PracticeOwned, Someone):
    """Something tried: by whom, and what came of it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    taken_on = models.DateField("when", default=timezone.localdate, validators=[within_years])
    tried = models.TextField("what was tried", max_length=2000)
    result = models.TextField("what came of it", max_length=2000, blank=True)

    objects = PracticeQuerySet["Step"].as_manager()

    class Meta:
        ordering = ["taken_on", "id"]

    def __str__(self) -> str:
        return self.tried[:60]


class Advice(PracticeOwned, Someone):
    """One piece of advice, labelled honestly, with the next step and who takes it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="advice")
    certainty = models.CharField(
        "how sure", max_length=8, choices=Certainty.choices, default=Certainty.KNOWN
    )
    text = models.TextField("the advice", max_length=2000)
    next_step = models.CharField("next step", max_length=300, blank=True)
    given_on = models.DateField("given", default=timezone.localdate, validators=[within_years])

    objects = PracticeQuerySet["Advice"].as_manager()

    class Meta:
        ordering = ["given_on", "id"]
        verbose_name_plural = "advice"
        constraints = [
            # "Don't know" is honest only with what happens next; every way in is held to it.
            models.CheckConstraint(
                condition=~models.Q(certainty="unknown") | ~models.Q(next_step=""),
                name="dont_know_has_a_next_step",
                violation_error_message="“Don't know” needs a next step.",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class CaseFact(PracticeOwned):
    """A fact about the client that belongs to a case's story; a fact belongs to one case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="fact_links")
    fact = models.OneToOneField(Fact, on_delete=models.CASCADE, related_name="case_link")

    objects = PracticeQuerySet["CaseFact"].as_manager()

    def __str__(self) -> str:
        return f"{self.fact_id} in case {self.case_id}"


class CaseInteraction(PracticeOwned):
    """A call, meeting or note that belongs to a case's story; an interaction belongs to one case.

    The timeline sits beside cases, not below, so neither imports the other: the link names its
    model by label, and the timeline's form offers the case through a field the desk registers
    (rapport.desk.case_links). Deleting either side removes only the link.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interaction_links")
    interaction = models.OneToOneField(
        "timeline.Interaction", on_delete=models.CASCADE, related_name="case_link"
    )

    objects = PracticeQuerySet["CaseInteraction"].as_manager()

    def __str__(self) -> str:
        return f"{self.interaction_id} in case {self.case_id}"
