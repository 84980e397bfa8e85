"""Every write with a business rule in the assessments app; views and tasks call these."""

from .attempts import (
    answer_check,
    answer_save,
    answers_save,
    attempt_milestone_record,
    attempt_start,
    attempt_submit,
    attempts_close_expired,
    lessons_missing,
    pre_test_skip,
    question_snapshot,
)
from .surveys import (
    survey_eligibility_check,
    survey_invitation_open,
    survey_invitation_redeem,
    survey_invitations_send,
    survey_reminders_send,
    survey_response_submit,
    survey_token_hash,
)

__all__ = [
    "answer_check",
    "answer_save",
    "answers_save",
    "attempt_milestone_record",
    "attempt_start",
    "attempt_submit",
    "attempts_close_expired",
    "lessons_missing",
    "pre_test_skip",
    "question_snapshot",
    "survey_eligibility_check",
    "survey_invitation_open",
    "survey_invitation_redeem",
    "survey_invitations_send",
    "survey_reminders_send",
    "survey_response_submit",
    "survey_token_hash",
]
