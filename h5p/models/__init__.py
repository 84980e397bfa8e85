"""Models of the h5p app: packages and their libraries, results, and xAPI statements."""

from .content import H5PContent, H5PLibrary, H5PResult, H5PUserState
from .xapi import Statement, XAPIAttachment, XAPIClient

__all__ = [
    "H5PContent",
    "H5PLibrary",
    "H5PResult",
    "H5PUserState",
    "Statement",
    "XAPIAttachment",
    "XAPIClient",
]
