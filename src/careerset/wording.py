"""Counts in words: "1 job", "7 jobs", "0 stepping stones", for every sentence a person reads."""

# Plurals that do not just add "s"; everything else does.
_IRREGULAR = {
    "activity": "activities",
    "person": "people",
    "child": "children",
    "match": "matches",
    "education": "education entries",
    "interest profile": "interest profiles",
    "interest_profile": "interest profiles",
    "certification per year": "certifications per year",
}


def plural_of(noun: str) -> str:
    """The plural of a noun or a noun phrase whose last word takes the plural."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR:
        return f"{head} {_IRREGULAR[last]}".strip()
    if last.endswith(("s", "x", "ch", "sh")):
        return f"{noun}es"
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{noun[:-1]}ies"
    return f"{noun}s"


def count_of(count: int | float, noun: str, plural: str | None = None) -> str:
    """`count` and the noun in the right number: count_of(1, "job") == "1 job"."""
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    word = noun if count == 1 else (plural or plural_of(noun))
    return f"{shown} {word.replace('_', ' ')}"
