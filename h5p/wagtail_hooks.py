"""Admin screens of the h5p app; each part registers its own viewsets."""

from wagtail import hooks

from . import content_admin  # noqa: F401  (H5P packages: upload, list, delete)
from .choosers import h5p_content_chooser_viewset
from .xapi import admin as xapi_admin  # noqa: F401  (xAPI clients and statements)


@hooks.register("register_admin_viewset")
def register_h5p_content_chooser():
    return h5p_content_chooser_viewset
