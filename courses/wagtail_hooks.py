"""What the courses app adds through Liaison's hooks (cms.hooks): its own completion
requirements and the learning data of the personal-data export."""

from wagtail import hooks

from . import completion, selectors

hooks.register("liaison_completion_requirement", completion.required_lessons, order=100)
hooks.register("liaison_completion_requirement", completion.attended_sessions, order=200)


@hooks.register("liaison_personal_data")
def learning_personal_data(user) -> dict:
    """The trainee's enrolments, progress and sessions."""
    return {"courses": selectors.trainee_learning_data(user)}
