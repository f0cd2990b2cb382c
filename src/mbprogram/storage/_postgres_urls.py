"""PostgreSQL URLs: which locations are one, and how one is shown (never with its password)."""

from __future__ import annotations

import urllib.parse
from typing import Final

__all__ = ["SCHEMES", "is_postgres_url", "secrets_in", "shown_url"]

#: The URL schemes of a PostgreSQL store.
SCHEMES: Final = ("postgresql://", "postgres://")
#: Query parameters of a URL that are never shown.
_SECRET_PARAMETERS: Final = frozenset({"password", "passfile", "sslpassword"})


def is_postgres_url(location: object) -> bool:
    """Whether ``location`` is a ``postgresql://`` (or ``postgres://``) URL."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def shown_url(url: str) -> str:
    """The URL as it may be shown: a password (in the user part or a parameter) as ``***``."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        if ":" in user:
            user = f"{user.split(':', 1)[0]}:***"
        netloc = f"{user}@{host}"
    query = "&".join(
        f"{key}=***" if key.lower() in _SECRET_PARAMETERS else f"{key}={value}"
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    )
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")


def secrets_in(url: str) -> list[str]:
    """The passwords a URL holds, to scrub from any text that might echo them."""
    parts = urllib.parse.urlsplit(url)
    found = [parts.password] if parts.password else []
    found += [
        value
        for key, value in urllib.parse.parse_qsl(parts.query)
        if key.lower() in _SECRET_PARAMETERS and value
    ]
    return [s for s in found if s]
