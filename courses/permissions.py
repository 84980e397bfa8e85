"""Trainers author only the courses they own: their pages, and the snippets of those courses.

Trainers hold Wagtail's add/change permissions on the catalogue (granted by
``catalogue_setup``); ``CourseOwnerPermissionTester`` narrows them to courses whose "owning
trainers" include the user. Reviewers reach the editor through the Legal review task, not
through these rights. Quizzes, surveys and certificate templates belong to courses too: their
model permissions are narrowed the same way by ``CourseOwnedPermissionPolicy``.
"""

from functools import cached_property
from typing import Any

from django.db.models import Model, Q, QuerySet
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry


class CourseOwnerPermissionTester(PagePermissionTester):
    """Wagtail's checks, plus: the user owns the course this page belongs to."""

    @cached_property
    def owns_course(self) -> bool:
        from .models import CoursePage

        if self.user.is_superuser:
            return True
        course = CoursePage.objects.ancestor_of(self.page, inclusive=True).first()
        return course is not None and course.trainers.filter(pk=self.user.pk).exists()

    def can_edit(self):
        return self.owns_course and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.owns_course and super().can_delete(ignore_bulk=ignore_bulk)

    def can_add_subpage(self):
        return self.owns_course and super().can_add_subpage()

    def can_publish(self):
        return self.owns_course and super().can_publish()

    def can_unpublish(self):
        return self.owns_course and super().can_unpublish()

    def can_submit_for_moderation(self):
        return self.owns_course and super().can_submit_for_moderation()

    def can_move(self):
        return self.owns_course and super().can_move()

    def can_copy(self):
        return self.owns_course and super().can_copy()

    def can_move_to(self, destination):
        # Wagtail checks only the raw "add" right on the destination; the destination's
        # own tester also requires owning the course there.
        return (
            self.owns_course
            and super().can_move_to(destination)
            and destination.permissions_for_user(self.user).can_add_subpage()
        )

    def can_lock(self):
        return self.owns_course and super().can_lock()


class CourseTreePermissionsMixin:
    """Used by CoursePage, ModulePage and LessonPage."""

    def permissions_for_user(self, user):
        return CourseOwnerPermissionTester(user, self)


# --- Snippets that belong to courses -------------------------------------------------------


def courses_not_owned_by(user: Any) -> QuerySet:
    """Courses the user is not among the owning trainers of."""
    from .models import CoursePage

    return CoursePage.objects.exclude(trainers=user)


class CourseOwnedPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed for trainers to the objects of their courses.

    A trainer changes, deletes or lists an object only when every course it belongs to
    (``course_field``: a foreign key or a many-to-many field) lists them among its owning
    trainers, as for the course pages. An object that belongs to no course yet is open to
    every trainer, who can then give it one of their courses, unless the model names its
    owners (``owners_field``, a many-to-many field to users): then only those trainers
    change it, and nobody but administrators when it has none. Superusers: everything.
    """

    def __init__(
        self,
        model: type[Model],
        course_field: str = "course",
        owners_field: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(model, **kwargs)
        self.course_field = course_field
        self.owners_field = owners_field

    def instances_user_has_permission_for(self, user: Any, action: str) -> QuerySet:
        instances = super().instances_user_has_permission_for(user, action)
        if not user.is_active or user.is_superuser:
            return instances
        instances = instances.exclude(**{f"{self.course_field}__in": courses_not_owned_by(user)})
        if self.owners_field:
            # A subquery, not a join: a join would repeat an object once per owner.
            owned = self.model.objects.filter(**{self.owners_field: user}).values("pk")
            instances = instances.filter(
                Q(**{f"{self.course_field}__isnull": False}) | Q(pk__in=owned)
            )
        return instances

    def instances_user_may_choose(self, user: Any) -> QuerySet:
        """What the user may pick in a chooser (a quiz's questions, a lesson's quiz): what
        they may change; with ``owners_field``, also every object of no course (a shared
        bank is used by every trainer, though changed only by its owners)."""
        if not self.owners_field:
            return self.instances_user_has_permission_for(user, "change")
        instances = super().instances_user_has_permission_for(user, "change")
        if not user.is_active or user.is_superuser:
            return instances
        return instances.exclude(**{f"{self.course_field}__in": courses_not_owned_by(user)})

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Model) -> bool:
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if instance.pk is None or user.is_superuser:
            return True
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


class CourseOwnedObjectViewMixin:
    """For Wagtail's snippet views of an existing object (edit, delete, history, usage…):
    their permission check asks the policy about this object, not only about the model."""

    def _instance(self) -> Model | None:
        instance = getattr(self, "object", None)
        return instance if getattr(instance, "pk", None) is not None else None

    def user_has_permission(self, permission: str) -> bool:
        if instance := self._instance():
            return self.user_has_permission_for_instance(permission, instance)
        return super().user_has_permission(permission)

    def user_has_any_permission(self, permissions: list[str]) -> bool:
        if instance := self._instance():
            return any(self.user_has_permission_for_instance(p, instance) for p in permissions)
        return super().user_has_any_permission(permissions)


class CourseOwnedChooserMixin:
    """For a snippet chooser's lists: only the objects the user may choose (a trainer
    building a lesson picks the quizzes of their own courses)."""

    def get_object_list(self) -> QuerySet:
        return policy_registry.get_by_type(self.model_class).instances_user_may_choose(
            self.request.user
        )


def _with_mixin(mixin: type, view_class: type) -> type:
    return type(view_class.__name__, (mixin, view_class), {})


def course_owned_views(viewset_class: type) -> type:
    """Give a snippet viewset's per-object views the ``CourseOwnedObjectViewMixin``, its
    listing the objects the user may change and its chooser those they may choose.

    The workflow's action views are left as Wagtail has them: the review task decides who
    approves (``SecondReviewerApprovalTask``), not the ownership of the course.
    """
    for attribute in (
        "edit_view_class",
        "copy_view_class",
        "delete_view_class",
        "history_view_class",
        "usage_view_class",
        "inspect_view_class",
        "revisions_view_class",
        "revisions_compare_view_class",
        "revisions_unschedule_view_class",
        "unpublish_view_class",
        "lock_view_class",
        "unlock_view_class",
        "confirm_workflow_cancellation_view_class",
        "workflow_history_view_class",
        "workflow_history_detail_view_class",
    ):
        view_class = getattr(viewset_class, attribute)
        setattr(viewset_class, attribute, _with_mixin(CourseOwnedObjectViewMixin, view_class))
    chooser = viewset_class.chooser_viewset_class
    viewset_class.chooser_viewset_class = type(
        chooser.__name__,
        (chooser,),
        {
            "choose_view_class": _with_mixin(CourseOwnedChooserMixin, chooser.choose_view_class),
            "choose_results_view_class": _with_mixin(
                CourseOwnedChooserMixin, chooser.choose_results_view_class
            ),
        },
    )

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_permission_for(request.user, "change")

    viewset_class.get_queryset = get_queryset
    return viewset_class


class OwnedCoursesFieldMixin:
    """For a snippet's admin form: its course field offers only the user's own courses, so a
    trainer cannot give a quiz, survey or template to someone else's course."""

    course_field = "course"

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        field = self.fields.get(self.course_field)
        if field is not None and user is not None and not user.is_superuser:
            field.queryset = field.queryset.exclude(pk__in=courses_not_owned_by(user))
