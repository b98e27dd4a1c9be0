"""Deprecated alias: the Reference Protocol lives in `careerset.reference.protocol`."""

from careerset.reference.protocol import Reference

__all__ = ["Reference"]
