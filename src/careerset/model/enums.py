"""Closed vocabularies of the career record: employment types, pay bases and the like."""

from enum import StrEnum


class EmploymentType(StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed-term"
    TEMPORARY = "temporary"
    INTERNSHIP = "internship"
    APPRENTICESHIP = "apprenticeship"
    FREELANCE = "freelance"
    SELF_EMPLOYED = "self-employed"
    VOLUNTEER = "volunteer"


class Schedule(StrEnum):
    FULL_TIME = "full-time"
    PART_TIME = "part-time"


class PayBasis(StrEnum):
    SALARY = "salary"
    HOURLY = "hourly"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    COMMISSION = "commission"
    STIPEND = "stipend"
    UNPAID = "unpaid"


class CodeSource(StrEnum):
    """How a job's occupation code was set: by the coder, confirmed by the person, or typed."""

    CODED = "coded"
    CONFIRMED = "confirmed"
    MANUAL = "manual"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    ABANDONED = "abandoned"


class WorkValue(StrEnum):
    """What matters in work; the first six follow O*NET's Work Values."""

    ACHIEVEMENT = "achievement"
    WORKING_CONDITIONS = "working-conditions"
    RECOGNITION = "recognition"
    RELATIONSHIPS = "relationships"
    SUPPORT = "support"
    INDEPENDENCE = "independence"
    INCOME = "income"
    SECURITY = "security"
    AUTHORITY = "authority"
    BALANCE = "balance"
    MEANING = "meaning"


class ActivityKind(StrEnum):
    COURSE = "course"
    READING = "reading"
    PRACTICE = "practice"
    MENTORING = "mentoring"
    TALK = "talk"
    NETWORKING = "networking"
    CERTIFICATION_PREP = "certification-prep"


class InterestScale(StrEnum):
    """RAW: the profiler's 0-40 sums; ONET: O*NET's 1-7 occupational-interest scale."""

    RAW = "raw"
    ONET = "onet"


class InterestSource(StrEnum):
    PROFILER = "profiler"
    MANUAL = "manual"
