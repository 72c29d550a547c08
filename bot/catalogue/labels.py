"""The words residents read for the codes the catalogue stores."""

from __future__ import annotations

LEVEL_LABELS = {
    "E1": "Entry level 1",
    "E2": "Entry level 2",
    "E3": "Entry level 3",
    **{str(n): f"Level {n}" for n in range(1, 9)},
}
COURSE_TYPE_LABELS = {
    "essential_skills": "Essential skills (English, maths, digital)",
    "esol": "English for speakers of other languages (ESOL)",
    "free_courses_for_jobs": "Free Courses for Jobs",
    "multiply": "Multiply (maths for adults)",
    "skills_bootcamp": "Skills Bootcamp",
    "apprenticeship": "Apprenticeship",
    "community_learning": "Community learning",
    "t_level": "T Level",
    "other": "Other course",
}
DELIVERY_LABELS = {
    "in_person": "In person",
    "online": "Online",
    "blended": "Blended (in person and online)",
    "work_based": "At work",
}
ATTENDANCE_LABELS = {
    "daytime": "Daytime",
    "evening": "Evening",
    "weekend": "Weekend",
    "day_or_block_release": "Day or block release",
}
CONTRACT_LABELS = {
    "permanent": "Permanent",
    "temporary": "Temporary",
    "fixed_term": "Fixed term",
    "apprenticeship": "Apprenticeship",
    "zero_hours": "Zero hours",
    "other": "Other",
}
APPRENTICESHIP_LEVEL_LABELS = {
    "2": "Intermediate (level 2)",
    "3": "Advanced (level 3)",
    "4": "Higher (level 4-5)",
    "6": "Degree (level 6-7)",
}
HOURS_BANDS = {
    "under_16": "Under 16 hours",
    "16_to_29": "16 to 29 hours",
    "30_plus": "30 hours or more",
}


def money(pence: int | None) -> str | None:
    if pence is None:
        return None
    pounds, rem = divmod(pence, 100)
    return f"\u00a3{pounds:,}" + (f".{rem:02d}" if rem else "")


def hours_band(hours: float | None) -> str | None:
    if hours is None:
        return None
    return "under_16" if hours < 16 else "16_to_29" if hours < 30 else "30_plus"
