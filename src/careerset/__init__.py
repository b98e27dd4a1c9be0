"""careerset: tell a job from a career, and turn jobs into a career."""

__version__ = "0.1.0"
