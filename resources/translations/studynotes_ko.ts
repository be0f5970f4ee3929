<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong: {error}

The details are in {where}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>p. {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lecture {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer written down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Marked answered by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Answered by the instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Answered by a classmate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>{week}: {answered} answered, {open} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks with open questions: {weeks}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every question is answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {share} recalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reviews} reviews in {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {share} of learned questions recalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews, last {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {reviews} reviews</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an action&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>W{number}</source>
        <comment>a week under its bar in a chart</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weekday}, {month_name} {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month_name} {day}, {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month_name} {day}–{last_day}</source>
        <comment>days of one month</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month_name} {day}–{last_month_name} {last_day}</source>
        <comment>days of two months</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number} ({days})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorPane</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the editor (Esc, Ctrl+W); everything is already saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyPage</name>
    <message>
        <source>No notes yet. Import a file for it ({shortcut}) or drag a note here from the tree.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language shows the next time studynotes starts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The preview&apos;s text size (Ctrl+0 resets it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>no questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open} open / {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{declared} (weeks counted from {monday})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionDetailsDialog</name>
    <message>
        <source>Question details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 35:50 or 1:02:03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page / time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by the instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by a classmate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked answered by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} shown · {open} open / {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questions here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionTableModel</name>
    <message>
        <source>Status: ✓ answered, ○ open (Space toggles)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tree</name>
    <message>
        <source>Unsorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes with no week yet: drag them onto a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsorted notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open} open / {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {due} due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to studynotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in what your study group wrote: lecture chat logs, Notion question boards and minutes, programme pages, Day N study logs. Everything stays in one file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;sample notebooks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Export week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {week} of {notebook} to Markdown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit asker, lecture, page, time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename notebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this week to Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studynotes — sample notebooks (a temporary library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a note to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question list › Toggle answered / open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search › Into the results / clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ / Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anywhere › Back / forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse side buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;studynotes {version}&lt;/h3&gt;&lt;p&gt;A notebook for study groups: lecture chats, question boards, minutes and study logs in one file on this computer.&lt;/p&gt;&lt;p&gt;Library: {path}&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About studynotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a notebook, week or lecture for the new note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a note to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “{title}” · Undo brings it back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
