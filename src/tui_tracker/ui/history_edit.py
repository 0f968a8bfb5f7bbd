"""One past session opened from History, for fixing: its sets, date and times.

`e` edits the highlighted set (the edit dialog Today uses), `d` deletes it, `c` changes
the date, `t` the start and end times, `x` deletes the whole session (asking first),
`u` undoes the last change.  An unfinished session can be finished (`f`, the end
pre-filled a few minutes after its last set) or, from an earlier day, resumed (`r`):
Today's new sets then join it.  The rules and the writes are past.py's; this screen
lays them out and says what happened or why a value was refused, in plain text.

The screen answers (dismisses with) True when anything changed, so History and then
Today reload what they show.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Static

from ..domain.catalogue import Catalogue
from ..domain.inputs import InputError
from ..domain.models import Exercise, LoggedSet, Session
from ..domain.set_rows import set_cells
from ..domain.session_edits import default_end
from ..domain.sessions import duration_text, set_counts
from ..entries import Entry
from ..past import Past, PastChange
from ..store import StoreError
from .dialog import Dialog
from .keys import EarlyKeys
from .trouble import KeepsRunning, is_fatal
from .widgets.fields import NumberField
from .widgets.key_bar import KeyBar
from .widgets.status_line import StatusLine
from .widgets.too_small import TooSmall
from .widgets.tables import Table

#: Called with the typed values; returns why they were refused and the key of the field
#: it is about (None: not one field), or None once saved.
Submit = Callable[[list[str]], tuple[str, str | None] | None]
#: A field: its key ("date", "start", "end"), label, value and the characters it takes.
Field = tuple[str, str, str, str]


class SessionFields(Dialog[bool]):
    """One or two short fields (a date, times): Enter moves on, and on the last one saves;
    a refused value is explained under the fields and the dialog stays open."""

    BINDINGS = [Binding("escape,q", "cancel", "Cancel")]
    DEFAULT_CSS = """
    SessionFields .session-field { width: 1fr; }
    SessionFields .field-label { width: 1fr; }
    SessionFields #fields-error { width: 1fr; }
    """

    def __init__(self, title: str, fields: list[Field], hint: str, submit: Submit) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.hint = hint
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="session-fields"):
            yield Label(Content(self.title_text), classes="question")
            for i, (_key, label, value, accepts) in enumerate(self.fields):
                yield Label(Content(label), classes="field-label")
                yield NumberField(
                    value=value,
                    accepts=accepts,
                    id=f"field-{i}",
                    classes="session-field",
                    on_enter=self._enter,
                )
            yield Label("", id="fields-error", classes="error")
            yield Label(Content(self.hint), classes="hint")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#field-0", Input))

    def _inputs(self) -> list[Input]:
        return [self.query_one(f"#field-{i}", Input) for i in range(len(self.fields))]

    def _enter(self) -> None:
        inputs = self._inputs()
        if self.focused is not inputs[-1]:
            self.focus_next()
            return
        refused = self.submit([field.value for field in inputs])
        if refused is None:
            self.answer(True)
            return
        error, key = refused
        self.query_one("#fields-error", Label).update(Content(f"Not saved: {error}."))
        keys = [f[0] for f in self.fields]
        field = inputs[keys.index(key)] if key in keys else inputs[-1]
        self.set_focus(field)
        field.entered()  # its value selected: typing replaces it

    def action_cancel(self) -> None:
        self.answer(False)


def _title(s: Session) -> str:
    if s.ended_at:
        time = f"{s.started_at:%H:%M}-{s.ended_at:%H:%M}, {duration_text(s.started_at, s.ended_at)}"
    else:
        time = f"from {s.started_at:%H:%M}, not finished"
    return f"{s.date:%a %d %b %Y} · {time} · {set_counts(s.sets)}"


class SessionScreen(EarlyKeys, KeepsRunning, Screen[bool]):
    """One past session: its sets, and the keys that fix it."""

    DEFAULT_CSS = """
    SessionScreen #session-sets { height: 1fr; }  /* it scrolls; title and status stay */
    SessionScreen #status { max-height: 3; }
    """

    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete_set", "Delete"),
        Binding("c", "date", "Date"),
        Binding("t", "times", "Times"),
        Binding("f", "finish", "Finish"),
        Binding("r", "resume", "Resume"),
        Binding("u", "undo", "Undo"),
        Binding("x", "delete_session", "Del session"),
    ]

    def __init__(self, session: Session, catalogue: Catalogue, past: Past) -> None:
        super().__init__()
        self.session: Session | None = session
        self.catalogue = catalogue
        self.past = past
        self.changed = False
        self.rows: list[str] = []  # set ids, as listed

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield Table(id="session-sets", cursor_type="row", zebra_stripes=True)
        yield StatusLine("", id="status")
        yield KeyBar(compact=True)  # nine keys in 80 columns
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Exercise", "#", "Load", "Reps", "RIR", "Type", "SS", "Note")
        title = self.query_one("#title", Static)  # long counts wrap, not cut (app.tcss: 1 line)
        title.styles.height = "auto"
        title.styles.max_height = 2
        self.fill()
        self.set_focus(table)  # now, not deferred: keys read early go to it (EarlyKeys)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def name_of(self, exercise_id: str) -> str:
        ex = self.catalogue.get(exercise_id)
        return ex.name if ex else exercise_id

    def fill(self) -> None:
        """Show the session as it is now (cursor kept on the same row where it can)."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.rows = []
        s = self.session
        if s is None:
            self.query_one("#title", Static).update(
                Content("Session deleted · u: undo · Esc/q: back")
            )
            self.refresh_bindings()
            return
        self.query_one("#title", Static).update(Content(_title(s)))
        for ex_id in s.exercise_ids():
            name = self.name_of(ex_id)
            # (an exercise no longer known still shows its sets: loads as plain weights)
            ex = self.catalogue.get(ex_id) or Exercise(ex_id, name, (), custom=True)
            for i, st in enumerate(s.sets_for(ex_id), 1):
                load, reps, rir, kind, superset = set_cells(st, ex)
                table.add_row(
                    Text(name[:26] if i == 1 else ""),
                    str(i),
                    load,
                    reps,
                    rir,
                    kind,
                    Text(superset[:3]),
                    Text(st.note[:20]),
                    key=st.id,
                )
                self.rows.append(st.id)
        if s.note:
            table.add_row(Text("Note:"), "", Text(s.note[:60]), "", "", "", "", "")
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        s = self.session
        if action in ("edit", "delete_set"):
            return True if s is not None and self.rows else None
        if action in ("date", "times", "delete_session"):
            return True if s is not None else None
        # finish and resume only show for an unfinished session (resume: of an earlier day)
        if action == "finish":
            return s is not None and s.is_open
        if action == "resume":
            return s is not None and s.is_open and s.date < self.past.today
        if action == "undo":
            return True if self.past.can_undo else None
        return True

    # --- the highlighted set --------------------------------------------------------------

    def highlighted(self) -> tuple[int, LoggedSet] | None:
        s = self.session
        row = self.query_one(DataTable).cursor_row
        if s is None or not 0 <= row < len(self.rows):
            return None
        found = next((x for x in s.sets if x.id == self.rows[row]), None)
        return (row, found) if found is not None else None

    def action_edit(self) -> None:
        from .modals import EditSet

        found = self.highlighted()
        if found is None or self.session is None:
            return
        _, logged = found
        session = self.session
        number = session.sets_for(logged.exercise_id).index(logged) + 1

        def edited(entry: Entry | None) -> None:
            if entry is not None:
                self.apply(lambda: self.past.edit_set(session, logged.id, entry))

        self.app.push_screen(
            EditSet(logged, f"Edit set {number} of {self.name_of(logged.exercise_id)}", edited)
        )

    def action_delete_set(self) -> None:
        found = self.highlighted()
        if found is not None and self.session is not None:
            session = self.session
            self.apply(lambda: self.past.delete_set(session, found[1].id))

    # --- the session ------------------------------------------------------------------------

    def action_date(self) -> None:
        session = self.session
        if session is None:
            return
        self.ask(
            f"Date of the session of {session.date:%a %d %b %Y}",
            [("date", "Date (YYYY-MM-DD, not after today)", session.date.isoformat(), "0-9-")],
            "Enter: save    Esc: cancel",
            lambda v: self.past.change_date(session, v[0]),
        )

    def action_times(self) -> None:
        session = self.session
        if session is None:
            return
        end = f"{session.ended_at:%H:%M}" if session.ended_at else ""
        self.ask(
            "Start and end of the session (HH:MM)",
            [
                ("start", "Start", f"{session.started_at:%H:%M}", "0-9:."),
                ("end", "End" + (" (empty: still open)" if session.is_open else ""), end, "0-9:."),
            ],
            "Enter: next field, then save    Tab: next field    Esc: cancel",
            lambda v: self.past.change_times(session, v[0], v[1]),
        )

    def action_finish(self) -> None:
        session = self.session
        if session is None or not session.is_open:
            return
        self.ask(
            "Finish the session: when did it end? (HH:MM)",
            [
                (
                    "end",
                    "End (a few minutes after the last set; change it if you left later)",
                    f"{default_end(session):%H:%M}",
                    "0-9:.",
                )
            ],
            "Enter: finish    Esc: cancel",
            lambda v: self.past.finish(session, v[0]),
        )

    def action_resume(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            message = self.past.resume(session)
        except (InputError, StoreError) as e:
            if isinstance(e, StoreError) and is_fatal(e):
                raise
            self.status.show(f"NOT resumed: {e}", "error")
            return
        self.changed = True
        self.status.show(message, "saved")

    def action_delete_session(self) -> None:
        from .modals import Confirm

        session = self.session
        if session is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.apply(lambda: self.past.delete_session(session))

        self.app.push_screen(
            Confirm(
                f"Delete the session of {session.date:%a %d %b %Y}?",
                f"{set_counts(session.sets)}. u undoes it while this screen is open.",
                answered,
            )
        )

    def action_undo(self) -> None:
        self.apply(self.past.undo)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    # --- plumbing ---------------------------------------------------------------------------

    def ask(
        self, title: str, fields: list[Field], hint: str, change: Callable[[list[str]], PastChange]
    ) -> None:
        def submit(values: list[str]) -> tuple[str, str | None] | None:
            try:
                self.shown(change(values))
            except InputError as e:
                return str(e), getattr(e, "field", None)
            except StoreError as e:
                if is_fatal(e):
                    raise
                return str(e).rstrip("."), None
            return None

        self.app.push_screen(SessionFields(title, fields, hint, submit))

    def apply(self, change: Callable[[], PastChange | None]) -> None:
        try:
            done = change()
        except (InputError, StoreError) as e:
            if isinstance(e, StoreError) and is_fatal(e):
                raise
            self.status.show(f"NOT changed: {e}", "error")
            return
        if done is not None:
            self.shown(done)

    def shown(self, change: PastChange) -> None:
        self.session = change.after
        self.changed = True
        self.fill()
        self.status.show(change.message, "warning" if "Press u" in change.message else "saved")
