"""Page permissions: trainers author only the courses they own.

Trainers hold Wagtail's add/change permissions on the catalogue (granted by
``catalogue_setup``); this tester narrows them to courses whose "owning trainers" include the
user. Reviewers reach the editor through the Legal review task, not through these rights.
"""

from functools import cached_property

from wagtail.models import PagePermissionTester


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
