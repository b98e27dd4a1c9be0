"""Turns a free-text job title into a canonical lowercase form that the index can match.

Real titles carry abbreviations, seniority and level markers, shift and location noise,
plurals and gendered forms; none of these change the occupation, so they are folded away.
"""

import re
import unicodedata
from functools import lru_cache


def _split(words: str) -> list[str]:
    return words.split()


# Abbreviations seen in job ads and CVs, expanded to the words O*NET titles use.
ABBREVIATIONS: dict[str, str] = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "eng": "engineer",
    "engr": "engineer",
    "swe": "software engineer",
    "sde": "software engineer",
    "dev": "developer",
    "devops": "devops engineer",
    "rn": "registered nurse",
    # Hospital units: O*NET's alternate titles spell them out ("Intensive Care Unit Nurse").
    "icu": "intensive care unit",
    "nicu": "neonatal intensive care unit",
    "picu": "pediatric intensive care unit",
    "lpn": "licensed practical nurse",
    "lvn": "licensed vocational nurse",
    "cna": "nursing assistant",
    "np": "nurse practitioner",
    "asst": "assistant",
    "assoc": "associate",
    "admin": "administrator",
    "adm": "administrator",
    "dept": "department",
    "tech": "technician",
    "techn": "technician",
    "rep": "representative",
    "reps": "representative",
    "coord": "coordinator",
    "coordr": "coordinator",
    "spec": "specialist",
    "spclst": "specialist",
    "supv": "supervisor",
    "supvr": "supervisor",
    "supt": "superintendent",
    "dir": "director",
    "vp": "vice president",
    "svp": "vice president",
    "evp": "vice president",
    "avp": "vice president",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "coo": "chief operating officer",
    "hr": "human resources",
    "it": "information technology",
    "qa": "quality assurance",
    "qc": "quality control",
    "ops": "operations",
    "acct": "accountant",
    "acctg": "accounting",
    "cpa": "certified public accountant",
    "mech": "mechanical",
    "elec": "electrical",
    "maint": "maintenance",
    "mfg": "manufacturing",
    "prod": "production",
    "svc": "service",
    "svcs": "services",
    "cust": "customer",
    "csr": "customer service representative",
    "exec": "executive",
    "mktg": "marketing",
    "info": "information",
    "sys": "systems",
    "sw": "software",
    "hw": "hardware",
    "ux": "user experience",
    "ui": "user interface",
    "pm": "project manager",
    "gm": "general manager",
    "emt": "emergency medical technician",
    "cdl": "truck driver",
    "hvac": "heating air conditioning",
    "ops.": "operations",
    "instr": "instructor",
    "prof": "professor",
    "trnr": "trainer",
    "anal": "analyst",
    "analyt": "analyst",
    "gen": "general",
    "natl": "national",
    "intl": "international",
    "govt": "government",
    "dba": "database administrator",
    "phd": "",
    "md": "physician",
    "pa": "physician assistant",
    "ot": "occupational therapist",
    "pt": "physical therapist",
    "slp": "speech language pathologist",
    "lcsw": "clinical social worker",
    "cnc": "computer numerically controlled",
    "ft": "",
    "pt/ft": "",
}

# Seniority, level and contract markers: they place a person within an occupation,
# not in a different one, so they are dropped.
SENIORITY_WORDS: frozenset[str] = frozenset(
    _split("""
    senior junior lead principal staff entry level mid associate trainee apprentice
    intern internship graduate experienced
    """)
)

# Shift, contract and filler words: never part of an occupation's name.
NOISE_WORDS: frozenset[str] = frozenset(
    _split("""
    i ii iii iv v vi 1 2 3 4 5 6 7 8 9 one two three night nights day days evening
    evenings weekend weekends overnight shift shifts remote hybrid onsite temporary temp
    contract contractor permanent part full time fulltime parttime seasonal prn per diem
    m f d w x h mwd fmd mfd new grad urgent hiring immediate start needed wanted job
    vacancy opening the a an of and for in at to with
    """)
)

# Gendered forms with a neutral O*NET counterpart; -man/-woman words are handled by rule.
GENDERED: dict[str, str] = {
    "waitress": "server",
    "waiter": "server",
    "stewardess": "flight attendant",
    "steward": "flight attendant",
    "actress": "actor",
    "hostess": "host",
    "seamstress": "sewer",
    "chairwoman": "chairperson",
    "chairman": "chairperson",
    "salesman": "sales representative",
    "saleswoman": "sales representative",
    "salesperson": "sales representative",
    "fireman": "firefighter",
    "policeman": "police officer",
    "policewoman": "police officer",
    "postman": "mail carrier",
    "mailman": "mail carrier",
    "cameraman": "camera operator",
    "handyman": "maintenance repairer",
    "businessman": "executive",
    "businesswoman": "executive",
}

# Plural endings that a title rarely keeps in singular form ("Software Developers").
_KEEP_S: frozenset[str] = frozenset(
    _split("""
    analysis business class glass gas press boss series species news physics mathematics
    economics statistics logistics electronics ethics aeronautics graphics systems
    status bus campus census chassis diagnosis thesis canvas lens biomass mass access
    process sales mechanics dynamics athletics robotics
    """)
)

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_LEVEL = re.compile(r"\b(?:level|grade|band|step|tier|lvl)\s*[0-9ivx]+\b")
_SPLITTERS = re.compile(r"\s[-|/–—@:]\s|\s*[|@]\s*|\s+at\s+")
_NON_WORD = re.compile(r"[^a-z0-9&+#]+")
_DIGITS = re.compile(r"\b\d+\w*\b")
# A full stop after a number ends a list marker ("1.Nurse"), it does not join two words.
_NUMBERED = re.compile(r"(?<=\d)\.(?=[a-z])")
# Text without these cannot match `_LEVEL` or `_SPLITTERS`: most titles skip those searches.
_LEVEL_WORDS = ("level", "grade", "band", "step", "tier", "lvl")
_SPLITTER_CHARACTERS = frozenset("-|/–—@:")


def fold_text(text: str) -> str:
    """Lowercase ASCII: accents removed, other scripts dropped, so 'Café' becomes 'cafe'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def singularise(word: str) -> str:
    """A light English singular: enough to make 'nurses' meet 'nurse', not a lemmatiser."""
    if len(word) <= 3 or word in _KEEP_S or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _neutral(word: str) -> str:
    """Gendered job nouns to their neutral form; '-men' plurals to '-man' first."""
    if word.endswith("men") and len(word) > 5:
        word = word[:-3] + "man"
    if word in GENDERED:
        return GENDERED[word]
    if word.endswith("woman") and len(word) > 7:
        return word[:-5] + "man"
    if word.endswith("person") and len(word) > 8:
        return word[:-6] + "man"
    return word


def _main_segment(text: str) -> str:
    """Keep the part of 'Nurse - ICU, nights' that names the job: the first long segment."""
    if "at" not in text and _SPLITTER_CHARACTERS.isdisjoint(text):
        return text.strip()
    parts = [part.strip() for part in _SPLITTERS.split(text) if part and part.strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    for position, part in enumerate(parts):
        words = [
            word
            for word in _NON_WORD.split(part.replace(".", ""))
            if word and word not in NOISE_WORDS and ABBREVIATIONS.get(word, word)
        ]
        if words:
            # "Director - Sales", "RN - ICU": a one-word segment rarely names the occupation
            # alone, even when the word is an abbreviation of several.
            if len(words) == 1 and position + 1 < len(parts):
                return part + " " + parts[position + 1]
            return part
    return parts[0]


# Words an acronym usually skips: "English as a Second Language" is ESL.
_UNSPELLED = frozenset(("and", "of", "as", "a", "an", "the", "for", "in", "to", "on"))
_ACRONYM_LENGTHS = range(2, 7)


def _spelled_out(acronym: str, words: list[str]) -> list[str] | None:
    """The run of `words` whose initials (skipping little words) spell `acronym`, if any."""
    for start, first in enumerate(words):
        if not first.startswith(acronym[0]) or first in _UNSPELLED:
            continue
        initials = ""
        for end in range(start, len(words)):
            word = words[end]
            if word in _UNSPELLED:
                continue
            # "Computer-Aided" gives both initials.
            initials += "".join(part[0] for part in word.split("-") if part)
            if initials == acronym:
                return [word.replace("-", " ") for word in words[start : end + 1]]
            if not acronym.startswith(initials):
                break
    return None


def _without_brackets(text: str) -> str:
    """Drop bracketed asides ("(2nd Shift)", "(RN)"), but first spell out each acronym outside
    that a bracket spells out: "TIG Welder (Tungsten Inert Gas Welder)" becomes "tungsten
    inert gas welder", which the index knows, rather than an acronym it may not."""
    outside = _BRACKETED.sub(" ", text)
    insides = [found.group()[1:-1].split() for found in _BRACKETED.finditer(text)]
    words = outside.split()
    spelled: list[str] = []
    for word in words:
        bare = word.strip(".,;:")
        if bare.isalpha() and len(bare) in _ACRONYM_LENGTHS:
            run = next(filter(None, (_spelled_out(bare, inside) for inside in insides)), None)
            if run is not None:
                spelled.extend(run)
                continue
        spelled.append(word)
    return " ".join(spelled)


@lru_cache(maxsize=50_000)
def _word_parts(raw: str) -> tuple[str, ...]:
    """The canonical words one raw word becomes: expanded, singular, neutral, no noise."""
    parts: list[str] = []
    for word in ABBREVIATIONS.get(raw, raw).split():
        for part in _neutral(singularise(word)).split():
            if part not in NOISE_WORDS and not _DIGITS.fullmatch(part):
                parts.append(part)
    return tuple(parts)


@lru_cache(maxsize=200_000)
def normalise_title(title: str) -> str:
    """The canonical form of a job title: lowercase words, expanded, singular, no noise.

    Returns "" when nothing occupational is left (empty, emoji-only, other scripts).
    """
    text = fold_text(title[:300])
    if "(" in text or "[" in text or "{" in text:
        text = _without_brackets(text)
    if any(word in text for word in _LEVEL_WORDS):
        text = _LEVEL.sub(" ", text)
    if "&" in text or "'" in text:
        text = text.replace("&", " and ").replace("'s", "")
    if "." in text:
        text = _NUMBERED.sub(" ", text)
    text = _main_segment(text)
    words: list[str] = []
    for raw in _NON_WORD.split(text.replace(".", "")):
        if raw:
            words.extend(_word_parts(raw))
    # Seniority words go unless they are the last word ("school principal", "chief").
    kept = [word for word in words[:-1] if word not in SENIORITY_WORDS] + words[-1:]
    return " ".join(kept)
