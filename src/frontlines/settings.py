"""Settings: each has a name, a default and help, and may be set by an environment variable FRONTLINES_<NAME>.

Every setting is documented in README.md (a test fails when one is not).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from frontlines.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return f"FRONTLINES_{self.name.upper()}"


SETTINGS = (
    Setting("db", "frontlines.db", "Database: a SQLite file path (the default store)."),
    Setting("cache_dir", str(Path.home() / ".cache" / "frontlines"), "Where built indexes (the gazetteer) are cached."),
    Setting("max_input_bytes", str(10 * 1024 * 1024), "Inputs larger than this are discarded as too_large."),
    Setting("fetch_delay", "1.0", "Seconds between two requests to the same web host."),
    Setting("fetch_timeout", "20", "Seconds to wait for a web server's next bytes before giving up (with retries)."),
    Setting(
        "fetch_allow_private", "false", "Fetch from private, loopback and link-local addresses (never by default)."
    ),
    Setting(
        "relevance_gate", "on", "Discard documents with no conflict vocabulary (not_conflict) before parsing: on/off."
    ),
    Setting(
        "nlp_max_chars",
        "4000",
        "Parse at most about N characters: title, lead and paragraphs with conflict words; events, casualties and "
        "claims are read only from parsed text, so raise it for long reports.",
    ),
    Setting("languages", "en", "Comma-separated ISO 639-1 codes of languages processed; others are discarded."),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


def get(name: str) -> str:
    """The setting's value: the environment variable if set, else the default."""
    try:
        setting = _BY_NAME[name]
    except KeyError:
        raise ConfigError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}") from None
    return os.environ.get(setting.env, setting.default)


def get_int(name: str) -> int:
    value = get(name)
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"setting {name} ({_BY_NAME[name].env}) must be an integer, got {value!r}") from None
