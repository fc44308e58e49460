"""The demo practice's hand-written clients, each with a story: the people the demo is about.

The crowd of generated clients around them is in `rapport.demo.generated`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapport.clients.models import CheckinConsent, ClientStatus, Closeness, DateKind, FactCategory
from rapport.timeline.models import Direction, InteractionKind


@dataclass
class Person:
    full_name: str
    preferred: str = ""
    say: str = ""
    pronouns: str = ""
    status: str = ClientStatus.ACTIVE
    closeness: str = Closeness.REGULAR
    met: str = ""
    months: int = 12
    phone: str = ""
    tags: tuple[str, ...] = ()
    facts: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, str, int, int, int | None]] = field(default_factory=list)
    story: list[tuple[int, str, str, str, str]] = field(default_factory=list)
    consent: str = CheckinConsent.YES
    paused_note_ok: bool = False


PEOPLE = [
    Person(
        "Siobhán Ní Bhriain",
        "Siobhán",
        "shiv-AWN",
        "she/her",
        met="a talk at the library",
        months=14,
        phone="07700 900123",
        tags=("coaching", "career change"),
        facts=[
            (FactCategory.INTEREST, "Grows orchids; has eleven on the kitchen windowsill"),
            (FactCategory.PERSON, "Partner: Declan, a paramedic"),
            (FactCategory.PREFERENCE, "Prefers a call to email for anything important"),
            (FactCategory.VALUE, "Honesty, even when it stings"),
            (FactCategory.LIFE_EVENT, "Left the bank in March to retrain as a garden designer"),
        ],
        dates=[
            (DateKind.BIRTHDAY, "", 14, 2, None),
            (DateKind.ANNIVERSARY, "Started her own studio", 2, 9, 2025),
        ],
        story=[
            (
                400,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session. Wants to leave banking; afraid of losing the security.",
                "I have been good at a job I do not like for fifteen years.",
            ),
            (
                120,
                InteractionKind.CALL,
                Direction.OUTBOUND,
                "Check-in after the course started. Loving the soil science module.",
                "",
            ),
            (
                21,
                InteractionKind.EMAIL,
                Direction.INBOUND,
                "Asked whether we could move sessions to Thursday evenings.",
                "Thursdays would be so much easier now that I am on site in the mornings.",
            ),
            (
                20,
                InteractionKind.EMAIL,
                Direction.OUTBOUND,
                "Confirmed Thursdays from next month.",
                "",
            ),
        ],
    ),
    Person(
        "Tomasz Wiśniewski",
        "Tomek",
        "TOH-mek",
        "he/him",
        met="referred by Dr Anand",
        months=8,
        phone="07700 900456",
        tags=("counselling",),
        closeness=Closeness.CLOSE,
        facts=[
            (FactCategory.PERSON, "Daughter: Zosia, 7, loves horses"),
            (FactCategory.INTEREST, "Restores old bicycles at weekends"),
            (FactCategory.LIFE_EVENT, "His father died in June; still finds Sundays hard"),
            (FactCategory.PREFERENCE, "Likes sessions to start on the dot"),
        ],
        dates=[
            (DateKind.BIRTHDAY, "", 3, 11, 1984),
            (DateKind.OTHER, "His father's anniversary", 18, 6, None),
        ],
        story=[
            (
                230,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session after the referral. Grief, sleep, work pressure.",
                "I keep thinking I should be over it by now.",
            ),
            (
                60,
                InteractionKind.MEETING,
                Direction.NONE,
                "Talked about Zosia's riding lessons; smiled for the first time in weeks.",
                "",
            ),
        ],
    ),
    Person(
        "Amara Okonkwo-Bell",
        "Amara",
        "ah-MAH-rah",
        "she/her",
        status=ClientStatus.PROSPECT,
        closeness=Closeness.NEW,
        consent=CheckinConsent.UNKNOWN,
        met="LinkedIn post about burnout",
        months=1,
        tags=("prospect", "leadership"),
        facts=[
            (FactCategory.OTHER, "Runs a 40-person logistics team in Felixstowe"),
            (FactCategory.INTEREST, "Sea swimming, all year round"),
        ],
        story=[
            (
                12,
                InteractionKind.CALL,
                Direction.INBOUND,
                "Introductory call. Wants help with a team that has doubled in a year.",
                "I am the bottleneck and I know it.",
            ),
            (
                11,
                InteractionKind.EMAIL,
                Direction.OUTBOUND,
                "Sent the outline of a six-session programme and the fees, as promised.",
                "",
            ),
        ],
    ),
    Person(
        "Rahul Venkataraman",
        "Rahul",
        "RAH-hool",
        "he/him",
        met="his sister Priya is a client",
        months=26,
        phone="+44 20 7946 0958",
        tags=("coaching", "family business"),
        closeness=Closeness.CLOSE,
        facts=[
            (FactCategory.PERSON, "Sister: Priya, also a client"),
            (FactCategory.INTEREST, "Cricket; plays for a village side in Kent"),
            (FactCategory.VALUE, "Keeping the family business in the family"),
            (FactCategory.PREFERENCE, "Vegetarian; no coffee after noon"),
        ],
        dates=[
            (DateKind.BIRTHDAY, "", 29, 2, 1988),
            (DateKind.ANNIVERSARY, "Wedding anniversary", 12, 12, 2015),
        ],
        story=[
            (
                700,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session: succession in the family import business.",
                "",
            ),
            (
                300,
                InteractionKind.VISIT,
                Direction.NONE,
                "Visited the warehouse; met his father and the two longest-serving staff.",
                "",
            ),
            (
                45,
                InteractionKind.CALL,
                Direction.OUTBOUND,
                "Quarterly check-in. The handover plan is on track.",
                "",
            ),
            (
                3,
                InteractionKind.MESSAGE,
                Direction.INBOUND,
                "Father wants to postpone the handover by a year.",
                "He said it over dinner as if it was nothing.",
            ),
        ],
    ),
    Person(
        "Marguerite Dubois",
        "Maggie",
        "",
        "she/her",
        status=ClientStatus.PAUSED,
        met="a friend of Siobhán",
        months=18,
        tags=("counselling",),
        facts=[
            (FactCategory.LIFE_EVENT, "Took a break from sessions after her hip operation"),
            (FactCategory.INTEREST, "Sings in a community choir"),
            (FactCategory.PREFERENCE, "Not ready to restart yet; asked us not to chase"),
        ],
        dates=[(DateKind.BIRTHDAY, "", 8, 5, None)],
        story=[
            (
                520,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session. Anxiety about retirement.",
                "",
            ),
            (
                150,
                InteractionKind.CALL,
                Direction.INBOUND,
                "Asked to pause for the operation and the recovery.",
                "I will get back in touch when I am ready, please do not worry about me.",
            ),
        ],
    ),
    Person(
        "Kofi Mensah",
        "Kofi",
        "KOH-fee",
        "he/him",
        met="a workshop at the chamber of commerce",
        months=5,
        phone="07700 900789",
        tags=("coaching",),
        closeness=Closeness.NEW,
        facts=[
            (FactCategory.INTEREST, "Photography, mostly street portraits"),
            (FactCategory.VALUE, "Being a good example for his apprentices"),
        ],
        story=[
            (
                150,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session: growing his electrical business from 3 to 8 people.",
                "",
            ),
            (
                90,
                InteractionKind.MEETING,
                Direction.NONE,
                "Hiring plan and how to say no to underpriced jobs.",
                "",
            ),
            (
                50,
                InteractionKind.EMAIL,
                Direction.INBOUND,
                "Sent his draft job advert for feedback.",
                "",
            ),
            (
                48,
                InteractionKind.EMAIL,
                Direction.OUTBOUND,
                "Comments on the advert: lead with the training he offers.",
                "",
            ),
        ],
    ),
    Person(
        "Hana Yoshida",
        "Hana",
        "HAH-nah",
        "she/they",
        consent=CheckinConsent.NO,
        met="a search for a bilingual coach",
        months=30,
        tags=("coaching", "career change"),
        closeness=Closeness.CLOSE,
        status=ClientStatus.FORMER,
        facts=[
            (FactCategory.LIFE_EVENT, "Moved back to Osaka in August to care for her mother"),
            (FactCategory.INTEREST, "Ceramics; sells at a Sunday market"),
        ],
        dates=[(DateKind.BIRTHDAY, "", 21, 7, 1990)],
        story=[
            (
                900,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session: leaving consulting.",
                "",
            ),
            (
                95,
                InteractionKind.CALL,
                Direction.NONE,
                "Last session before the move; planned how to keep going alone.",
                "Thank you for never making me feel silly about changing my mind.",
            ),
        ],
    ),
    Person(
        "Gareth Pryce-Jones",
        "Gareth",
        "",
        "he/him",
        consent=CheckinConsent.UNKNOWN,
        met="his GP's recommendation",
        months=3,
        tags=("counselling",),
        closeness=Closeness.NEW,
        phone="029 2018 0123",
        facts=[
            (FactCategory.PERSON, "Wife: Eleri; two teenage sons"),
            (FactCategory.PREFERENCE, "Appointments before 9am, before work"),
        ],
        story=[
            (
                80,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session. Panic attacks at work since the restructure.",
                "",
            ),
            (
                40,
                InteractionKind.MEETING,
                Direction.NONE,
                "Breathing exercises are helping on the train.",
                "",
            ),
            (
                2,
                InteractionKind.EMAIL,
                Direction.INBOUND,
                "Asked about the cost of moving to fortnightly sessions.",
                "",
            ),
            (
                1,
                InteractionKind.EMAIL,
                Direction.INBOUND,
                "Wrote again about the fortnightly sessions.",
                "Sorry to nag, just need to plan the budget.",
            ),
        ],
    ),
    Person(
        "Niamh Gallagher",
        "Niamh",
        "NEEV",
        "she/her",
        met="a parents' evening talk on burnout",
        months=10,
        phone="07700 900321",
        tags=("coaching",),
        facts=[
            (FactCategory.PERSON, "Son: Oisín, starting secondary school"),
            (FactCategory.INTEREST, "Open-water swimming at the lido"),
            (FactCategory.VALUE, "Being home for dinner with her son"),
        ],
        story=[
            (
                300,
                InteractionKind.MEETING,
                Direction.NONE,
                "First session: back to work after two years at home.",
                "",
            ),
            (293, InteractionKind.EMAIL, Direction.INBOUND, "Sent her CV for a read-through.", ""),
            (292, InteractionKind.EMAIL, Direction.OUTBOUND, "Notes on the CV, same day.", ""),
            (
                286,
                InteractionKind.MEETING,
                Direction.NONE,
                "Mock interview; nervous about the gap.",
                "",
            ),
            (
                279,
                InteractionKind.CALL,
                Direction.OUTBOUND,
                "Quick call before her first interview.",
                "",
            ),
            (
                272,
                InteractionKind.MEETING,
                Direction.NONE,
                "She got the job. Planned the first 90 days.",
                "I actually did it.",
            ),
            (262, InteractionKind.MESSAGE, Direction.INBOUND, "Photo of her new desk.", ""),
            (
                261,
                InteractionKind.MESSAGE,
                Direction.OUTBOUND,
                "Congratulations, and a reminder to take lunch breaks.",
                "",
            ),
            (248, InteractionKind.MEETING, Direction.NONE, "Settling in; a difficult manager.", ""),
            (236, InteractionKind.MEETING, Direction.NONE, "Boundaries with the manager.", ""),
            (
                150,
                InteractionKind.EMAIL,
                Direction.INBOUND,
                "Asked about sessions in the evening.",
                "",
            ),
            (146, InteractionKind.EMAIL, Direction.OUTBOUND, "Offered Thursday evenings.", ""),
            (
                52,
                InteractionKind.EMAIL,
                Direction.OUTBOUND,
                "Sent the article on returning parents.",
                "",
            ),
        ],
    ),
]
