"""Who may download a Wagtail document: the rule behind the ``before_serve_document`` hook.

Documents are course content: a trainee gets one only through a lesson they may open. The
lessons that use a document are read from Wagtail's reference index, which records the
document blocks, video blocks and rich-text document links of every saved lesson.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import ReferenceIndex
from wagtail.permissions import policy_registry

from accounts.models import User

from ..models import CoursePage, Enrolment, LessonPage
from . import lesson_reachable

logger = logging.getLogger(__name__)

# The document library's own permissions: trainers and admins manage documents.
DOCUMENT_STAFF_ACTIONS = ["add", "change", "choose"]


def document_lessons(document: AbstractDocument) -> list[LessonPage]:
    """The live lessons whose current content refers to the document."""
    lesson_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(content_type=ContentType.objects.get_for_model(LessonPage))
        .values_list("object_id", flat=True)
    )
    return list(LessonPage.objects.live().filter(pk__in=[int(pk) for pk in lesson_ids]))


def _manages_documents(user: User) -> bool:
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(user, DOCUMENT_STAFF_ACTIONS)


def _opens_a_lesson_using(user: User, document: AbstractDocument) -> bool:
    for lesson in document_lessons(document):
        course = CoursePage.objects.live().ancestor_of(lesson).first()
        if course is None or not lesson_reachable(lesson=lesson, course=course):
            continue
        enrolment = Enrolment.objects.filter(trainee=user, course=course).first()
        if enrolment is not None and enrolment.gives_access:
            return True
    return False


def document_servable(*, document: AbstractDocument, user: User) -> bool:
    """Staff who manage documents get any; others only those of lessons they may open.

    A document no live lesson uses is served to staff only.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if _manages_documents(user):
        return True
    if _opens_a_lesson_using(user, document):
        return True
    logger.info("Document %s refused to user %s: no lesson of theirs uses it", document.pk, user.pk)
    return False
