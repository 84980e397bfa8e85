"""The shape of every course in demo/content, checked without a database."""

import pytest

from accounts.models import Audience
from courses.services.catalogue import DEFAULT_TOPICS
from demo.content import h5p
from demo.content.schema import Course, Question
from demo.curriculum import demo_courses
from demo.pages import TOPIC_SLUGS

COURSES = demo_courses()
BLOCK_TYPES = {
    "rich_text",
    "heading",
    "callout",
    "case_study",
    "glossary_term",
    "checklist",
    "h5p",
    "quiz",
}


def _ids(course: Course) -> str:
    return course.slug


def _block_types(course) -> list[list[list[str]]]:
    return [
        [[kind for kind, _value in lesson.body] for lesson in m.lessons] for m in course.modules
    ]


def _question_shape(question: Question) -> tuple:
    return (question.objective, question.kind, [choice.correct for choice in question.choices])


def test_the_curriculum_has_the_first_two_courses_and_one_translated_with_h5p():
    slugs = [course.slug for course in COURSES]
    assert slugs[:2] == ["voluntary-return", "forced-return-procedures"]
    assert len(set(slugs)) == len(slugs)
    translated = [c for c in COURSES if {t.language for t in c.translations} >= {"fr", "nl"}]
    assert translated
    assert any("h5p" in kind for c in COURSES for m in _block_types(c) for kind in m)


@pytest.mark.parametrize("course", COURSES, ids=_ids)
def test_course_shape(course):
    assert 2 <= len(course.modules) <= 4
    assert all(module.lessons for module in course.modules)
    assert course.sessions
    assert TOPIC_SLUGS.get(course.topic, course.topic) in DEFAULT_TOPICS
    assert set(course.audiences) <= set(Audience.values)
    for test in (course.pre_test, course.post_test):
        assert len(test) >= 8
        for question in test:
            assert sum(choice.correct for choice in question.choices) >= 1, question.text
            assert len(question.choices) >= 2, question.text
            assert 0 <= question.objective < len(course.objectives), question.text
    objectives = {q.objective for q in course.pre_test}
    assert objectives == {q.objective for q in course.post_test}
    assert objectives == set(range(len(course.objectives)))


@pytest.mark.parametrize("course", COURSES, ids=_ids)
def test_blocks_name_known_types_quizzes_and_packages(course):
    practice = {quiz.key for quiz in course.practice_quizzes}
    for module in course.modules:
        for lesson in module.lessons:
            for kind, value in lesson.body:
                assert kind in BLOCK_TYPES, (lesson.title, kind)
                if kind == "h5p":
                    assert value["package"] in h5p.PACKAGES
                if kind == "quiz":
                    assert value["quiz"] in practice


@pytest.mark.parametrize(
    ("course", "translation"),
    [(c, t) for c in COURSES for t in c.translations],
    ids=lambda item: getattr(item, "slug", None) or getattr(item, "language", ""),
)
def test_translations_are_structurally_equal(course, translation):
    assert translation.language in {"fr", "nl"}
    assert len(translation.objectives) == len(course.objectives)
    assert _block_types(translation) == _block_types(course)
    for original, translated in zip(course.modules, translation.modules, strict=True):
        assert [lesson.minutes for lesson in original.lessons] == [
            lesson.minutes for lesson in translated.lessons
        ]
    for original, translated in (
        (course.pre_test, translation.pre_test),
        (course.post_test, translation.post_test),
    ):
        assert [_question_shape(q) for q in original] == [_question_shape(q) for q in translated]
    assert [
        (quiz.key, [_question_shape(q) for q in quiz.questions]) for quiz in course.practice_quizzes
    ] == [
        (quiz.key, [_question_shape(q) for q in quiz.questions])
        for quiz in translation.practice_quizzes
    ]
    for module in translation.modules:
        for lesson in module.lessons:
            for kind, value in lesson.body:
                if kind == "h5p":
                    assert h5p.PACKAGES[value["package"]]["language"] == translation.language
