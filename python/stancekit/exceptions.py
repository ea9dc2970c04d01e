"""The exceptions stancekit raises for its own failures.

Every one derives from :class:`StancekitError`, itself a :class:`ValueError`. Wrong argument
types raise the built-in :class:`TypeError`, naming the type received.
"""

from stancekit._core import (
    ConfigError,
    InternalError,
    ResourceError,
    SerializationError,
    StancekitError,
    VersionError,
)

__all__ = [
    "ConfigError",
    "InternalError",
    "ResourceError",
    "SerializationError",
    "StancekitError",
    "VersionError",
]
