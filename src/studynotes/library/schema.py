"""The library's schema as numbered forward migrations.

Migration N brings a file from `PRAGMA user_version` N-1 to N.  Each runs in
its own transaction, after a backup copy of the file; none drops user data.
"""

from __future__ import annotations

from . import index_later, notebook_counts, part_maps, trigram_terms, word_index, word_parts

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "initial schema",
        """
        CREATE TABLE notebooks (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL UNIQUE,
            start_date TEXT,
            start_date_auto INTEGER NOT NULL DEFAULT 0,
            days_per_week INTEGER NOT NULL DEFAULT 5 CHECK (days_per_week BETWEEN 1 AND 7),
            description TEXT NOT NULL DEFAULT '',
            properties TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        );
        CREATE TABLE weeks (
            id INTEGER PRIMARY KEY,
            notebook_id INTEGER NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            first_day TEXT,
            UNIQUE (notebook_id, number)
        );
        CREATE TABLE lectures (
            id INTEGER PRIMARY KEY,
            notebook_id INTEGER NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
            week_id INTEGER REFERENCES weeks(id) ON DELETE SET NULL,
            number INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            date TEXT,
            week_number INTEGER,
            properties TEXT NOT NULL DEFAULT '{}',
            UNIQUE (notebook_id, number)
        );
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            notebook_id INTEGER NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL,
            path TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL,
            format TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            UNIQUE (notebook_id, file_name)
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            notebook_id INTEGER NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
            week_id INTEGER REFERENCES weeks(id) ON DELETE SET NULL,
            lecture_id INTEGER REFERENCES lectures(id) ON DELETE SET NULL,
            source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            date TEXT,
            day INTEGER,
            week_number INTEGER,
            placed_by_user INTEGER NOT NULL DEFAULT 0,
            properties TEXT NOT NULL DEFAULT '{}',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX notes_by_week ON notes (notebook_id, week_id, lecture_id);
        CREATE INDEX notes_by_lecture ON notes (lecture_id);
        CREATE INDEX notes_by_source ON notes (source_id);
        CREATE TABLE cells (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('markdown', 'question')),
            markdown TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX cells_by_note ON cells (note_id, position);
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            cell_id INTEGER NOT NULL UNIQUE REFERENCES cells(id) ON DELETE CASCADE,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
            asker TEXT NOT NULL DEFAULT '',
            raw_sender TEXT NOT NULL DEFAULT '',
            asked_at TEXT,
            media_time TEXT,
            slide_page INTEGER,
            lecture_ref INTEGER,
            answered_by TEXT,
            private INTEGER NOT NULL DEFAULT 0,
            resolved_at TEXT,
            stable_key TEXT NOT NULL DEFAULT '',
            edited_by_user INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX questions_by_note ON questions (note_id, status);
        CREATE INDEX questions_by_key ON questions (stable_key);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',
            data BLOB,
            sha256 TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX attachments_by_note ON attachments (note_id);

        CREATE VIRTUAL TABLE cells_fts USING fts5(
            markdown, content='cells', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER cells_ai AFTER INSERT ON cells BEGIN
            INSERT INTO cells_fts (rowid, markdown) VALUES (new.id, new.markdown);
        END;
        CREATE TRIGGER cells_ad AFTER DELETE ON cells BEGIN
            INSERT INTO cells_fts (cells_fts, rowid, markdown) VALUES ('delete', old.id, old.markdown);
        END;
        CREATE TRIGGER cells_au AFTER UPDATE OF markdown ON cells BEGIN
            INSERT INTO cells_fts (cells_fts, rowid, markdown) VALUES ('delete', old.id, old.markdown);
            INSERT INTO cells_fts (rowid, markdown) VALUES (new.id, new.markdown);
        END;

        CREATE VIRTUAL TABLE questions_fts USING fts5(
            text, answer, asker, content='questions', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER questions_ai AFTER INSERT ON questions BEGIN
            INSERT INTO questions_fts (rowid, text, answer, asker)
            VALUES (new.id, new.text, new.answer, new.asker);
        END;
        CREATE TRIGGER questions_ad AFTER DELETE ON questions BEGIN
            INSERT INTO questions_fts (questions_fts, rowid, text, answer, asker)
            VALUES ('delete', old.id, old.text, old.answer, old.asker);
        END;
        CREATE TRIGGER questions_au AFTER UPDATE OF text, answer, asker ON questions BEGIN
            INSERT INTO questions_fts (questions_fts, rowid, text, answer, asker)
            VALUES ('delete', old.id, old.text, old.answer, old.asker);
            INSERT INTO questions_fts (rowid, text, answer, asker)
            VALUES (new.id, new.text, new.answer, new.asker);
        END;
        """,
    ),
    (
        "history of edits",
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            cell_id INTEGER,
            question_id INTEGER,
            field TEXT NOT NULL CHECK (field IN ('markdown', 'text', 'answer')),
            old_value TEXT NOT NULL,
            changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX history_by_note ON history (note_id, id);
        CREATE TRIGGER history_cells AFTER UPDATE OF markdown ON cells
        WHEN old.markdown IS NOT new.markdown BEGIN
            INSERT INTO history (note_id, cell_id, field, old_value) VALUES (old.note_id, old.id, 'markdown', old.markdown);
        END;
        CREATE TRIGGER history_question_text AFTER UPDATE OF text ON questions
        WHEN old.text IS NOT new.text BEGIN
            INSERT INTO history (note_id, cell_id, question_id, field, old_value)
            VALUES (old.note_id, old.cell_id, old.id, 'text', old.text);
        END;
        CREATE TRIGGER history_question_answer AFTER UPDATE OF answer ON questions
        WHEN old.answer IS NOT new.answer BEGIN
            INSERT INTO history (note_id, cell_id, question_id, field, old_value)
            VALUES (old.note_id, old.cell_id, old.id, 'answer', old.answer);
        END;
        """,
    ),
    (
        "find sources by content",
        """
        CREATE INDEX sources_by_sha ON sources (notebook_id, sha256);
        """,
    ),
    (
        "find notes by week",
        """
        CREATE INDEX notes_in_week ON notes (week_id, lecture_id);
        """,
    ),
    (
        # Each indexed column ends in two spaces, so every place a one- or
        # two-character term occurs begins some trigram (see short_terms.py).
        # The views are the indexes' content, so 'rebuild' and
        # 'integrity-check' read the same padded text the triggers write.
        "short words found through the index",
        """
        DROP TRIGGER cells_ai;
        DROP TRIGGER cells_ad;
        DROP TRIGGER cells_au;
        DROP TRIGGER questions_ai;
        DROP TRIGGER questions_ad;
        DROP TRIGGER questions_au;
        DROP TABLE cells_fts;
        DROP TABLE questions_fts;

        CREATE VIEW cells_indexed AS SELECT id, markdown || '  ' AS markdown FROM cells;
        CREATE VIRTUAL TABLE cells_fts USING fts5(
            markdown, content='cells_indexed', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER cells_ai AFTER INSERT ON cells BEGIN
            INSERT INTO cells_fts (rowid, markdown) VALUES (new.id, new.markdown || '  ');
        END;
        CREATE TRIGGER cells_ad AFTER DELETE ON cells BEGIN
            INSERT INTO cells_fts (cells_fts, rowid, markdown) VALUES ('delete', old.id, old.markdown || '  ');
        END;
        CREATE TRIGGER cells_au AFTER UPDATE OF markdown ON cells BEGIN
            INSERT INTO cells_fts (cells_fts, rowid, markdown) VALUES ('delete', old.id, old.markdown || '  ');
            INSERT INTO cells_fts (rowid, markdown) VALUES (new.id, new.markdown || '  ');
        END;

        CREATE VIEW questions_indexed AS
            SELECT id, text || '  ' AS text, answer || '  ' AS answer, asker || '  ' AS asker FROM questions;
        CREATE VIRTUAL TABLE questions_fts USING fts5(
            text, answer, asker, content='questions_indexed', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER questions_ai AFTER INSERT ON questions BEGIN
            INSERT INTO questions_fts (rowid, text, answer, asker)
            VALUES (new.id, new.text || '  ', new.answer || '  ', new.asker || '  ');
        END;
        CREATE TRIGGER questions_ad AFTER DELETE ON questions BEGIN
            INSERT INTO questions_fts (questions_fts, rowid, text, answer, asker)
            VALUES ('delete', old.id, old.text || '  ', old.answer || '  ', old.asker || '  ');
        END;
        CREATE TRIGGER questions_au AFTER UPDATE OF text, answer, asker ON questions BEGIN
            INSERT INTO questions_fts (questions_fts, rowid, text, answer, asker)
            VALUES ('delete', old.id, old.text || '  ', old.answer || '  ', old.asker || '  ');
            INSERT INTO questions_fts (rowid, text, answer, asker)
            VALUES (new.id, new.text || '  ', new.answer || '  ', new.asker || '  ');
        END;

        INSERT INTO cells_fts (cells_fts) VALUES ('rebuild');
        INSERT INTO questions_fts (questions_fts) VALUES ('rebuild');
        """,
    ),
    (
        # The tree's open/answered counts read this index alone instead of
        # every question's text: 21 ms instead of 260 ms at 100,000 questions.
        "count questions from the index",
        """
        DROP INDEX questions_by_note;
        CREATE INDEX questions_by_note ON questions (note_id, private, status);
        """,
    ),
    (
        # Each note keeps its own open/total counts, kept right by triggers on
        # every write (the CLI's too), so the tree sums notes instead of counting
        # every question: a million questions no longer cost a count at start.
        "question counts kept on notes",
        """
        ALTER TABLE notes ADD COLUMN questions_total INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE notes ADD COLUMN questions_open INTEGER NOT NULL DEFAULT 0;
        UPDATE notes SET
            questions_total = (SELECT count(*) FROM questions q WHERE q.note_id = notes.id AND q.private = 0),
            questions_open = (SELECT count(*) FROM questions q
                              WHERE q.note_id = notes.id AND q.private = 0 AND q.status = 'open');
        CREATE TRIGGER questions_count_ai AFTER INSERT ON questions WHEN new.private = 0 BEGIN
            UPDATE notes SET questions_total = questions_total + 1,
                             questions_open = questions_open + (new.status = 'open')
            WHERE id = new.note_id;
        END;
        CREATE TRIGGER questions_count_ad AFTER DELETE ON questions WHEN old.private = 0 BEGIN
            UPDATE notes SET questions_total = questions_total - 1,
                             questions_open = questions_open - (old.status = 'open')
            WHERE id = old.note_id;
        END;
        CREATE TRIGGER questions_count_au AFTER UPDATE OF status, private, note_id ON questions BEGIN
            UPDATE notes SET questions_total = questions_total - (old.private = 0),
                             questions_open = questions_open - (old.private = 0 AND old.status = 'open')
            WHERE id = old.note_id;
            UPDATE notes SET questions_total = questions_total + (new.private = 0),
                             questions_open = questions_open + (new.private = 0 AND new.status = 'open')
            WHERE id = new.note_id;
        END;
        """,
    ),
    (
        # Keyed by question id with no foreign key: a re-import deletes and
        # re-inserts its notes, and a schedule must outlive that (the import
        # carries it over by stable key).  `due` is UTC text of one fixed
        # width, so it sorts as it compares.  `questions_as_cards` tells whether a
        # card's question is still an answered, shared one without reading its text:
        # counting the cards not yet due takes 19 ms instead of 79 ms at 20,000 cards.
        "review schedules",
        """
        CREATE TABLE review_cards (
            question_id INTEGER PRIMARY KEY,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT
        );
        CREATE INDEX review_cards_by_due ON review_cards (due);
        CREATE INDEX questions_as_cards ON questions (id, private, status);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL,
            rated_at TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            state_before INTEGER,
            interval_days REAL NOT NULL,
            card_before TEXT
        );
        CREATE INDEX reviews_by_question ON reviews (question_id, id);
        CREATE INDEX reviews_by_time ON reviews (rated_at);
        ALTER TABLE notebooks ADD COLUMN desired_retention REAL NOT NULL DEFAULT 0.9
            CHECK (desired_retention > 0 AND desired_retention < 1);
        """,
    ),
    (
        # Sharing a notebook through git: who each note and cell is across
        # libraries, which commit a notebook last matched, when a status last
        # changed (the later change wins a merge), and edits both sides made.
        "sync with a git repository",
        """
        CREATE TABLE sync_notebooks (
            notebook_id INTEGER PRIMARY KEY REFERENCES notebooks(id) ON DELETE CASCADE,
            uid TEXT NOT NULL UNIQUE,
            remote TEXT NOT NULL DEFAULT '',
            branch TEXT NOT NULL DEFAULT 'main',
            synced_commit TEXT NOT NULL DEFAULT '',
            synced_at TEXT
        );
        CREATE TABLE sync_note_uids (
            note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
            uid TEXT NOT NULL UNIQUE,
            origin_id INTEGER NOT NULL
        );
        CREATE TABLE sync_cell_uids (
            cell_id INTEGER PRIMARY KEY REFERENCES cells(id) ON DELETE CASCADE,
            uid TEXT NOT NULL UNIQUE,
            origin_id INTEGER NOT NULL,
            origin_question_id INTEGER
        );
        CREATE TABLE sync_conflicts (
            cell_id INTEGER NOT NULL REFERENCES cells(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            theirs TEXT NOT NULL,
            PRIMARY KEY (cell_id, field)
        );
        CREATE TABLE sync_status_times (
            question_id INTEGER PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
            changed_at TEXT NOT NULL
        );
        CREATE TRIGGER questions_status_time AFTER UPDATE OF status ON questions
        WHEN old.status IS NOT new.status BEGIN
            INSERT OR REPLACE INTO sync_status_times (question_id, changed_at)
            VALUES (new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
        END;
        -- The blob each unchanged note's file had when last written: a sync renders only
        -- the notes changed since (every write to a note, its cells, questions,
        -- attachments or conflicts forgets its row).
        CREATE TABLE sync_rendered (
            note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
            blob TEXT NOT NULL
        );
        CREATE TRIGGER sync_rendered_note AFTER UPDATE ON notes BEGIN
            DELETE FROM sync_rendered WHERE note_id = old.id;
        END;
        CREATE TRIGGER sync_rendered_cells_insert AFTER INSERT ON cells BEGIN
            DELETE FROM sync_rendered WHERE note_id = new.note_id;
        END;
        CREATE TRIGGER sync_rendered_questions_insert AFTER INSERT ON questions BEGIN
            DELETE FROM sync_rendered WHERE note_id = new.note_id;
        END;
        CREATE TRIGGER sync_rendered_attachments_insert AFTER INSERT ON attachments BEGIN
            DELETE FROM sync_rendered WHERE note_id = new.note_id;
        END;
        CREATE TRIGGER sync_rendered_cells_delete AFTER DELETE ON cells BEGIN
            DELETE FROM sync_rendered WHERE note_id = old.note_id;
        END;
        CREATE TRIGGER sync_rendered_questions_delete AFTER DELETE ON questions BEGIN
            DELETE FROM sync_rendered WHERE note_id = old.note_id;
        END;
        CREATE TRIGGER sync_rendered_attachments_delete AFTER DELETE ON attachments BEGIN
            DELETE FROM sync_rendered WHERE note_id = old.note_id;
        END;
        CREATE TRIGGER sync_rendered_cells_update AFTER UPDATE ON cells BEGIN
            DELETE FROM sync_rendered WHERE note_id = old.note_id;
        END;
        CREATE TRIGGER sync_rendered_cells_update1 AFTER UPDATE ON cells BEGIN
            DELETE FROM sync_rendered WHERE note_id = new.note_id;
        END;
        CREATE TRIGGER sync_rendered_questions_update AFTER UPDATE ON questions BEGIN
            DELETE FROM sync_rendered WHERE note_id = old.note_id;
        END;
        CREATE TRIGGER sync_rendered_questions_update1 AFTER UPDATE ON questions BEGIN
            DELETE FROM sync_rendered WHERE note_id = new.note_id;
        END;
        CREATE TRIGGER sync_rendered_attachments_update AFTER UPDATE ON attachments BEGIN
            DELETE FROM sync_rendered WHERE note_id = old.note_id;
        END;
        CREATE TRIGGER sync_rendered_attachments_update1 AFTER UPDATE ON attachments BEGIN
            DELETE FROM sync_rendered WHERE note_id = new.note_id;
        END;
        CREATE TRIGGER sync_rendered_conflict_insert AFTER INSERT ON sync_conflicts BEGIN
            DELETE FROM sync_rendered WHERE note_id = (SELECT note_id FROM cells WHERE id = new.cell_id);
        END;
        CREATE TRIGGER sync_rendered_conflict_delete AFTER DELETE ON sync_conflicts BEGIN
            DELETE FROM sync_rendered WHERE note_id = (SELECT note_id FROM cells WHERE id = old.cell_id);
        END;
        CREATE TRIGGER sync_rendered_cell_uid AFTER INSERT ON sync_cell_uids BEGIN
            DELETE FROM sync_rendered WHERE note_id = (SELECT note_id FROM cells WHERE id = new.cell_id);
        END;
        CREATE TRIGGER sync_rendered_status_time AFTER INSERT ON sync_status_times BEGIN
            DELETE FROM sync_rendered WHERE note_id = (SELECT note_id FROM questions WHERE id = new.question_id);
        END;
        CREATE TRIGGER sync_rendered_status_time_gone AFTER DELETE ON sync_status_times BEGIN
            DELETE FROM sync_rendered WHERE note_id = (SELECT note_id FROM questions WHERE id = old.question_id);
        END;
        CREATE TRIGGER sync_rendered_note_uid AFTER INSERT ON sync_note_uids BEGIN
            DELETE FROM sync_rendered WHERE note_id = new.note_id;
        END;
        """,
    ),
    (
        "the user's decisions on what is a question, kept across re-imports",
        """
        CREATE TABLE question_decisions (
            id INTEGER PRIMARY KEY,
            notebook_id INTEGER NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
            source_name TEXT NOT NULL DEFAULT '',
            stable_key TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('question', 'not_question')),
            text TEXT NOT NULL DEFAULT '',
            made_at TEXT,
            UNIQUE (notebook_id, source_name, stable_key)
        );
        """,
    ),
    (
        # A re-import updates rows in place: each cell remembers what the file
        # said (`import_key`), what the user did to it, and which of the file's
        # cells the user deleted, so every decision outlives the next import.
        # Earlier libraries: what the old re-import kept is marked as the user's.
        "user decisions kept across re-imports",
        """
        ALTER TABLE questions ADD COLUMN status_by_user INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE questions ADD COLUMN text_by_user INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE questions ADD COLUMN answer_by_user INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cells ADD COLUMN import_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE cells ADD COLUMN added_by_user INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cells ADD COLUMN edited_by_user INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX sources_by_path ON sources (notebook_id, path);
        CREATE TABLE dismissed (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            import_key TEXT NOT NULL,
            PRIMARY KEY (source_id, import_key)
        );
        UPDATE questions SET status_by_user = 1 WHERE resolved_at IS NOT NULL OR edited_by_user = 1;
        UPDATE questions SET answer_by_user = edited_by_user;
        UPDATE questions SET text_by_user = 1
            WHERE id IN (SELECT question_id FROM history WHERE field = 'text');
        UPDATE cells SET edited_by_user = 1
            WHERE id IN (SELECT cell_id FROM history WHERE field = 'markdown');
        UPDATE cells SET import_key = 'q:' || (SELECT stable_key FROM questions WHERE cell_id = cells.id)
            WHERE kind = 'question' AND EXISTS (SELECT 1 FROM questions WHERE cell_id = cells.id);
        """,
    ),
    (
        # A deleted note or notebook is kept whole (its rows as JSON), so it can be
        # brought back with its ids long after the window's undo is gone.
        "deleted notes and notebooks kept for restoring",
        """
        CREATE TABLE deleted (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('note', 'notebook')),
            title TEXT NOT NULL,
            notebook_title TEXT NOT NULL DEFAULT '',
            deleted_at TEXT NOT NULL,
            rows TEXT NOT NULL
        );
        """,
    ),
    (word_index.MIGRATION_NAME, word_index.MIGRATION),  # whole words for search (word_index.py)
    (index_later.MIGRATION_NAME, index_later.MIGRATION),  # new rows indexed at commit (index_later.py)
    (word_parts.MIGRATION_NAME, word_parts.MIGRATION),  # the parts of words for search (word_parts.py)
    (index_later.HASH_MIGRATION_NAME, index_later.HASH_MIGRATION),  # fewer segments (index_later.py)
    (notebook_counts.MIGRATION_NAME, notebook_counts.MIGRATION),  # kept per notebook (notebook_counts.py)
    (part_maps.MIGRATION_NAME, part_maps.MIGRATION),  # bitmaps of the common parts of words (part_maps.py)
    (index_later.BIG_WRITE_MIGRATION_NAME, index_later.BIG_WRITE_MIGRATION),  # one segment (index_later.py)
    (trigram_terms.MIGRATION_NAME, trigram_terms.MIGRATION),  # no positions (trigram_terms.py)
)

LATEST_VERSION = len(MIGRATIONS)
