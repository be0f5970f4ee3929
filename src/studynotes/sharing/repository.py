"""The notebook's git working copy, through dulwich: no `git` program needed (Windows laptops).

Trees are built from bytes in memory and compared by blob id, so a sync that
changed nothing hashes the files but writes none; the working folder is
brought up to date file by file from the difference of two trees.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from dulwich.objects import ObjectID

from ..model import StudyNotesError

FILE_MODE = 0o100644
Entries = dict[str, tuple[bytes, int]]  # path → (blob id, mode)


class RemoteUnreachable(StudyNotesError):
    """The remote could not be reached; nothing was lost and the next sync sends it."""


class PushRejected(Exception):
    """Someone pushed since the fetch: fetch again, merge, retry."""


class WorkingCopy:
    def __init__(self, path: Path, branch: str) -> None:
        from dulwich.repo import Repo

        self.path = path
        self.branch = branch
        self.repo: Any
        if (path / ".git").is_dir():
            self.repo = Repo(str(path))
        else:
            path.mkdir(parents=True, exist_ok=True)
            self.repo = Repo.init(str(path))
        self._entries: dict[bytes, Entries] = {}
        self._trees: dict[bytes, dict[str, bytes]] = {}  # commit → folder → tree id
        self._built: dict[bytes, tuple[Entries, dict[str, bytes]]] = {}  # tree id → listing

    @property
    def branch_ref(self) -> bytes:
        return b"refs/heads/" + self.branch.encode()

    def close(self) -> None:
        self.repo.close()

    # -- reading ----------------------------------------------------------------
    def head(self) -> bytes | None:
        try:
            return bytes(self.repo.refs[self.branch_ref])
        except KeyError:
            return None

    def has(self, commit: bytes) -> bool:
        return bool(commit in self.repo.object_store)

    def tree_of(self, commit: bytes | None) -> bytes | None:
        return None if commit is None else self.repo[commit].tree

    def entries(self, commit: bytes | None, like: bytes | None = None) -> Entries:
        """Every file of a commit, flattened; kept in memory and on disk, since reading a tree of
        thousands of files object by object costs seconds and one sync asks several times.
        `like`: a commit already listed that shares most folders (only the others are read)."""
        if commit is None:
            return {}
        if commit not in self._entries:
            found = self._cached_entries(commit)
            if found is None:
                if like is not None:
                    self.entries(like)
                found, trees = self._walk(commit, like if like in self._trees else None)
                self._trees[commit] = trees
                self._save_entries(commit, found, trees)
            self._entries[commit] = found
        return self._entries[commit]

    def tree_ids(self, commit: bytes | None) -> set[bytes]:
        """The ids of every folder's tree in a commit (so an unchanged folder is not stored again)."""
        if commit is None:
            return set()
        self.entries(commit)
        return set(self._trees.get(commit, {}).values())

    def _walk(self, commit: bytes, like: bytes | None) -> tuple[Entries, dict[str, bytes]]:
        """Read a commit's trees, taking each folder whose tree id `like` has from `like`'s listing."""
        same = {tree: folder for folder, tree in self._trees[like].items()} if like is not None else {}
        like_files: dict[str, list[tuple[str, tuple[bytes, int]]]] = {}
        like_folders: dict[str, list[str]] = {}
        if like is not None:
            for path, entry in self._entries[like].items():
                like_files.setdefault(path.rpartition("/")[0], []).append((path, entry))
            for folder in self._trees[like]:
                if folder:
                    like_folders.setdefault(folder.rpartition("/")[0], []).append(folder)
        found: Entries = {}
        trees: dict[str, bytes] = {}

        def copy(folder: str, as_folder: str) -> None:
            trees[as_folder] = self._trees[like][folder] if like is not None else b""
            for path, entry in like_files.get(folder, []):
                found[as_folder + path[len(folder) :]] = entry
            for sub in like_folders.get(folder, []):
                copy(sub, as_folder + sub[len(folder) :])

        def visit(folder: str, tree_id: bytes) -> None:
            if tree_id in same:
                copy(same[tree_id], folder)
                return
            trees[folder] = tree_id
            for item in self.repo.object_store[tree_id].iteritems():
                name = item.path.decode("utf-8", "surrogateescape")
                path = f"{folder}/{name}" if folder else name
                if stat.S_ISDIR(item.mode):
                    visit(path, item.sha)
                else:
                    found[path] = (item.sha, item.mode)

        root = self.tree_of(commit)
        if root is not None:
            visit("", root)
        return found, trees

    @property
    def _entries_file(self) -> Path:
        return self.path / ".git" / "studynotes-entries.json"

    def _cached_entries(self, commit: bytes) -> Entries | None:
        try:
            data = json.loads(self._entries_file.read_text("utf-8"))
            cached = data[commit.decode()]
        except (OSError, ValueError, KeyError):
            return None
        self._trees[commit] = {folder: tree.encode() for folder, tree in cached["trees"].items()}
        return {path: (sha.encode(), mode) for path, (sha, mode) in cached["files"].items()}

    def _save_entries(self, commit: bytes, found: Entries, trees: dict[str, bytes]) -> None:
        """Keep the last few commits' listings (the base and the remote of the next sync)."""
        try:
            data = json.loads(self._entries_file.read_text("utf-8"))
        except (OSError, ValueError):
            data = {}
        data = dict(list(data.items())[-3:])
        data[commit.decode()] = {
            "files": {path: [sha.decode(), mode] for path, (sha, mode) in found.items()},
            "trees": {folder: tree.decode() for folder, tree in sorted(trees.items())},
        }
        tmp = self._entries_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), "utf-8")
        tmp.replace(self._entries_file)

    def blob(self, blob_id: bytes) -> bytes:
        return bytes(self.repo.object_store[blob_id].as_raw_string())

    def is_ancestor(self, ancestor: bytes, commit: bytes) -> bool:
        from dulwich.graph import can_fast_forward

        return ancestor == commit or bool(can_fast_forward(self.repo, ObjectID(ancestor), ObjectID(commit)))

    def merge_base(self, one: bytes, other: bytes) -> bytes | None:
        from dulwich.graph import find_merge_base

        found = find_merge_base(self.repo, [ObjectID(one), ObjectID(other)])
        return found[0] if found else None

    # -- writing ------------------------------------------------------------------
    def tree(
        self, files: Mapping[str, bytes], kept: Entries, known: set[bytes], known_trees: set[bytes]
    ) -> tuple[bytes, Entries]:
        """Store `files` (new blobs only) beside the `kept` entries; returns the tree id and its entries.

        Folders are hashed bottom-up in memory; only trees and blobs not `known` are written."""
        from dulwich.objects import Blob, Tree

        entries: Entries = dict(kept)
        new: list[tuple[Any, None]] = []
        store = self.repo.object_store
        for path, data in files.items():
            blob = Blob.from_string(data)
            entries[path] = (blob.id, FILE_MODE)
            if blob.id not in known and blob.id not in store:
                new.append((blob, None))
        folders: dict[str, dict[bytes, tuple[int, bytes]]] = {"": {}}
        for path, (sha, mode) in entries.items():
            parent, _, name = path.rpartition("/")
            folders.setdefault(parent, {})[name.encode()] = (mode, sha)
            while parent:  # each folder named in its parent, up to the first one already named
                above, _, folder_name = parent.rpartition("/")
                siblings = folders.setdefault(above, {})
                if folder_name.encode() in siblings:
                    break
                siblings[folder_name.encode()] = (stat.S_IFDIR, b"")
                parent = above
        tree_ids: dict[str, bytes] = {}
        for folder in sorted(folders, key=lambda f: f.count("/") + (1 if f else 0), reverse=True):
            tree = Tree()
            for child, (child_mode, child_sha) in folders[folder].items():
                if stat.S_ISDIR(child_mode):
                    child_sha = tree_ids[f"{folder}/{child.decode()}" if folder else child.decode()]
                tree.add(child, child_mode, ObjectID(child_sha))
            tree_ids[folder] = tree.id
            if tree.id not in known_trees:
                new.append((tree, None))
        if new:
            store.add_objects(new)
        self._built[tree_ids[""]] = (entries, dict(tree_ids))
        return tree_ids[""], entries

    def commit(self, tree_id: bytes, parents: list[bytes], message: str) -> bytes:
        from dulwich.objects import Commit

        commit = Commit()
        commit.tree = tree_id
        commit.parents = [ObjectID(p) for p in parents]
        commit.author = commit.committer = self._identity()
        commit.commit_time = commit.author_time = int(time.time())
        commit.commit_timezone = commit.author_timezone = (
            -time.timezone if not time.daylight else -time.altzone
        )
        commit.encoding = b"UTF-8"
        commit.message = message.encode("utf-8")
        self.repo.object_store.add_object(commit)
        built = self._built.get(tree_id)
        if built is not None:  # its listing is known: never walk it object by object
            self._entries[commit.id] = built[0]
            self._trees[commit.id] = built[1]
            self._save_entries(commit.id, *built)
        return commit.id

    def _identity(self) -> bytes:
        config = self.repo.get_config_stack()
        try:
            name = config.get((b"user",), b"name")
            email = config.get((b"user",), b"email")
            return bytes(name) + b" <" + bytes(email) + b">"
        except KeyError:
            return b"studynotes <studynotes@localhost>"

    # -- the remote -------------------------------------------------------------------
    def fetch(self, remote: str) -> tuple[bytes | None, str | None]:
        """The remote's head of our branch (None for an empty repository) and the branch its HEAD names."""
        client, path = self._client(remote)
        try:
            result = client.fetch(path, self.repo)
        except Exception as error:  # noqa: BLE001 (dulwich raises many kinds for one cause: no remote)
            raise RemoteUnreachable(f"cannot reach {remote} ({_reason(error)})") from None
        head_ref = result.symrefs.get(b"HEAD")
        named = head_ref.decode().removeprefix("refs/heads/") if head_ref else None
        head = result.refs.get(self.branch_ref)
        if head is not None:
            self.repo.refs[b"refs/remotes/origin/" + self.branch.encode()] = head
        return head, named

    def push(self, remote: str, commit: bytes, expected: bytes | None) -> None:
        """Move the remote branch from `expected` to `commit`, or raise PushRejected."""
        client, path = self._client(remote)
        ref = self.branch_ref

        def update_refs(refs: dict[bytes, bytes]) -> dict[bytes, bytes]:
            if refs.get(ref) != expected:
                raise PushRejected(remote)
            return {ref: commit}

        def pack_data(have: set[bytes], want: set[bytes], **kwargs: object) -> object:
            if expected is None:
                return self.repo.generate_pack_data(have, want, progress=None, ofs_delta=True)
            from dulwich.pack import pack_objects_to_data

            return pack_objects_to_data(self._objects_since(commit, expected), deltify=False)

        try:
            result = client.send_pack(path, update_refs, pack_data)
        except PushRejected:
            raise
        except Exception as error:  # noqa: BLE001
            raise RemoteUnreachable(f"cannot send to {remote} ({_reason(error)})") from None
        if result.ref_status and result.ref_status.get(ref):
            raise PushRejected(str(result.ref_status[ref]))
        self.repo.refs[b"refs/remotes/origin/" + self.branch.encode()] = commit

    def _objects_since(self, commit: bytes, remote: bytes) -> list[Any]:
        """What `commit` has that `remote` lacks, from the listings (dulwich's own search reads
        every folder of both trees): the commits since, and their new folders and files."""
        theirs = self.entries(remote)
        their_blobs = {sha for sha, _ in theirs.values()}
        their_trees = set(self._trees.get(remote, {}).values())
        wanted: list[bytes] = []
        for walked in self.repo.get_walker(include=[ObjectID(commit)], exclude=[ObjectID(remote)]):
            listed = walked.commit.id
            wanted.append(listed)
            self.entries(listed, like=remote)
            wanted += [t for t in self._trees[listed].values() if t not in their_trees]
            wanted += [sha for sha, _ in self._entries[listed].values() if sha not in their_blobs]
        store = self.repo.object_store
        return [store[sha] for sha in dict.fromkeys(wanted)]

    def _client(self, remote: str) -> tuple[Any, str]:
        from dulwich.client import get_transport_and_path

        if "://" not in remote and not remote.startswith("git@") and not Path(remote).exists():
            raise RemoteUnreachable(f"cannot reach {remote} (no such folder)")
        try:
            return get_transport_and_path(remote)
        except Exception as error:  # noqa: BLE001
            raise RemoteUnreachable(f"cannot use {remote} as a remote ({_reason(error)})") from None

    def remember_remote(self, remote: str) -> None:
        """Write the remote into the working copy's config, so `git push` works there too."""
        config = self.repo.get_config()
        if config.get((b"remote", b"origin"), b"url") if config.has_section((b"remote", b"origin")) else None:
            return
        config.set((b"remote", b"origin"), b"url", remote.encode())
        config.set((b"remote", b"origin"), b"fetch", b"+refs/heads/*:refs/remotes/origin/*")
        config.write_to_path()

    # -- the working folder ---------------------------------------------------------------
    def check_out(self, commit: bytes, progress: Callable[[str], None] | None = None) -> None:
        """Make the folder and the index hold `commit`, touching only files that differ, then move HEAD."""
        from dulwich.index import index_entry_from_stat

        head = self.head()
        if head == commit and (self.path / ".git" / "index").exists():
            return
        old = self.entries(head)
        new = self.entries(commit)
        index = self.repo.open_index()
        root = self.path
        for path in old.keys() - new.keys():
            target = root / path
            if target.is_file():
                target.unlink()
            if path.encode() in index:
                del index[path.encode()]
            _remove_empty_parents(target.parent, root)
        for path, (sha, mode) in new.items():
            target = root / path
            if old.get(path) == (sha, mode) and target.is_file() and path.encode() in index:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".studynotes-tmp")
            tmp.write_bytes(self.blob(sha))
            tmp.replace(target)
            index[path.encode()] = index_entry_from_stat(os.lstat(target), sha, mode)
        index.write()
        self.repo.refs[self.branch_ref] = commit
        self.repo.refs.set_symbolic_ref(b"HEAD", self.branch_ref)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _reason(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]


def is_file_mode(mode: int) -> bool:
    return stat.S_ISREG(mode)
