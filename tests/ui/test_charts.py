from rich.text import Text

from tui_tracker.ui.widgets.charts import sparkline, volume_bar


def test_sparkline_scales_from_lowest_to_highest():
    assert sparkline([]) == ""
    assert sparkline([5, 5]) == "▄▄"
    assert sparkline([100, 105, 110]) == "▁▅█"


def test_volume_bar_marks_the_band_and_fills_by_sets():
    bar = volume_bar(10, (10, 16), "within", width=20)
    assert isinstance(bar, Text) and len(bar.plain) == 20
    assert bar.plain.count("█") == 10  # 10 of 20 on a 20-set scale
    assert "|" in bar.plain  # the top of the band, beyond the fill
    assert volume_bar(0, (10, 16), "below", width=20).plain.count("|") == 2
    assert volume_bar(40, (10, 16), "above", width=20).plain == "█" * 20


def test_sets_cell_carries_the_status_as_a_mark_as_well_as_a_colour():
    from tui_tracker.ui.widgets.charts import sets_cell

    assert sets_cell(4, "below").plain == " 4.0↓"
    assert sets_cell(12, "within").plain == "12.0✓"
    assert sets_cell(18.5, "above").plain == "18.5↑"
