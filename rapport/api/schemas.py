"""What the API reads and writes, field by field: the OpenAPI schema is generated from these."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema

from rapport.lib.dates import Day, Moment
from rapport.touches.models import Touch


class ContactPointOut(Schema):
    id: int
    kind: str
    label: str
    value: str
    normalized: str


class FactOut(Schema):
    id: int
    category: str
    text: str
    important: bool
    ask_again: bool
    learned_at: datetime


class ImportantDateOut(Schema):
    id: int
    kind: str
    label: str
    day: int
    month: int
    year: int | None


class ClientOut(Schema):
    id: int
    full_name: str
    preferred_name: str
    pronouns: str
    status: str
    closeness: str
    time_zone: str
    wants_reminders: bool
    no_gifts: bool
    no_physical_contact: bool
    last_contact_at: datetime | None
    created_at: datetime
    looked_after_by_id: int | None = Field(description="the member who looks after them now")


class ClientDetailOut(ClientOut):
    contact_points: list[ContactPointOut]
    facts: list[FactOut]
    important_dates: list[ImportantDateOut]


# PostgreSQL cannot store a NUL character: refused here with a reason, not as a server error.
NO_NUL = r"^[^\x00]*$"
Line = Annotated[str, Field(max_length=254, pattern=NO_NUL)]


class ClientIn(Schema):
    full_name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    preferred_name: str = Field("", max_length=100, pattern=NO_NUL)
    emails: list[Line] = Field(default_factory=list, max_length=20)
    phones: list[Line] = Field(default_factory=list, max_length=20)


class InteractionOut(Schema):
    id: int
    kind: str
    direction: str
    occurred_at: datetime
    summary: str
    client_words: str


class AppointmentOut(Schema):
    id: int
    uid: str
    client_id: int
    member_id: int
    starts_at: datetime
    ends_at: datetime
    place: str
    video_link: str
    status: str
    actual_start_at: datetime | None


class TodayItemOut(Schema):
    section: str
    object_id: int
    client_id: int
    client: str
    headline: str
    detail: str
    badge: str
    suggestion: str


class TodaySectionOut(Schema):
    key: str
    title: str
    total: int
    capped: bool = Field(description="total is a lower bound: there are at least this many")
    items: list[TodayItemOut]


class PendingHandoffOut(Schema):
    id: int
    client_id: int
    client: str
    case_id: int | None
    from_name: str
    to_name: str
    to_member_id: int | None
    handed_at: datetime
    call_on: date | None
    next_steps: str


class TodayOut(Schema):
    practice: str
    day: date
    total: int
    sections: list[TodaySectionOut]
    pending_handoffs: list[PendingHandoffOut] = Field(
        description="every handoff of the practice waiting for its Got it; the handoff "
        "section holds only those handed to you"
    )


class TouchKindOut(Schema):
    id: int
    name: str
    behaviour: str
    is_gift: bool
    physical: bool
    min_closeness: str


class TouchOut(Schema):
    id: int
    client_id: int
    kind_id: int
    kind_name: str
    planned_on: date
    done_at: datetime | None
    note: str
    cost: Decimal | None
    response: str
    source_fact_id: int | None
    source_text: str

    @staticmethod
    def resolve_kind_name(touch: Touch) -> str:
        return touch.kind.name


ObjectId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class TouchIn(Schema):
    client_id: ObjectId
    kind_id: ObjectId
    planned_on: Day
    note: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)
    cost: Decimal | None = Field(None, ge=0, le=10000, max_digits=8, decimal_places=2)
    source_fact_id: ObjectId | None = None


class TouchDoneIn(Schema):
    done_on: Day | None = None
    response: str = Field("", max_length=2000, pattern=NO_NUL)


class ErrorOut(Schema):
    detail: str


class ContactPointIn(Schema):
    kind: Literal["email", "phone", "address"]
    value: str = Field(min_length=1, max_length=500, pattern=NO_NUL)
    label: str = Field("", max_length=40, pattern=NO_NUL)


class FactIn(Schema):
    category: Literal["person", "interest", "preference", "life_event", "value", "other"]
    text: str = Field(min_length=1, max_length=500, pattern=NO_NUL)
    important: bool = False
    hard_news: bool = False


class ImportantDateIn(Schema):
    kind: Literal["birthday", "anniversary", "other"] = "birthday"
    label: str = Field("", max_length=100, pattern=NO_NUL)
    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    year: int | None = Field(None, ge=1900, le=2100)


class InteractionIn(Schema):
    kind: Literal["call", "meeting", "visit", "email", "message", "note"]
    direction: Literal["inbound", "outbound", "none"] = "none"
    occurred_at: Moment | None = None
    summary: str = Field("", max_length=20000, pattern=NO_NUL)
    client_words: str = Field("", max_length=20000, pattern=NO_NUL)


class PartnerOut(Schema):
    id: int
    name: str
    specialties: str
    area: str
    email: str
    introductions: str
    notes: str


class PartnerIn(Schema):
    name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    specialties: str = Field(min_length=1, max_length=500, pattern=NO_NUL)
    area: str = Field("", max_length=200, pattern=NO_NUL)
    email: str = Field("", max_length=254, pattern=NO_NUL)
    introductions: str = Field("", max_length=300, pattern=NO_NUL)
    notes: str = Field("", max_length=2000, pattern=NO_NUL)


class ReferralOut(Schema):
    id: int
    client_id: int
    partner_id: int
    case_id: int | None
    need: str
    summary_shared: bool
    consent_at: datetime | None
    referred_at: datetime
    follow_up_days: int
    follow_up_at: datetime | None
    outcome: str
    outcome_note: str
    outcome_at: datetime | None


class ReferralIn(Schema):
    client_id: ObjectId
    partner_id: ObjectId
    case_id: ObjectId | None = None
    need: str = Field("", max_length=300, pattern=NO_NUL)
    summary_shared: bool = Field(
        False, description="The client agreed that the case summary is shared with the partner."
    )
    follow_up_days: int = Field(7, ge=1, le=365)


class OutcomeIn(Schema):
    outcome: Literal["helped", "not_a_fit", "no_contact"]
    note: str = Field("", max_length=500, pattern=NO_NUL)


class MemberOut(Schema):
    id: int
    name: str
    email: str
    role: str
    active: bool = Field(description="false once they have left: nothing can be handed to them")


class HandoffOut(Schema):
    id: int
    client_id: int
    case_id: int | None
    from_member_id: int | None
    from_name: str
    to_member_id: int | None
    to_name: str
    told_us: str
    tried: str
    next_steps: str
    avoid: str
    contact_how: str
    call_on: date | None
    promise_id: int | None
    created_at: datetime
    acknowledged_at: datetime | None


NoteText = Annotated[str, Field(max_length=3000, pattern=NO_NUL)]


class HandoffIn(Schema):
    to_member_id: ObjectId = Field(description="a member of this practice who is still here")
    case_id: ObjectId | None = Field(None, description="only this case; none for the client")
    told_us: NoteText = ""
    tried: NoteText = ""
    next_steps: NoteText = ""
    avoid: NoteText = ""
    contact_how: Annotated[str, Field(max_length=1000, pattern=NO_NUL)] = ""
    call_on: Day | None = Field(None, description="a call promised for this day: a promise")


class FeedbackQuestionOut(Schema):
    text: str
    answer: str


class FeedbackOut(Schema):
    """A feedback request: open questions and the client's words. Never a rating (P11)."""

    id: int
    client_id: int
    created_at: datetime
    sent_at: datetime | None
    answered_at: datetime | None
    replied_at: datetime | None
    questions: list[FeedbackQuestionOut]


class FeedbackQuoteOut(Schema):
    words: str
    client_id: int


class FeedbackThemeOut(Schema):
    label: str
    answers: int
    quotes: list[FeedbackQuoteOut]


class FeedbackUnthemedOut(Schema):
    question: str
    answer: str
    client_id: int


class FeedbackThemesOut(Schema):
    months: int
    answers: int
    themes: list[FeedbackThemeOut]
    unthemed: list[FeedbackUnthemedOut]
    how_themes_are_found: str
