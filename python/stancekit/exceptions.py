"""The exceptions stancekit raises for its own failures.

Every one derives from :class:`StancekitError`, itself a :class:`ValueError`:

- :class:`ArgumentError`: an argument's value is invalid (a span outside its text, a negative
  count, an unknown option, a malformed training row);
- :class:`ConfigError`: an engine setting is invalid;
- :class:`SerializationError` (and its :class:`VersionError`): saved JSON cannot be read;
- :class:`ResourceError`: a lexicon, gazetteer or model is malformed;
- :class:`InternalError`: a bug in stancekit.

Wrong argument types raise the built-in :class:`TypeError`, naming the type received.
"""

from stancekit._core import (
    ArgumentError,
    ConfigError,
    InternalError,
    ResourceError,
    SerializationError,
    StancekitError,
    VersionError,
)

__all__ = [
    "ArgumentError",
    "ConfigError",
    "InternalError",
    "ResourceError",
    "SerializationError",
    "StancekitError",
    "VersionError",
]
