"""Bars to draw: contact per month for the client page's small chart, and how many waited each
morning for the overview, with the scale and dates that make them readable. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapport.attention.fading import add_months

MONTHS_SHOWN = 12
BAR_WIDTH = 20
GAP = 6
HEIGHT = 80
CONTACT_LEFT = 22  # room for the scale's numbers
CONTACT_TOP = 12  # room for the scale's unit
MONTH_ROOM = 14  # the months' initials under the bars


@dataclass(frozen=True)
class Tick:
    at: int  # y for the scale, x for the dates
    label: str


@dataclass(frozen=True)
class Bar:
    month: date
    from_client: int
    from_us: int
    together: int
    x: int
    client_y: int
    client_h: int
    us_y: int
    us_h: int
    together_y: int
    together_h: int

    @property
    def total(self) -> int:
        return self.from_client + self.from_us + self.together

    @property
    def label(self) -> str:
        return self.month.strftime("%b")

    @property
    def middle(self) -> int:
        return self.x + BAR_WIDTH // 2

    @property
    def description(self) -> str:
        return (
            f"{self.month:%B %Y}: {self.from_client} from them, {self.from_us} from you, "
            f"{self.together} together"
        )


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    scale: list[Tick]  # contacts in a month: 0 at the bottom, a round number at the top
    width: int
    height: int
    bar_width: int = BAR_WIDTH
    plot_left: int = CONTACT_LEFT
    plot_top: int = CONTACT_TOP
    plot_bottom: int = CONTACT_TOP + HEIGHT

    @property
    def month_y(self) -> int:
        return self.plot_bottom + 11


def contact_chart(
    rows: Sequence[tuple[date, int, int, int]], *, current_month: date, months: int = MONTHS_SHOWN
) -> Chart:
    """rows: (month, from_client, from_us, together). Bars are stacked: from them at the
    bottom, from us above, together on top, each drawn with its own pattern."""
    by_month = {row[0]: row for row in rows}
    shown = [add_months(current_month, offset) for offset in range(-months + 1, 1)]
    peak = max([sum(by_month[m][1:]) for m in shown if m in by_month] + [0])
    top, step = scale_top(peak)
    per_contact = HEIGHT / top
    base = CONTACT_TOP + HEIGHT
    bars = []
    for index, month in enumerate(shown):
        _, client, us, together = by_month.get(month, (month, 0, 0, 0))
        client_h, us_h, together_h = (
            round(client * per_contact),
            round(us * per_contact),
            round(together * per_contact),
        )
        bars.append(
            Bar(
                month=month,
                from_client=client,
                from_us=us,
                together=together,
                x=CONTACT_LEFT + index * (BAR_WIDTH + GAP),
                client_y=base - client_h,
                client_h=client_h,
                us_y=base - client_h - us_h,
                us_h=us_h,
                together_y=base - client_h - us_h - together_h,
                together_h=together_h,
            )
        )
    return Chart(
        bars=bars,
        scale=[
            Tick(base - round(value * per_contact), str(value)) for value in range(0, top + 1, step)
        ],
        width=CONTACT_LEFT + months * (BAR_WIDTH + GAP),
        height=base + MONTH_ROOM,
    )


# The overview's bars: how many waited in one section of Today, each morning. Sized in SVG
# units to fit a phone's width unscaled (the page must not scroll sideways at 390 px).
DAY_STEP = 5  # a 4-unit bar and a 1-unit gap per morning
PLOT_LEFT = 26  # room for the scale's numbers
PLOT_TOP = 14  # room for the scale's unit
PLOT_HEIGHT = 60
AXIS_ROOM = 16  # the dates under the bars
MAX_TICKS = 4
DATE_EVERY = 14  # a date under every second week, counted back from the last morning


@dataclass(frozen=True)
class MorningBar:
    day: date
    count: int
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class MorningChart:
    bars: list[MorningBar]
    scale: list[Tick]  # the count axis: 0 at the bottom, a round number at the top
    dates: list[Tick]
    width: int
    height: int
    plot_left: int
    plot_top: int
    plot_bottom: int
    plot_right: int
    summary: str  # what the picture shows, for screen readers


def scale_top(peak: int) -> tuple[int, int]:
    """(top, step) of a scale from 0 that holds `peak` in at most MAX_TICKS round steps:
    7 -> (8, 2); 23 -> (30, 10); 0 -> (1, 1)."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        top = -(-max(peak, 1) // step) * step
        if top // step <= MAX_TICKS:
            return top, step
    step = 10 ** len(str(peak))
    return -(-peak // step) * step, step


def morning_chart(counts: Sequence[tuple[date, int]]) -> MorningChart:
    """Bars for (day, count) pairs, oldest first, with a scale and dates to read them by."""
    top, step = scale_top(max([count for _, count in counts] + [0]))
    bottom = PLOT_TOP + PLOT_HEIGHT
    bars = []
    for index, (day, count) in enumerate(counts):
        height = round(PLOT_HEIGHT * count / top)
        x = PLOT_LEFT + index * DAY_STEP
        bars.append(MorningBar(day, count, x, bottom - height, height))
    scale = [
        Tick(bottom - round(PLOT_HEIGHT * value / top), str(value))
        for value in range(0, top + 1, step)
    ]
    dates = [
        Tick(bar.x + 2, f"{bar.day.day} {bar.day:%b}")
        for index, bar in enumerate(reversed(bars))
        if index % DATE_EVERY == 0
    ][::-1]
    right = PLOT_LEFT + max(len(bars), 1) * DAY_STEP
    return MorningChart(
        bars=bars,
        scale=scale,
        dates=dates,
        width=right + 14,  # half a date label may stand past the last bar
        height=bottom + AXIS_ROOM,
        plot_left=PLOT_LEFT,
        plot_top=PLOT_TOP,
        plot_bottom=bottom,
        plot_right=right,
        summary=_summary(counts),
    )


def _summary(counts: Sequence[tuple[date, int]]) -> str:
    if not counts:
        return "No mornings counted yet."
    values = [count for _, count in counts]
    first, last = counts[0][0], counts[-1][0]
    return (
        f"From {first.day} {first:%B} to {last.day} {last:%B}: between {min(values)} and "
        f"{max(values)} each morning, {values[-1]} on the last."
    )
