"""What counts as a sentence a person should never read: coefficients, tier names, bare scores."""

import re

FORBIDDEN = ("r =", "Primary-Short", "Primary-Long")
# A decimal with no unit after it: "0.857", "(0.80)". "4.8 of 5", "81.2 hours" or "$1.5"
# say what they measure and are allowed.
BARE_DECIMAL = re.compile(
    r"(?<![\w$.])\d*\.\d+(?!\d|\s*(?:%|of\b|hours?\b|h\b|years?\b|months?\b|weeks?\b))"
)


def problems(sentence: str) -> list[str]:
    """What is wrong with one sentence (empty when it is plain)."""
    found = [word for word in FORBIDDEN if word in sentence]
    found += BARE_DECIMAL.findall(sentence)
    return found
