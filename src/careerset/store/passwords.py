"""Passwords and emails of accounts: argon2id hashes, a strength check, and address syntax.

The strength check is zxcvbn's estimate (it knows common passwords, names, keyboard patterns,
repeats and sequences); a password it rates below "safely unguessable" is refused.
"""

import functools
import hashlib
import os

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from careerset.errors import UserError

PASSWORD_MIN = 10
PASSWORD_MAX = 1000
EMAIL_MAX = 254
# zxcvbn's score 3 means about 10^8 guesses or more: out of reach of online guessing at the
# sign-in limits (see `careerset.store.sign_in`), and of a slow hash offline for a while.
MIN_SCORE = 3
# zxcvbn scores at most 72 characters (its time grows fast with length); a password strong in
# its first 72 characters is strong.
SCORED_LENGTH = 72
# The test suite sets CAREERSET_TEST_CHEAP_HASHES=1 to hash with argon2-cffi's CHEAPEST
# parameters, which that library offers for tests: the limits, rights and sessions the tests
# check do not depend on the hash's cost, and the recommended cost is ~0.3 s of CPU per sign-in.
# Verifying reads the parameters from the stored hash, so either kind of hash still verifies.
CHEAP_HASHES_VARIABLE = "CAREERSET_TEST_CHEAP_HASHES"
_HASHER = (
    PasswordHasher.from_parameters(profiles.CHEAPEST)
    if os.environ.get(CHEAP_HASHES_VARIABLE) == "1"
    else PasswordHasher()
)


def hash_password(password: str) -> str:
    """An argon2id hash (argon2-cffi's recommended parameters), salted."""
    return _HASHER.hash(password)


def verify_password(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(hashed: str) -> bool:
    return _HASHER.check_needs_rehash(hashed)


@functools.cache
def dummy_hash() -> str:
    """A hash to verify against for unknown emails, so they take as long as known ones.

    Made on first use: hashing at import would cost every command that opens a store ~0.3 s.
    """
    return _HASHER.hash("careerset dummy password, never valid")


def token_id(token: str) -> str:
    """The stored id of a web session: the SHA-256 hex of its cookie token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def normalize_email(email: str) -> str:
    return email.strip().lower()


def check_email(email: str) -> str:
    """The email, trimmed and lower-cased, if it is a well-formed address; else a UserError."""
    from email_validator import EmailNotValidError, validate_email

    cleaned = normalize_email(email)
    try:
        if len(cleaned) > EMAIL_MAX:
            raise EmailNotValidError("too long")
        validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError:
        shown = "".join(ch if ch.isprintable() else "?" for ch in email[:60])
        raise UserError(
            f"'{shown}' is not an email address; give one like ana@example.org."
        ) from None
    return cleaned


def check_password(password: str, email: str | None = None) -> str:
    """The password if it is long enough and hard to guess (also from the account's email)."""
    from zxcvbn import zxcvbn

    if len(password) < PASSWORD_MIN:
        raise UserError(f"the password is too short; use at least {PASSWORD_MIN} characters.")
    if len(password) > PASSWORD_MAX:
        raise UserError(f"the password is too long; use at most {PASSWORD_MAX} characters.")
    hints = ["careerset", "career", *([] if email is None else email.replace("@", " ").split())]
    if zxcvbn(password[:SCORED_LENGTH], user_inputs=hints)["score"] < MIN_SCORE:
        raise UserError(
            "that password is too easy to guess; use a phrase of three or four uncommon words."
        )
    return password
