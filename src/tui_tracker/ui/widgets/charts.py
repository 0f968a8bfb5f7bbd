"""Text charts that survive any terminal: block-character bars and sparklines.

Plain characters, so they read over SSH, in 16 colours and with NO_COLOR
(where the status word beside each bar carries the meaning instead).
"""

from __future__ import annotations

from rich.text import Text

SPARK = "▁▂▃▄▅▆▇█"
STATUS_STYLE = {"below": "yellow", "within": "green", "above": "red"}
#: The same meaning without colour (NO_COLOR, 16-colour themes, colour-blind eyes).
STATUS_MARK = {"below": "↓", "within": "✓", "above": "↑"}


def sets_cell(sets: float, status: str) -> Text:
    """'11.0✓': weekly sets with the band status as colour and as a mark."""
    return Text(f"{sets:4.1f}{STATUS_MARK.get(status, ' ')}", style=STATUS_STYLE.get(status, ""))


def sparkline(values: list[float]) -> str:
    """One character per value, scaled between the smallest and largest."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high - low < 1e-9:
        return SPARK[3] * len(values)
    step = (high - low) / (len(SPARK) - 1)
    return "".join(SPARK[round((v - low) / step)] for v in values)


def volume_bar(sets: float, target: tuple[int, int], status: str, width: int = 16) -> Text:
    """Sets as a bar on a scale to 1.25 x the band's top, with the band's edges marked '|'."""
    scale = max(target[1] * 1.25, sets, 1.0)
    filled = round(sets / scale * width)
    low_at = min(width - 1, round(target[0] / scale * width))
    high_at = min(width - 1, round(target[1] / scale * width))
    cells = []
    for i in range(width):
        if i < filled:
            cells.append("█")
        elif i in (low_at, high_at):
            cells.append("|")
        else:
            cells.append("·")
    text = Text()
    text.append("".join(cells[:filled]), style=STATUS_STYLE.get(status, ""))
    text.append("".join(cells[filled:]), style="dim")
    return text
