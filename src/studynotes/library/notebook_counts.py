"""Each notebook's open/total questions, kept by triggers (schema migration 17) as each note's are (7).

The tree shows every notebook's counts as soon as the window opens; summing the counts of every
note for it read all 80,400 notes of a million-question library (40 ms before the first paint).
`notebook_counts` holds one row per notebook, made with the notebook, and triggers on `notes` add
and take away a note's counts whenever they change, the note moves to another notebook, or the
note is inserted or deleted, whoever writes (the window, the command line, an older copy's
upgrade).  Its own table, not columns of `notebooks`: a notebook row that is saved and put back
(deleted and restored, an undone removal) carries no counts of its own, and its questions count
themselves again as they go back in.
"""

from __future__ import annotations

MIGRATION_NAME = "question counts kept on notebooks"

MIGRATION = """
CREATE TABLE notebook_counts (
    notebook_id INTEGER PRIMARY KEY REFERENCES notebooks(id) ON DELETE CASCADE,
    questions_total INTEGER NOT NULL DEFAULT 0,
    questions_open INTEGER NOT NULL DEFAULT 0
);
INSERT INTO notebook_counts (notebook_id, questions_total, questions_open)
    SELECT b.id, coalesce(sum(n.questions_total), 0), coalesce(sum(n.questions_open), 0)
    FROM notebooks b LEFT JOIN notes n ON n.notebook_id = b.id GROUP BY b.id;
CREATE TRIGGER notebook_counts_notebook_ai AFTER INSERT ON notebooks BEGIN
    INSERT OR IGNORE INTO notebook_counts (notebook_id) VALUES (new.id);
END;
CREATE TRIGGER notebook_counts_ai AFTER INSERT ON notes
WHEN new.questions_total != 0 OR new.questions_open != 0 BEGIN
    UPDATE notebook_counts SET questions_total = questions_total + new.questions_total,
                               questions_open = questions_open + new.questions_open
    WHERE notebook_id = new.notebook_id;
END;
CREATE TRIGGER notebook_counts_ad AFTER DELETE ON notes
WHEN old.questions_total != 0 OR old.questions_open != 0 BEGIN
    UPDATE notebook_counts SET questions_total = questions_total - old.questions_total,
                               questions_open = questions_open - old.questions_open
    WHERE notebook_id = old.notebook_id;
END;
CREATE TRIGGER notebook_counts_au AFTER UPDATE OF questions_total, questions_open, notebook_id ON notes
WHEN old.questions_total != new.questions_total OR old.questions_open != new.questions_open
     OR old.notebook_id != new.notebook_id BEGIN
    UPDATE notebook_counts SET questions_total = questions_total - old.questions_total,
                               questions_open = questions_open - old.questions_open
    WHERE notebook_id = old.notebook_id;
    UPDATE notebook_counts SET questions_total = questions_total + new.questions_total,
                               questions_open = questions_open + new.questions_open
    WHERE notebook_id = new.notebook_id;
END;
"""
