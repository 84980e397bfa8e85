"""Every write with a business rule in the assessments app; views and tasks call these."""

from .attempts import (
    answer_save,
    attempt_start,
    attempt_submit,
    attempts_close_expired,
    question_snapshot,
)

__all__ = [
    "answer_save",
    "attempt_start",
    "attempt_submit",
    "attempts_close_expired",
    "question_snapshot",
]
