"""Today's sections, in the order the page shows them: one module each."""

from __future__ import annotations

from rapport.desk.today.section import TodaySection
from rapport.desk.today.sections.appointments import Appointments
from rapport.desk.today.sections.checkins import Checkins
from rapport.desk.today.sections.dates import Dates
from rapport.desk.today.sections.fading import Fading
from rapport.desk.today.sections.feedback import Feedback
from rapport.desk.today.sections.handoffs import Handoffs
from rapport.desk.today.sections.promises import Promises
from rapport.desk.today.sections.reconfirm import Reconfirm
from rapport.desk.today.sections.referrals import Referrals
from rapport.desk.today.sections.replies import Replies
from rapport.desk.today.sections.touches import Touches
from rapport.desk.today.sections.unsent import Unsent

SECTIONS: tuple[TodaySection, ...] = (
    Handoffs(),
    Unsent(),
    Replies(),
    Feedback(),
    Promises(),
    Checkins(),
    Fading(),
    Dates(),
    Reconfirm(),
    Appointments(),
    Touches(),
    Referrals(),
)
