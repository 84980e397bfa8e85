"""The demo courses' Wagtail pages: course, modules and lessons, and their translations.

Every function finds what an earlier run made before creating anything, by a stable key:
the course's slug under the catalogue, a module's or lesson's position under its parent, and
a translation through Wagtail's translation key and locale.
"""

from collections.abc import Callable
from decimal import Decimal

from django.utils.text import slugify
from wagtail.models import Locale, Page

from accounts.models import User
from courses.models import (
    CourseAudience,
    CourseIndexPage,
    CoursePage,
    EnrolmentMode,
    LearningObjective,
    LessonPage,
    ModulePage,
    Topic,
)

from .content.schema import Block, Course, Lesson, Module, Translation

# Topic names of the schema that differ from the catalogue's topic slugs.
TOPIC_SLUGS = {"trafficking": "trafficking-smuggling"}

# Turns one schema block into a StreamField (block type, value) pair; the caller resolves
# what needs the database (quizzes, H5P contents).
BlockResolver = Callable[[Block], tuple[str, object]]


def topic_for(name: str, locale: Locale) -> Topic:
    """The catalogue topic a schema topic names, in ``locale``."""
    return Topic.objects.get(slug=TOPIC_SLUGS.get(name, name), locale=locale)


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def course_page_ensure(
    spec: Course, *, catalogue: CourseIndexPage, trainer: User
) -> tuple[CoursePage, bool]:
    """The published course page with its objectives; whether it was created now."""
    existing = CoursePage.objects.child_of(catalogue).filter(slug=spec.slug).first()
    if existing is not None:
        return existing.specific, False
    course = CoursePage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        estimated_hours=Decimal(str(spec.estimated_hours)),
        enrolment_mode=EnrolmentMode.OPEN,
        is_training_of_trainers=spec.training_of_trainers,
        # Online completion is possible; classroom sessions come on top.
        required_sessions=0,
        locale=catalogue.locale,
    )
    catalogue.add_child(instance=course)
    for text in spec.objectives:
        course.objectives.add(LearningObjective(text=text))
    course.topics.set([topic_for(spec.topic, catalogue.locale)])
    course.audiences.set(CourseAudience.objects.filter(code__in=spec.audiences))
    course.trainers.set([trainer])
    return _publish(course), True


def objectives_of(course: CoursePage) -> list[LearningObjective]:
    """The course's objectives in their order (the schema's indexes)."""
    return list(LearningObjective.objects.filter(course=course).order_by("sort_order", "pk"))


def _lesson_fields(lesson: Lesson, resolve: BlockResolver) -> dict:
    return {
        "title": lesson.title,
        "body": [resolve(block) for block in lesson.body],
        "estimated_minutes": lesson.minutes,
        "is_required": lesson.required,
    }


def modules_ensure(
    course: CoursePage, modules: list[Module], resolve: BlockResolver
) -> list[LessonPage]:
    """Publish the course's modules and lessons that are missing; return every lesson."""
    lessons = []
    existing_modules = list(ModulePage.objects.child_of(course).order_by("path"))
    for position, spec in enumerate(modules):
        if position < len(existing_modules):
            module = existing_modules[position]
        else:
            module = ModulePage(
                title=spec.title, slug=slugify(spec.title)[:80], summary=spec.summary
            )
            course.add_child(instance=module)
            module = _publish(module)
        existing_lessons = list(LessonPage.objects.child_of(module).order_by("path"))
        for number, lesson_spec in enumerate(spec.lessons):
            if number < len(existing_lessons):
                lessons.append(existing_lessons[number])
                continue
            lesson = LessonPage(
                slug=slugify(lesson_spec.title)[:80], **_lesson_fields(lesson_spec, resolve)
            )
            module.add_child(instance=lesson)
            lessons.append(_publish(lesson))
    return lessons


def _translated_page(page: Page, locale: Locale) -> tuple[Page, bool]:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    return page.copy_for_translation(locale).specific, True


def course_translation_ensure(
    course: CoursePage, spec: Translation, *, locale: Locale, trainer: User
) -> tuple[CoursePage, bool]:
    """The course copied into ``locale`` with the translated text, published."""
    translation, created = _translated_page(course, locale)
    if not created:
        return translation, False
    translation.title = spec.title
    translation.slug = slugify(spec.title)[:80]
    translation.summary = spec.summary
    objectives = list(translation.objectives.all())
    for objective, text in zip(objectives, spec.objectives, strict=True):
        objective.text = text
    translation.topics.set([topic_for(topic.slug, locale) for topic in course.topics.all()])
    translation.audiences.set(course.audiences.all())
    translation.trainers.set([trainer])
    return _publish(translation), True


def modules_translation_ensure(
    course: CoursePage, modules: list[Module], *, locale: Locale, resolve: BlockResolver
) -> list[LessonPage]:
    """Copy the course's modules and lessons into ``locale`` with the translated text."""
    lessons = []
    for module, module_spec in zip(
        ModulePage.objects.child_of(course).order_by("path"), modules, strict=True
    ):
        translated_module, created = _translated_page(module, locale)
        if created:
            translated_module.title = module_spec.title
            translated_module.slug = slugify(module_spec.title)[:80]
            translated_module.summary = module_spec.summary
            translated_module = _publish(translated_module)
        for lesson, lesson_spec in zip(
            LessonPage.objects.child_of(module).order_by("path"), module_spec.lessons, strict=True
        ):
            translated_lesson, created = _translated_page(lesson, locale)
            if created:
                for field, value in _lesson_fields(lesson_spec, resolve).items():
                    setattr(translated_lesson, field, value)
                translated_lesson.slug = slugify(lesson_spec.title)[:80]
                translated_lesson = _publish(translated_lesson)
            lessons.append(translated_lesson)
    return lessons
