"""Python-Markdown's inline pass, linear in the number of matches.

The stock pass rebuilds a text node's whole string after every match (placeholder
in, match out), so a paragraph of `*a` × 50,000, or of thousands of code spans or
tags, costs matches × length.  Here each pattern runs once over the text, every
accepted match is cut out as it is found, and the pieces are joined once; what
each pattern matches, and in which order, is unchanged.  Putting the tree back
together, the text between placeholders is joined once per element, where the
stock pass added piece after piece to a growing string (`<a>` × 50,000).
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

    # Python-Markdown calls this private method by its mangled name.
    def _InlineProcessor__processPlaceholders(  # noqa: N802
        self,
        data: str | None,
        parent: Any,
        isText: bool = True,  # noqa: N803
    ) -> list[tuple[Any, list[str]]]:
        """The stock method, with the text between elements gathered and joined once."""
        result: list[tuple[Any, list[str]]] = []
        pending: list[str] = []

        def flush() -> None:
            if not pending:
                return
            text = "".join(pending) if len(pending) > 1 else pending[0]  # an AtomicString stays one
            pending.clear()
            if result:
                target, attribute = result[-1][0], "tail"
            else:
                target, attribute = parent, ("text" if isText else "tail")
            current = getattr(target, attribute)
            setattr(target, attribute, current + text if current else text)

        prefix = self._InlineProcessor__placeholder_prefix
        start = 0
        while data:
            index = data.find(prefix, start)
            if index == -1:
                text = data[start:]
                pending.append(AtomicString(text) if isinstance(data, AtomicString) else text)
                break
            found, end = self._InlineProcessor__findPlaceholder(data, index)
            if found not in self.stashed_nodes:  # not a placeholder after all
                pending.append(data[start : index + len(prefix)])
                start = index + len(prefix)
                continue
            node = self.stashed_nodes.get(found)
            if index > 0 and data[start:index]:
                pending.append(data[start:index])
            start = end
            if isinstance(node, str):
                pending.append(node)
                continue
            for child in [node, *node]:
                if child.tail and child.tail.strip():
                    self._InlineProcessor__processElementText(node, child, False)
                if child.text and child.text.strip():
                    self._InlineProcessor__processElementText(child, child)
            flush()
            result.append((node, self.ancestors[:]))
        flush()
        return result

    def _stock_rest(self, pattern: Any, data: str, index: int, start: int) -> str:
        matched = True
        while matched:
            data, matched, start = self._InlineProcessor__applyPattern(pattern, data, index, start)
        return data
