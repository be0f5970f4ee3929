"""`studynotes sync`: commit what changed here, fetch, merge by item, apply, push.

The library's record of the last synced commit is the one truth.  It moves
in the same transaction that applies others' changes, after every object the
commit needs is written and before anything is pushed, so a sync killed at
any point leaves a library and a repository that the next sync completes:
what was applied is not applied twice (items are matched by uid), and what
was not pushed is pushed then.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..library import Library
from ..model import StudyNotesError
from .folder import METADATA, parse_metadata, publish_folder
from .merge import MergeNotes, merge_meta, merge_notes
from .publish import find_notebook, is_note_path, read_note
from .repository import FILE_MODE, Entries, PushRejected, RemoteUnreachable, WorkingCopy
from .state import NotebookMeta, NoteState

ATTEMPTS = 5


@dataclass
class SyncReport:
    notebook: str
    remote: str
    commit: str = ""
    pushed: bool = False
    received: int = 0  # notes others changed, written here
    removed: int = 0
    attempts: int = 0
    notes: MergeNotes = field(default_factory=MergeNotes)

    def summary(self) -> str:
        parts = [f"{self.notebook}: synced with {self.remote}"]
        if self.received or self.removed:
            parts.append(f"{self.received} note(s) updated from others, {self.removed} removed")
        parts.append("changes sent" if self.pushed else "nothing to send")
        if self.notes.conflicts:
            parts.append(f"{len(self.notes.conflicts)} conflict(s) to settle (Conflicts filter)")
        return "; ".join(parts)


def working_copy_path(library: Library, notebook_id: int) -> Path:
    """Beside the library, per notebook (its id here never changes; its shared uid may, once)."""
    return library.path.parent / f"{library.path.stem}-sync" / f"notebook-{notebook_id}"


def sync(
    library: Library,
    title: str,
    remote: str | None = None,
    *,
    before_push: Callable[[], None] | None = None,
) -> SyncReport:
    """Sync one notebook with its remote; the first time, `remote` is required."""
    notebook_id = find_notebook(library, title)
    state = library.sync_settings(notebook_id)
    remote = remote or state.remote
    if not remote:
        raise StudyNotesError(f"{title}: no remote yet; give one the first time: --remote URL")
    copy = WorkingCopy(working_copy_path(library, notebook_id), state.branch)
    try:
        copy.remember_remote(remote)
        return _Sync(library, notebook_id, title, remote, copy, before_push).run()
    finally:
        copy.close()


class _Sync:
    def __init__(
        self,
        library: Library,
        notebook_id: int,
        title: str,
        remote: str,
        copy: WorkingCopy,
        before_push: Callable[[], None] | None,
    ) -> None:
        self.library = library
        self.notebook_id = notebook_id
        self.remote = remote
        self.copy = copy
        self.before_push = before_push
        self.report = SyncReport(title, remote)

    def run(self) -> SyncReport:
        synced = self._synced()
        if synced is not None and not self.copy.has(synced):
            self.copy.fetch(self.remote)  # a new working copy (the library was copied, or the folder removed)
            if not self.copy.has(synced):
                raise StudyNotesError(
                    f"{self.remote}: the version this notebook last synced with is not there; "
                    "was the repository replaced?"
                )
        if synced is not None and self.copy.head() != synced:
            self.copy.check_out(synced)  # a sync stopped after the library moved on: catch up
        for attempt in range(1, ATTEMPTS + 1):
            self.report.attempts = attempt
            try:
                return self._attempt()
            except PushRejected:
                continue  # someone pushed since our fetch: fetch again and merge that too
        raise StudyNotesError(f"{self.remote}: the remote kept changing while syncing; try again")

    def _synced(self) -> bytes | None:
        commit = self.library.sync_state(self.notebook_id).synced_commit
        return commit.encode() if commit else None

    def _attempt(self) -> SyncReport:
        base = self._synced()
        local = self._commit_local(base)
        remote_head, remote_branch = self.copy.fetch(self.remote)
        if remote_head is None and base is None and remote_branch and remote_branch != self.copy.branch:
            self.copy.branch = remote_branch  # an existing repository whose branch is not `main`
            remote_head, _ = self.copy.fetch(self.remote)
        if remote_head is None:
            first = local or self._commit_local(base, publish_empty=True)
            assert first is not None  # publishing an empty notebook always makes a commit
            return self._finish(first, None)
        if local is not None and self.copy.is_ancestor(remote_head, local):
            return self._finish(local, remote_head)
        return self._finish(self._merge(base, local, remote_head), remote_head)

    def _commit_local(self, base: bytes | None, *, publish_empty: bool = False) -> bytes | None:
        """A commit holding the notebook as the library has it now: the base itself if nothing
        changed, none for an empty notebook never synced (it takes the remote's as it is)."""
        tree, notes = self._tree(self._foreign(base), base)
        if base is not None and tree == self.copy.tree_of(base):
            return base
        if base is None and not notes and not publish_empty:
            return None
        verb = "changes from" if base else "published from"
        return self.copy.commit(tree, [base] if base else [], f"{self.report.notebook}: {verb} {_host()}")

    def _foreign(self, commit: bytes | None) -> Entries:
        """Files of a commit this app did not write (kept exactly as they are)."""
        entries = self.copy.entries(commit)
        ours = set(self._manifest(entries))
        return {p: e for p, e in entries.items() if p not in ours}

    def _manifest(self, entries: Entries) -> list[str]:
        if METADATA not in entries:
            return []
        try:
            return parse_metadata(self.copy.blob(entries[METADATA][0]).decode("utf-8"))[1]
        except (ValueError, UnicodeDecodeError) as error:
            raise StudyNotesError(f"{self.remote}: {METADATA} cannot be read ({error})") from None

    def _tree(self, foreign: Entries, base: bytes | None) -> tuple[bytes, int]:
        """The tree of the notebook as the library holds it now, beside `foreign` files; only notes
        changed since their file was last written are read and written again."""
        known = {sha for sha, _ in self.copy.entries(base).values()}
        known_hex = {sha.decode() for sha in known}
        snapshot = self.library.snapshot(
            self.notebook_id, reuse=lambda o: o.blob in known_hex and not o.attachments, ensure_ids=False
        )
        folder = publish_folder(
            snapshot.meta, snapshot.outline, snapshot.notes, snapshot.week_labels, foreign
        )
        kept = dict(foreign)
        kept.update((path, (blob.encode(), FILE_MODE)) for path, blob in folder.unchanged.items())
        tree, entries = self.copy.tree(folder.files, kept, known, self.copy.tree_ids(base))
        plain = {o.uid: o.id for o in snapshot.outline if not o.attachments}
        self.library.remember_rendered(
            [
                (plain[note.uid], entries[folder.note_paths[note.uid]][0].decode())
                for note in snapshot.notes
                if note.uid in plain
            ]
        )
        return tree, len(folder.note_paths)

    def _merge(self, base: bytes | None, local: bytes | None, remote: bytes) -> bytes:
        """Apply to the library what the remote changed since the common version; commit the result."""
        common = self.copy.merge_base(local, remote) if local is not None else None
        commits = (common, local, remote)
        versions = [self.copy.entries(c, like=local or base) for c in commits]
        listed = [{p for p in self._manifest(v) if is_note_path(p)} for v in versions]
        changed = sorted(
            p
            for p in set().union(*listed)
            if len({v.get(p) if p in m else None for v, m in zip(versions, listed, strict=True)}) > 1
        )
        b, o, t = (
            self._notes(v, [p for p in changed if p in m], c)
            for v, m, c in zip(versions, listed, commits, strict=True)
        )
        merged = merge_notes(b, o, t, self.report.notes)
        base_meta, ours_meta, theirs_meta = (self._meta(v) for v in versions)
        meta = merge_meta(base_meta, ours_meta, theirs_meta) if ours_meta and theirs_meta else theirs_meta
        write = [
            n
            for uid, n in merged.items()
            if n is not None and (uid not in o or o[uid].comparable() != n.comparable())
        ]
        remove = [uid for uid, n in merged.items() if n is None and uid in o]
        fast_forward = local is None or self.copy.is_ancestor(local, remote)
        with self.library.batch():
            if theirs_meta and theirs_meta.uid and base is None:
                self.library.adopt_notebook_uid(self.notebook_id, theirs_meta.uid)
            change = self.library.apply_shared(
                self.notebook_id, meta if meta != ours_meta else None, write, remove
            )
            tree, _ = self._tree(self._foreign(remote), remote)
            if fast_forward and tree == self.copy.tree_of(remote):
                commit = remote
            else:
                parents = [remote] if fast_forward or local is None else [local, remote]
                commit = self.copy.commit(tree, parents, f"{self.report.notebook}: merged on {_host()}")
            self._record(commit)
        self.report.received += len(change.notes)
        self.report.removed += len(change.deleted)
        return commit

    def _notes(self, entries: Entries, paths: list[str], commit: bytes | None) -> dict[str, NoteState]:
        def read(path: str) -> bytes | None:
            entry = entries.get(path)
            return self.copy.blob(entry[0]) if entry else None

        where = f"{self.remote} ({commit.decode()[:8]})" if commit else self.remote
        found = [read_note(p, read, where) for p in paths if p in entries]
        return {note.uid: note for note in found}

    def _meta(self, entries: Entries) -> NotebookMeta | None:
        entry = entries.get(METADATA)
        if entry is None:
            return None
        try:
            return parse_metadata(self.copy.blob(entry[0]).decode("utf-8"))[0]
        except (ValueError, UnicodeDecodeError) as error:
            raise StudyNotesError(f"{self.remote}: {METADATA} cannot be read ({error})") from None

    def _finish(self, commit: bytes, remote_head: bytes | None) -> SyncReport:
        if self._synced() != commit:
            self._record(commit)
        if commit != remote_head:
            if self.before_push is not None:
                self.before_push()
            self.copy.push(self.remote, commit, remote_head)
            self.report.pushed = True
        self.copy.check_out(commit)
        self.report.commit = commit.decode()
        return self.report

    def _record(self, commit: bytes) -> None:
        self.library.record_sync(
            self.notebook_id,
            commit=commit.decode(),
            remote=self.remote,
            branch=self.copy.branch,
            at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )


def _host() -> str:
    return socket.gethostname() or "this computer"


__all__ = ["RemoteUnreachable", "SyncReport", "sync"]
