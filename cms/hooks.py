"""Liaison's extension points: the Wagtail hooks through which one app adds to another.

An app that extends another registers a function in its ``wagtail_hooks.py``::

    from wagtail import hooks

    hooks.register("liaison_course_panel", certificate_panel, order=300)

and the app that offers the extension point calls every registered function, lowest
``order`` first, then in ``INSTALLED_APPS`` order::

    for panel in hooks.get_hooks("liaison_course_panel"):
        html = panel(request, course, enrolment)

so that the offering app (courses, accounts) never imports the apps that extend it. Every
Liaison hook is declared here, in ``HOOKS``, with the call signature its functions follow:

``liaison_course_panel``            ``(request, course, enrolment) -> str`` (CoursePanel)
``liaison_lesson_gate``             ``(request, course, enrolment) -> str | None`` (LessonGate)
``liaison_lesson_requirement``      ``(enrolment, lesson) -> list[str]`` (LessonRequirement)
``liaison_completion_requirement``  ``(enrolment) -> list[Requirement]``
                                    (CompletionRequirement)
``liaison_personal_data``           ``(user) -> dict[str, Any]`` (PersonalDataExporter)
``liaison_account_erased``          ``(user) -> None`` (AccountErased)
``liaison_reviewed_snippets``       ``() -> list[type[Model]]`` (ReviewedSnippets)

Liaison's own registrations use ``order`` in steps of 100 where order shows (course panels,
completion requirements), so a new one can go between two. docs/architecture.md
("Extension points") lists who implements each hook, beside the domain events
(``courses.signals``), which are Django signals and not hooks.

This module imports no Liaison app at run time (its types are for type checkers only), so
every app may import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest

    from accounts.models import User
    from courses.completion import Requirement
    from courses.models import CoursePage, Enrolment, LessonPage


class CoursePanel(Protocol):
    """``liaison_course_panel``: a box on the course page, under the trainee's progress.

    Returns its HTML as a safe string (what ``render_to_string`` returns), or ``""`` to show
    nothing; ``enrolment`` is None for visitors who are not enrolled. Shown in ``order``
    (assessments' tests 100, reaction survey 200, certificate 300).
    """

    def __call__(
        self, request: HttpRequest, course: CoursePage, enrolment: Enrolment | None
    ) -> str: ...


class LessonGate(Protocol):
    """``liaison_lesson_gate``: a page the trainee must visit before opening any lesson.

    Returns its URL, or None when the trainee may go on; the first URL wins. Called only for
    an enrolment that gives access (the pre-test is such a gate).
    """

    def __call__(
        self, request: HttpRequest, course: CoursePage, enrolment: Enrolment
    ) -> str | None: ...


class LessonRequirement(Protocol):
    """``liaison_lesson_requirement``: what the trainee must still do before the lesson counts
    as finished, as short descriptions (``[]`` when nothing is missing), e.g. pass its
    required H5P exercises."""

    def __call__(self, enrolment: Enrolment, lesson: LessonPage) -> list[str]: ...


class CompletionRequirement(Protocol):
    """``liaison_completion_requirement``: conditions of the course's completion rule, as they
    stand for the enrolment's trainee (``[]`` when the course has none of this kind).

    Listed in ``order``: required lessons 100, classroom sessions 200, post-test 300.
    """

    def __call__(self, enrolment: Enrolment) -> list[Requirement]: ...


class PersonalDataExporter(Protocol):
    """``liaison_personal_data``: what the app stores about ``user``, for "Download my data".

    Returns JSON-serialisable data by section name (``{"certificates": [...]}``); a section
    name belongs to one app only, and the export refuses a section given twice.
    """

    def __call__(self, user: User) -> dict[str, Any]: ...


class AccountErased(Protocol):
    """``liaison_account_erased``: forget what the app keeps that names ``user``.

    Called by ``accounts.services.user_erase`` in the transaction that erases the account,
    after its own fields are blanked; returns nothing.
    """

    def __call__(self, user: User) -> None: ...


# Every Liaison hook by name, with the signature of the functions registered for it.
class ReviewedSnippets(Protocol):
    """``liaison_reviewed_snippets``: the app's snippet models that are legal content.

    Returns models with Wagtail's ``WorkflowMixin``; ``courses.services.catalogue_setup``
    assigns them the Legal review workflow that course pages go through, so that their
    changes wait as drafts until a second trainer approves them.
    """

    def __call__(self) -> list[type[Model]]: ...


HOOKS: dict[str, type] = {
    "liaison_course_panel": CoursePanel,
    "liaison_lesson_gate": LessonGate,
    "liaison_lesson_requirement": LessonRequirement,
    "liaison_completion_requirement": CompletionRequirement,
    "liaison_personal_data": PersonalDataExporter,
    "liaison_account_erased": AccountErased,
    "liaison_reviewed_snippets": ReviewedSnippets,
}
