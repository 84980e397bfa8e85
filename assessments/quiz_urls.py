from django.urls import path

from .views import quizzes

urlpatterns = [
    path("quizzes/<int:quiz_id>/", quizzes.quiz_detail, name="quiz_detail"),
    path("quizzes/<int:quiz_id>/start/", quizzes.quiz_start, name="quiz_start"),
    path("quizzes/<int:quiz_id>/skip/", quizzes.pre_test_skip, name="pre_test_skip"),
    path("attempts/<int:attempt_id>/", quizzes.attempt_take, name="attempt_take"),
    path("attempts/<int:attempt_id>/save/", quizzes.attempt_save, name="attempt_save"),
    path("attempts/<int:attempt_id>/submit/", quizzes.attempt_submit, name="attempt_submit"),
    path("attempts/<int:attempt_id>/result/", quizzes.attempt_result, name="attempt_result"),
    path("trainer/quizzes/", quizzes.trainer_quizzes, name="trainer_quizzes"),
    path("trainer/quizzes/<int:quiz_id>/", quizzes.trainer_quiz, name="trainer_quiz"),
]
