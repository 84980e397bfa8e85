"""Authoring: tree rules, every lesson block, ownership and the Legal review workflow."""

import io
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image

from cms.models import HomePage
from courses import services
from courses.blocks import ImageBlock, VideoBlock
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from tests.factories import TrainerFactory
from tests.factories.courses import add_course


def test_the_tree_only_allows_catalogue_course_module_lesson():
    assert CourseIndexPage.parent_page_types == ["cms.HomePage"]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert ModulePage.allowed_parent_page_models() == [CoursePage]
    assert LessonPage.allowed_parent_page_models() == [ModulePage]
    assert LessonPage.allowed_subpage_models() == []
    assert HomePage.allowed_subpage_models() == [CourseIndexPage]
    assert not LessonPage.can_create_at(CourseIndexPage())


def test_image_block_requires_alt_text():
    with pytest.raises(StructBlockValidationError) as error:
        ImageBlock().clean({"image": None, "alt_text": "", "caption": ""})
    assert "alt_text" in error.value.block_errors


@pytest.mark.django_db
def test_video_block_needs_exactly_one_source():
    document = Document.objects.create(title="clip", file=ContentFile(b"x", name="clip.mp4"))
    block = VideoBlock()
    neither = block.to_python({"title": "Clip", "video_file": None, "embed": None})
    uploaded = block.to_python({"title": "Clip", "video_file": document.pk, "embed": None})

    with pytest.raises(StructBlockValidationError):
        block.clean(neither)
    assert block.clean(uploaded)["video_file"] == document
    # (Both sources at once is refused by the same rule; cleaning an embed would fetch it
    # from the network, which tests do not do.)


@pytest.fixture
def media(db):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "blue").save(buffer, "PNG")
    image = Image.objects.create(title="Airport", file=ImageFile(buffer, name="airport.png"))
    document = Document.objects.create(
        title="Return leaflet", file=ContentFile(b"%PDF-1.4", name="leaflet.pdf")
    )
    video = Document.objects.create(title="Clip", file=ContentFile(b"x", name="clip.mp4"))
    captions = Document.objects.create(title="Captions", file=ContentFile(b"WEBVTT", name="c.vtt"))
    return image, document, video, captions


def test_a_lesson_renders_every_block_type(client, trainee, course, media):
    image, document, video, captions = media
    module = course.get_children().first()
    lesson = LessonPage(
        title="Every block",
        body=[
            ("rich_text", "<p>Plain text.</p>"),
            ("heading", {"text": "The procedure", "level": "h2"}),
            ("image", {"image": image, "alt_text": "A departure hall", "caption": "Zaventem"}),
            (
                "video",
                {
                    "title": "Interview",
                    "video_file": video,
                    "embed": None,
                    "captions": captions,
                    "transcript": "<p>Spoken words.</p>",
                },
            ),
            ("document", {"document": document, "description": "For counsellors"}),
            ("callout", {"kind": "legal", "text": "<p>Article 74/14.</p>"}),
            (
                "case_study",
                {"title": "A family", "scenario": "<p>They ask.</p>", "question": "What next?"},
            ),
            ("glossary_term", {"term": "Non-refoulement", "definition": "No return to harm."}),
            ("checklist", {"title": "Before leaving", "items": ["Passport", "Ticket"]}),
        ],
    )
    module.add_child(instance=lesson)
    lesson.save_revision().publish()
    services.enrolment_enrol(trainee=trainee, course=course)
    client.force_login(trainee)

    html = client.get(lesson.url).content.decode()

    for expected in [
        "Plain text.",
        '<h2 class="block-heading">The procedure</h2>',
        'alt="A departure hall"',
        "<figcaption>Zaventem</figcaption>",
        '<track kind="captions"',
        "Spoken words.",
        "Return leaflet",
        "For counsellors",
        "Legal note",
        "Article 74/14.",
        "What next?",
        "<dt>Non-refoulement</dt>",
        "<li>Ticket</li>",
    ]:
        assert expected in html, expected


class TestOwnership:
    def test_other_trainers_cannot_edit_it(self, client, course):
        other = TrainerFactory()
        client.force_login(other)
        lesson = LessonPage.objects.descendant_of(course).first()

        for page in (course, lesson):
            response = client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
            assert f"/admin/pages/{page.pk}/edit/" not in response.get("Location", "")
        assert not course.permissions_for_user(other).can_edit()
        assert not lesson.permissions_for_user(other).can_add_subpage()

    def test_any_trainer_may_start_a_course_and_owns_it(self, client, catalogue):
        author = TrainerFactory()
        client.force_login(author)

        response = client.get(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")

        assert response.status_code == HTTPStatus.OK
        form = response.context["form"]
        assert form.initial["trainers"] == [author.pk]


class TestLegalReview:
    @pytest.fixture
    def submitted(self, catalogue, trainer):
        course = add_course(catalogue, title="Draft course", trainers=[trainer])
        course.summary = "Changed summary awaiting review."
        revision = course.save_revision(user=trainer)
        workflow = course.get_workflow()
        assert workflow.name == "Legal review"
        workflow.start(course, trainer)
        course.refresh_from_db()
        return course, revision

    def test_trainers_cannot_publish_without_review(self, trainer, course):
        assert course.permissions_for_user(trainer).can_submit_for_moderation()
        assert not course.permissions_for_user(trainer).can_publish()

    def test_the_submitter_cannot_approve_their_own_course(self, trainer, submitted):
        course, _revision = submitted
        state = course.current_workflow_task_state
        task = state.task.specific

        assert task.get_actions(course, trainer) == []
        with pytest.raises(PermissionDenied):
            task.on_action(state, trainer, "approve")
        assert not task.get_task_states_user_can_moderate(trainer).exists()

    def test_a_second_trainer_approves_and_the_course_is_published(self, submitted):
        course, revision = submitted
        reviewer = TrainerFactory()
        state = course.current_workflow_task_state
        task = state.task.specific
        assert [action[0] for action in task.get_actions(course, reviewer)] == [
            "reject",
            "approve",
            "approve",
        ]

        task.on_action(state, reviewer, "approve")

        course.refresh_from_db()
        assert course.live_revision_id == revision.pk
        assert course.summary == "Changed summary awaiting review."


@pytest.mark.django_db
def test_the_catalogues_of_every_language_are_translations_of_one_another(catalogue):
    from wagtail.models import Locale

    from courses.services.catalogue import catalogue_setup

    catalogues = catalogue_setup()  # a second run changes nothing

    assert {c.locale.language_code for c in catalogues} == {"en", "fr", "nl"}
    assert {c.translation_key for c in CourseIndexPage.objects.all()} == {
        catalogue.translation_key
    }
    # So a course can be copied into French: Wagtail needs its parent translated.
    course = add_course(catalogue, title="Forced return", modules=1, lessons=1)
    french = course.copy_for_translation(Locale.objects.get(language_code="fr"))
    assert french.get_parent().specific.locale.language_code == "fr"
