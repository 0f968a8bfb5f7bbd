"""The suite's own settings: no test fails for being slow on a loaded machine."""

from hypothesis import HealthCheck, settings


def test_property_tests_have_no_deadline_and_no_too_slow_check():
    assert settings().deadline is None
    assert HealthCheck.too_slow in settings().suppress_health_check
