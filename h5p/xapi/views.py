"""The xAPI 1.0.3 statements resource at ``/xapi/statements``: GET (and HEAD), POST, PUT,
also through the alternate request syntax; and the About resource at ``/xapi/about``.

Writes are JSON or multipart/mixed with attachments (``attachments``); a GET with
``attachments=true`` answers multipart/mixed, every other answer, errors included, is JSON.
All carry ``X-Experience-API-Version`` and ``X-Experience-API-Consistent-Through``. Error
messages are for machines and stay in English. Callers: xAPI clients with HTTP Basic
credentials (``can_read``/``can_write``), or a logged-in user's session, which reads and
writes only its own statements (with CSRF).
"""

import json
import re
from http import HTTPStatus
from urllib.parse import urlencode

from django.core.exceptions import RequestDataTooBig
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse, QueryDict
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .attachments import Part, multipart_parse, multipart_response
from .auth import Caller, caller_identify
from .errors import StatementConflict, StatementForbidden, StatementInvalid, Unauthenticated
from .formats import accepted_languages, statement_formatted
from .jsonbody import json_parse, statements_of
from .selectors import statement_get, statement_query_parse, statements_query
from .services import statements_store
from .validation import is_uuid

VERSION = "1.0.3"
SUPPORTED_VERSIONS = ("1.0.3", "1.0.2", "1.0.1", "1.0.0")
_ACCEPTED_VERSION = re.compile(r"^1\.0(\.\d+)?$")


def _json(data, status: int = HTTPStatus.OK) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False)


def _error(error: Exception) -> JsonResponse:
    body = {"error": getattr(error, "detail", None) or str(error.args[0] if error.args else "")}
    if isinstance(error, StatementInvalid):
        body["field"] = error.field
    response = _json(body, status=error.status)
    if isinstance(error, Unauthenticated):
        response["WWW-Authenticate"] = 'Basic realm="Liaison xAPI", charset="UTF-8"'
    return response


def _body(request) -> tuple[object, dict[str, Part]]:
    """The JSON of a write and its attachment parts (Communication 1.5: JSON or multipart)."""
    if request.content_type == "application/json":
        return json_parse(request.body), {}
    if request.content_type == "multipart/mixed":
        document, parts = multipart_parse(request.body, request.META["CONTENT_TYPE"])
        return json_parse(document), parts
    raise StatementInvalid("Content-Type", "must be application/json or multipart/mixed")


# Communication 1.3: form fields of the alternate request syntax that stand for headers.
_FORM_HEADERS = {
    "authorization": "HTTP_AUTHORIZATION",
    "x-experience-api-version": "HTTP_X_EXPERIENCE_API_VERSION",
    "content-type": "CONTENT_TYPE",
    "content-length": None,  # the form's own length stands; the field is dropped
    "if-match": "HTTP_IF_MATCH",
    "if-none-match": "HTTP_IF_NONE_MATCH",
}


def _alternate_request(request) -> None:
    """Turn an alternate-syntax request (Communication 1.3) into the request it stands for.

    ``POST ?method=PUT`` with a form body: its header fields become headers, ``content``
    the body, every other field a query parameter. Anything else in the query string, a
    method other than POST, or a body that is not a form is refused (400).
    """
    if request.method != "POST":
        raise StatementInvalid("method", "the alternate request syntax is sent as a POST")
    if list(request.GET) != ["method"]:
        raise StatementInvalid("method", "must be the only query parameter")
    if request.content_type != "application/x-www-form-urlencoded":
        raise StatementInvalid("Content-Type", "must be application/x-www-form-urlencoded")
    method = request.GET["method"].upper()
    form = request.POST.copy()
    parameters = QueryDict(mutable=True)
    content = None
    request.META["CONTENT_TYPE"] = "application/json"  # unless the form says otherwise
    for name, values in form.lists():
        if name.lower() in _FORM_HEADERS:
            if key := _FORM_HEADERS[name.lower()]:
                request.META[key] = values[-1]
        elif name == "content":
            content = values[-1]
        else:
            parameters.setlist(name, values)
    request.method = method
    request.GET = parameters
    request.META["QUERY_STRING"] = parameters.urlencode()
    request._body = (content or "").encode()
    request._stream = None
    request.content_type = request.META["CONTENT_TYPE"].split(";")[0].strip()
    request.__dict__.pop("headers", None)  # cached from the META it had before


def _only_parameters(request, allowed: set[str]) -> None:
    for name in request.GET:
        if name not in allowed:
            raise StatementInvalid(name, "is not a parameter of this request")


@method_decorator(csrf_exempt, name="dispatch")  # clients have no cookie; sessions: see auth
class StatementsView(View):
    """One resource, three methods; the writes and reads themselves are services/selectors."""

    http_method_names = ["get", "head", "post", "put"]
    caller: Caller

    def dispatch(self, request, *args, **kwargs):
        try:
            if "method" in request.GET:
                _alternate_request(request)
            if request.method.lower() not in self.http_method_names:
                response = self.http_method_not_allowed(request)
            elif not _ACCEPTED_VERSION.match(request.headers.get("X-Experience-API-Version", "")):
                raise StatementInvalid("X-Experience-API-Version", "header missing or not 1.0.x")
            else:
                self.caller = caller_identify(request)
                response = super().dispatch(request, *args, **kwargs)
        except (StatementInvalid, StatementForbidden, StatementConflict, Unauthenticated) as error:
            response = _error(error)
        except RequestDataTooBig:
            response = _json(
                {"error": "request body too large"}, HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            )
        if response.status_code == HTTPStatus.NOT_FOUND:
            # LocaleMiddleware turns a 404 outside i18n_patterns into a redirect to /en/…
            # (Wagtail's catch-all matches any path there). The urlconf it reads is this
            # resource's own, which has no language prefix, so the 404 reaches the tool.
            request.urlconf = "h5p.xapi.urls"
        response["X-Experience-API-Version"] = VERSION
        response["X-Experience-API-Consistent-Through"] = timezone.now().isoformat()
        return response

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = _json({"error": "method not allowed"}, HTTPStatus.METHOD_NOT_ALLOWED)
        response["Allow"] = "GET, HEAD, POST, PUT"
        return response

    def _require(self, permission: str) -> None:
        client = self.caller.client
        if client is not None and not getattr(client, permission):
            raise StatementForbidden(f"this client may not {permission.removeprefix('can_')}")

    def get(self, request):
        self._require("can_read")
        parsed = statement_query_parse(request.GET)
        form = request.GET.get("format", "exact")
        languages = accepted_languages(request.headers.get("Accept-Language", ""))
        with_attachments = request.GET.get("attachments") == "true"

        def formatted(statement) -> dict:
            return statement_formatted(statement.raw, form=form, languages=languages)

        def answer(document: dict | list, statements: list[dict]) -> HttpResponse:
            if not with_attachments:
                return _json(document)
            encoded = json.dumps(document, cls=DjangoJSONEncoder).encode()
            return multipart_response(encoded, statements)

        if isinstance(parsed, tuple):
            statement_id, voided = parsed
            statement = statement_get(
                statement_id=statement_id, voided=voided, user=self.caller.user
            )
            if statement is None:
                return _json({"error": "no such statement"}, HTTPStatus.NOT_FOUND)
            one = formatted(statement)
            response = answer(one, [one])
            response["Last-Modified"] = http_date(statement.stored.timestamp())
            return response
        page, more = statements_query(query=parsed, user=self.caller.user)
        shown = {key: request.GET[key] for key in ("format", "attachments") if key in request.GET}
        if more and shown:
            more += "&" + urlencode(shown)  # the next page in the same form as this one
        listed = [formatted(statement) for statement in page]
        return answer({"statements": listed, "more": more}, listed)

    def post(self, request):
        _only_parameters(request, set())
        self._require("can_write")
        body, parts = _body(request)
        ids = statements_store(
            statements=statements_of(body),
            client=self.caller.client,
            user=self.caller.user,
            attachments=parts,
        )
        return _json([str(pk) for pk in ids])

    def put(self, request):
        _only_parameters(request, {"statementId"})
        statement_id = request.GET.get("statementId")
        if not is_uuid(statement_id):
            raise StatementInvalid("statementId", "is required and must be a UUID")
        self._require("can_write")
        statement, parts = _body(request)
        if not isinstance(statement, dict):
            raise StatementInvalid("body", "must be one statement")
        if str(statement.get("id", statement_id)).lower() != statement_id.lower():
            raise StatementInvalid("id", "must match the statementId parameter")
        statements_store(
            statements=[{**statement, "id": statement_id}],
            client=self.caller.client,
            user=self.caller.user,
            attachments=parts,
        )
        return HttpResponse(status=HTTPStatus.NO_CONTENT, content_type="application/json")


@require_http_methods(["GET", "HEAD"])
def about(request):
    """The About resource (Communication 2.8): the xAPI versions this LRS speaks.

    Open to anyone, whatever the version header says, as the specification asks.
    """
    response = _json({"version": list(SUPPORTED_VERSIONS)})
    response["X-Experience-API-Version"] = VERSION
    return response
