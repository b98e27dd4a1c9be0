"""O*NET's category labels for Education, Training, and Experience (RL, RW, PT, OJ), in words.

Taken from O*NET's "Education, Training, and Experience Categories" documentation, which the
text release ships as a separate file that the shared data lacks; the labels never change.
"""

from __future__ import annotations

EDUCATION_LEVELS: dict[int, str] = {
    1: "less than a high school diploma",
    2: "a high school diploma or equivalent",
    3: "a post-secondary certificate",
    4: "some college courses",
    5: "an associate's degree",
    6: "a bachelor's degree",
    7: "a post-baccalaureate certificate",
    8: "a master's degree",
    9: "a post-master's certificate",
    10: "a first professional degree",
    11: "a doctoral degree",
    12: "post-doctoral training",
}

# Short forms for a list after the first ("26% a doctorate").
EDUCATION_SHORT: dict[int, str] = {
    **EDUCATION_LEVELS,
    10: "a professional degree (such as JD, MD or PharmD)",
    11: "a doctorate",
}

EXPERIENCE_LEVELS: dict[int, str] = {
    1: "none",
    2: "up to 1 month",
    3: "over 1 month, up to 3 months",
    4: "over 3 months, up to 6 months",
    5: "over 6 months, up to 1 year",
    6: "over 1 year, up to 2 years",
    7: "over 2 years, up to 4 years",
    8: "over 4 years, up to 6 years",
    9: "over 6 years, up to 8 years",
    10: "over 8 years, up to 10 years",
    11: "over 10 years",
}

# The least experience (years) each RW category stands for.
EXPERIENCE_YEARS: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 1 / 12,
    4: 0.25,
    5: 0.5,
    6: 1.0,
    7: 2.0,
    8: 4.0,
    9: 6.0,
    10: 8.0,
    11: 10.0,
}

SITE_TRAINING_LEVELS: dict[int, str] = {
    1: "none",
    2: "up to 1 month",
    3: "over 1 month, up to 3 months",
    4: "over 3 months, up to 6 months",
    5: "over 6 months, up to 1 year",
    6: "over 1 year, up to 2 years",
    7: "over 2 years, up to 4 years",
    8: "over 4 years, up to 10 years",
    9: "over 10 years",
}

JOB_TRAINING_LEVELS: dict[int, str] = {
    **SITE_TRAINING_LEVELS,
    1: "none or a short demonstration",
    2: "anything beyond a short demonstration, up to 1 month",
}
