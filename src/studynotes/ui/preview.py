"""The preview pane: a web view that shows rendered notes and reaches nothing outside.

No script runs in the page, no request leaves the machine: every URL that
is not the page itself or a data: image is refused, clicked web links open in
the system browser, and `studynotes://toggle/<id>` links toggle a question.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

SET_HTML_LIMIT = 1_500_000  # QWebEnginePage.setHtml refuses documents over 2 MB
ALLOWED_SCHEMES = frozenset({"data", "about", "blob"})


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Refuses every request but data: URIs and the page's own file."""

    def __init__(self, page_file: Path) -> None:
        super().__init__()
        self._page_file = page_file
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in ALLOWED_SCHEMES:
            return
        if url.isLocalFile() and Path(url.toLocalFile()) == self._page_file:
            return
        self.blocked.append(url.toString())
        info.block(True)


class PreviewPage(QWebEnginePage):
    toggleRequested = Signal(int)

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() == "studynotes":
            ident = url.path().strip("/").rsplit("/", 1)[-1]
            if ident.isdigit():
                self.toggleRequested.emit(int(ident))
            return False
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
            return False
        return url.scheme() in ALLOWED_SCHEMES or url.isLocalFile()


class PreviewPane(QWebEngineView):
    toggleRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Pages over setHtml's limit go through a private file, made when first needed.
        self._page_file = (
            Path(tempfile.gettempdir()) / f"studynotes-preview-{id(self)}-{os.getpid()}" / "page.html"
        )
        # Off the record (no cache or cookies on disk); owned by the application so it outlives the page.
        self.profile = QWebEngineProfile(QApplication.instance())
        self.interceptor = OfflineInterceptor(self._page_file)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        page = PreviewPage(self.profile, self)
        page.toggleRequested.connect(self.toggleRequested)
        self.setPage(page)
        settings = page.settings()
        attribute = QWebEngineSettings.WebAttribute
        settings.setAttribute(attribute.JavascriptEnabled, False)
        settings.setAttribute(attribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(attribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(attribute.PluginsEnabled, False)
        settings.setAttribute(attribute.AutoLoadImages, True)
        settings.setAttribute(attribute.DnsPrefetchEnabled, False)
        self.setAcceptDrops(False)

    def set_html(self, page: str) -> None:
        data = page.encode("utf-8")
        if len(data) < SET_HTML_LIMIT:
            self.setHtml(page, QUrl("about:blank"))
        else:  # large notes (many images) go through a private file
            if not self._page_file.parent.exists():
                self._page_file.parent.mkdir(mode=0o700)
                weakref.finalize(self, shutil.rmtree, self._page_file.parent, True)
            self._page_file.write_bytes(data)
            self.load(QUrl.fromLocalFile(str(self._page_file)))

    def run_script(self, script: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run our own script in the isolated world (the page itself runs none)."""
        world = QWebEngineScript.ScriptWorldId.ApplicationWorld
        if callback is None:
            self.page().runJavaScript(script, world)
        else:
            self.page().runJavaScript(script, world, callback)

    def scroll_to(self, element_id: str) -> None:
        self.run_script(
            f"(function(){{var e=document.getElementById({json.dumps(element_id)});"
            "if(e){e.scrollIntoView({block:'center'});}})()"
        )

    def findText(self, text: str) -> None:  # type: ignore[override]
        """Highlight a search term in the page (QWebEngineView's own find, without callbacks)."""
        self.page().findText(text)
