"""Every exception frontlines raises, in one place.

    FrontlinesError                 base of everything below
    ├── InputError                  a file, URL or line that cannot be read as a document at all
    │   └── MalformedLine           a JSON Lines line that is not valid JSON or lacks html/text
    ├── ConfigError                 a bad setting, option or database URL
    ├── ModelMissing                the spaCy model or a gazetteer package is not installed
    ├── PipelineError               stages declared in an order that cannot run (a requirement is never assigned)
    └── StoreError                  the database cannot be opened, migrated or written
        └── MigrationError          a migration failed or the database is newer than this code

An expected rejection of one document (empty, not English, duplicate, binary, too large) is not an exception but a
:class:`frontlines.model.Discard`, counted by reason. A batch never stops for one bad document.
"""


class FrontlinesError(Exception):
    """Base class of all frontlines errors."""


class InputError(FrontlinesError):
    """An input cannot be read as a document."""


class MalformedLine(InputError):
    """A JSON Lines line is not valid JSON or lacks ``html``/``text``."""


class ConfigError(FrontlinesError):
    """A setting, option or database URL is invalid."""


class ModelMissing(FrontlinesError):
    """A required model or data package is not installed."""


class PipelineError(FrontlinesError):
    """The pipeline's stages cannot run in the declared order."""


class StoreError(FrontlinesError):
    """The database cannot be opened, migrated or written."""


class MigrationError(StoreError):
    """A schema migration failed, or the database was written by a newer frontlines."""
