"""The README's "The advice and its sources" says what the About screen says."""

from pathlib import Path

from tui_tracker.domain.sources import HEALTH_NOTICE, LIMITS, RULES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
SECTION = README[
    README.index("## The advice and its sources") : README.index("## Where the data lives")
]


def test_every_rule_with_its_source_and_limits_is_in_the_readme():
    for rule in RULES:
        assert f"| {rule.title} | {rule.applies} | {rule.rests_on} | {rule.limits} |" in SECTION


def test_the_evidences_limits_and_the_health_notice_are_in_the_readme():
    for limit in LIMITS:
        assert f"- {limit}" in SECTION
    assert HEALTH_NOTICE in SECTION


def test_every_study_the_rules_name_is_in_the_references():
    for study in ("Schoenfeld et al. 2017", "Refalo et al. 2023", "Lopez et al. 2021"):
        assert study in SECTION
