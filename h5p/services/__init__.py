"""Every write with a business rule in the h5p app; views and tasks call these.

- ``packages``: validating, importing and replacing .h5p packages (``h5p_package_upload``).
- ``libraries``: an administrator's upgrade of stored libraries from a package.
- ``results``: statements from the player turned into results and lesson progress.
The xAPI statement store's services live in ``h5p.xapi.services``.
"""

from .packages import (  # noqa: F401  (re-exported)
    h5p_content_delete,
    h5p_content_folder_delete,
    h5p_content_replace,
    h5p_package_import,
    h5p_package_upload,
)
