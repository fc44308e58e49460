"""Contact per month, as bars for the client page's small chart. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapport.attention.fading import add_months

MONTHS_SHOWN = 12
BAR_WIDTH = 22
GAP = 6
HEIGHT = 90


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
    def description(self) -> str:
        return (
            f"{self.month:%B %Y}: {self.from_client} from them, {self.from_us} from you, "
            f"{self.together} together"
        )


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    peak: int


def contact_chart(
    rows: Sequence[tuple[date, int, int, int]], *, current_month: date, months: int = MONTHS_SHOWN
) -> Chart:
    """rows: (month, from_client, from_us, together). Bars are stacked: from them at the
    bottom, from us above, together on top, each drawn with its own pattern."""
    by_month = {row[0]: row for row in rows}
    shown = [add_months(current_month, offset) for offset in range(-months + 1, 1)]
    peak = max([sum(by_month[m][1:]) for m in shown if m in by_month] + [1])
    bars = []
    for index, month in enumerate(shown):
        _, client, us, together = by_month.get(month, (month, 0, 0, 0))
        scale = HEIGHT / peak
        client_h, us_h, together_h = (
            round(client * scale),
            round(us * scale),
            round(together * scale),
        )
        base = HEIGHT
        bars.append(
            Bar(
                month=month,
                from_client=client,
                from_us=us,
                together=together,
                x=index * (BAR_WIDTH + GAP),
                client_y=base - client_h,
                client_h=client_h,
                us_y=base - client_h - us_h,
                us_h=us_h,
                together_y=base - client_h - us_h - together_h,
                together_h=together_h,
            )
        )
    return Chart(bars=bars, width=months * (BAR_WIDTH + GAP), height=HEIGHT, peak=peak)
