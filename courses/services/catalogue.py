"""Setting up the catalogue in each language, its review workflow and trainers' rights."""

import uuid

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import override
from wagtail import hooks
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from accounts import roles
from cms.models import HomePage

from ..models import CourseAudience, CourseIndexPage, SecondReviewerApprovalTask, Topic

LEGAL_REVIEW = "Legal review"
# The starting topics, in each interface language; editors add more as snippets.
DEFAULT_TOPICS = {
    "voluntary-return": {
        "en": "Voluntary return",
        "fr": "Retour volontaire",
        "nl": "Vrijwillige terugkeer",
    },
    "forced-return": {"en": "Forced return", "fr": "Retour forcé", "nl": "Gedwongen terugkeer"},
    "identification": {
        "en": "Identification and documentation",
        "fr": "Identification et documentation",
        "nl": "Identificatie en documentatie",
    },
    "fundamental-rights": {
        "en": "Fundamental rights",
        "fr": "Droits fondamentaux",
        "nl": "Grondrechten",
    },
    "trafficking-smuggling": {
        "en": "Trafficking and smuggling",
        "fr": "Traite et trafic des êtres humains",
        "nl": "Mensenhandel en mensensmokkel",
    },
    "training-of-trainers": {
        "en": "Training of trainers",
        "fr": "Formation de formateurs",
        "nl": "Opleiding van opleiders",
    },
}
CATALOGUE_TITLES = {"en": "Courses", "fr": "Cours", "nl": "Cursussen"}


def _legal_review_workflow() -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=LEGAL_REVIEW)
    if not workflow.workflow_tasks.exists():
        task = SecondReviewerApprovalTask.objects.create(name="Second trainer approves")
        task.groups.set([Group.objects.get(name=roles.TRAINERS)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _reviewed_snippets_assign(workflow: Workflow) -> None:
    """Give the snippets other apps declare as legal content (``liaison_reviewed_snippets``)
    the Legal review workflow, unless an administrator chose another one for them."""
    for declare in hooks.get_hooks("liaison_reviewed_snippets"):
        for model in declare():
            WorkflowContentType.objects.get_or_create(
                content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
                defaults={"workflow": workflow},
            )


def _catalogue_translations_link(catalogues: list[CourseIndexPage]) -> None:
    """Make the catalogues of every language translations of the default language's one.

    Each catalogue is created under its own home page; Wagtail copies a course into another
    language only when the parent pages are linked as translations. A language that already
    has a page linked to the default catalogue keeps it.
    """
    original = next(
        (c for c in catalogues if c.locale.language_code == settings.LANGUAGE_CODE), None
    )
    if original is None:
        return
    for catalogue in catalogues:
        if catalogue.translation_key == original.translation_key:
            continue
        if not Page.objects.filter(
            translation_key=original.translation_key, locale_id=catalogue.locale_id
        ).exists():
            Page.objects.filter(pk=catalogue.pk).update(translation_key=original.translation_key)
            catalogue.translation_key = original.translation_key


@transaction.atomic
def catalogue_setup() -> list[CourseIndexPage]:
    """Ensure audiences, a catalogue under every home page (the languages' catalogues linked
    as translations), Legal review (for the catalogue and the reviewed snippets) and trainer
    rights.

    Idempotent: existing pages, workflows and permissions are left as editors made them.
    """
    for code, _label in CourseAudience._meta.get_field("code").choices:
        CourseAudience.objects.get_or_create(code=code)
    for locale in Locale.objects.all():
        for slug, names in DEFAULT_TOPICS.items():
            Topic.objects.get_or_create(
                slug=slug,
                locale=locale,
                defaults={
                    "name": names.get(locale.language_code, names["en"]),
                    # One translation key per topic links its versions across languages.
                    "translation_key": uuid.uuid5(uuid.NAMESPACE_URL, f"liaison-topic:{slug}"),
                },
            )
    workflow = _legal_review_workflow()
    _reviewed_snippets_assign(workflow)
    trainers = Group.objects.get(name=roles.TRAINERS)
    catalogues = []
    for home in HomePage.objects.select_related("locale"):
        catalogue = CourseIndexPage.objects.child_of(home).first()
        if catalogue is None:
            language = home.locale.language_code
            with override(language):
                catalogue = CourseIndexPage(
                    title=CATALOGUE_TITLES.get(language, "Courses"),
                    slug=CATALOGUE_TITLES.get(language, "courses").lower(),
                    locale=home.locale,
                )
                home.add_child(instance=catalogue)
                catalogue.save_revision().publish()
        WorkflowPage.objects.get_or_create(page=catalogue, defaults={"workflow": workflow})
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=trainers,
                page=catalogue,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        catalogues.append(catalogue)
    _catalogue_translations_link(catalogues)
    return catalogues
