"""Extension points other apps use to add to course pages without courses importing them.

- ``register_course_panel(function)``: ``function(request, course, enrolment)`` returns HTML
  (or ``""``) shown on the course page under the trainee's progress box. The assessments app
  shows the pre-test, the post-test and the reaction survey this way.
- ``register_lesson_gate(function)``: ``function(request, course, enrolment)`` returns a URL
  the trainee must visit before opening any lesson (or ``None``), e.g. the pre-test.
- ``register_lesson_requirement(function)``: ``function(enrolment, lesson)`` returns what the
  trainee must still do in the lesson before it counts as finished (e.g. pass its required
  H5P exercises), as a list of short descriptions.
"""

from collections.abc import Callable
from typing import Any

CoursePanel = Callable[[Any, Any, Any], str]
LessonGate = Callable[[Any, Any, Any], str | None]

_panels: list[CoursePanel] = []
_gates: list[LessonGate] = []
LessonRequirement = Callable[[Any, Any], list[str]]
_lesson_requirements: list[LessonRequirement] = []


def register_course_panel(panel: CoursePanel) -> CoursePanel:
    """Show ``panel``'s HTML on every course page; usable as a decorator."""
    if panel not in _panels:
        _panels.append(panel)
    return panel


def register_lesson_gate(gate: LessonGate) -> LessonGate:
    """Send trainees to ``gate``'s URL before any lesson; usable as a decorator."""
    if gate not in _gates:
        _gates.append(gate)
    return gate


def course_panels(request, course, enrolment) -> list[str]:
    """The non-empty panels of every registered app, in registration order."""
    return [html for panel in _panels if (html := panel(request, course, enrolment))]


def lesson_gate_url(request, course, enrolment) -> str | None:
    """The first gate that stops the trainee, or None when lessons are open."""
    return next((url for gate in _gates if (url := gate(request, course, enrolment))), None)


def register_lesson_requirement(requirement: LessonRequirement) -> LessonRequirement:
    """Add a condition to finishing any lesson; usable as a decorator."""
    if requirement not in _lesson_requirements:
        _lesson_requirements.append(requirement)
    return requirement


def lesson_requirements_missing(enrolment, lesson) -> list[str]:
    """What the trainee must still do before the lesson counts as finished."""
    return [item for requirement in _lesson_requirements for item in requirement(enrolment, lesson)]
