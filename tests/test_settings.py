from pathlib import Path

import pytest

from frontlines import settings
from frontlines.errors import ConfigError

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_in_the_readme(setting):
    text = README.read_text(encoding="utf-8")
    assert f"`{setting.name}`" in text and f"`{setting.env}`" in text


def test_environment_overrides_default(monkeypatch):
    monkeypatch.setenv("FRONTLINES_MAX_INPUT_BYTES", "123")
    assert settings.get_int("max_input_bytes") == 123


def test_bad_values_and_names_are_clear_errors(monkeypatch):
    monkeypatch.setenv("FRONTLINES_MAX_INPUT_BYTES", "lots")
    with pytest.raises(ConfigError, match="must be an integer"):
        settings.get_int("max_input_bytes")
    with pytest.raises(ConfigError, match="unknown setting"):
        settings.get("nope")
