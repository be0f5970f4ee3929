"""What the formats share: the question detector, dates, outlines, fields, links, names,
front matter, schedules, and reading files into text.

Nothing here is a format of its own (the registry does not look in this package);
every importer reaches for these pieces so that one rule means the same thing in
every format.
"""
