"""How each field of the model is classified for data protection.

The people in these records have lived experience of mental illness or
substance use, so much of what is kept about them is special-category health
data. Every field of the model is one of three kinds:

``DIRECT_IDENTIFIER``
    names a person on its own: name, national identity number, contact details.
``SENSITIVE``
    health-related or personal: lived-experience background, benefits, and every
    free-text field (reasons for absence, assessment notes, feedback).
``ORDINARY``
    everything else: ids, dates, hours, statuses, outcomes.

A field is classified where it is defined, through its attrs metadata
(``metadata=DIRECT_IDENTIFIER`` or ``metadata=SENSITIVE``); a field without
that metadata is ordinary. Non-ordinary fields are also ``repr=False`` and no
message the library writes quotes their values.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

__all__ = ["DIRECT_IDENTIFIER", "SENSITIVE", "Privacy", "classification"]


class Privacy(enum.StrEnum):
    """The data-protection class of a field."""

    DIRECT_IDENTIFIER = "direct-identifier"
    SENSITIVE = "sensitive"
    ORDINARY = "ordinary"


_KEY = "mbprogram.privacy"

#: attrs ``metadata`` for a field that identifies a person directly.
DIRECT_IDENTIFIER: Mapping[str, Privacy] = MappingProxyType({_KEY: Privacy.DIRECT_IDENTIFIER})
#: attrs ``metadata`` for a health-related or free-text field.
SENSITIVE: Mapping[str, Privacy] = MappingProxyType({_KEY: Privacy.SENSITIVE})


def classification(cls: type[Any]) -> dict[str, Privacy]:
    """Return the privacy class of every field of the attrs class ``cls``."""
    return {a.name: a.metadata.get(_KEY, Privacy.ORDINARY) for a in attrs.fields(cls) if a.init}
