"""Imports every command module so each registers itself on the root app."""

from careerset.cli import (  # noqa: F401
    assess,
    code,
    codes,
    data,
    entries,
    exchange,
    interests,
    next_steps,
    occupation,
    person,
    render,
    serve,
    setup,
    skill,
    users,
)
