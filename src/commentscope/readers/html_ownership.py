"""A parsed page seen through one rule of the selector table: which comment element owns which node.

Both the comments (`html_comments`) and their authors and dates (`html_meta`) are read from the
hits of a rule's selectors that some comment element owns: the nearest comment element around
the hit, or the one a reply container or a paired element (`dt`/`dd`) follows. Walks up the tree
are memoised, so deep nesting costs linear time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from commentscope.readers.html_rules import Rule


def select(tree: LexborHTMLParser, selector: str) -> list[LexborNode]:
    """The elements a selector matches, in page order, each once (lexbor repeats an element that
    matches two selectors of a comma list)."""
    seen: set[int] = set()
    out = []
    for node in tree.css(selector):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            out.append(node)
    return out


class RulePage:
    """A parsed page seen through one rule: which comment element owns which node."""

    def __init__(self, tree: LexborHTMLParser, rule: Rule, items: list[LexborNode]) -> None:
        self.tree, self.rule = tree, rule
        self.nodes = {node.mem_id: node for node in items}
        self.item_ids = set(self.nodes)
        self.containers = {n.mem_id for n in tree.css(rule.replies)} if rule.replies else set()
        self._owner: dict[int, int | None] = {}
        self._cache: dict[str, list[LexborNode]] = {}

    def css(self, selector: str) -> list[LexborNode]:
        if selector not in self._cache:
            self._cache[selector] = select(self.tree, selector)
        return self._cache[selector]

    def owner(self, node: LexborNode) -> int | None:
        """mem_id of the comment element nearest around `node` (itself included); memoised walk up."""
        path: list[int] = []
        current: LexborNode | None = node
        found: int | None = None
        while current is not None:
            key = current.mem_id
            if key in self._owner:
                found = self._owner[key]
                break
            path.append(key)
            if key in self.item_ids:
                found = key
                break
            way = current.attributes.get(self.rule.partner_attr) if self.rule.partner_attr else None
            if way is not None:  # a byline beside its comment's text, with no element around both
                found = self._item_after(current) if way == "after" else self._item_before(current, current.tag)
                if found is not None:
                    break
            if self.rule.pair and current.tag == self.rule.pair:
                found = self._item_before(current, skip_tag=self.rule.pair)
                if found is not None:
                    break
            if key in self.containers:
                found = self._item_before(current)
                if found is not None:
                    break
            current = current.parent
        for key in path:
            self._owner[key] = found
        return found

    def parent_item(self, item: LexborNode) -> int | None:
        parent = item.parent
        return self.owner(parent) if parent is not None else None

    def _item_before(self, node: LexborNode, skip_tag: str | None = None) -> int | None:
        """The comment element just before `node` among its siblings (anchors and `skip_tag`s passed),
        or the last comment at that level inside the element just before it (Drupal themes wrap them)."""
        sibling = node.prev
        steps = 0
        while sibling is not None and steps < 50:
            if sibling.mem_id in self.item_ids:
                return sibling.mem_id
            if sibling.tag not in ("-text", "-comment", "a", "mark", skip_tag):
                return self._last_item_in(sibling) if self.containers else None
            sibling, steps = sibling.prev, steps + 1
        return None

    def _item_after(self, node: LexborNode) -> int | None:
        """The comment element just after `node` among its siblings (anchors and elements of its own
        tag passed: a hidden copy of the text between a byline and its text)."""
        sibling = node.next
        steps = 0
        while sibling is not None and steps < 50:
            if sibling.mem_id in self.item_ids:
                return sibling.mem_id
            if sibling.tag not in ("-text", "-comment", "a", "br", node.tag):
                return None
            sibling, steps = sibling.next, steps + 1
        return None

    def _last_item_in(self, wrapper: LexborNode) -> int | None:
        """The last comment inside `wrapper` that is not inside a reply container within it."""
        for candidate in reversed(wrapper.css(self.rule.items)):
            current: LexborNode | None = candidate.parent
            while current is not None and current.mem_id != wrapper.mem_id and current.mem_id not in self.containers:
                current = current.parent
            if candidate.mem_id in self.item_ids and current is not None and current.mem_id == wrapper.mem_id:
                return candidate.mem_id
        return None

    def owned(self, selectors: Sequence[str]) -> Iterator[tuple[int, LexborNode, int]]:
        """(owner, hit, selector rank) for every hit of every selector that some comment owns."""
        for rank, selector in enumerate(selectors):
            for hit in self.css(selector):
                owner = self.owner(hit)
                if owner is not None:
                    yield owner, hit, rank

    def first_values(
        self, selectors: Sequence[str], value: Callable[[LexborNode], str | None], hits: set[int] | None = None
    ) -> dict[int, str]:
        """Per comment element: the value of the first owned hit (in selector order) that has one;
        the elements the values came from are added to `hits`."""
        best: dict[int, tuple[int, str, int]] = {}
        for owner, hit, rank in self.owned(selectors):
            if owner in best and best[owner][0] <= rank:
                continue
            found = value(hit)
            if found:
                best[owner] = (rank, found, hit.mem_id)
        if hits is not None:
            hits.update(hit for _, _, hit in best.values())
        return {owner: found for owner, (_, found, _) in best.items()}
