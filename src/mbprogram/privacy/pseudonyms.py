"""Keyed pseudonyms: HMAC-SHA256 of an id under a secret key the caller keeps.

The same key gives the same pseudonyms, so exports made under one key can be
linked with each other; another key gives pseudonyms that cannot be linked.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

import attrs

from mbprogram.exceptions import InvalidValueError
from mbprogram.model.values import StudentId

__all__ = ["MIN_KEY_BYTES", "Pseudonyms"]

#: The shortest secret key accepted, in bytes (make one with ``secrets.token_bytes(32)``).
MIN_KEY_BYTES: Final = 16

_HEX_DIGITS = 16


def _checked_key(key: object) -> bytes:
    if not isinstance(key, bytes | bytearray):
        raise InvalidValueError(
            "key", f"expected the secret key as bytes, got {type(key).__name__}"
        )
    if len(key) < MIN_KEY_BYTES:
        raise InvalidValueError(
            "key",
            f"expected a secret key of at least {MIN_KEY_BYTES} bytes, got {len(key)}; "
            "make one with secrets.token_bytes(32) and keep it apart from the export",
        )
    return bytes(key)


@attrs.frozen(eq=False, repr=False)
class Pseudonyms:
    """The keyed pseudonyms of ids: the same key gives the same pseudonyms, another key others.

    A pseudonym is a prefix and the first 16 hex digits of
    HMAC-SHA256(key, ``"<kind>\\x1f<id>"``), e.g. ``P-3f9c0a1b2c3d4e5f`` for a
    student. The kind in the message keeps the pseudonyms of different kinds of
    record apart. Without the key a pseudonym cannot be turned back into its id
    or linked to an export made under another key; with the key anyone can
    check which id it stands for, so keep the key secret and apart from exports.

    Raises:
        InvalidValueError: if the key is not bytes or shorter than 16 bytes.
    """

    _key: bytes = attrs.field(converter=_checked_key)

    def _mac(self, prefix: str, *parts: str) -> str:
        message = "\x1f".join(parts).encode("utf-8")
        digest = hmac.new(self._key, message, hashlib.sha256).hexdigest()
        return f"{prefix}-{digest[:_HEX_DIGITS]}"

    def student(self, student_id: StudentId) -> str:
        """The pseudonym of a student: ``P-`` and 16 hex digits."""
        return self._mac("P", "student", student_id)

    def certificate(self, certificate_id: str) -> str:
        """The pseudonym of a certificate: ``C-`` and 16 hex digits."""
        return self._mac("C", "certificate", certificate_id)

    def employment(self, employment_id: str) -> str:
        """The pseudonym of an employment: ``E-`` and 16 hex digits."""
        return self._mac("E", "employment", employment_id)

    def outcome(self, outcome_id: str) -> str:
        """The pseudonym of an outcome record: ``O-`` and 16 hex digits."""
        return self._mac("O", "outcome", outcome_id)

    def placement(self, student_id: StudentId, placement_id: str) -> str:
        """The pseudonym of one student's placement: ``PL-`` and 16 hex digits."""
        return self._mac("PL", "placement", student_id, placement_id)

    def makeup(self, student_id: StudentId, makeup_id: str) -> str:
        """The pseudonym of one student's make-up work: ``M-`` and 16 hex digits."""
        return self._mac("M", "makeup", student_id, makeup_id)

    def __repr__(self) -> str:
        return "Pseudonyms(key=<hidden>)"
