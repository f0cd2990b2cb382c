"""Literature studies: a reading log and a sign-off."""

from __future__ import annotations

import datetime as dt

import attrs

from mbprogram.model import validators as v
from mbprogram.model.privacy import SENSITIVE

__all__ = ["Literature", "Reading", "SignOff"]


@attrs.frozen(kw_only=True)
class Reading:
    """One entry of the reading log."""

    title: str = attrs.field(validator=v.text(max_length=500))
    on: dt.date = attrs.field(validator=v.a_date())
    note: str = attrs.field(
        default="",
        validator=v.text(max_length=5_000, allow_empty=True),
        repr=False,
        metadata=SENSITIVE,
    )


@attrs.frozen(kw_only=True)
class SignOff:
    """Who signed the literature studies off, and when."""

    by: str = attrs.field(validator=v.text(max_length=200))
    on: dt.date = attrs.field(validator=v.a_date())


@attrs.frozen(kw_only=True)
class Literature:
    """A student's literature studies: the reading log and the sign-off, if given."""

    readings: tuple[Reading, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.each(Reading)
    )
    sign_off: SignOff | None = attrs.field(default=None, validator=v.optional(v.instance(SignOff)))

    def signed_off(self, as_of: dt.date) -> bool:
        """Whether the studies were signed off on or before ``as_of``."""
        return self.sign_off is not None and self.sign_off.on <= as_of
