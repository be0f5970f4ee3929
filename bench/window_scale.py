"""The window on a big library: until usable, selecting its biggest notebook, memory at rest.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window_scale.py --library LIBRARY [--runs 3]
        [--notebook ID] [--other ID]
    … bench/window_scale.py --library LIBRARY --note note:ID|week:ID [--read [--step 10 | --jump]]

Starts the real app (`studynotes --library LIBRARY gui`, a fresh settings folder each start, so
the first notebook is selected as on a first start) `runs` times after one untimed start (which
warms the disk cache and takes the day's backup), and in each:

- usable: process start until the window's tree is first painted (wall), and the CPU time the
  process had used by then (user + sys, imports included); the app's entry is imported first,
  as the `studynotes` command does;
- select: `--notebook` (default the one with most questions) chosen in the tree, alternating
  with `--other` (default the second biggest), until the question list holds its rows and the
  preview has loaded the notebook's page: wall, and the main thread's CPU time (the work that
  keeps the window from answering);
- memory at rest: 5 s after the last selection, RSS and PSS summed over the app's processes.

With `--note`, a long note (or a week of them) is shown instead: until its first screen is in
the page, and memory 5 s later; with `--read`, then while the reader goes to its end, `--step`
screens at a time once what is in view has come (so every piece comes into view), or with
`--jump` straight to the end as End does: the time, the CPU of the app's processes, the pieces
rendered, and the peak RSS and PSS (sampled twice a second).
Compiled modules are kept under bench/out/pycache, as an installed app keeps them.

Work on a copy of a library: the app takes its daily backup beside it.  Prints; never fails
on timing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent


def biggest_notebooks(library: Path) -> list[tuple[int, str, int]]:
    conn = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
    rows = conn.execute(
        """SELECT b.id, b.title, coalesce(sum(n.questions_total), 0) FROM notebooks b
           LEFT JOIN notes n ON n.notebook_id = b.id GROUP BY b.id ORDER BY 3 DESC, b.id LIMIT 2"""
    ).fetchall()
    conn.close()
    return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]


def probe(library: str, out: Path, plan: dict[str, Any]) -> int:
    """The child: the app, with a timer that measures once the window is up."""
    sys.path.insert(0, str(BENCH))
    from studynotes import cli  # first, as the `studynotes` command starts

    # isort: split
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer

    from studynotes.ui.app import create_application
    from studynotes.ui.main_window import MainWindow
    from window_probe import memory_mb, process_tree, wait_for

    result: dict[str, Any] = {}

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    def tree_cpu_s(pids: list[int]) -> float:
        """User + system CPU of the processes (the app and its web engine's), in seconds."""
        ticks = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    class FirstPaint(QObject):
        """Usable: the window's tree painted for the first time (what the user first sees)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and "usable_at" not in result:
                result["usable_at"] = time.monotonic()
                result["usable_cpu_s"] = cpu()
                window = self.parent()
                assert isinstance(window, MainWindow)
                result["tree_rows"] = window.tree_model.rowCount()
                QTimer.singleShot(0, lambda: measure(window))
            return False

    made = MainWindow.__init__

    def watched(window: MainWindow, *args: Any, **kwargs: Any) -> None:
        made(window, *args, **kwargs)
        window.tree.viewport().installEventFilter(FirstPaint(window))

    MainWindow.__init__ = watched  # type: ignore[method-assign]

    def select(window: MainWindow, notebook: int) -> tuple[float, float, int]:
        index = window.tree_model.find(("notebook", notebook))
        started, thread_cpu = time.perf_counter(), time.thread_time()
        window.tree.setCurrentIndex(index)
        window.questions.table.viewport().repaint()
        listed_cpu = time.thread_time() - thread_cpu
        if not wait_for(window.preview.pane.loadFinished):
            raise RuntimeError("the notebook's page never loaded")
        return (time.perf_counter() - started) * 1000, listed_cpu * 1000, window.questions.model.rowCount()

    def show_note(window: MainWindow, node: str) -> None:
        """A long note: until its first screen is in the page; memory 5 s later; then, with
        `read`, while the reader goes to its end (the pieces come and go as the reader moves)."""
        pane = window.preview.pane
        shown: list[int] = []
        window.preview.pieceShown.connect(lambda number, _count: shown.append(number))
        started, thread_cpu = time.perf_counter(), time.thread_time()
        kind, _, ident = node.partition(":")
        if kind == "note":
            window.select_note(int(ident))
        else:  # a week or lecture: its notes on one page
            window.tree.setCurrentIndex(window.tree_model.find((kind, int(ident))))
        asked_cpu = time.thread_time() - thread_cpu
        if not wait_for(pane.shown, 120_000):
            raise RuntimeError("the note's first screen never came")
        result["note_first_ms"] = (time.perf_counter() - started) * 1000
        result["note_select_cpu_ms"] = asked_cpu * 1000
        idle = QEventLoop()
        QTimer.singleShot(5_000, idle.quit)
        idle.exec()
        result["note_open_rss_mb"], result["note_open_pss_mb"] = memory_mb(process_tree(os.getpid()))
        result["note_whole_s"] = None
        paged = window.preview._paged
        if plan["read"] and paged is not None:
            read_to_the_end(pane, paged.pieces, shown)

    def read_to_the_end(pane: Any, pieces: int, shown: list[int]) -> None:
        """The reader goes down `step` screens whenever what is in view has been rendered (or,
        with `jump`, to the end of the page at once, as End does), until the last piece is in
        and the reader at the end."""
        answers: list[Any] = []
        step = 0 if plan["jump"] else plan["step"]
        move = (
            "(function(){var h=window.innerHeight,bs=document.querySelectorAll('body > div.page-piece.piece-empty');"
            "for(var i=0;i<bs.length;i++){var r=bs[i].getBoundingClientRect();if(r.bottom>0&&r.top<h)return false;}"
            "var root=document.documentElement,end=window.scrollY+h>=root.scrollHeight-2;"
            f"if(!end)window.scrollTo(0,{step}>0?window.scrollY+{step}*h:root.scrollHeight);return end;}})()"
        )
        pids = process_tree(os.getpid())
        cpu_before, app_before = tree_cpu_s(pids), cpu()
        reading = time.perf_counter()
        deadline = reading + plan["note_wait_s"]
        peak, next_sample = (0.0, 0.0), reading
        at_peak: dict[str, Any] = {}
        while time.perf_counter() < deadline:
            answers.clear()
            pane.run_script(move, answers.append)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            while not answers and time.perf_counter() < deadline:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if time.perf_counter() >= next_sample:  # reading /proc costs CPU too: twice a second
                next_sample = time.perf_counter() + 0.5
                pids = process_tree(os.getpid())
                rss, pss = memory_mb(pids)
                if rss > peak[0]:  # where the highest RSS was: how far read, which process held it
                    at_peak = {
                        "pieces": len(set(shown)),
                        "s": time.perf_counter() - reading,
                        "rss_by_process_mb": [round(memory_mb([pid])[0]) for pid in pids],
                    }
                peak = (max(peak[0], rss), max(peak[1], pss))
            if answers and answers[0] is True and pieces - 1 in shown:
                result["note_whole_s"] = time.perf_counter() - reading
                break
        result["note_read_s"] = time.perf_counter() - reading
        result["note_read_cpu_s"] = tree_cpu_s(pids) - cpu_before  # every process of the app
        result["note_read_app_cpu_s"] = cpu() - app_before  # the window's process (both threads)
        result["note_peak_rss_mb"], result["note_peak_pss_mb"] = peak
        result["note_peak_at"] = at_peak
        result["pieces_shown"], result["pieces"] = len(set(shown)), pieces
        result["pieces_rendered"] = len(shown)

    def measure(window: MainWindow) -> None:
        try:
            if plan.get("note"):
                if window.preview.pane is None and not wait_for(window.preview.currentChanged):
                    raise RuntimeError("the web view was never created")
                if window.preview.last_html:
                    wait_for(window.preview.pane.loadFinished)
                show_note(window, plan["note"])
                result["rest_rss_mb"], result["rest_pss_mb"] = memory_mb(process_tree(os.getpid()))
                result["window_rss_mb"] = memory_mb([os.getpid()])[0]
                pids = process_tree(os.getpid())
                result["rss_by_process_mb"] = [round(memory_mb([pid])[0], 1) for pid in pids]
                raise StopIteration

            if window.preview.pane is None and not wait_for(window.preview.currentChanged):
                raise RuntimeError("the web view was never created")
            if window.preview.last_html:
                wait_for(window.preview.pane.loadFinished)
            result["preview_at"] = time.monotonic()
            result["select_ms"], result["select_cpu_ms"], result["other_ms"] = [], [], []
            for _ in range(plan["rounds"]):
                other_ms, _, _ = select(window, plan["other"])
                result["other_ms"].append(other_ms)
                wall, thread_cpu, rows = select(window, plan["notebook"])
                result["select_ms"].append(wall)
                result["select_cpu_ms"].append(thread_cpu)
                result["rows"] = rows
            idle = QEventLoop()
            QTimer.singleShot(5_000, idle.quit)
            idle.exec()
            pids = process_tree(os.getpid())
            result["rest_rss_mb"], result["rest_pss_mb"] = memory_mb(pids)
            result["rss_by_process_mb"] = [round(memory_mb([pid])[0], 1) for pid in pids]
            result["window_rss_mb"] = memory_mb([os.getpid()])[0]
        except StopIteration:
            pass
        except Exception as error:  # noqa: BLE001 (reported to the parent, which prints it)
            result["error"] = f"{type(error).__name__}: {error}"
        out.write_text(json.dumps(result))
        window.close()
        create_application().quit()

    create_application()
    return cli.main(["--library", library, "gui"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="selections of the notebook per start")
    parser.add_argument("--notebook", type=int)
    parser.add_argument("--other", type=int)
    parser.add_argument(
        "--note",
        help="a long note (note:ID) or a week of them (week:ID) to show instead of selecting notebooks",
    )
    parser.add_argument(
        "--read", action="store_true", help="then read the note to its end, every piece coming into view"
    )
    parser.add_argument("--step", type=float, default=10, help="screens the reader moves at a time")
    parser.add_argument("--jump", action="store_true", help="with --read: go to the end at once, as End does")
    parser.add_argument("--note-wait", type=float, default=300, help="seconds to read it for, at most")
    parser.add_argument("--probe", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        return probe(str(args.library), Path(args.probe[0]), json.loads(args.probe[1]))

    big = biggest_notebooks(args.library)
    notebook = args.notebook or big[0][0]
    other = args.other or next((nb for nb, _, _ in big if nb != notebook), notebook)
    sizes = {nb: count for nb, _, count in big}
    plan = {
        "notebook": notebook,
        "other": other,
        "rounds": args.rounds,
        "note": args.note,
        "note_wait_s": args.note_wait,
        "read": args.read,
        "step": args.step,
        "jump": args.jump,
    }
    questions = (
        sqlite3.connect(f"{args.library.resolve().as_uri()}?mode=ro", uri=True)
        .execute("SELECT sum(questions_total) FROM notes")
        .fetchone()[0]
        or 0
    )
    print(
        f"{args.library}: {questions:,} questions; notebook {notebook} ({sizes.get(notebook) or 0:,} questions)"
    )
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        for run in range(args.runs + 1):
            config = Path(folder) / f"config-{run}"
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "XDG_CONFIG_HOME": str(config),
                "XDG_DATA_HOME": str(config),
                # Compiled modules kept, as an installed app has them (the warm-up start writes
                # them): without, every start compiles studynotes' sources again (0.3 s).
                "PYTHONPYCACHEPREFIX": str(BENCH / "out" / "pycache"),
            }
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                env["QTWEBENGINE_CHROMIUM_FLAGS"] = (
                    env.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox"
                ).strip()
            out.unlink(missing_ok=True)
            started = time.monotonic()
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--library",
                    str(args.library),
                    "--probe",
                    str(out),
                    json.dumps(plan),
                ],
                capture_output=True,
                text=True,
                env=env,
                timeout=900 + args.note_wait,
                check=False,
            )
            if not out.exists():
                print(f"the probe wrote nothing: {done.stderr.strip()[-800:]}")
                return 1
            result = json.loads(out.read_text())
            if "error" in result:
                print(f"the probe failed: {result['error']}")
                return 1
            result["usable_s"] = result["usable_at"] - started
            if run > 0:
                runs.append(result)
            if args.note:
                read = ""
                at_peak = result.get("note_peak_at") or {}
                if "note_read_s" in result:
                    reached = (
                        f"read to its end in {result['note_whole_s']:.1f} s"
                        if result["note_whole_s"] is not None
                        else f"not at its end after {result['note_read_s']:.0f} s"
                    )
                    read = (
                        f"; {reached} (CPU {result['note_read_cpu_s']:.1f} s over the app's processes, "
                        f"{result['note_read_app_cpu_s']:.1f} s in the window's; "
                        f"{result['pieces_shown']} of {result['pieces']} pieces shown, "
                        f"{result['pieces_rendered']} renders), peak {result['note_peak_rss_mb']:.0f} MB RSS / "
                        f"{result['note_peak_pss_mb']:.0f} MB PSS (RSS highest after {at_peak.get('pieces', 0)} pieces, "
                        f"{at_peak.get('s', 0):.0f} s: by process {at_peak.get('rss_by_process_mb')})"
                    )
                print(
                    f"  {'(warm-up) ' if run == 0 else ''}note {args.note}: first screen {result['note_first_ms']:.0f} ms "
                    f"(main thread CPU {result['note_select_cpu_ms']:.0f} ms until the render was asked for); "
                    f"5 s later {result['note_open_rss_mb']:.0f} MB RSS / {result['note_open_pss_mb']:.0f} MB PSS"
                    f"{read}; at the end {result['rest_rss_mb']:.0f} MB RSS / {result['rest_pss_mb']:.0f} MB PSS "
                    f"(by process {result['rss_by_process_mb']}; load average {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
                continue
            print(
                f"  {'(warm-up) ' if run == 0 else ''}usable {result['usable_s']:.2f} s (CPU {result['usable_cpu_s']:.2f} s); "
                f"select {statistics.median(result['select_ms']):.0f} ms (main thread CPU "
                f"{statistics.median(result['select_cpu_ms']):.0f} ms, {result['rows']:,} rows); "
                f"at rest {result['rest_rss_mb']:.0f} MB RSS / {result['rest_pss_mb']:.0f} MB PSS "
                f"(window process {result['window_rss_mb']:.0f} MB)",
                flush=True,
            )

    if args.note:
        return 0

    def med(key: str) -> float:
        return statistics.median(
            statistics.median(r[key]) if isinstance(r[key], list) else r[key] for r in runs
        )

    print(f"medians of {len(runs)} starts (load average {os.getloadavg()[0]:.1f}):")
    print(f"  window usable            {med('usable_s'):.2f} s wall, {med('usable_cpu_s'):.2f} s CPU")
    print(
        f"  select the notebook      {med('select_ms'):.0f} ms wall, {med('select_cpu_ms'):.0f} ms main-thread CPU"
    )
    print(f"  memory at rest           {med('rest_rss_mb'):.0f} MB RSS, {med('rest_pss_mb'):.0f} MB PSS")
    print(f"  by process (last start)  {runs[-1]['rss_by_process_mb']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
