"""Step 1 of planning a mesocycle: template, weeks, start date, optional name.

A form a newcomer gets through in a few keys: Enter on a template, the weeks,
Enter.  What it reads is checked by the domain (`check_weeks`, `parse_date`,
`build_mesocycle`), and a refusal is shown under the fields, as it is, with the
field marked and focused.
"""

from __future__ import annotations

from datetime import date
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.inputs import parse_date
from ...domain.mesocycle import MAX_WEEKS, MIN_WEEKS, WEEKDAYS, Mesocycle, check_weeks
from ...domain.templates import TEMPLATES, Template, build_mesocycle
from .fields import ChoiceList, NumberField, TextField

FIELDS = ("weeks", "start", "meso-name")


def _template_line(t: Template) -> str:
    days = ", ".join(WEEKDAYS[d.weekday] for d in t.days)
    return f"[b]{t.title:<18}[/b] {len(t.days)} days a week: {days}"


class PlanSetup(Vertical):
    """The block's template, length, start and name."""

    def __init__(self, today: date, on_submit: Callable[[], None], **kwargs) -> None:
        """`on_submit` runs at once on Enter in a field (the lifter wants to see the plan),
        so keys typed after Enter reach the plan, not this form."""
        super().__init__(**kwargs)
        self.today = today
        self.on_submit = on_submit

    def compose(self) -> ComposeResult:
        yield ChoiceList(
            *[Option(_template_line(t), id=t.name) for t in TEMPLATES.values()],
            on_choose=self._template_chosen,
            id="templates",
        )
        yield Static("", id="template-info")
        with Horizontal(classes="plan-field"):
            yield Label("Weeks", classes="plan-label")
            # Text fields that leave letters (q) to the screen: see NumberField.
            yield NumberField(
                id="weeks", on_enter=self.on_submit, accepts="0-9", max_length=2, placeholder="3-6"
            )
            yield Label(
                f"{MIN_WEEKS} to {MAX_WEEKS} weeks of hard training, then a deload week",
                classes="hint",
            )
        with Horizontal(classes="plan-field"):
            yield Label("Start", classes="plan-label")
            yield NumberField(
                id="start",
                on_enter=self.on_submit,
                accepts="0-9-",
                max_length=10,
                value=self.today.isoformat(),
            )
            yield Label("YYYY-MM-DD: week 1 is the 7 days from it", classes="hint")
        with Horizontal(classes="plan-field"):
            yield Label("Name", classes="plan-label")
            yield TextField(
                id="meso-name",
                on_enter=self.on_submit,
                max_length=60,
                placeholder="optional (default: the plan and the month)",
            )
        yield Static("", id="setup-error")
        yield Static(
            "[b]Enter[/b]: see and edit the plan    [b]Ctrl+S[/b]: save it as it is",
            id="setup-hint",
        )

    def on_mount(self) -> None:
        templates = self.query_one("#templates", OptionList)
        templates.border_title = "Template (↑/↓, Enter)"
        templates.highlighted = 0

    @property
    def template(self) -> str:
        templates = self.query_one("#templates", OptionList)
        return templates.get_option_at_index(templates.highlighted or 0).id

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one("#templates", OptionList))

    def focus_weeks(self) -> None:
        self.screen.set_focus(self.query_one("#weeks", Input))

    def changed(self) -> bool:
        """Anything the lifter would lose by leaving."""
        value = {f: self.query_one(f"#{f}", Input).value for f in FIELDS}
        return (
            bool(value["weeks"] or value["meso-name"])
            or value["start"] != self.today.isoformat()
            or self.query_one("#templates", OptionList).highlighted != 0
        )

    @on(OptionList.OptionHighlighted, "#templates")
    def _template_highlighted(self) -> None:
        self.query_one("#template-info", Static).update(TEMPLATES[self.template].description)

    def _template_chosen(self, _template: str | None = None) -> None:
        self.focus_weeks()

    @on(OptionList.OptionSelected, "#templates")
    def _template_clicked(self) -> None:
        self.focus_weeks()

    @on(Input.Changed, "#weeks")
    def _weeks_typed(self, event: Input.Changed) -> None:
        """Say at once why 7 weeks is refused, not only on Enter."""
        try:
            if event.value:
                check_weeks(int(event.value))
            self.show_error(None)
        except ValueError as e:
            self.show_error(str(e), "weeks")

    def show_error(self, message: str | None, field: str | None = None) -> None:
        self.query_one("#setup-error", Static).update(Content(message or ""))  # not markup
        for name in FIELDS:
            self.query_one(f"#{name}", Input).set_class(name == field, "-bad")

    def read(self) -> Mesocycle | None:
        """The block the form describes, or None after showing the domain's refusal."""
        value = {f: self.query_one(f"#{f}", Input).value.strip() for f in FIELDS}
        field = "weeks"
        try:
            if not value["weeks"]:
                raise ValueError(f"type how many weeks: {MIN_WEEKS} to {MAX_WEEKS}")
            weeks = check_weeks(int(value["weeks"]))
            field = "start"
            start = parse_date(value["start"])
            field = "meso-name"
            meso = build_mesocycle(self.template, weeks, start, value["meso-name"] or None)
        except ValueError as e:
            self.show_error(str(e), field)
            self.screen.set_focus(self.query_one(f"#{field}", Input))
            return None
        self.show_error(None)
        return meso
