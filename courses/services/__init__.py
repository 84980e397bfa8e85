"""Every write with a business rule in the courses app; views and tasks call these."""

from .enrolment import (
    enrolment_decide,
    enrolment_enrol,
    enrolment_renew,
    enrolment_withdraw,
)
from .progress import (
    enrolment_evaluate,
    enrolment_milestone_record,
    lesson_complete,
    lesson_view,
)

__all__ = [
    "enrolment_decide",
    "enrolment_enrol",
    "enrolment_evaluate",
    "enrolment_milestone_record",
    "enrolment_renew",
    "enrolment_withdraw",
    "lesson_complete",
    "lesson_view",
]
