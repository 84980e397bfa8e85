"""Taking a quiz through the pages: what is shown when, bad input, access per role."""

import json
import re
from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import (
    Attempt,
    AttemptAnswer,
    Choice,
    MatchingPair,
    PreTestSkip,
    Question,
    Quiz,
)
from courses import services as course_services
from courses.models import Cohort
from tests.factories import TraineeFactory, TrainerFactory
from tests.factories.assessments import (
    ChoiceQuestionFactory,
    QuizFactory,
    correct_choice,
    wrong_choice,
)
from tests.factories.courses import study

EXPLANATION = "Article 74/14 sets the period for voluntary departure."
CHOICE_FEEDBACK = "The municipality only notifies the decision."


def url(name: str, pk: int) -> str:
    return reverse(f"assessments:{name}", args=[pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def explained_question() -> Question:
    question = Question(
        kind=Question.Kind.SINGLE,
        text="Who takes the removal decision?",
        explanation=EXPLANATION,
    )
    question.save()
    Choice.objects.create(question=question, text="The Immigration Office", is_correct=True)
    Choice.objects.create(
        question=question, text="The municipality", is_correct=False, feedback=CHOICE_FEEDBACK
    )
    return question


@pytest.fixture
def taker(client, trainee, enrolled):
    client.force_login(trainee)
    return client


def start(client, quiz) -> Attempt:
    response = client.post(url("quiz_start", quiz.pk))
    attempt = Attempt.objects.filter(quiz=quiz).latest("pk")
    assert response["Location"] == url("attempt_take", attempt.pk)
    return attempt


def form_for(attempt: Attempt, *, right: int) -> dict:
    rows = list(attempt.answers.order_by("position"))
    return {
        f"q-{row.question_id}": correct_choice(row) if index < right else wrong_choice(row)
        for index, row in enumerate(rows)
    }


class TestTakingAQuiz:
    def test_start_save_reload_submit_and_see_the_answers(self, taker, course):
        quiz = QuizFactory(course=course, questions=[explained_question(), ChoiceQuestionFactory()])
        attempt = start(taker, quiz)
        row = attempt.answers.get(position=1)

        page = taker.get(url("attempt_take", attempt.pk)).content.decode()
        # Before submission: neither the explanation nor a choice's feedback is sent.
        assert "Who takes the removal decision?" in page
        assert EXPLANATION not in page and CHOICE_FEEDBACK not in page
        assert "is_correct" not in page and "correct answer" not in page

        saved = taker.post(
            url("attempt_save", attempt.pk),
            {f"q-{row.question_id}": wrong_choice(row)},
            HTTP_ACCEPT="application/json",
        )
        assert saved.status_code == HTTPStatus.OK and saved.json()["saved"] is True
        reloaded = taker.get(url("attempt_take", attempt.pk)).content.decode()
        assert f'value="{wrong_choice(row)}" checked' in reloaded

        response = taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=2))
        assert response["Location"] == url("attempt_result", attempt.pk)
        attempt.refresh_from_db()
        assert (attempt.status, attempt.percent, attempt.passed) == (
            "submitted",
            Decimal("100.00"),
            True,
        )
        result = taker.get(url("attempt_result", attempt.pk)).content.decode()
        assert "Your score: 100%" in result
        assert EXPLANATION in result

    def test_the_choice_feedback_shows_for_the_choice_made(self, taker, course):
        quiz = QuizFactory(course=course, questions=[explained_question()])
        attempt = start(taker, quiz)

        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=0))

        result = taker.get(url("attempt_result", attempt.pk)).content.decode()
        assert CHOICE_FEEDBACK in result
        assert "Not correct" in result

    def test_a_quiz_that_never_shows_answers_shows_only_the_score(self, taker, course):
        quiz = QuizFactory(course=course, questions=[explained_question()], feedback="never")
        attempt = start(taker, quiz)

        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=0))

        result = taker.get(url("attempt_result", attempt.pk)).content.decode()
        assert "Your score: 0%" in result
        assert EXPLANATION not in result and CHOICE_FEEDBACK not in result
        assert "The Immigration Office" not in result

    def test_double_submit_grades_once(self, taker, course):
        quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()])
        attempt = start(taker, quiz)
        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=1))
        attempt.refresh_from_db()
        graded_at = attempt.submitted_at

        again = taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=0))

        assert again["Location"] == url("attempt_result", attempt.pk)
        assert "already submitted" in messages_of(again)[-1]
        attempt.refresh_from_db()
        assert (attempt.submitted_at, attempt.percent) == (graded_at, Decimal("100.00"))

    def test_a_second_start_while_one_is_open_resumes_it(self, taker, course):
        quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()], max_attempts=1)
        first = start(taker, quiz)

        assert start(taker, quiz).pk == first.pk
        assert Attempt.objects.filter(quiz=quiz).count() == 1

    def test_save_and_finish_later_keeps_unsubmitted_answers(self, taker, course):
        quiz = QuizFactory(
            course=course, questions=[ChoiceQuestionFactory(), ChoiceQuestionFactory()]
        )
        attempt = start(taker, quiz)
        form = form_for(attempt, right=2)

        response = taker.post(url("attempt_save", attempt.pk), form)

        assert response["Location"] == url("attempt_take", attempt.pk)
        assert attempt.answers.filter(answer__isnull=False).count() == 2
        attempt.refresh_from_db()
        assert attempt.status == "in_progress" and attempt.score is None


class TestImmediateFeedback:
    def test_checking_reveals_that_question_and_locks_it(self, taker, course):
        quiz = QuizFactory(
            course=course,
            questions=[explained_question(), ChoiceQuestionFactory()],
            feedback="immediate",
        )
        attempt = start(taker, quiz)
        first = attempt.answers.get(position=1)
        form = {f"q-{first.question_id}": wrong_choice(first), "check": first.question_id}

        response = taker.post(url("attempt_save", attempt.pk), form)

        assert response["Location"].endswith(f"#question-{first.question_id}")
        page = taker.get(url("attempt_take", attempt.pk)).content.decode()
        assert EXPLANATION in page and CHOICE_FEEDBACK in page
        first.refresh_from_db()
        assert first.checked_at is not None and first.is_correct is False

        changed = taker.post(
            url("attempt_save", attempt.pk),
            {f"q-{first.question_id}": correct_choice(first)},
            HTTP_ACCEPT="application/json",
        )
        assert changed.status_code == HTTPStatus.BAD_REQUEST
        assert "can no longer change" in changed.json()["error"]
        first.refresh_from_db()
        assert first.answer == wrong_choice(first)

    def test_checking_is_refused_when_the_quiz_shows_answers_only_at_the_end(self, taker, course):
        quiz = QuizFactory(course=course, questions=[explained_question()])
        attempt = start(taker, quiz)
        row = attempt.answers.get()

        response = taker.post(
            url("attempt_save", attempt.pk),
            {f"q-{row.question_id}": wrong_choice(row), "check": row.question_id},
        )

        assert "only after you submit" in messages_of(response)[-1]
        row.refresh_from_db()
        assert row.checked_at is None and row.is_correct is None


class TestBadInput:
    @pytest.fixture
    def attempt(self, taker, course):
        quiz = QuizFactory(
            course=course, questions=[ChoiceQuestionFactory(), ChoiceQuestionFactory()]
        )
        return start(taker, quiz)

    def post_json(self, client, attempt, data):
        return client.post(url("attempt_save", attempt.pk), data, HTTP_ACCEPT="application/json")

    def test_a_choice_of_another_question_is_refused_and_nothing_saved(self, taker, attempt):
        first, second = attempt.answers.order_by("position")
        data = {
            f"q-{first.question_id}": correct_choice(first),
            f"q-{second.question_id}": correct_choice(first),
        }

        response = self.post_json(taker, attempt, data)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["error"] == (
            "Question 2: This choice does not belong to the question."
        )
        assert not attempt.answers.filter(answer__isnull=False).exists()

    def test_an_answer_to_a_question_not_in_the_attempt_is_refused(self, taker, attempt):
        outsider = ChoiceQuestionFactory(text="Not in this quiz")
        first = attempt.answers.get(position=1)
        data = {
            f"q-{first.question_id}": correct_choice(first),
            f"q-{outsider.pk}": outsider.choices.first().pk,
        }

        response = self.post_json(taker, attempt, data)

        assert response.json()["error"] == "This question is not part of your attempt."
        assert not attempt.answers.filter(answer__isnull=False).exists()

    def test_a_submit_with_a_foreign_choice_is_not_graded(self, taker, attempt):
        first = attempt.answers.get(position=1)
        outsider = ChoiceQuestionFactory(text="Elsewhere")

        response = taker.post(
            url("attempt_submit", attempt.pk),
            {f"q-{first.question_id}": outsider.choices.first().pk},
        )

        assert response["Location"] == url("attempt_take", attempt.pk)
        assert "does not belong to the question" in messages_of(response)[-1]
        attempt.refresh_from_db()
        assert attempt.status == "in_progress" and attempt.score is None

    @pytest.mark.parametrize("name", ["attempt_save", "attempt_submit"])
    def test_another_trainee_cannot_answer_or_submit(self, client, attempt, name):
        row = attempt.answers.get(position=1)
        client.force_login(TraineeFactory())

        response = client.post(url(name, attempt.pk), {f"q-{row.question_id}": correct_choice(row)})

        assert response.status_code == HTTPStatus.NOT_FOUND
        attempt.refresh_from_db()
        assert attempt.status == "in_progress"
        assert not attempt.answers.filter(answer__isnull=False).exists()

    def test_answers_after_the_deadline_are_refused_and_the_attempt_closed(self, taker, course):
        quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()], time_limit_minutes=5)
        attempt = start(taker, quiz)
        row = attempt.answers.get()
        Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))

        response = self.post_json(taker, attempt, {f"q-{row.question_id}": correct_choice(row)})

        assert response.status_code == HTTPStatus.CONFLICT
        assert response.json()["closed"] is True
        assert "time limit has passed" in response.json()["error"]
        attempt.refresh_from_db()
        assert (attempt.status, attempt.score) == ("expired", Decimal("0.00"))
        assert attempt.answers.get().answer is None

    def test_a_submit_after_the_deadline_counts_only_answers_given_in_time(self, taker, course):
        quiz = QuizFactory(
            course=course,
            questions=[ChoiceQuestionFactory(), ChoiceQuestionFactory()],
            time_limit_minutes=5,
        )
        attempt = start(taker, quiz)
        first, second = attempt.answers.order_by("position")
        taker.post(
            url("attempt_save", attempt.pk), {f"q-{first.question_id}": correct_choice(first)}
        )
        Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
        AttemptAnswer.objects.filter(pk=first.pk).update(
            answered_at=timezone.now() - timedelta(minutes=1)
        )

        response = taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=2))

        assert response["Location"] == url("attempt_result", attempt.pk)
        attempt.refresh_from_db()
        assert (attempt.status, attempt.score) == ("expired", Decimal("1.00"))

    def test_no_attempt_left(self, taker, course):
        quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()], max_attempts=1)
        attempt = start(taker, quiz)
        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=0))

        response = taker.post(url("quiz_start", quiz.pk))

        assert response["Location"] == url("quiz_detail", quiz.pk)
        assert messages_of(response)[-1] == "You have used your only attempt at this quiz."
        assert Attempt.objects.filter(quiz=quiz).count() == 1

    def test_a_quiz_of_a_course_one_is_not_enrolled_in(self, client, trainee, quiz):
        client.force_login(trainee)

        detail = client.get(url("quiz_detail", quiz.pk))
        started = client.post(url("quiz_start", quiz.pk))

        assert detail["Location"] == quiz.course.url
        assert messages_of(started)[-1] == "Enrol in the course to take this quiz."
        assert not Attempt.objects.exists()

    def test_anonymous_visitors_are_sent_to_log_in(self, client, quiz):
        response = client.post(url("quiz_start", quiz.pk))

        assert response.status_code == HTTPStatus.FOUND
        assert "/accounts/login/" in response["Location"]
        assert not Attempt.objects.exists()


class TestMatchingAndShortAnswers:
    def test_matching_offers_answers_by_position_and_grades_them(self, taker, course):
        question = Question(kind=Question.Kind.MATCHING, text="Match each actor", points=2)
        question.save()
        pairs = [
            MatchingPair.objects.create(question=question, prompt=prompt, answer=answer)
            for prompt, answer in [
                ("Immigration Office", "takes the decision"),
                ("Police", "carries out the removal"),
            ]
        ]
        quiz = QuizFactory(course=course, questions=[question])
        attempt = start(taker, quiz)
        row = attempt.answers.get()
        order = row.snapshot["answer_order"]

        page = taker.get(url("attempt_take", attempt.pk)).content.decode()
        # Options carry their position in a shuffled list, never the id of their pair.
        offered = re.findall(r'<option value="(\d+)"', page)
        assert sorted(offered) == ["0", "0", "1", "1"]  # two selects of two options each
        form = {f"q-{question.pk}-{pair.pk}": order.index(pair.pk) for pair in pairs}
        taker.post(url("attempt_submit", attempt.pk), form)

        attempt.refresh_from_db()
        assert attempt.score == Decimal("2.00")

    def test_a_saved_matching_answer_shows_again_and_on_the_result(self, taker, course):
        question = Question(kind=Question.Kind.MATCHING, text="Match each actor")
        question.save()
        pair = MatchingPair.objects.create(question=question, prompt="Police", answer="escorts")
        quiz = QuizFactory(course=course, questions=[question])
        attempt = start(taker, quiz)
        order = attempt.answers.get().snapshot["answer_order"]
        taker.post(url("attempt_save", attempt.pk), {f"q-{question.pk}-{pair.pk}": 0})

        assert taker.get(url("attempt_take", attempt.pk)).status_code == HTTPStatus.OK
        taker.post(url("attempt_submit", attempt.pk), {f"q-{question.pk}-{pair.pk}": 0})
        result = taker.get(url("attempt_result", attempt.pk))

        assert result.status_code == HTTPStatus.OK
        assert order == [pair.pk]
        assert "Police → escorts" in result.content.decode()

    def test_a_matching_position_outside_the_list_is_refused(self, taker, course):
        question = Question(kind=Question.Kind.MATCHING, text="Match")
        question.save()
        pair = MatchingPair.objects.create(question=question, prompt="A", answer="B")
        quiz = QuizFactory(course=course, questions=[question])
        attempt = start(taker, quiz)

        response = taker.post(
            url("attempt_save", attempt.pk),
            {f"q-{question.pk}-{pair.pk}": 7},
            HTTP_ACCEPT="application/json",
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "does not belong to the question" in response.json()["error"]
        assert attempt.answers.get().answer is None

    def test_short_answers_ignore_case_spaces_and_accents(self, taker, course):
        question = Question(
            kind=Question.Kind.SHORT_ANSWER,
            text="Which office decides?",
            accepted_answers="Office des Étrangers",
        )
        question.full_clean()
        question.save()
        quiz = QuizFactory(course=course, questions=[question])
        attempt = start(taker, quiz)

        taker.post(
            url("attempt_submit", attempt.pk), {f"q-{question.pk}": "  office des  etrangers"}
        )

        attempt.refresh_from_db()
        assert attempt.passed is True


class TestPreTestAndPostTest:
    @pytest.fixture
    def pre_test(self, course):
        return QuizFactory(
            course=course, purpose=Quiz.Purpose.PRE_TEST, questions=[explained_question()]
        )

    def test_lessons_wait_for_the_pre_test(self, taker, enrolled, pre_test, lessons):
        response = taker.get(lessons[0].url)

        assert response["Location"] == url("quiz_detail", pre_test.pk)
        attempt = start(taker, pre_test)
        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=0))
        assert taker.get(lessons[0].url).status_code == HTTPStatus.OK

    def test_a_pre_test_result_never_shows_the_answers(self, taker, pre_test):
        attempt = start(taker, pre_test)
        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=0))

        result = taker.get(url("attempt_result", attempt.pk)).content.decode()

        assert EXPLANATION not in result and "The Immigration Office" not in result

    def test_the_personal_data_export_hides_what_the_result_page_hides(self, taker, pre_test):
        attempt = start(taker, pre_test)
        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=1))

        data = json.loads(taker.get(reverse("accounts:personal_data_download")).content)

        exported = data["sections"]["assessments"]["attempts"][0]
        # The page shows the score, but neither a pass nor which answers were right.
        assert exported["percent"] == "100.00" and exported["passed"] is None
        answer = exported["answers"][0]
        assert answer["answer"] is not None
        assert "correct" not in answer and "points" not in answer

    def test_a_skippable_pre_test_can_be_skipped_once(self, taker, enrolled, pre_test, lessons):
        Quiz.objects.filter(pk=pre_test.pk).update(pre_test_skippable=True)

        taker.post(url("pre_test_skip", pre_test.pk))

        assert PreTestSkip.objects.filter(enrolment=enrolled).exists()
        assert taker.get(lessons[0].url).status_code == HTTPStatus.OK

    def test_a_pre_test_that_is_not_skippable_cannot_be_skipped(self, taker, pre_test, lessons):
        response = taker.post(url("pre_test_skip", pre_test.pk))

        assert messages_of(response)[-1] == "This test cannot be skipped."
        assert not PreTestSkip.objects.exists()
        assert taker.get(lessons[0].url)["Location"] == url("quiz_detail", pre_test.pk)

    def test_the_post_test_opens_when_the_lessons_are_done(self, taker, trainee, course, lessons):
        post_test = QuizFactory(
            course=course, purpose=Quiz.Purpose.POST_TEST, questions=[ChoiceQuestionFactory()]
        )

        refused = taker.post(url("quiz_start", post_test.pk))
        assert "4 lessons are still to do" in messages_of(refused)[-1]
        assert not Attempt.objects.exists()
        assert "opens when the lessons are done" in taker.get(course.url).content.decode()

        for lesson in lessons:
            study(trainee, lesson)
        attempt = start(taker, post_test)
        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=1))

        html = taker.get(course.url).content.decode()
        assert "passed (100%)" in html
        assert trainee.enrolments.get().status == "completed"

    def test_the_pre_test_closes_once_the_final_test_was_taken(
        self, taker, trainee, course, lessons, pre_test
    ):
        Quiz.objects.filter(pk=pre_test.pk).update(pre_test_skippable=True)
        taker.post(url("pre_test_skip", pre_test.pk))
        post_test = QuizFactory(
            course=course, purpose=Quiz.Purpose.POST_TEST, questions=[ChoiceQuestionFactory()]
        )
        for lesson in lessons:
            study(trainee, lesson)
        start(taker, post_test)

        response = taker.post(url("quiz_start", pre_test.pk))

        assert "pre-test is closed" in messages_of(response)[-1]
        assert not Attempt.objects.filter(quiz=pre_test).exists()


class TestLessonQuizBlock:
    def test_a_lesson_shows_its_quiz_with_the_trainees_best_score(self, taker, trainee, lessons):
        quiz = QuizFactory(
            course=lessons[0].get_parent().get_parent().specific,
            questions=[ChoiceQuestionFactory()],
        )
        lesson = lessons[0]
        lesson.body = [("quiz", {"quiz": quiz, "intro": "Check what you remember."})]
        lesson.save_revision().publish()
        attempt = start(taker, quiz)
        taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=1))

        html = taker.get(lesson.url).content.decode()

        assert "Check what you remember." in html
        assert "Your best score: 100%" in html
        assert url("quiz_detail", quiz.pk) in html

    @pytest.mark.parametrize("own_course", [True, False])
    def test_a_lesson_embeds_only_quizzes_of_its_course(
        self, catalogue, trainer, lessons, own_course
    ):
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

        from courses.models import LessonPage
        from tests.factories.courses import add_course

        course = lessons[0].get_parent().get_parent().specific
        quiz_course = course if own_course else add_course(catalogue, title="Voluntary return")
        quiz = QuizFactory(course=quiz_course, questions=[ChoiceQuestionFactory()])
        lesson = lessons[0]
        data = nested_form_data(
            {
                "title": lesson.title,
                "slug": lesson.slug,
                "estimated_minutes": "10",
                "is_required": "on",
                "body": streamfield([("quiz", {"quiz": quiz.pk, "intro": ""})]),
                "comments": inline_formset([]),
            }
        )
        form_class = LessonPage.get_edit_handler().get_form_class()

        form = form_class(data, instance=lesson, parent_page=lesson.get_parent(), for_user=trainer)

        assert form.is_valid() is own_course, form.errors
        if not own_course:
            assert "From another course: " in str(form.errors["body"])


class TestTrainerStatistics:
    @pytest.fixture
    def graded(self, course, trainee, enrolled):
        """Three trainees answered two questions; two chose the same wrong answer to Q2."""
        questions = [ChoiceQuestionFactory(text="Q one"), ChoiceQuestionFactory(text="Q two")]
        quiz = QuizFactory(course=course, questions=questions)
        others = [TraineeFactory(), TraineeFactory()]
        for person in others:
            course_services.enrolment_enrol(trainee=person, course=course)
        for person, right in [(trainee, 2), (others[0], 1), (others[1], 1)]:
            attempt = services.attempt_start(quiz=quiz, trainee=person)
            rows = list(attempt.answers.order_by("position"))
            answers = {
                row.question_id: correct_choice(row) if i < right else wrong_choice(row)
                for i, row in enumerate(rows)
            }
            services.answers_save(attempt=attempt, trainee=person, answers=answers)
            services.attempt_submit(attempt=attempt, trainee=person)
        return quiz, others

    def test_owning_trainer_sees_share_correct_and_most_chosen_wrong(self, client, trainer, graded):
        quiz, _others = graded
        client.force_login(trainer)

        response = client.get(url("trainer_quiz", quiz.pk))

        assert response.status_code == HTTPStatus.OK
        rows = {item.text: item for item in response.context["statistics"]}
        assert (rows["Q one"].correct, rows["Q one"].attempts) == (3, 3)
        assert rows["Q two"].share_correct == pytest.approx(1 / 3)
        assert (rows["Q two"].most_chosen_wrong, rows["Q two"].most_chosen_wrong_count) == (
            "Answer 1",
            2,
        )
        assert len(response.context["attempts"]) == 3

    def test_a_cohort_trainer_sees_only_their_cohorts_attempts(self, client, course, graded):
        quiz, others = graded
        leader = TrainerFactory()
        cohort = Cohort.objects.create(name="Antwerp police", course=course)
        cohort.trainers.add(leader)
        others[0].enrolments.update(cohort=cohort)
        client.force_login(leader)

        response = client.get(url("trainer_quiz", quiz.pk))

        assert [a.trainee for a in response.context["attempts"]] == [others[0]]
        assert response.context["statistics"][1].attempts == 1

    def test_the_quiz_list_shows_only_the_trainers_courses(self, client, trainer, graded):
        quiz, _others = graded
        client.force_login(trainer)
        assert list(client.get(reverse("assessments:trainer_quizzes")).context["quizzes"]) == [quiz]
        client.force_login(TrainerFactory())
        assert not client.get(reverse("assessments:trainer_quizzes")).context["quizzes"]

    def test_the_statistics_page_runs_a_fixed_number_of_queries(
        self, client, trainer, course, graded
    ):
        quiz, _others = graded
        client.force_login(trainer)
        client.get(url("trainer_quiz", quiz.pk))
        with CaptureQueriesContext(connection) as small:
            client.get(url("trainer_quiz", quiz.pk))
        for _ in range(3):
            person = TraineeFactory()
            course_services.enrolment_enrol(trainee=person, course=course)
            attempt = services.attempt_start(quiz=quiz, trainee=person)
            services.attempt_submit(attempt=attempt, trainee=person)
        with CaptureQueriesContext(connection) as large:
            client.get(url("trainer_quiz", quiz.pk))

        assert len(large.captured_queries) == len(small.captured_queries)


def test_the_submit_page_issues_a_constant_number_of_queries(taker, course):
    counts = {}
    for size in (5, 20):
        quiz = QuizFactory(
            course=course, questions=[ChoiceQuestionFactory(text=f"Q{n}") for n in range(size)]
        )
        attempt = start(taker, quiz)
        form = form_for(attempt, right=size)
        with CaptureQueriesContext(connection) as context:
            taker.post(url("attempt_submit", attempt.pk), form)
        counts[size] = len(context.captured_queries)

    assert counts[5] == counts[20]


def test_the_personal_data_export_lists_attempts_and_answers(taker, trainee, course):
    quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory(text="Exported question")])
    attempt = start(taker, quiz)
    taker.post(url("attempt_submit", attempt.pk), form_for(attempt, right=1))

    response = taker.get(reverse("accounts:personal_data_download"))

    data = json.loads(response.content)
    exported = data["sections"]["assessments"]["attempts"][0]
    assert exported["quiz"] == quiz.title and exported["passed"] is True
    assert exported["answers"][0]["question"] == "Exported question"
