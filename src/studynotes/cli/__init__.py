"""The command line: a stable contract for scripts and tests, and the app's launcher.

Exit status: 0 success, 1 when something could not be done (a file not
imported, an unknown id), 2 for usage errors.  Errors are one line on stderr.

A command is a module here with a `register(commands)` function, named once in
`parser.COMMAND_GROUPS`; `entry.main` opens the library for it and turns errors into one line.
"""

from .entry import main

__all__ = ["main"]
