"""Defaults of the statements resource, overridable in settings as XAPI_<NAME>."""

from django.conf import settings

# Statements a GET returns at most (also what ``limit=0`` means) and without a limit.
PAGE_SIZE_MAX: int = getattr(settings, "XAPI_PAGE_SIZE_MAX", 500)
PAGE_SIZE_DEFAULT: int = getattr(settings, "XAPI_PAGE_SIZE_DEFAULT", 100)
# Statements one POST may carry; the body is also capped by DATA_UPLOAD_MAX_MEMORY_SIZE.
BATCH_MAX: int = getattr(settings, "XAPI_BATCH_MAX", 1000)
# How deep a JSON body may nest; extensions are free JSON, yet no real client nests so deep.
JSON_DEPTH_MAX: int = getattr(settings, "XAPI_JSON_DEPTH_MAX", 64)
# How long a ``more`` link stays valid, in seconds.
MORE_LINK_MAX_AGE: int = getattr(settings, "XAPI_MORE_LINK_MAX_AGE", 24 * 60 * 60)
# Seconds to wait for the external LRS before the forwarding task retries.
FORWARD_TIMEOUT: int = getattr(settings, "XAPI_FORWARD_TIMEOUT", 15)
