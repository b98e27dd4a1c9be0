"""Imports every command module so each registers itself on the root app."""

from careerset.cli import entries, exchange, setup  # noqa: F401
from careerset.cli import data, occupation, skill  # noqa: F401
from careerset.cli import next_steps  # noqa: F401
from careerset.cli import assess, interests  # noqa: F401
from careerset.cli import code  # noqa: F401
