"""The shape of the demo curriculum: plain data, one module per course in ``demo/content``.

``seed_demo`` turns these into Wagtail pages, questions, quizzes, surveys, certificate
templates and classroom sessions. Course text is the project's own wording; facts and figures
come from the shared domain notes. Keeping content as data lets the seeding code stay small
and lets a test check every course's shape (modules, ≥ 8 questions per test, same objectives).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A lesson body is a list of (block type, value) pairs, the block types of
# ``courses.blocks.LessonStreamBlock``:
#   ("rich_text", "<p>…</p>")                         HTML limited to h3 h4 b i a ol ul
#   ("heading", {"text": "…", "level": "h2"})         level "h2" or "h3"
#   ("callout", {"kind": "legal"|"warning"|"tip", "text": "<p>…</p>"})
#   ("case_study", {"title": "…", "scenario": "<p>…</p>", "question": "…"})
#   ("glossary_term", {"term": "…", "definition": "…"})
#   ("checklist", {"title": "…", "items": ["…", "…"]})
#   ("h5p", {"package": "single_choice", "required": True, "pass_score": 0.5})
#       the project's own H5P content type (built by ``demo.h5p_packages``); the
#       "package" key names an entry of ``demo.content.h5p.PACKAGES``
#   ("quiz", {"quiz": "practice"})                    a practice quiz of the course, by key
#       the key names one of ``Course.practice_quizzes`` (and of its translations)
Block = tuple[str, object]


@dataclass(frozen=True)
class Lesson:
    title: str
    body: list[Block]
    minutes: int = 10
    required: bool = True


@dataclass(frozen=True)
class Module:
    title: str
    summary: str
    lessons: list[Lesson]


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """A single-choice (one correct) or multiple-choice (several correct) question."""

    objective: int  # index into Course.objectives
    text: str
    choices: list[Choice]
    explanation: str = ""

    @property
    def kind(self) -> str:
        return "multiple" if sum(c.correct for c in self.choices) > 1 else "single"


@dataclass(frozen=True)
class PracticeQuiz:
    """A practice quiz shown in a lesson by its key; immediate feedback, no pass needed."""

    key: str
    title: str
    questions: list[Question]


@dataclass(frozen=True)
class Session:
    title: str
    city: str
    venue: str
    days_from_now: int  # negative: already held (attendance can be shown)
    hours: float = 3.0
    capacity: int = 20


@dataclass(frozen=True)
class Translation:
    """The same course in another language: same structure, translated strings, in order."""

    language: str  # "fr" or "nl"
    title: str
    summary: str
    objectives: list[str]
    modules: list[Module]
    pre_test: list[Question]
    post_test: list[Question]
    certificate_text: str = ""
    practice_quizzes: list[PracticeQuiz] = field(default_factory=list)  # same keys, same order


@dataclass(frozen=True)
class Course:
    slug: str
    title: str
    summary: str
    # "voluntary-return" | "forced-return" | "identification" | "fundamental-rights" |
    # "trafficking" | "training-of-trainers"
    topic: str
    audiences: list[str]  # accounts.models.Audience values
    objectives: list[str]
    modules: list[Module]
    pre_test: list[Question]  # ≥ 8, same objectives as post_test
    post_test: list[Question]  # ≥ 8
    sessions: list[Session]
    estimated_hours: float = 2.0
    training_of_trainers: bool = False
    certificate_text: str = ""  # the certificate template's statement of what was learnt
    translations: list[Translation] = field(default_factory=list)
    practice_quizzes: list[PracticeQuiz] = field(default_factory=list)
