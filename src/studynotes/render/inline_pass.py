"""Python-Markdown's inline pass, linear in the number of matches.

The stock pass rebuilds a text node's whole string after every match (placeholder
in, match out), so a paragraph of `*a` × 50,000, or of thousands of code spans or
tags, costs matches × length.  Here each pattern runs once over the text, every
accepted match is cut out as it is found, and the pieces are joined once; what
each pattern matches, and in which order, is unchanged.
"""

from __future__ import annotations

from typing import Any

from markdown import inlinepatterns, treeprocessors
from markdown.util import AtomicString


class LinearInlineProcessor(treeprocessors.InlineProcessor):  # type: ignore[misc]
    """The `inline` tree processor with one pass per pattern over a text."""

    # Python-Markdown calls this private method by its mangled name.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if isinstance(data, AtomicString):
            return data  # type: ignore[no-any-return]  # the same AtomicString object
        text: str = data
        for index in range(patternIndex, len(self.inlinePatterns)):
            text = self._apply_everywhere(self.inlinePatterns[index], text, index)
        return text

    def _apply_everywhere(self, pattern: Any, data: str, index: int) -> str:
        if not isinstance(pattern, inlinepatterns.InlineProcessor):
            return self._stock_rest(pattern, data, index, 0)
        if any(exclude.lower() in self.ancestors for exclude in pattern.ANCESTOR_EXCLUDES):
            return data
        regex = pattern.getCompiledRegExp()
        pieces: list[str] = []
        last = position = 0
        while True:
            found = None
            for match in regex.finditer(data, position):
                node, start, end = pattern.handleMatch(match, data)
                if start is not None and end is not None:
                    found = (match, node, start, end)
                    break
            if found is None:
                break
            match, node, start, end = found
            if start < last:  # a match reaching back into text already cut: the stock way on
                done = "".join(pieces)
                return self._stock_rest(pattern, done + data[last:], index, len(done))
            if node is None:
                position = max(end, match.start() + 1)
                continue
            self._inline_children(node, index)
            pieces += [data[last:start], self._InlineProcessor__stashNode(node, pattern.type())]
            last = end
            position = max(end, start + 1)
        if not pieces:
            return data
        pieces.append(data[last:])
        return "".join(pieces)

    def _inline_children(self, node: Any, index: int) -> None:
        """A matched element's own text takes the later patterns; its children's tails all of them."""
        if isinstance(node, str) or isinstance(node.text, AtomicString):
            return
        for child in [node, *node]:
            if child.text:
                self.ancestors.append(child.tag.lower())
                child.text = self._InlineProcessor__handleInline(child.text, index + 1)
                self.ancestors.pop()
            if child.tail:
                child.tail = self._InlineProcessor__handleInline(child.tail, index)

    def _stock_rest(self, pattern: Any, data: str, index: int, start: int) -> str:
        matched = True
        while matched:
            data, matched, start = self._InlineProcessor__applyPattern(pattern, data, index, start)
        return data
