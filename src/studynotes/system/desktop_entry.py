"""Putting studynotes where a desktop's launcher finds it: a menu entry, its icon, and "Open with".

Linux follows the XDG specifications at user level (nothing outside the
user's home is written): the entry in `$XDG_DATA_HOME/applications`, the
icon in the hicolor theme, and a MIME type for the chat exports studynotes
understands, so a file manager offers "Open with studynotes" for `.md` and
`.txt` files.  Windows gets a Start-menu shortcut made by PowerShell, which
every Windows has.  macOS has no user-level launcher entry for a Python
program; the README says how to keep it in the Dock.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import resources_dir

APP_ID = "studynotes"
ENTRY_NAME = f"{APP_ID}.desktop"


@dataclass
class Installed:
    """What was written or removed, for the command to report."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def launcher_command() -> list[str]:
    """How the launcher starts the window: the installed `studynotes` script, else this Python."""
    script = shutil.which(APP_ID)
    if script:
        return [str(Path(script).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", APP_ID]


def xdg_data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if configured and Path(configured).is_absolute() else Path.home() / ".local/share"


def desktop_entry(command: list[str]) -> str:
    """The entry itself; `gui %F` opens the window and offers to import the files it was given."""
    template = (resources_dir() / ENTRY_NAME).read_text(encoding="utf-8")
    exec_line = " ".join(_desktop_quote(part) for part in command) + " gui %F"
    return (
        "\n".join(f"Exec={exec_line}" if line.startswith("Exec=") else line for line in template.splitlines())
        + "\n"
    )


def _desktop_quote(argument: str) -> str:
    """Quoting as the Desktop Entry specification asks for an Exec argument."""
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = argument.replace("\\", "\\\\\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def install_linux(data_home: Path | None = None, command: list[str] | None = None) -> Installed:
    data_home = data_home or xdg_data_home()
    done = Installed()
    applications = data_home / "applications"
    icons = data_home / "icons/hicolor/scalable/apps"
    applications.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    entry = applications / ENTRY_NAME
    entry.write_text(desktop_entry(command or launcher_command()), encoding="utf-8")
    done.written.append(entry)
    icon = icons / f"{APP_ID}.svg"
    shutil.copyfile(resources_dir() / f"{APP_ID}.svg", icon)
    done.written.append(icon)
    for tool, arguments in (
        ("update-desktop-database", [str(applications)]),
        ("gtk-update-icon-cache", ["-q", "-t", str(data_home / "icons/hicolor")]),
    ):
        if shutil.which(tool):  # optional: launchers also notice new entries on their own
            subprocess.run([tool, *arguments], check=False, capture_output=True, timeout=30)
    return done


def uninstall_linux(data_home: Path | None = None) -> Installed:
    data_home = data_home or xdg_data_home()
    done = Installed()
    for path in (
        data_home / "applications" / ENTRY_NAME,
        data_home / f"icons/hicolor/scalable/apps/{APP_ID}.svg",
    ):
        if path.exists():
            path.unlink()
            done.removed.append(path)
    return done


def start_menu_folder() -> Path:
    appdata = os.environ.get("APPDATA", str(Path.home() / "AppData/Roaming"))
    return Path(appdata) / "Microsoft/Windows/Start Menu/Programs"


def windows_shortcut_script(shortcut: Path, command: list[str], icon: Path) -> str:
    """PowerShell that writes a Start-menu shortcut (a .lnk needs the Windows shell to make)."""

    def quoted(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    target, arguments = command[0], " ".join(shlex.quote(a) for a in [*command[1:], "gui"])
    return (
        "$s = (New-Object -ComObject WScript.Shell).CreateShortcut(" + quoted(str(shortcut)) + "); "
        f"$s.TargetPath = {quoted(target)}; $s.Arguments = {quoted(arguments)}; "
        f"$s.IconLocation = {quoted(str(icon))}; $s.Description = 'studynotes'; $s.Save()"
    )


def install_windows(command: list[str] | None = None) -> Installed:
    done = Installed()
    command = command or launcher_command()
    if command[0].lower().endswith("python.exe"):  # no console window behind the app
        command = [command[0][: -len("python.exe")] + "pythonw.exe", *command[1:]]
    folder = start_menu_folder()
    folder.mkdir(parents=True, exist_ok=True)
    shortcut = folder / "studynotes.lnk"
    icon = resources_dir() / "studynotes.ico"
    script = windows_shortcut_script(shortcut, command, icon)
    subprocess.run(
        ["powershell", "-NoProfile", "-Command", script], check=True, capture_output=True, timeout=60
    )
    done.written.append(shortcut)
    return done


def install(uninstall: bool = False) -> Installed:
    """For the platform this runs on."""
    if sys.platform.startswith("win"):
        if uninstall:
            shortcut = start_menu_folder() / "studynotes.lnk"
            done = Installed()
            if shortcut.exists():
                shortcut.unlink()
                done.removed.append(shortcut)
            return done
        return install_windows()
    if sys.platform == "darwin":
        done = Installed()
        done.notes.append(
            "macOS has no launcher entry for a Python program; start `studynotes` once from a terminal, "
            "then keep its icon in the Dock (right-click → Options → Keep in Dock)."
        )
        return done
    return uninstall_linux() if uninstall else install_linux()
