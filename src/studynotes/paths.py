"""Where things live: bundled resources and seeds, and the user's library file.

Resources and seeds sit at the repository root in a checkout and inside the
package in an installed wheel; both are found the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

LIBRARY_ENV = "STUDYNOTES_LIBRARY"
LIBRARY_FILE_NAME = "library.sqlite3"
CACHE_ENV = "STUDYNOTES_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the {name} folder is missing from this installation ({installed})")


def resources_dir() -> Path:
    return _bundled("resources")


def seeds_dir() -> Path:
    return _bundled("seeds")


def default_library_path() -> Path:
    """`STUDYNOTES_LIBRARY`, else the platform's user data folder."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("studynotes", appauthor=False) / LIBRARY_FILE_NAME


def cache_dir() -> Path:
    """`STUDYNOTES_CACHE_DIR`, else the platform's user cache folder: files the app can always remake."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("studynotes", appauthor=False)
