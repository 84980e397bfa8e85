"""Cohorts: creation, members, the two-step CSV import, the progress table, access per role."""

import csv
import io
import time
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import defaults, services
from courses.models import Cohort, Enrolment, EnrolmentMode
from courses.services.cohorts import (
    cohort_add_members,
    cohort_create,
    cohort_csv_confirm,
    cohort_csv_parse,
)
from tests.factories import TraineeFactory, TrainerFactory
from tests.factories.courses import add_course, study


@pytest.fixture
def cohort(course, trainer):
    return cohort_create(
        course=course, name="Antwerp, spring", trainers=[trainer], created_by=trainer
    )


@pytest.fixture
def leading_trainer(cohort):
    """A trainer who leads the cohort but does not own its course."""
    user = TrainerFactory()
    cohort.trainers.add(user)
    return user


@pytest.fixture
def other_trainer(db):
    """A trainer with no tie to the cohort or its course."""
    return TrainerFactory()


def upload(content: bytes | str, name: str = "members.csv") -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def url(name: str, cohort: Cohort | None = None) -> str:
    return reverse(f"courses:{name}", args=[cohort.pk] if cohort else [])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


class TestCohortCreate:
    def test_owning_trainer_creates_a_cohort_they_lead(self, course, trainer):
        cohort = cohort_create(
            course=course, name="  Ghent  ", trainers=[trainer], created_by=trainer
        )

        assert cohort.name == "Ghent"
        assert list(cohort.trainers.all()) == [trainer]

    def test_admin_creates_for_any_course(self, course, trainer, admin_user):
        cohort = cohort_create(
            course=course, name="Liège", trainers=[trainer], created_by=admin_user
        )

        assert cohort.course == course

    @pytest.mark.parametrize("role", ["other_trainer", "trainee", "programme_manager"])
    def test_others_cannot_create(self, request, course, trainer, role):
        with pytest.raises(PermissionDenied):
            cohort_create(
                course=course,
                name="Mons",
                trainers=[trainer],
                created_by=request.getfixturevalue(role),
            )

        assert not Cohort.objects.exists()

    def test_a_cohort_cannot_end_before_it_starts(self, course, trainer):
        with pytest.raises(ValidationError) as raised:
            cohort_create(
                course=course,
                name="Namur",
                trainers=[trainer],
                starts_on="2026-05-10",
                ends_on="2026-05-01",
                created_by=trainer,
            )

        assert raised.value.message_dict == {"ends_on": ["The cohort cannot end before it starts."]}
        assert not Cohort.objects.exists()

    def test_only_trainers_lead_a_cohort(self, course, trainer, trainee):
        with pytest.raises(ValidationError, match="not trainers"):
            cohort_create(course=course, name="Bruges", trainers=[trainee], created_by=trainer)

        assert not Cohort.objects.exists()


class TestAddMembers:
    def test_new_members_are_enrolled_through_the_cohort(self, cohort, trainer):
        trainees = TraineeFactory.create_batch(2)

        result = cohort_add_members(cohort=cohort, trainees=trainees, added_by=trainer)

        assert (result.added, result.already_enrolled) == (2, 0)
        assert set(
            Enrolment.objects.values_list("trainee_id", "cohort_id", "status", "source")
        ) == {
            (trainee.pk, cohort.pk, Enrolment.Status.ACTIVE, Enrolment.Source.COHORT)
            for trainee in trainees
        }

    def test_cohort_only_courses_take_cohort_members(self, catalogue, trainer, trainee):
        course = add_course(
            catalogue,
            title="Identification",
            trainers=[trainer],
            enrolment_mode=EnrolmentMode.COHORT,
        )
        cohort = cohort_create(
            course=course, name="Group A", trainers=[trainer], created_by=trainer
        )

        cohort_add_members(cohort=cohort, trainees=[trainee], added_by=trainer)

        assert Enrolment.objects.get(trainee=trainee, course=course).gives_access

    @pytest.mark.parametrize(
        ("before", "after"),
        [
            (Enrolment.Status.ACTIVE, Enrolment.Status.ACTIVE),
            (Enrolment.Status.COMPLETED, Enrolment.Status.COMPLETED),
            (Enrolment.Status.WITHDRAWN, Enrolment.Status.ACTIVE),
            (Enrolment.Status.REJECTED, Enrolment.Status.ACTIVE),
            (Enrolment.Status.PENDING, Enrolment.Status.ACTIVE),
        ],
    )
    def test_an_existing_enrolment_is_reused(self, cohort, trainer, trainee, before, after):
        Enrolment.objects.create(
            trainee=trainee, course=cohort.course, status=before, source=Enrolment.Source.SELF
        )

        result = cohort_add_members(cohort=cohort, trainees=[trainee], added_by=trainer)

        enrolment = Enrolment.objects.get(trainee=trainee)
        assert (enrolment.status, enrolment.cohort) == (after, cohort)
        assert result.added == 1

    def test_adding_twice_changes_nothing(self, cohort, trainer, trainee):
        cohort_add_members(cohort=cohort, trainees=[trainee], added_by=trainer)

        result = cohort_add_members(cohort=cohort, trainees=[trainee, trainee], added_by=trainer)

        assert (result.added, result.already_enrolled) == (0, 1)
        assert Enrolment.objects.count() == 1

    def test_a_member_of_another_cohort_of_the_course_stays_there(self, cohort, trainer, trainee):
        other = cohort_create(
            course=cohort.course, name="Other", trainers=[trainer], created_by=trainer
        )
        cohort_add_members(cohort=other, trainees=[trainee], added_by=trainer)

        result = cohort_add_members(cohort=cohort, trainees=[trainee], added_by=trainer)

        assert (result.added, result.already_enrolled) == (0, 1)
        assert Enrolment.objects.get(trainee=trainee).cohort == other

    def test_a_leading_trainer_adds_members(self, cohort, leading_trainer, trainee):
        cohort_add_members(cohort=cohort, trainees=[trainee], added_by=leading_trainer)

        assert Enrolment.objects.filter(cohort=cohort).count() == 1

    def test_an_unrelated_trainer_cannot(self, cohort, other_trainer, trainee):
        with pytest.raises(PermissionDenied):
            cohort_add_members(cohort=cohort, trainees=[trainee], added_by=other_trainer)

        assert not Enrolment.objects.exists()


@pytest.fixture
def people(cohort, trainer):
    """Known users for CSV files: two free trainees, one member, one deactivated account."""
    member = TraineeFactory(email="member@example.org")
    cohort_add_members(cohort=cohort, trainees=[member], added_by=trainer)
    return {
        "alice": TraineeFactory(email="alice@example.org"),
        "bob": TraineeFactory(email="bob@example.org"),
        "member": member,
        "gone": TraineeFactory(email="gone@example.org", is_active=False),
    }


class TestCsvParse:
    @pytest.mark.parametrize(
        "content",
        [
            pytest.param("\ufeffemail\r\nalice@example.org\r\n", id="bom-and-header"),
            pytest.param("Name;Email\nAlice;alice@example.org\n", id="semicolons"),
            pytest.param('name,email\n"Doe, A",alice@example.org\n', id="commas-quoted"),
            pytest.param("  ALICE@Example.ORG  \n\n", id="spaces-case-blank-lines"),
        ],
    )
    def test_accepted_shapes(self, cohort, people, content):
        preview = cohort_csv_parse(cohort=cohort, file=upload(content))

        assert preview.errors == []
        assert preview.user_ids == [people["alice"].pk]

    @pytest.mark.parametrize(
        ("row", "reason"),
        [
            ("not-an-email", "This is not a valid email address."),
            ("alice@example", "This is not a valid email address."),
            (
                "ghost@example.org",
                "Unknown email: nobody with an active account uses this address.",
            ),
            ("gone@example.org", "Unknown email: nobody with an active account uses this address."),
            ("ALICE@example.org", "Duplicate: this email is already on line 2."),
            ("member@example.org", "Already a member of this cohort."),
            ("a@example.org;b@example.org", "Several cells or none look like an email"),
        ],
    )
    def test_bad_rows_are_reported_with_their_line(self, cohort, people, row, reason):
        content = f"email\nalice@example.org\n{row}\nbob@example.org\n"
        before = Enrolment.objects.count()

        preview = cohort_csv_parse(cohort=cohort, file=upload(content))

        assert [error.line for error in preview.errors] == [3]
        assert preview.errors[0].reason.startswith(reason)
        assert preview.user_ids == [people["alice"].pk, people["bob"].pk]
        assert Enrolment.objects.count() == before

    def test_a_member_of_another_cohort_is_reported(self, cohort, trainer, people):
        other = cohort_create(
            course=cohort.course, name="Leuven", trainers=[trainer], created_by=trainer
        )
        cohort_add_members(cohort=other, trainees=[people["bob"]], added_by=trainer)

        preview = cohort_csv_parse(cohort=cohort, file=upload("bob@example.org\n"))

        assert preview.errors[0].reason == "Already follows this course in the cohort “Leuven”."

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            pytest.param("élodie@example.org\n".encode("latin-1"), "not UTF-8", id="latin-1"),
            pytest.param(b"", "The file is empty", id="empty"),
            pytest.param(b"email\n\n  \n", "The file is empty", id="header-only"),
            pytest.param(
                "".join(f"user{n}@example.org\n" for n in range(10_000)).encode(),
                "too many rows",
                id="10000-rows",
            ),
            pytest.param(b"x" * 3_000_000, "too large", id="huge"),
        ],
    )
    def test_bad_files_are_refused_whole_without_a_query(
        self, cohort, content, message, django_assert_num_queries
    ):
        started = time.monotonic()
        with django_assert_num_queries(0), pytest.raises(ValidationError, match=message):
            cohort_csv_parse(cohort=cohort, file=upload(content))

        assert time.monotonic() - started < 2

    def test_the_row_limit_is_inclusive(self, cohort, people, monkeypatch):
        monkeypatch.setattr(defaults, "COHORT_CSV_MAX_ROWS", 3)

        preview = cohort_csv_parse(
            cohort=cohort, file=upload("email\nalice@example.org\nbob@example.org\nx@y.org\n")
        )

        assert len(preview.rows) + len(preview.errors) == 3


class TestCsvConfirm:
    def test_confirm_adds_exactly_the_given_users(self, cohort, trainer, people):
        result = cohort_csv_confirm(cohort=cohort, user_ids=[people["alice"].pk], added_by=trainer)

        assert result.added == 1
        assert set(Enrolment.objects.filter(cohort=cohort).values_list("trainee", flat=True)) == {
            people["alice"].pk,
            people["member"].pk,
        }

    def test_an_inactive_user_refuses_the_whole_import(self, cohort, trainer, people):
        with pytest.raises(ValidationError, match="upload the file again"):
            cohort_csv_confirm(
                cohort=cohort,
                user_ids=[people["alice"].pk, people["gone"].pk],
                added_by=trainer,
            )

        assert Enrolment.objects.filter(cohort=cohort).count() == 1


class TestCsvImportPages:
    def test_upload_previews_and_confirm_imports_the_valid_rows(
        self, client, cohort, trainer, people
    ):
        client.force_login(trainer)
        content = (
            "\ufeffEmail;Name\nalice@example.org;Alice\nghost@example.org;Ghost\n"
            "bob@example.org;Bob\n"
        )

        response = client.post(url("cohort_csv_upload", cohort), {"file": upload(content)})

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert "2 rows can be imported." in html
        assert "<td>3</td><td>ghost@example.org</td><td>Unknown email" in html
        assert 'name="user_ids"' not in html  # the ids wait on the server, not in the form
        assert Enrolment.objects.filter(cohort=cohort).count() == 1

        response = client.post(url("cohort_csv_confirm", cohort))

        assert response.status_code == HTTPStatus.FOUND
        assert messages_of(response) == ["2 people added to the cohort."]
        assert set(Enrolment.objects.filter(cohort=cohort).values_list("trainee", flat=True)) == {
            people["alice"].pk,
            people["bob"].pk,
            people["member"].pk,
        }
        # The preview is used up: confirming again imports nothing.
        response = client.post(url("cohort_csv_confirm", cohort))
        assert messages_of(response)[-1] == "There is no import to confirm: upload the file again."

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            pytest.param("café@example.org\n".encode("latin-1"), "not UTF-8", id="latin-1"),
            pytest.param(b"", "The submitted file is empty.", id="empty"),
            pytest.param(
                "".join(f"user{n}@example.org\n" for n in range(10_000)).encode(),
                "too many rows",
                id="10000-rows",
            ),
        ],
    )
    def test_a_refused_file_shows_why_and_leaves_nothing_to_confirm(
        self, client, cohort, trainer, people, content, message
    ):
        client.force_login(trainer)

        response = client.post(url("cohort_csv_upload", cohort), {"file": upload(content)})

        assert response.status_code == HTTPStatus.FOUND
        assert message in messages_of(response)[0]
        client.post(url("cohort_csv_confirm", cohort))
        assert Enrolment.objects.filter(cohort=cohort).count() == 1

    def test_a_tampered_confirm_adds_nothing(self, client, cohort, trainer, people):
        client.force_login(trainer)
        client.post(url("cohort_csv_upload", cohort), {"file": upload("alice@example.org\n")})

        response = client.post(
            url("cohort_csv_confirm", cohort), {"user_ids": [people["bob"].pk, trainer.pk]}
        )

        assert response.status_code == HTTPStatus.FOUND
        assert set(Enrolment.objects.filter(cohort=cohort).values_list("trainee", flat=True)) == {
            people["alice"].pk,
            people["member"].pk,
        }

    def test_confirm_without_a_preview_adds_nothing(self, client, cohort, trainer, people):
        client.force_login(trainer)

        response = client.post(url("cohort_csv_confirm", cohort), {"user_ids": [people["bob"].pk]})

        assert messages_of(response) == ["There is no import to confirm: upload the file again."]
        assert Enrolment.objects.filter(cohort=cohort).count() == 1

    def test_a_preview_of_one_cohort_cannot_be_confirmed_in_another(
        self, client, cohort, trainer, people
    ):
        other = cohort_create(
            course=cohort.course, name="Hasselt", trainers=[trainer], created_by=trainer
        )
        client.force_login(trainer)
        client.post(url("cohort_csv_upload", cohort), {"file": upload("alice@example.org\n")})

        client.post(url("cohort_csv_confirm", other))

        assert not Enrolment.objects.filter(cohort=other).exists()


class TestCohortPages:
    def test_list_shows_the_cohorts_the_trainer_leads_or_owns(
        self, client, catalogue, cohort, other_trainer
    ):
        course = add_course(catalogue, title="Voluntary return", trainers=[other_trainer])
        hidden = cohort_create(
            course=course, name="Not yours", trainers=[other_trainer], created_by=other_trainer
        )
        client.force_login(cohort.trainers.get())

        response = client.get(url("cohort_list"))

        assert list(response.context["cohorts"]) == [cohort]
        assert hidden.name not in response.content.decode()

    def test_new_cohort_form_offers_only_managed_courses(self, client, course, catalogue, trainer):
        other_course = add_course(catalogue, title="Voluntary return")
        client.force_login(trainer)

        form = client.get(url("cohort_list")).context["form"]

        assert list(form.fields["course"].queryset) == [course]
        response = client.post(
            url("cohort_create"),
            {"name": "Sneaky", "course": other_course.pk, "trainers": [trainer.pk]},
        )
        assert response.status_code == HTTPStatus.OK
        assert "course" in response.context["form"].errors
        assert not Cohort.objects.exists()

    def test_create_through_the_form(self, client, course, trainer):
        client.force_login(trainer)

        response = client.post(
            url("cohort_create"),
            {
                "name": "Brussels",
                "course": course.pk,
                "trainers": [trainer.pk],
                "starts_on": "2026-03-01",
                "ends_on": "2026-02-01",
            },
        )

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["ends_on"] == [
            "The cohort cannot end before it starts."
        ]
        assert not Cohort.objects.exists()

        response = client.post(
            url("cohort_create"),
            {"name": "Brussels", "course": course.pk, "trainers": [trainer.pk]},
        )

        cohort = Cohort.objects.get()
        assert response["Location"] == url("cohort_detail", cohort)

    def test_search_and_pick_members(self, client, cohort, trainer):
        alice = TraineeFactory(email="alice@example.org", full_name="Alice Martin")
        TraineeFactory(email="zoe@example.org", full_name="Zoé Peeters")
        client.force_login(trainer)

        response = client.get(url("cohort_detail", cohort), {"q": "martin"})

        assert list(response.context["members_form"].fields["users"].queryset) == [alice]
        response = client.post(url("cohort_add_members", cohort), {"users": [alice.pk]})
        assert messages_of(response) == ["1 person added to the cohort."]
        assert Enrolment.objects.get(cohort=cohort).trainee == alice


PAGES = ["cohort_detail", "cohort_progress", "cohort_progress_csv"]


class TestAccess:
    """Who may open a cohort's pages is in the URL matrix (tests/security), but for a trainer
    who leads the cohort without owning its course, and for writes, which must store nothing."""

    @pytest.mark.parametrize("page", PAGES)
    def test_a_trainer_leading_the_cohort_sees_it(self, client, cohort, leading_trainer, page):
        client.force_login(leading_trainer)

        assert client.get(url(page, cohort)).status_code == HTTPStatus.OK

    @pytest.mark.parametrize(
        ("role", "status"),
        [
            ("trainee", HTTPStatus.FORBIDDEN),
            ("programme_manager", HTTPStatus.FORBIDDEN),
            ("other_trainer", HTTPStatus.NOT_FOUND),
        ],
    )
    def test_writes_are_refused_the_same_way(self, client, request, cohort, role, status):
        newcomer = TraineeFactory()
        client.force_login(request.getfixturevalue(role))

        for page, data in [
            ("cohort_add_members", {"users": [newcomer.pk]}),
            ("cohort_csv_upload", {"file": upload(newcomer.email)}),
            ("cohort_csv_confirm", {}),
        ]:
            assert client.post(url(page, cohort), data).status_code == status
        assert not Enrolment.objects.exists()


def _members_with_progress(cohort, trainer, lessons, count):
    trainees = TraineeFactory.create_batch(count)
    cohort_add_members(cohort=cohort, trainees=trainees, added_by=trainer)
    for trainee in trainees:
        study(trainee, lessons[0])
        services.lesson_view(trainee=trainee, lesson=lessons[2])
    return trainees


class TestProgressTable:
    def test_statuses_per_module_and_last_activity(self, client, cohort, trainer, lessons):
        done, started, idle = TraineeFactory.create_batch(3)
        cohort_add_members(cohort=cohort, trainees=[done, started, idle], added_by=trainer)
        for lesson in lessons[:2]:
            study(done, lesson)
        services.lesson_view(trainee=started, lesson=lessons[3])
        client.force_login(trainer)

        progress = client.get(url("cohort_progress", cohort)).context["progress"]

        statuses = {
            row.trainee: [str(status.label) for status in row.statuses] for row in progress.rows
        }
        assert statuses == {
            done: ["Done", "Not started"],
            started: ["Not started", "In progress"],
            idle: ["Not started", "Not started"],
        }
        last = {row.trainee: row.last_activity_at for row in progress.rows}
        assert last[done] is not None and last[idle] is None

    def test_queries_do_not_grow_with_members(
        self, client, cohort, trainer, lessons, django_assert_max_num_queries
    ):
        _members_with_progress(cohort, trainer, lessons, 3)
        client.force_login(trainer)
        # Measured with 3 members, so that changes to base.html do not move the pin.
        with CaptureQueriesContext(connection) as page_queries:
            client.get(url("cohort_progress", cohort))
        with CaptureQueriesContext(connection) as csv_queries:
            client.get(url("cohort_progress_csv", cohort))
        _members_with_progress(cohort, trainer, lessons, 27)

        with django_assert_max_num_queries(len(page_queries)):
            response = client.get(url("cohort_progress", cohort))
        with django_assert_max_num_queries(len(csv_queries)):
            export = client.get(url("cohort_progress_csv", cohort))

        assert len(response.context["progress"].rows) == 30
        assert len(export.content.decode("utf-8-sig").splitlines()) == 31

    def test_csv_export(self, client, cohort, trainer, lessons):
        emilie = TraineeFactory(full_name="Émilie Dupré", email="emilie@example.org")
        mallory = TraineeFactory(full_name="=HYPERLINK(1)", email="mallory@example.org")
        cohort_add_members(cohort=cohort, trainees=[emilie, mallory], added_by=trainer)
        study(emilie, lessons[0])
        client.force_login(trainer)

        response = client.get(url("cohort_progress_csv", cohort))

        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == (
            f'attachment; filename="cohort-{cohort.pk}-progress.csv"'
        )
        body = response.content
        assert body.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert rows[0] == [
            "Trainee",
            "Email",
            "Forced return procedures – module 1",
            "Forced return procedures – module 2",
            "Last activity",
        ]
        assert rows[1][:4] == [
            "'=HYPERLINK(1)",
            "mallory@example.org",
            "Not started",
            "Not started",
        ]
        assert rows[2][:4] == ["Émilie Dupré", "emilie@example.org", "In progress", "Not started"]
        assert rows[2][4] != "" and rows[1][4] == ""
