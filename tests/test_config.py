"""`tui-tracker config`: every setting, its value and where it comes from; set, unset, path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store


@pytest.fixture
def cfg(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "config" / "tui-tracker" / "settings.toml"
    monkeypatch.setenv("TUI_TRACKER_CONFIG", str(path))
    monkeypatch.setenv("TUI_TRACKER_DB", str(tmp_path / "data" / "training.json"))
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "data" / "training.json"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def rows(out: str) -> dict[str, tuple[str, str]]:
    """The table as {setting: (value, from)}."""
    table = out.split("\n\n", 1)[1].splitlines()[1:]
    found = {}
    for line in table:
        key, rest = line.split(" ", 1)
        value, _, source = rest.strip().rpartition("  ")
        found[key] = (value.strip(), source.strip())
    return found


def test_path_prints_where_the_file_is(capsys, cfg):
    assert run(capsys, "config", "path") == (0, f"{cfg}\n", "")


def test_without_a_file_every_setting_is_a_default_and_nothing_is_created(capsys, cfg, tmp_path):
    code, out, err = run(capsys, "config")
    assert code == 0 and err == ""
    assert out.startswith(f"Settings file: {cfg} (not created yet: every value is a default)\n")
    table = rows(out)
    assert list(table) == [
        "unit",
        "theme",
        "keymap",
        "bar_kg",
        "bar_lb",
        "plates_kg",
        "plates_lb",
        "dumbbell_step_kg",
        "dumbbell_step_lb",
        "machine_step_kg",
        "machine_step_lb",
        "rest_compound",
        "rest_isolation",
        "training_status",
        "auto_advance",
        "health_notice_read",
    ]
    assert table["unit"] == ("kg", "default")
    assert table["plates_kg"] == ("25 20 15 10 5 2.5 1.25", "default")
    assert table["training_status"] == ("(not set: the app asks)", "default")
    assert all(len(line) <= 80 for line in out.splitlines()[2:])
    assert list(tmp_path.iterdir()) == []  # no settings file, no database


def test_set_checks_writes_and_config_shows_it_from_the_file(capsys, cfg):
    assert run(capsys, "config", "set", "unit", "LBS") == (0, f"unit = lb  (saved in {cfg})\n", "")
    code, out, _ = run(capsys, "config", "set", "rest_compound", "3:00")
    assert code == 0 and out.startswith("rest_compound = 180  (saved in")
    code, out, _ = run(capsys, "config", "set", "keymap.today.add", "Ctrl+A, ?")
    assert out.startswith("keymap.today.add = ctrl+a,question_mark  (saved in")
    assert tomllib.loads(cfg.read_text()) == {
        "unit": "lb",
        "rest_compound": 180,
        "keymap": {"today.add": "ctrl+a,question_mark"},
    }
    code, out, _ = run(capsys, "config")
    table = rows(out)
    assert out.startswith(f"Settings file: {cfg}\n")
    assert table["unit"] == ("lb", "settings file")
    assert table["rest_compound"] == ("180", "settings file")
    assert table["keymap.today.add"] == ("ctrl+a,question_mark", "settings file")
    assert table["rest_isolation"] == ("(each exercise's own: 90 s)", "default")


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ("unit", "stone"),
            "tui-tracker: error: unit: 'stone' is not allowed (allowed: kg or lb)\n",
        ),
        (
            ("untis", "lb"),
            "tui-tracker: error: 'untis': unknown setting; did you mean unit? "
            "(allowed: unit, theme, keymap, bar_kg, bar_lb, plates_kg, plates_lb, "
            "dumbbell_step_kg, dumbbell_step_lb, machine_step_kg, machine_step_lb, "
            "rest_compound, rest_isolation, training_status, auto_advance, "
            "health_notice_read)\n",
        ),
        (
            ("plates_kg", "20,20"),
            "tui-tracker: error: plates_kg: 20 kg is listed twice (list each "
            "size once) (allowed: 1 to 20 plate sizes up to 50 kg, each once, "
            "e.g. 25,20,15,10,5,2.5,1.25)\n",
        ),
        (("keymap", "a"), "set one entry at a time: keymap.ID VALUE"),
        (("keymap.today.add", "ctrl+"), "keymap.today.add: 'ctrl+' ends with '+' but names no key"),
        (("auto_advance", "maybe"), "auto_advance: 'maybe' is not true or false"),
    ],
)
def test_a_bad_value_is_one_line_exit_2_and_writes_nothing(capsys, cfg, tmp_path, args, message):
    code, out, err = run(capsys, "config", "set", *args)
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_theme_is_checked_against_textuals_themes(capsys, cfg):
    from textual.theme import BUILTIN_THEMES

    assert run(capsys, "config", "set", "theme", "nord")[0] == 0
    code, _, err = run(capsys, "config", "set", "theme", "nordic")
    assert code == 2
    assert err.startswith(
        "tui-tracker: error: theme: unknown theme 'nordic' (allowed: empty "
        "for Textual's default, or one of ansi-dark, ansi-light,"
    )
    assert all(name in err for name in BUILTIN_THEMES)
    assert run(capsys, "config", "set", "theme", "")[0] == 0
    assert rows(run(capsys, "config")[1])["theme"] == ("(Textual's default)", "settings file")


def test_a_theme_in_the_file_is_checked_against_textuals_themes_too(capsys, cfg):
    cfg.parent.mkdir(parents=True)
    cfg.write_text('theme = "nordic"\n')
    code, out, err = run(capsys, "config")
    assert code == 2
    assert rows(out)["theme"] == ("(Textual's default)", "default (the file's value is refused)")
    assert err.startswith(
        f"tui-tracker: warning: settings file {cfg}: theme: unknown theme "
        "'nordic' (allowed: empty for Textual's default, or one of ansi-dark"
    )
    cfg.write_text('theme = "gruvbox"\n')
    assert rows(run(capsys, "config")[1])["theme"] == ("gruvbox", "settings file")


def test_unset_goes_back_to_the_default(capsys, cfg):
    run(capsys, "config", "set", "bar_kg", "15")
    code, out, _ = run(capsys, "config", "unset", "bar_kg")
    assert (code, out) == (0, f"bar_kg removed from {cfg}: the default (20) applies\n")
    assert run(capsys, "config", "unset", "bar_kg")[1] == (
        f"bar_kg was not set in {cfg}; nothing changed\n"
    )
    assert rows(run(capsys, "config")[1])["bar_kg"] == ("20", "default")
    code, _, err = run(capsys, "config", "unset", "nope")
    assert code == 2 and "'nope': unknown setting" in err


def test_the_databases_legacy_unit_shows_as_such_until_the_file_sets_one(capsys, cfg, db):
    store = Store(db)
    store.set_setting("unit", "lb")  # what `log --unit lb` and the TUI's `t` used to leave
    store.close()
    code, out, _ = run(capsys, "config")
    assert f"Database:      {db} (its unit setting, from an older version)" in out
    assert rows(out)["unit"] == ("lb", "database (legacy)")
    code, out, _ = run(capsys, "config", "--json")
    assert json.loads(out)["settings"]["unit"] == {
        "value": "lb",
        "source": "database",
        "path": str(db),
        "refused": False,
        "default": "kg",
        "allowed": "kg or lb",
        "description": json.loads(out)["settings"]["unit"]["description"],
    }
    run(capsys, "config", "set", "unit", "kg")
    assert rows(run(capsys, "config")[1])["unit"] == ("kg", "settings file")
    store = Store(db)
    assert store.get_setting("unit") == "lb"  # the database was never written
    store.close()
    code, out, _ = run(capsys, "config", "unset", "unit")
    assert "the database's unit from an older version applies if it has one" in out
    assert rows(run(capsys, "config")[1])["unit"] == ("lb", "database (legacy)")


def test_config_never_creates_a_database(capsys, cfg, db):
    assert run(capsys, "--db", str(db), "config")[0] == 0
    assert not db.parent.exists()


def test_a_damaged_database_does_not_stop_config(capsys, cfg, db):
    db.parent.mkdir(parents=True)
    db.write_text("{not json")
    code, out, err = run(capsys, "config")
    assert code == 0 and rows(out)["unit"] == ("kg", "default")
    assert f"Cannot read the training database {db}" in err
    assert "Its legacy unit setting is not shown." in err


def test_json_lists_every_setting_with_value_source_default_and_why(capsys, cfg):
    run(capsys, "config", "set", "plates_lb", "45,25,10")
    code, out, err = run(capsys, "config", "--json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["file"] == str(cfg) and doc["file_exists"] is True and doc["warnings"] == []
    assert doc["settings"]["plates_lb"]["value"] == [45, 25, 10]
    assert doc["settings"]["plates_lb"]["source"] == "file"
    assert doc["settings"]["plates_lb"]["path"] == str(cfg)
    assert doc["settings"]["training_status"]["value"] is None
    assert doc["settings"]["keymap"]["value"] == {}
    for key, entry in doc["settings"].items():
        assert entry["description"] and entry["allowed"], key
        assert set(entry) == {
            "value",
            "source",
            "path",
            "refused",
            "default",
            "allowed",
            "description",
        }


def test_bad_values_in_the_file_are_shown_as_refused_with_one_line_each_and_exit_2(capsys, cfg):
    cfg.parent.mkdir(parents=True)
    cfg.write_text('unit = "stone"\nbar_kg = 15\nrest_isolation = 9999\ncolour = "red"\n')
    code, out, err = run(capsys, "config")
    assert code == 2
    table = rows(out)
    assert table["unit"] == ("kg", "default (the file's value is refused)")
    assert table["bar_kg"] == ("15", "settings file")
    assert err.splitlines() == [
        f"tui-tracker: warning: settings file {cfg}: unit: 'stone' is not allowed "
        "(allowed: kg or lb); using the default",
        f"tui-tracker: warning: settings file {cfg}: rest_isolation: 9999 s is out of range "
        "(allowed: 0 to 1800 seconds, e.g. 90 or 1:30); using the default",
        f"tui-tracker: warning: settings file {cfg}: unknown setting 'colour' is ignored "
        "(known: unit, theme, keymap, bar_kg, bar_lb, plates_kg, plates_lb, dumbbell_step_kg, "
        "dumbbell_step_lb, machine_step_kg, machine_step_lb, rest_compound, "
        "rest_isolation, training_status, auto_advance, health_notice_read)",
    ]
    # another key can still be set, and the bad ones are left for the lifter to fix
    assert run(capsys, "config", "set", "unit", "lb")[0] == 0
    assert tomllib.loads(cfg.read_text())["rest_isolation"] == 9999


def test_a_damaged_file_is_one_line_exit_3_and_left_as_it_is(capsys, cfg):
    cfg.parent.mkdir(parents=True)
    cfg.write_text("unit = \n")
    for args in (("config",), ("config", "--json"), ("config", "set", "unit", "lb")):
        code, out, err = run(capsys, *args)
        assert (code, out) == (3, "")
        assert err == (
            f"tui-tracker: error: Cannot read the settings file {cfg}: it is not "
            "valid TOML: Invalid value (at line 1, column 8). It was left as it is; "
            "fix it in an editor, or move it away to start from the defaults.\n"
        )
    assert cfg.read_text() == "unit = \n"


def test_load_settings_for_other_commands(cfg, db):
    from tui_tracker.commands.config import load_settings
    from tui_tracker.domain.settings import SettingError

    store = Store(db)
    store.set_setting("unit", "lb")
    assert load_settings(store).unit == "lb"
    assert load_settings().unit == "kg"
    cfg.parent.mkdir(parents=True)
    cfg.write_text("bar_kg = 500\n")
    with pytest.raises(SettingError, match=f"settings file {cfg}: bar_kg: 500 kg is out of"):
        load_settings(store)
    store.close()


def test_export_and_import_carry_the_databases_settings_never_the_files(capsys, cfg, db, tmp_path):
    """The settings file is this lifter's machine, not the training log: a backup restored
    into another database must not rewrite anyone's settings file, and the export of the
    same log gives the same bytes whatever the file says."""
    store = Store(db)
    store.set_setting("unit", "lb")  # left by an older version
    store.close()
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--format", "json", "-o", str(backup))[0] == 0
    before = backup.read_bytes()
    run(capsys, "config", "set", "unit", "kg")
    run(capsys, "config", "set", "theme", "nord")
    assert run(capsys, "export", "--format", "json", "-o", str(backup))[0] == 0
    assert backup.read_bytes() == before
    assert json.loads(before)["settings"] == {"unit": "lb"}
    settings_bytes = cfg.read_bytes()
    other = tmp_path / "other" / "training.json"
    assert run(capsys, "--db", str(other), "import", "json", str(backup))[0] == 0
    assert cfg.read_bytes() == settings_bytes
    run(capsys, "config", "unset", "unit")
    assert rows(run(capsys, "--db", str(other), "config")[1])["unit"] == ("lb", "database (legacy)")


def test_help_lists_every_key_and_what_it_allows(capsys, cfg):
    with pytest.raises(SystemExit):
        main(["config", "set", "--help"])
    out = capsys.readouterr().out
    assert "training_status  new, some_years, well_trained" in out
    assert "tui-tracker config set keymap.today.add ctrl+a" in out


def test_the_installed_command_in_a_clean_environment(tmp_path):
    """The real entry point, $TUI_TRACKER_CONFIG, and XDG_CONFIG_HOME as platformdirs reads it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TUI_TRACKER")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    cmd = [sys.executable, "-m", "tui_tracker", "config"]
    r = subprocess.run(cmd + ["path"], env=env, capture_output=True, text=True)
    assert r.stdout == f"{tmp_path / 'xdg' / 'tui-tracker' / 'settings.toml'}\n"
    r = subprocess.run(
        cmd + ["set", "auto_advance", "off"], env=env, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert (
        (tmp_path / "xdg" / "tui-tracker" / "settings.toml")
        .read_text()
        .endswith("auto_advance = false\n")
    )
    env["TUI_TRACKER_CONFIG"] = str(tmp_path / "elsewhere.toml")
    r = subprocess.run(cmd + ["set", "unit", "lb"], env=env, capture_output=True, text=True)
    assert r.returncode == 0 and (tmp_path / "elsewhere.toml").exists()


# Issue 11: "the default unit is a setting the lifter changes on purpose, and one process's
# choice never flips another's" (both failed while `log` read and wrote the database's unit).
def test_log_with_unit_applies_to_that_command_only(capsys, cfg, db):
    code, _, err = run(capsys, "--today", "2026-11-16", "log", "squat", "225x5", "--unit", "lb")
    assert code == 0, err
    assert rows(run(capsys, "config")[1])["unit"] == ("kg", "default")


def test_log_without_unit_uses_the_settings_files_unit(capsys, cfg, db):
    run(capsys, "config", "set", "unit", "lb")
    code, out, err = run(capsys, "--today", "2026-11-16", "log", "squat", "225x5")
    assert code == 0, err
    assert "225 lb x 5" in out
