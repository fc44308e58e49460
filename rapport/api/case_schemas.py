"""What the API reads and writes about cases: the problem, its steps, and advice labelled
known / guess / unknown. No `from __future__ import annotations`: django-ninja reads these."""

from datetime import date
from typing import Annotated, Literal

from ninja import Field, Schema

from rapport.api.schemas import NO_NUL, ObjectId
from rapport.cases.models import Case
from rapport.lib.dates import Day

Text = Annotated[str, Field(min_length=1, max_length=2000, pattern=NO_NUL)]
Who = Annotated[str, Field("", max_length=200, pattern=NO_NUL)]


class StepOut(Schema):
    id: int
    taken_on: date
    tried: str
    result: str
    member_id: int | None
    someone_else: str
    who: str


class AdviceOut(Schema):
    id: int
    certainty: str = Field(description="known, guess (best guess) or unknown (don't know)")
    text: str
    next_step: str
    given_on: date
    member_id: int | None
    someone_else: str
    who: str = Field(description="who takes the next step")


class CaseOut(Schema):
    id: int
    client_id: int
    problem: str
    opened_on: date
    status: str
    steps: list[StepOut]
    advice: list[AdviceOut]
    interaction_ids: list[int]
    fact_ids: list[int]
    message_ids: list[int]

    @staticmethod
    def resolve_steps(case: Case) -> list[object]:
        return list(case.steps.all())

    @staticmethod
    def resolve_advice(case: Case) -> list[object]:
        return list(case.advice.all())

    @staticmethod
    def resolve_interaction_ids(case: Case) -> list[int]:
        return [link.interaction_id for link in case.interaction_links.all()]

    @staticmethod
    def resolve_fact_ids(case: Case) -> list[int]:
        return [link.fact_id for link in case.fact_links.all()]

    @staticmethod
    def resolve_message_ids(case: Case) -> list[int]:
        return [message.pk for message in case.messages.all()]


class CaseIn(Schema):
    problem: Text = Field(description="The problem in the client's words.")
    opened_on: Day | None = None


class CaseChangeIn(Schema):
    """Only what is sent changes: a status alone closes or reopens the case."""

    problem: Text | None = None
    opened_on: Day | None = None
    status: Literal["open", "resolved", "not_resolved"] | None = None


class StepIn(Schema):
    tried: Text
    result: str = Field("", max_length=2000, pattern=NO_NUL)
    taken_on: Day | None = None
    member_id: ObjectId | None = Field(None, description="a member of the practice, or")
    someone_else: Who = Field("", description="someone outside it, named in words")


class AdviceIn(Schema):
    certainty: Literal["known", "guess", "unknown"]
    text: Text
    next_step: str = Field(
        "", max_length=300, pattern=NO_NUL, description="required when certainty is unknown"
    )
    given_on: Day | None = None
    member_id: ObjectId | None = Field(None, description="who takes the next step: a member, or")
    someone_else: Who = Field("", description="someone outside the practice")


class CaseLinksIn(Schema):
    interaction_ids: list[ObjectId] = Field(default_factory=list, max_length=100)
    fact_ids: list[ObjectId] = Field(default_factory=list, max_length=100)
