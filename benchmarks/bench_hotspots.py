"""Drop-in candidates for map-step hot spots in modules this benchmark does not own, run beside
the code in `src/` on the same pages: same results (checked), and the time of each.

Usage: python benchmarks/bench_hotspots.py DIR [DIR ...]   (folders of pages, e.g. make_corpus.py's)

`addressing_staff`: `staff._addressing_staff` calls `opens_with(text, name)` for every comment x
every other commenter's names on its page (a regex compiled per name, beyond `re`'s cache), so
a page of C comments by A authors costs C x A regex searches: O(C^2) per page. The candidate
reads each comment's opening words once and looks the names up in them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from commentscope.analysis import staff
from commentscope.model import Comment
from commentscope.parse import parse_page


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def opened_names(text: str, names: dict[str, list[str]]) -> set[str]:
    """The casefolded names (keys of `names`, by their first three letters) that `text` opens
    with, exactly as `staff.opens_with`'s regex `(?:^|[\\s@])NAME\\b` finds them."""
    head = " ".join(text.split()[:6]).casefold()
    found = set()
    starts = [0] + [i + 1 for i, ch in enumerate(head) if ch.isspace() or ch == "@"]
    short = [key for key in names if len(key) < 3]  # names of one or two letters once casefolded ("ß")
    for start in starts:
        candidates = [*names.get(head[start:start + 3], ()), *_short(names, short, head, start)]
        for name in candidates:
            end = start + len(name)
            if head.startswith(name, start) and (
                _is_word(name[-1]) != (end < len(head) and _is_word(head[end]))
            ):
                found.add(name)
    return found


def _short(names: dict[str, list[str]], short: list[str], head: str, start: int) -> list[str]:
    """The names keyed by fewer than three letters that start at `start`."""
    return [n for key in short if head.startswith(key, start) for n in names[key]]


def fuzz(cases: int = 20_000, seed: int = 0) -> bool:
    """`opened_names` against `staff.opens_with` on random heads and names from a small alphabet."""
    import random

    rng = random.Random(seed)
    alphabet = "abAB_ß.-'@ \t1é"
    for _ in range(cases):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        name = "".join(rng.choice(alphabet.replace(" ", "").replace("\t", "")) for _ in range(rng.randint(1, 5)))
        key = name.casefold()
        if staff.opens_with(text, name) != (key in opened_names(text, {key[:3]: [key]})):
            print(f"differs: {text!r} {name!r}")
            return False
    return True


def addressing_staff(by_author: dict[str, list[Comment]]) -> dict[str, staff.StaffMember]:
    """`staff._addressing_staff`, each comment's opening read once."""
    names = {author: staff.address_names(author) for author in by_author}
    owners: dict[str, set[str]] = {}  # casefolded name -> the authors who carry it
    for author, ns in names.items():
        for n in ns:
            owners.setdefault(n.casefold(), set()).add(author)
    index: dict[str, list[str]] = {}
    for name in owners:
        index.setdefault(name[:3], []).append(name)
    addressed: dict[str, set[str]] = {}
    for author, comments in by_author.items():
        hit: set[str] = set()
        for c in comments:
            for name in opened_names(c.text, index):
                hit |= owners[name]
        hit.discard(author)
        addressed[author] = hit
    ranked = sorted(addressed, key=lambda a: (-len(addressed[a]), a))
    if not ranked or len(addressed[ranked[0]]) < staff.MIN_FLAT_READERS:
        return {}
    top = ranked[0]
    if len(ranked) > 1 and len(addressed[ranked[1]]) == len(addressed[top]):
        return {}
    return {top: staff.StaffMember(top, f"opens comments with the names of {len(addressed[top])} different readers "
                                        "more than anyone else")}


def main(folders: list[str]) -> int:
    pages = []
    for folder in folders:
        for path in sorted(Path(folder).iterdir()):
            doc = parse_page(path)
            by_author: dict[str, list[Comment]] = {}
            for comment in doc.comments:
                if comment.author:
                    by_author.setdefault(comment.author, []).append(comment)
            pages.append(by_author)
    comments = sum(len(cs) for page in pages for cs in page.values())
    print(f"opened_names == opens_with on 20,000 random cases: {fuzz()}")
    timed = []
    for name, fn in (("staff._addressing_staff", staff._addressing_staff), ("candidate", addressing_staff)):
        start = time.process_time()
        timed.append([fn(page) for page in pages])
        cpu = time.process_time() - start
        print(f"{name:26} {len(pages):5} pages {comments:7,} comments {cpu:7.3f} s CPU "
              f"{cpu / max(comments, 1) * 1e3:.3f} ms/comment", flush=True)
    same = timed[0] == timed[1]
    print(f"same result on every page: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["seeds"]))
