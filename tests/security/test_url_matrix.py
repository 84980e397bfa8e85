"""The security matrix: every named URL, requested as each role, against one table.

Columns (``ROLES``): anonymous; ``trainee``, who owns the objects (enrolled and completed the
course, two quiz attempts, a certificate, a session seat, a cohort membership, xAPI
statements, a follow-up survey link); ``other_trainee``, a classmate enrolled in the same
course; ``other_trainer``, who owns another course; ``trainer``, who owns the course, leads
its cohort and runs its session; ``programme_manager``; ``admin`` (a superuser).

Cells: an HTTP status, or where the answer is a redirect, where it goes: ``login`` (the
login page, directly or through the Wagtail admin's login address), ``home`` (the Wagtail
admin's own refusal: back to the dashboard with "you do not have permission"), ``302`` (any
other redirect: the view did its work, or refused with a message, and sent the user on).
POST-only endpoints are requested with POST (the test client skips CSRF checks).

Staff two-factor enforcement (``LIAISON_REQUIRE_MFA_FOR_STAFF``) is off here, as in every
test settings module; tests/accounts/test_mfa.py covers it. With it on, staff answers would
all be redirects to the two-factor setup until they use an authenticator.

What the table covers, name by name: every URL of Liaison's apps (accounts, courses,
assessments, certificates, h5p, xapi, reports), django-allauth's account and two-factor
URLs, Wagtail's front-end URLs (each page type as a variant of ``wagtail_serve``) and every
URL of Liaison's own admin viewsets (organisations, H5P contents and their chooser, xAPI
clients and statements, issued certificates), which hold personal data and secrets under
permission policies written here. Summarised by representative rows (see ``SUMMARISED``):
Wagtail's own admin (pages, workflows, images, documents, users, groups, sites, locales,
redirects, reports...), whose hundreds of views share Wagtail's permission checks, and the
snippet views and choosers of Liaison's snippet models (index, add, edit, delete each).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from assessments.models import Attempt
from courses.models import Enrolment, LessonProgress, SessionRegistration
from h5p.services.results import content_iri
from tests.security.conftest import ROLES, SURVEY_TOKEN, USED_SURVEY_TOKEN, World

# fmt: off
# The table. A key is a URL name, with a variant in brackets when one name is requested
# with different objects. Columns, in ROLES order: A anonymous, T the trainee who owns the
# objects, T2 another trainee of the course, R2 the trainer of another course, R the course's
# trainer, PM a programme manager, AD an admin.
#                                                   A     T     T2    R2    R     PM    AD
MATRIX: dict[str, str] = {
    # --- accounts: My account (each user's own; the export holds only the caller's data) ---
    "accounts:my_account":                         "login 200   200   200   200   200   200",
    "accounts:personal_data_download":             "login 200   200   200   200   200   200",
    "accounts:account_delete":                     "login 200   200   200   200   200   200",
    # --- django-allauth: accounts and two-factor ---------------------------------------------
    # Signed-in users are sent on from the login and signup forms; a session that has not
    # used its password recently is sent to reauthenticate before setting up an authenticator.
    "account_login":                               "200   302   302   302   302   302   302",
    "account_logout":                              "302   200   200   200   200   200   200",
    "account_inactive":                            "200   200   200   200   200   200   200",
    "account_signup":                              "200   302   302   302   302   302   302",
    "account_reauthenticate":                      "login 200   200   200   200   200   200",
    "account_email":                               "login 200   200   200   200   200   200",
    "account_email_verification_sent":             "200   200   200   200   200   200   200",
    "account_change_password":                     "login 200   200   200   200   200   200",
    "account_set_password":                        "login 302   302   302   302   302   302",
    "account_reset_password":                      "200   200   200   200   200   200   200",
    "account_reset_password_done":                 "200   200   200   200   200   200   200",
    "account_reset_password_from_key":             "200   200   200   200   200   200   200",
    "account_reset_password_from_key_done":        "200   200   200   200   200   200   200",
    "account_confirm_login_code":                  "login 302   302   302   302   302   302",
    # Reauthenticating by an emailed code (allauth 65.22): the code is asked for first, so
    # the confirm form sends a session that has not asked for one back to the request form.
    "account_request_reauthentication_code":       "login 200   200   200   200   200   200",
    "account_confirm_reauthentication_code":       "login 302   302   302   302   302   302",
    "account_confirm_email":                       "200   200   200   200   200   200   200",
    "mfa_index":                                   "login 200   200   200   200   200   200",
    "mfa_authenticate":                            "login 302   302   302   302   302   302",
    "mfa_reauthenticate":                          "login 302   302   302   302   302   302",
    "mfa_activate_totp":                           "login 302   302   302   302   302   302",
    "mfa_deactivate_totp":                         "login 404   404   404   404   404   404",
    "mfa_view_recovery_codes":                     "login 404   404   404   404   404   404",
    "mfa_generate_recovery_codes":                 "login 302   302   302   302   302   302",
    "mfa_download_recovery_codes":                 "login 404   404   404   404   404   404",
    # --- Wagtail's front end: each page type; Wagtail's own forms ---------------------------
    # Lessons: enrolled trainees, and trainers and admins in preview; others go to the course.
    "wagtail_serve[home]":                         "200   200   200   200   200   200   200",
    "wagtail_serve[catalogue]":                    "200   200   200   200   200   200   200",
    "wagtail_serve[course]":                       "200   200   200   200   200   200   200",
    "wagtail_serve[module]":                       "302   302   302   302   302   302   302",
    "wagtail_serve[lesson]":                       "login 200   200   200   200   302   200",
    "wagtail_serve[lesson with H5P]":              "login 200   200   200   200   302   200",
    "wagtail_serve[lesson, not enrolled]":         "login 302   302   200   200   302   200",
    "wagtail_serve[no such page]":                 "404   404   404   404   404   404   404",
    # Documents (courses.selectors.documents): staff who manage documents get any; others
    # only those of a live lesson they may open; a document no lesson uses, staff only.
    "wagtaildocs_serve[lesson document]":          "login 200   200   200   200   403   200",
    "wagtaildocs_serve[unused document]":          "login 403   403   200   200   403   200",
    # Django's plain LoginView would skip allauth's rate limits and email verification.
    "wagtailcore_login":                           "login login login login login login login",
    "wagtailcore_authenticate_with_password":      "404   404   404   404   404   404   404",
    # --- courses: trainees ---------------------------------------------------------------------
    # Enrol, register, complete: the service decides and the view redirects with a message.
    "courses:my_learning":                         "login 200   200   200   200   200   200",
    "courses:enrol":                               "login 302   302   302   302   302   302",
    "courses:enrol[approval course]":              "login 302   302   302   302   302   302",
    "courses:withdraw":                            "login 302   302   404   404   404   404",
    "courses:lesson_complete":                     "login 302   302   302   302   302   302",
    "courses:lesson_complete[not enrolled]":       "login 302   302   302   302   302   302",
    "courses:session_mine":                        "login 200   200   200   200   200   200",
    "courses:session_check_in":                    "login 200   200   200   200   200   200",
    "courses:session_register":                    "login 302   302   302   302   302   302",
    "courses:session_cancel":                      "login 302   404   404   404   404   404",
    # --- courses: trainers (403 for other roles, 404 for another course's trainer) -----------
    "courses:enrolment_requests":                  "login 403   403   200   200   403   200",
    "courses:enrolment_decide":                    "login 403   403   404   302   403   302",
    "courses:course_progress":                     "login 403   403   404   200   403   200",
    "courses:cohort_list":                         "login 403   403   200   200   403   200",
    "courses:cohort_create":                       "login 403   403   200   200   403   200",
    "courses:cohort_detail":                       "login 403   403   404   200   403   200",
    "courses:cohort_add_members":                  "login 403   403   404   302   403   302",
    "courses:cohort_csv_upload":                   "login 403   403   404   302   403   302",
    "courses:cohort_csv_confirm":                  "login 403   403   404   302   403   302",
    "courses:cohort_progress":                     "login 403   403   404   200   403   200",
    "courses:cohort_progress_csv":                 "login 403   403   404   200   403   200",
    "courses:session_list":                        "login 403   403   200   200   403   200",
    "courses:session_create":                      "login 403   403   200   200   403   200",
    "courses:session_attendance":                  "login 403   403   404   200   403   200",
    "courses:session_open_check_in":               "login 403   403   404   302   403   302",
    "courses:session_code":                        "login 403   403   404   200   403   200",
    # --- assessments: attempts are their trainee's alone (404 for anyone else, admins too) ---
    "assessments:quiz_detail":                     "login 200   200   302   200   302   200",
    "assessments:quiz_start":                      "login 302   302   302   302   302   302",
    "assessments:pre_test_skip":                   "login 302   302   302   302   302   302",
    "assessments:attempt_take":                    "login 200   404   404   404   404   404",
    "assessments:attempt_save":                    "login 302   404   404   404   404   404",
    "assessments:attempt_submit":                  "login 302   404   404   404   404   404",
    "assessments:attempt_result":                  "login 200   404   404   404   404   404",
    "assessments:trainer_quizzes":                 "login 403   403   200   200   403   200",
    "assessments:trainer_quiz":                    "login 403   403   404   200   403   200",
    # The reaction survey: for trainees who completed the course (403: not yet; 404: others).
    "assessments:survey_answer":                   "login 200   403   404   404   404   404",
    "assessments:survey_answer[follow-up]":        "login 404   404   404   404   404   404",
    # A follow-up link is the credential: it answers as its trainee whoever opens it.
    "assessments:survey_follow_up":                "200   200   200   200   200   200   200",
    "assessments:survey_follow_up[used]":          "410   410   410   410   410   410   410",
    "assessments:survey_follow_up[unknown]":       "404   404   404   404   404   404   404",
    "assessments:survey_thanks":                   "200   200   200   200   200   200   200",
    # --- certificates: the PDF is its holder's alone; verification is for everybody ----------
    "certificates:my_certificates":                "login 200   200   200   200   200   200",
    "certificates:pdf":                            "login 200   404   404   404   404   404",
    "certificates:renew":                          "login 302   404   404   404   404   404",
    "certificates:verify_form":                    "200   200   200   200   200   200   200",
    "certificates:verify":                         "200   200   200   200   200   200   200",
    "certificates:verify[unknown code]":           "404   404   404   404   404   404   404",
    "certificates_public:verify_form":             "302   302   302   302   302   302   302",
    "certificates_public:verify":                  "302   302   302   302   302   302   302",
    # --- h5p and the xAPI statements resource ----------------------------------------------
    # The sandboxed player page holds nothing about anyone (what to play comes from the
    # lesson page); only enrolled trainees record results and saved states.
    "h5p:frame":                                   "200   200   200   200   200   200   200",
    "h5p:statements":                              "login 200   200   404   404   404   404",
    "h5p:state":                                   "login 204   204   404   404   404   404",
    "h5p_content_iri:content":                     "login 200   200   200   200   200   200",
    # A session reads only its own statements; without credentials, 401.
    "xapi:statements":                             "401   200   200   200   200   200   200",
    "xapi:statements[trainee's statement]":        "401   200   404   404   404   404   404",
    # The About resource is open to anyone (xAPI 1.0.3 Communication 2.8).
    "xapi:about":                                  "200   200   200   200   200   200   200",
    # --- reports: programme managers and admins --------------------------------------------
    "reports:run_list":                            "login 403   403   403   403   200   200",
    "reports:dashboard":                           "login 403   403   403   403   200   200",
    "reports:run":                                 "login 403   403   403   403   200   200",
    "reports:run_status":                          "login 403   403   403   403   200   200",
    "reports:run_retry":                           "login 403   403   403   403   302   302",
    "reports:run_csv":                             "login 403   403   403   403   200   200",
    "reports:run_xlsx":                            "login 403   403   403   403   200   200",
    "reports:run_pdf":                             "login 403   403   403   403   200   200",
    # --- Liaison's admin viewsets, every view ------------------------------------------------
    # No admin access (trainees): to the login. Admin access without the permission: "home".
    "organisations:index":                         "login login login home  home  home  200",
    "organisations:index_results":                 "login login login home  home  home  200",
    "organisations:add":                           "login login login home  home  home  200",
    "organisations:edit":                          "login login login home  home  home  200",
    "organisations:delete":                        "login login login home  home  home  200",
    "organisations:history":                       "login login login home  home  home  200",
    "organisations:history_results":               "login login login home  home  home  200",
    "organisations:usage":                         "login login login home  home  home  200",
    "organisations:copy":                          "login login login home  home  home  200",
    # H5P contents belong to courses as quizzes do: the trainer of another course lists
    # only their own and is refused this course's. Only admins upgrade shared libraries.
    "h5p_content:index":                           "login login login 200   200   home  200",
    "h5p_content:index_results":                   "login login login 200   200   home  200",
    "h5p_content:add":                             "login login login 200   200   home  200",
    "h5p_content:edit":                            "login login login home  200   home  200",
    "h5p_content:delete":                          "login login login home  200   home  200",
    "h5p_content:history":                         "login login login home  200   home  200",
    "h5p_content:history_results":                 "login login login home  200   home  200",
    "h5p_content:usage":                           "login login login home  200   home  200",
    "h5p_content:replace":                         "login login login home  200   home  200",
    "h5p_content:upgrade_libraries":               "login login login home  home  home  200",
    # Wagtail's choosers answer anyone with admin access (titles only); creating needs "add".
    "h5p_content_chooser:choose":                  "login login login 200   200   200   200",
    "h5p_content_chooser:choose_results":          "login login login 200   200   200   200",
    "h5p_content_chooser:chosen":                  "login login login 200   200   200   200",
    "h5p_content_chooser:chosen_multiple":         "login login login 200   200   200   200",
    "h5p_content_chooser:create":                  "login login login 200   200   home  200",
    "xapi_clients:index":                          "login login login home  home  home  200",
    "xapi_clients:index_results":                  "login login login home  home  home  200",
    "xapi_clients:add":                            "login login login home  home  home  200",
    "xapi_clients:edit":                           "login login login home  home  home  200",
    "xapi_clients:delete":                         "login login login home  home  home  200",
    "xapi_clients:history":                        "login login login home  home  home  200",
    "xapi_clients:history_results":                "login login login home  home  home  200",
    "xapi_clients:usage":                          "login login login home  home  home  200",
    # The statement log and issued certificates are read-only, even for admins.
    "xapi_statements:index":                       "login login login home  home  home  200",
    "xapi_statements:index_results":               "login login login home  home  home  200",
    "xapi_statements:add":                         "login login login home  home  home  home",
    "xapi_statements:edit":                        "login login login home  home  home  home",
    "xapi_statements:delete":                      "login login login home  home  home  home",
    "xapi_statements:history":                     "login login login home  home  home  home",
    "xapi_statements:history_results":             "login login login home  home  home  home",
    "xapi_statements:usage":                       "login login login home  home  home  home",
    "xapi_statements:inspect":                     "login login login home  home  home  200",
    "issued_certificates:index":                   "login login login home  home  home  200",
    "issued_certificates:index_results":           "login login login home  home  home  200",
    "issued_certificates:add":                     "login login login home  home  home  home",
    "issued_certificates:edit":                    "login login login home  home  home  home",
    "issued_certificates:delete":                  "login login login home  home  home  home",
    "issued_certificates:history":                 "login login login home  home  home  home",
    "issued_certificates:history_results":         "login login login home  home  home  home",
    "issued_certificates:usage":                   "login login login home  home  home  home",
    "issued_certificates:inspect":                 "login login login home  home  home  200",
    "issued_certificates:revoke":                  "login login login home  home  home  200",
    # --- Liaison's snippets (summarised: index, add, edit, delete and the chooser) -----------
    # Questions, quizzes, surveys and certificate templates only of the courses trainers own
    # (courses.permissions; shared questions: their named owners): the trainer of another
    # course is refused this course's ones, its history too. Only admins delete templates.
    "wagtailsnippets_assessments_question:list":   "login login login 200   200   home  200",
    "wagtailsnippets_assessments_question:add":    "login login login 200   200   home  200",
    "wagtailsnippets_assessments_question:edit":   "login login login home  200   home  200",
    "wagtailsnippets_assessments_question:delete": "login login login home  200   home  200",
    "wagtailsnippets_assessments_question:history":
                                                   "login login login home  200   home  200",
    "wagtailsnippets_assessments_quiz:history":    "login login login home  200   home  200",
    "wagtailsnippets_assessments_survey:history":  "login login login home  200   home  200",
    "wagtailsnippets_certificates_certificatetemplate:history":
                                                   "login login login home  200   home  200",
    "wagtailsnippetchoosers_assessments_question:choose":
                                                   "login login login 200   200   200   200",
    "wagtailsnippets_assessments_quiz:list":       "login login login 200   200   home  200",
    "wagtailsnippets_assessments_quiz:add":        "login login login 200   200   home  200",
    "wagtailsnippets_assessments_quiz:edit":       "login login login home  200   home  200",
    "wagtailsnippets_assessments_quiz:delete":     "login login login home  200   home  200",
    "wagtailsnippetchoosers_assessments_quiz:choose":
                                                   "login login login 200   200   200   200",
    "wagtailsnippets_assessments_survey:list":     "login login login 200   200   home  200",
    "wagtailsnippets_assessments_survey:add":      "login login login 200   200   home  200",
    "wagtailsnippets_assessments_survey:edit":     "login login login home  200   home  200",
    "wagtailsnippets_assessments_survey:delete":   "login login login home  200   home  200",
    "wagtailsnippetchoosers_assessments_survey:choose":
                                                   "login login login 200   200   200   200",
    "wagtailsnippets_certificates_certificatetemplate:list":
                                                   "login login login 200   200   home  200",
    "wagtailsnippets_certificates_certificatetemplate:add":
                                                   "login login login 200   200   home  200",
    "wagtailsnippets_certificates_certificatetemplate:edit":
                                                   "login login login home  200   home  200",
    "wagtailsnippets_certificates_certificatetemplate:delete":
                                                   "login login login home  home  home  200",
    "wagtailsnippetchoosers_certificates_certificatetemplate:choose":
                                                   "login login login 200   200   200   200",
    # Topics and audiences: admins only.
    "wagtailsnippets_courses_topic:list":          "login login login home  home  home  200",
    "wagtailsnippets_courses_topic:add":           "login login login home  home  home  200",
    "wagtailsnippets_courses_topic:edit":          "login login login home  home  home  200",
    "wagtailsnippets_courses_topic:delete":        "login login login home  home  home  200",
    "wagtailsnippetchoosers_courses_topic:choose": "login login login 200   200   200   200",
    "wagtailsnippets_courses_courseaudience:list": "login login login home  home  home  200",
    "wagtailsnippets_courses_courseaudience:add":  "login login login home  home  home  200",
    "wagtailsnippets_courses_courseaudience:edit": "login login login home  home  home  200",
    "wagtailsnippets_courses_courseaudience:delete":
                                                   "login login login home  home  home  200",
    "wagtailsnippetchoosers_courses_courseaudience:choose":
                                                   "login login login 200   200   200   200",
    # Programme indicators: programme managers record them, and nothing else in the admin.
    "wagtailsnippets_reports_programmeindicator:list":
                                                   "login login login home  home  200   200",
    "wagtailsnippets_reports_programmeindicator:add":
                                                   "login login login home  home  200   200",
    "wagtailsnippets_reports_programmeindicator:edit":
                                                   "login login login home  home  200   200",
    "wagtailsnippets_reports_programmeindicator:delete":
                                                   "login login login home  home  200   200",
    "wagtailsnippetchoosers_reports_programmeindicator:choose":
                                                   "login login login 200   200   200   200",
    "wagtailsnippets_reports_indicatorvalue:list":
                                                   "login login login home  home  200   200",
    "wagtailsnippets_reports_indicatorvalue:add":  "login login login home  home  200   200",
    "wagtailsnippets_reports_indicatorvalue:edit": "login login login home  home  200   200",
    "wagtailsnippets_reports_indicatorvalue:delete":
                                                   "login login login home  home  200   200",
    "wagtailsnippetchoosers_reports_indicatorvalue:choose":
                                                   "login login login 200   200   200   200",
    # --- Wagtail's own admin (summarised) ------------------------------------------------------
    # Its login, password and account screens are allauth's (README, "Accounts").
    "wagtailadmin_login":                          "login login login login login login login",
    # Logging out is a POST with the CSRF token (tests/security/test_logout.py): a GET, as a
    # link on another site would send, is refused and keeps the session.
    "wagtailadmin_logout":                         "405   405   405   405   405   405   405",
    "wagtailadmin_password_reset":                 "302   302   302   302   302   302   302",
    "wagtailadmin_home":                           "login login login 200   200   200   200",
    "wagtailadmin_account":                        "login login login 200   200   200   200",
    # Only the course's trainers edit its pages; nobody but admins deletes a live one (deleting
    # live pages needs the publish right, which Legal review keeps from trainers).
    "wagtailadmin_explore":                        "login login login 200   200   home  200",
    "wagtailadmin_pages:edit":                     "login login login home  200   home  200",
    "wagtailadmin_pages:edit[lesson]":             "login login login home  200   home  200",
    "wagtailadmin_pages:add_subpage":              "login login login home  302   home  302",
    "wagtailadmin_pages:delete":                   "login login login home  home  home  200",
    # Our roles' group permissions (accounts.roles) on Wagtail's libraries and user admin.
    "wagtailimages:index":                         "login login login 200   200   home  200",
    "wagtaildocs:index":                           "login login login 200   200   home  200",
    "wagtailusers_users:index":                    "login login login home  home  home  200",
    "wagtailusers_users:edit":                     "login login login home  home  home  200",
    "simple_translation:submit_page_translation":  "login login login home  home  home  200",
}
# fmt: on


@dataclass(frozen=True)
class Request:
    """How to request a row: its URL's arguments (or a whole path), method, query, body."""

    args: Callable[[World], list] | None = None
    path: Callable[[World], str] | None = None
    method: str = "GET"
    query: Callable[[World], str] | None = None
    body: Callable[[World], object] | None = None
    headers: dict = field(default_factory=dict)


def _pk(attribute: str) -> Request:
    return Request(args=lambda w: [getattr(w, attribute).pk])


def _post(attribute: str | None = None, **options) -> Request:
    if attribute:
        options.setdefault("args", lambda w: [getattr(w, attribute).pk])
    return Request(method="POST", **options)


def _organisation() -> Request:
    return Request(args=lambda w: [w.trainee.organisation_id])


def h5p_statement(world: World) -> list[dict]:
    """What the H5P player posts: a full score on the lesson's exercise."""
    return [
        {
            "actor": {"objectType": "Agent", "name": "Someone", "mbox": "mailto:x@example.org"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"objectType": "Activity", "id": content_iri(world.h5p_content)},
            "result": {"score": {"scaled": 1}, "success": True, "completion": True},
        }
    ]


XAPI = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
_SNIPPETS = {
    "assessments_question": "question",
    "assessments_quiz": "quiz",
    "assessments_survey": "reaction_survey",
    "certificates_certificatetemplate": "certificate_template",
    "courses_topic": "topic",
    "courses_courseaudience": "audience",
    "reports_programmeindicator": "indicator",
    "reports_indicatorvalue": "indicator_value",
}

# Rows that are not a plain GET of a URL without arguments.
REQUESTS: dict[str, Request] = {
    "account_reset_password_from_key": Request(
        path=lambda w: reverse(
            "account_reset_password_from_key", kwargs={"uidb36": "1", "key": "not-a-key"}
        )
    ),
    "account_confirm_email": Request(
        path=lambda w: reverse("account_confirm_email", kwargs={"key": "not-a-key"})
    ),
    "wagtail_serve[home]": Request(path=lambda w: w.home.url),
    "wagtail_serve[catalogue]": Request(path=lambda w: w.catalogue.url),
    "wagtail_serve[course]": Request(path=lambda w: w.course.url),
    "wagtail_serve[module]": Request(path=lambda w: w.module.url),
    "wagtail_serve[lesson]": Request(path=lambda w: w.lesson.url),
    "wagtail_serve[lesson with H5P]": Request(path=lambda w: w.h5p_lesson.url),
    "wagtail_serve[lesson, not enrolled]": Request(path=lambda w: w.other_lesson.url),
    "wagtail_serve[no such page]": Request(path=lambda w: "/en/no-such-page/"),
    "wagtailcore_authenticate_with_password": Request(args=lambda w: [1, w.course.pk]),
    "courses:enrol": _post("course"),
    "courses:enrol[approval course]": _post("other_course"),
    "courses:withdraw": _post("course"),
    "courses:lesson_complete": _post("lesson"),
    "courses:lesson_complete[not enrolled]": _post("other_lesson"),
    "courses:session_register": _post("session"),
    "courses:session_cancel": _post("session"),
    "courses:enrolment_decide": _post("pending"),
    "courses:course_progress": _pk("course"),
    "courses:cohort_create": _post(),
    "courses:cohort_detail": _pk("cohort"),
    "courses:cohort_add_members": _post("cohort"),
    "courses:cohort_csv_upload": _post("cohort"),
    "courses:cohort_csv_confirm": _post("cohort"),
    "courses:cohort_progress": _pk("cohort"),
    "courses:cohort_progress_csv": _pk("cohort"),
    "courses:session_attendance": _pk("session"),
    "courses:session_open_check_in": _post("session"),
    "courses:session_code": _pk("session"),
    "assessments:quiz_detail": _pk("quiz"),
    "assessments:quiz_start": _post("quiz"),
    "assessments:pre_test_skip": _post("quiz"),
    "assessments:attempt_take": _pk("attempt_open"),
    "assessments:attempt_save": _post("attempt_open"),
    "assessments:attempt_submit": _post("attempt_open"),
    "assessments:attempt_result": _pk("attempt_done"),
    "assessments:trainer_quiz": _pk("quiz"),
    "assessments:survey_answer": _pk("reaction_survey"),
    "assessments:survey_answer[follow-up]": _pk("follow_up_survey"),
    "assessments:survey_follow_up": Request(args=lambda w: [SURVEY_TOKEN]),
    "assessments:survey_follow_up[used]": Request(args=lambda w: [USED_SURVEY_TOKEN]),
    "assessments:survey_follow_up[unknown]": Request(args=lambda w: ["no-such-link"]),
    "certificates:pdf": _pk("certificate"),
    "certificates:renew": _post("certificate"),
    "certificates:verify": Request(args=lambda w: [w.certificate.code]),
    "certificates:verify[unknown code]": Request(args=lambda w: ["A" * 32]),
    "certificates_public:verify": Request(args=lambda w: [w.certificate.code]),
    "h5p:frame": Request(),
    "h5p:statements": _post(args=lambda w: [w.h5p_lesson.pk, w.h5p_block_id], body=h5p_statement),
    "h5p:state": _post(
        args=lambda w: [w.h5p_lesson.pk, w.h5p_block_id], body=lambda w: {"state": "{}"}
    ),
    "h5p_content_iri:content": Request(args=lambda w: [w.h5p_content.uuid]),
    "xapi:statements": Request(headers=XAPI),
    "xapi:statements[trainee's statement]": Request(
        headers=XAPI, query=lambda w: f"statementId={w.statement.pk}"
    ),
    "wagtaildocs_serve[lesson document]": Request(
        args=lambda w: [w.lesson_document.pk, w.lesson_document.filename]
    ),
    "wagtaildocs_serve[unused document]": Request(
        args=lambda w: [w.unused_document.pk, w.unused_document.filename]
    ),
    "reports:run": _pk("report_run"),
    "reports:run_status": _pk("report_run"),
    "reports:run_retry": _post("report_run"),
    "reports:run_csv": Request(args=lambda w: [w.report_run.pk, "reach-by-group"]),
    "reports:run_xlsx": _pk("report_run"),
    "reports:run_pdf": _pk("report_run"),
    **{
        f"organisations:{view}": _organisation()
        for view in ("edit", "delete", "history", "history_results", "usage", "copy")
    },
    **{
        f"{namespace}:{view}": _pk(attribute)
        for namespace, attribute, views in [
            ("h5p_content", "h5p_content", ("edit", "delete", "history", "history_results")),
            ("h5p_content", "h5p_content", ("usage", "replace")),
            ("h5p_content_chooser", "h5p_content", ("chosen",)),
            ("xapi_clients", "xapi_client", ("edit", "delete", "history", "history_results")),
            ("xapi_clients", "xapi_client", ("usage",)),
            ("xapi_statements", "statement", ("edit", "delete", "history", "history_results")),
            ("xapi_statements", "statement", ("usage", "inspect")),
            ("issued_certificates", "certificate", ("edit", "delete", "history")),
            ("issued_certificates", "certificate", ("history_results", "usage", "inspect")),
            ("issued_certificates", "certificate", ("revoke",)),
        ]
        for view in views
    },
    "h5p_content_chooser:chosen_multiple": Request(query=lambda w: f"id={w.h5p_content.pk}"),
    **{
        f"wagtailsnippets_{snippet}:{view}": _pk(attribute)
        for snippet, attribute in _SNIPPETS.items()
        for view in ("edit", "delete")
    },
    **{
        f"wagtailsnippets_{snippet}:history": _pk(attribute)
        for snippet, attribute in _SNIPPETS.items()
        if snippet.startswith(("assessments_", "certificates_"))
    },
    "wagtailadmin_explore": _pk("course"),
    "wagtailadmin_pages:edit": _pk("course"),
    "wagtailadmin_pages:edit[lesson]": _pk("lesson"),
    "wagtailadmin_pages:add_subpage": _pk("course"),
    "wagtailadmin_pages:delete": _pk("course"),
    "wagtailusers_users:edit": Request(args=lambda w: [w.trainee.pk]),
    "simple_translation:submit_page_translation": _pk("course"),
}


@dataclass(frozen=True)
class Case:
    """One row of the matrix, ready to request."""

    key: str
    expect: tuple[str, ...]
    request: Request

    @property
    def name(self) -> str:
        return self.key.split("[")[0]

    def url(self, world: World) -> str:
        request = self.request
        with translation.override("en"):
            if request.path:
                url = request.path(world)
            else:
                url = reverse(self.name, args=request.args(world) if request.args else None)
        return url + (f"?{request.query(world)}" if request.query else "")


def _cases() -> list[Case]:
    cases = []
    for key, cells in MATRIX.items():
        expect = tuple(cells.split())
        assert len(expect) == len(ROLES), f"{key}: {len(expect)} cells for {len(ROLES)} roles"
        cases.append(Case(key, expect, REQUESTS.get(key, Request())))
    return cases


CASES = _cases()


# URL groups covered by the representative rows above instead of name by name, and why.
SUMMARISED_NAMESPACES = {
    "wagtailadmin_pages": "Wagtail's page views share one page-permission check: edit, "
    "add and delete of the course and a lesson stand for the rest",
    "wagtailadmin_workflows": "Wagtail's workflow admin, no Liaison rule: admins only",
    "wagtailadmin_reports": "Wagtail's audit reports, filtered by Wagtail's own permissions",
    "wagtailadmin_api": "the JSON API behind the page chooser, behind admin access",
    "wagtailadmin_collections": "collections, no Liaison rule: admins only",
    "wagtailadmin_editing_sessions": "editing-session pings need an open editor",
    "wagtailimages": "image library, one permission policy: checked on the index",
    "wagtailimages_chooser": "image chooser, same policy as the library",
    "wagtaildocs": "document library, one permission policy: checked on the index",
    "wagtaildocs_chooser": "document chooser, same policy as the library",
    "wagtailusers_users": "Wagtail's user admin: index and editing a trainee",
    "wagtailusers_groups": "group admin, no Liaison rule: admins only, as wagtailusers_users",
    "wagtailsites": "site admin, no Liaison rule: admins only",
    "wagtaillocales": "locale admin, no Liaison rule: admins only",
    "wagtailredirects": "redirects admin, no Liaison rule: admins only",
    "wagtailforms": "Liaison has no form pages",
    "wagtailsettings": "no site settings are registered",
    "wagtailembeds": "the embed chooser, behind admin access",
    "wagtailsnippets": "snippets home, a list of links; each snippet model has its rows",
    "simple_translation": "translation submission, checked on a course",
}
# Liaison's snippet models: each has index, add, edit, delete and a chooser row above.
SUMMARISED_PREFIXES = ("wagtailsnippets_", "wagtailsnippetchoosers_")
# Wagtail's admin names outside any namespace, beyond those with rows above.
SUMMARISED_NAMES = {
    "wagtailadmin_error_test": "Wagtail's deliberate 500 for admins",
    "wagtailadmin_explore_root": "same check as wagtailadmin_explore",
    "wagtailadmin_explore_results": "same check as wagtailadmin_explore",
    "wagtail_bulk_action": "bulk actions re-check each page's permissions",
    "wagtailadmin_choose_page": "page chooser, behind admin access",
    "wagtailadmin_choose_page_child": "page chooser, behind admin access",
    "wagtailadmin_choose_page_search": "page chooser, behind admin access",
    "wagtailadmin_choose_page_chosen_multiple": "page chooser, behind admin access",
    "wagtailadmin_choose_page_external_link": "link chooser, no data",
    "wagtailadmin_choose_page_email_link": "link chooser, no data",
    "wagtailadmin_choose_page_phone_link": "link chooser, no data",
    "wagtailadmin_choose_page_anchor_link": "link chooser, no data",
    "wagtailadmin_tag_autocomplete": "tag names, behind admin access",
    "wagtailadmin_tag_model_autocomplete": "tag names, behind admin access",
    "wagtailadmin_dismissibles": "the user's own dismissed hints",
    "wagtailadmin_block_preview": "renders a StreamField block, behind admin access",
    "wagtailadmin_sprite": "the admin's icon sprite, public static content",
    "wagtailadmin_password_reset_done": "same switch as wagtailadmin_password_reset",
    "wagtailadmin_password_reset_confirm": "same switch as wagtailadmin_password_reset",
    "wagtailadmin_password_reset_complete": "same switch as wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog": "the admin's translations, public",
    "wagtaildocs_authenticate_with_password": "Liaison sets no document passwords",
}


def named_urls(resolver=None, namespace=()) -> set[str]:
    """Every named URL of the project, as ``namespace:name``."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + ((pattern.namespace,) if pattern.namespace else ())
            names |= named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(":".join((*namespace, pattern.name)))
    return names


def _summarised(name: str) -> bool:
    namespace = name.split(":")[0] if ":" in name else None
    return (
        namespace in SUMMARISED_NAMESPACES
        or (namespace or "").startswith(SUMMARISED_PREFIXES)
        or name in SUMMARISED_NAMES
    )


def test_every_named_url_is_in_the_matrix():
    covered = {case.name for case in CASES}
    missing = sorted(name for name in named_urls() if name not in covered and not _summarised(name))

    assert missing == [], f"add these URL names to MATRIX (or explain in SUMMARISED_*): {missing}"


def test_the_matrix_names_only_real_urls():
    assert sorted({case.name for case in CASES} - named_urls()) == []
    assert sorted(set(REQUESTS) - set(MATRIX)) == [], "every REQUESTS key is a MATRIX row"


LOGIN_PATHS = ("/en/accounts/login/", "/admin/login/")
ADMIN_HOME = "/admin/"


def outcome(response) -> str:
    """The cell a response fills: its status, or for a redirect, where it goes."""
    if response.status_code != HTTPStatus.FOUND:
        return str(response.status_code)
    path = urlsplit(response["Location"]).path
    if path in LOGIN_PATHS:
        return "login"
    if path == ADMIN_HOME:
        return "home"
    return "302"


def request_as(client, world: World, case: Case, role: str):
    """Log in as ``role`` (none for anonymous) and send the row's request."""
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    request = case.request
    url = case.url(world)
    if request.method == "POST" and request.body is not None:
        body = json.dumps(request.body(world))
        return client.post(url, body, content_type="application/json", **request.headers)
    if request.method == "POST":
        return client.post(url, **request.headers)
    return client.get(url, **request.headers)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.key)
def test_matrix(client, world, db, case, role):
    expected = case.expect[ROLES.index(role)]

    response = request_as(client, world, case, role)

    assert outcome(response) == expected, (
        f"{case.request.method} {case.url(world)} as {role}: {response.status_code} "
        f"{response.get('Location', '')}"
    )


# --- What a status cannot show: whose data a 200 holds, and that a refusal changed nothing --


def test_the_data_export_holds_only_the_callers_data(client, world, db):
    client.force_login(world.users["other_trainee"])

    export = client.get(reverse("accounts:personal_data_download")).content.decode()

    assert world.users["other_trainee"].email in export
    assert world.trainee.email not in export
    assert world.certificate.code not in export
    assert str(world.statement.pk) not in export


def test_the_owners_export_holds_their_attempts_and_certificate(client, world, db):
    client.force_login(world.trainee)

    export = client.get(reverse("accounts:personal_data_download")).content.decode()

    assert world.trainee.email in export
    assert world.certificate.code in export


@pytest.mark.parametrize(
    ("key", "role", "nothing_new"),
    [
        ("courses:lesson_complete[not enrolled]", "trainee", "progress"),
        ("assessments:quiz_start", "programme_manager", "attempt"),
        ("assessments:quiz_start", "other_trainer", "attempt"),
        ("courses:session_register", "programme_manager", "registration"),
        ("courses:enrolment_decide", "other_trainer", "enrolment"),
    ],
)
def test_a_refused_post_changes_nothing(client, world, db, key, role, nothing_new):
    counted = {
        "progress": LessonProgress.objects.filter(lesson=world.other_lesson),
        "attempt": Attempt.objects.filter(quiz=world.quiz),
        "registration": SessionRegistration.objects.filter(session=world.session),
        "enrolment": Enrolment.objects.filter(status=Enrolment.Status.PENDING),
    }[nothing_new]
    before = counted.count()
    case = next(case for case in CASES if case.key == key)

    response = request_as(client, world, case, role)

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert counted.count() == before
