"""Write a deterministic synthetic corpus of saved pages in the two seed comment layouts.

Usage: python benchmarks/make_corpus.py --pages 100 --comments-per-page 50 --out /tmp/corpus

Text is realistic because it is reused: article paragraphs, comment sentences, questions and
author names come from `commentscope.parse_page` on `seeds/`, plus a few topic sentences
(fluoride, kefir, strontium, probiotics, water, medication) so that every topic fires. Pages
alternate between the layouts of the seeds:

- `bullets` (seeds/000_*): `  • Author`, body indented two more spaces, replies nested two
  spaces deeper per level, sometimes a reply with its text right after the marker;
- `numbered` (seeds/001_*): top-level `  1. Author`, replies `    • Author` nested below, a
  staff member answering readers with "Hi NAME,".

Page i is generated from `random.Random(f"{seed}:{i}")`, so a corpus of N pages is the first N
pages of any bigger corpus with the same seed and comments per page, and two runs give
byte-identical files. Author names mix a few regulars (seed authors, bare first names) with a
long tail of generated full names (about 47,000), so the number of distinct commenters grows
with the corpus as in real data.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from commentscope.analysis.sentences import split_sentences
from commentscope.parse import parse_page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LAYOUTS = ("bullets", "numbered")
MAX_DEPTH = 5  # replies nest at most this deep (depth 0 = top level)
TOP_LEVEL_SHARE = 0.45  # share of comments that start a new thread
QUESTION_SHARE = 0.3  # share of comments that ask something
STAFF = "Vivian Goldschmidt, MA"
_NOT_PROSE = re.compile(r"^(?:[\w .]{1,30}:|\(?\d)")  # interview turns ("Que:") and references ("1. Chen P")

# Topic sentences in the voice of the seed comments, so every lexicon topic gets mentions.
TOPIC_SENTENCES = (
    "I have been drinking kefir every morning for two years and my digestion is much better.",
    "Our town still adds fluoride to the tap water and I worry about what it does to my bones.",
    "My doctor told me to stop taking strontium because of the stroke risk.",
    "Which probiotics do you recommend for someone who just finished a course of antibiotics?",
    "I filter all of our drinking water with a reverse osmosis system now.",
    "The medication my doctor prescribed for osteoporosis gave me terrible stomach problems.",
    "Is fluoride in the water really linked to brittle bones?",
    "Can I take strontium together with calcium and vitamin D?",
    "Does homemade kefir have more probiotics than the store bought kind?",
    "I take magnesium, vitamin K2 and D3 every day along with my probiotics.",
    "Fosamax made my jaw ache so I stopped taking it after a year.",
    "How long should I take probiotics before I see a difference in bone density?",
    "Distilled water removes the fluoride but I am not sure it is healthy to drink every day.",
    "Weight bearing exercise and long walks helped my bone density more than any pill.",
)
# Readers ask many different questions: half of the questions are built from these parts
# (about 4,000 combinations), half are the seeds' own questions.
QUESTION_TEMPLATES = (
    "Is it safe to take {a} together with {b}?",
    "Does {a} really help with {c}?",
    "How much {a} should I take for {c}?",
    "Has anyone tried {a} for {c}?",
    "Would {a} be better than {b} for {c}?",
    "What do you think about switching from {b} to {a}?",
    "Can {a} make {c} worse?",
    "Where can I find {a} that works for {c}?",
)
THINGS = (
    "kefir",
    "strontium",
    "probiotics",
    "fluoride free water",
    "distilled water",
    "vitamin K2",
    "magnesium",
    "calcium citrate",
    "boron",
    "Fosamax",
    "Prolia",
    "collagen powder",
    "bone broth",
    "sauerkraut",
    "kombucha",
    "vitamin D3",
    "prebiotic fiber",
    "reverse osmosis water",
    "goat milk kefir",
    "a probiotic supplement",
)
CONDITIONS = (
    "bone density",
    "osteopenia",
    "joint pain",
    "gut health",
    "acid reflux",
    "brittle nails",
    "leaky gut",
    "hip fractures",
    "muscle cramps",
    "thinning bones",
    "bloating",
    "my thyroid",
    "stomach upset",
    "arthritis",
    "inflammation",
)
FIRST_NAMES = (
    "Anna Barbara Carol Diane Elena Frances Gloria Helen Irene Joan Karen Linda Maria Nancy Olga "
    "Patricia Rosa Susan Teresa Ursula Vera Wendy Yvonne Alan Brian Carlos David Edward Frank George "
    "Henry Ivan James Kevin Louis Michael Nathan Oscar Peter Robert Steven Thomas Victor William"
).split()
LAST_NAMES = (
    "Adams Baker Clarke Duarte Evans Fischer Garcia Hughes Ivanova Jensen Kowalski Lopez Moreau "
    "Nguyen Olsen Patel Quinn Rossi Schmidt Tanaka Upton Varga Weber Young Zimmer Brooks Castillo "
    "Dubois Ellis Ferreira Grant Hansen Ito Jones Keller Lindqvist Meyer Novak Ortiz Price"
).split()


@dataclass(frozen=True)
class TextPool:
    """What the synthetic pages are made of, taken from the seed pages."""

    titles: tuple[str, ...]
    paragraphs: tuple[str, ...]
    statements: tuple[str, ...]
    questions: tuple[str, ...]
    authors: tuple[str, ...]

    @classmethod
    def from_seeds(cls, seeds: Path = SEEDS) -> TextPool:
        titles, paragraphs, sentences, authors = [], [], [], set()
        for path in sorted(seeds.glob("*.txt")):
            doc = parse_page(path)
            if doc.title:
                titles.append(doc.title.strip())
            paragraphs += [
                line.text.strip()
                for line in doc.article_lines
                if len(line.text.split()) >= 12 and not _NOT_PROSE.match(line.text.strip())
            ]
            for comment in doc.comments:
                sentences += [s for s in split_sentences(comment.text) if len(s.split()) >= 3]
                if comment.author and comment.author != STAFF:
                    authors.add(comment.author)
        sentences += TOPIC_SENTENCES
        questions = [s for s in sentences if s.endswith("?")]
        statements = [s for s in sentences if not s.endswith(("?", ":"))]  # "Here are a few links:" opens a list
        if not (titles and paragraphs and questions and statements):
            raise SystemExit(f"{seeds}: the seed pages gave too little text to build a corpus")
        return cls(tuple(titles), tuple(paragraphs), tuple(statements), tuple(questions), tuple(sorted(authors)))


@dataclass(frozen=True)
class SyntheticComment:
    """One generated comment: who wrote it, under which parent, its paragraphs, and whether the
    page shows its author line (`headed`) or puts its text right after the marker."""

    author: str
    parent: int | None
    depth: int
    paragraphs: tuple[str, ...]
    headed: bool = True


def author_name(rng: random.Random, pool: TextPool) -> str:
    """A few regulars (seed authors, bare first names), then a long tail of ~47,000 full names."""
    draw = rng.random()
    if draw < 0.15:
        return rng.choice(pool.authors)
    first = rng.choice(FIRST_NAMES)
    if draw < 0.3:
        return first
    initial = rng.choice(" ABCDEFGHIJKLMNOPRSTVWZ")
    middle = f" {initial}." if initial != " " else ""
    return f"{first}{middle} {rng.choice(LAST_NAMES)}"


def question_text(rng: random.Random, pool: TextPool) -> str:
    """A reader question: a seed question or one built from the templates, half and half."""
    if rng.random() < 0.5:
        return rng.choice(pool.questions)
    a, b = rng.sample(THINGS, 2)
    return rng.choice(QUESTION_TEMPLATES).format(a=a, b=b, c=rng.choice(CONDITIONS))


def _body(rng: random.Random, pool: TextPool, *, ask: bool, greet: str | None) -> tuple[str, ...]:
    """One to three paragraphs of one to four sentences; a question near the end when `ask`."""
    sentences = [rng.choice(pool.statements) for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.35:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(TOPIC_SENTENCES[:6]))
    if ask:
        sentences.insert(max(0, len(sentences) - rng.randint(0, 1)), question_text(rng, pool))
    if greet:
        sentences.insert(0, f"Hi {greet.split()[0]},")
    paragraphs, start = [], 0
    while start < len(sentences):
        size = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[start : start + size]))
        start += size
    return tuple(paragraphs)


def make_thread(rng: random.Random, pool: TextPool, count: int, layout: str) -> list[SyntheticComment]:
    """`count` comments in page order; replies follow their parent's subtree, as pages show them."""
    comments: list[SyntheticComment] = []
    for _ in range(count):
        open_parents = [i for i, c in enumerate(comments) if c.depth < MAX_DEPTH]
        if not comments or rng.random() < TOP_LEVEL_SHARE or not open_parents:
            parent = None
        else:  # recent comments get most replies, as in a live discussion
            parent = open_parents[-1 - min(int(rng.expovariate(0.4)), len(open_parents) - 1)]
        staff = (
            layout == "numbered"
            and parent is not None
            and comments[parent].author not in (None, STAFF)
            and rng.random() < 0.4
        )
        author = STAFF if staff else author_name(rng, pool)
        greet = comments[parent].author if staff and parent is not None else None
        depth = 0 if parent is None else comments[parent].depth + 1
        ask = not staff and rng.random() < QUESTION_SHARE
        no_header = layout == "bullets" and parent is not None and rng.random() < 0.1
        body = _body(rng, pool, ask=ask, greet=greet)
        comments.append(SyntheticComment(author, parent, depth, body, headed=not no_header))
    return _page_order(comments)


def _page_order(comments: Sequence[SyntheticComment]) -> list[SyntheticComment]:
    """Depth-first order (each reply right under its parent's earlier replies), parents renumbered."""
    children: dict[int | None, list[int]] = {}
    for index, comment in enumerate(comments):
        children.setdefault(comment.parent, []).append(index)
    order: list[int] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        index = stack.pop()
        order.append(index)
        stack.extend(reversed(children.get(index, [])))
    new_index: dict[int | None, int | None] = {old: new for new, old in enumerate(order)}
    new_index[None] = None
    ordered: list[SyntheticComment] = []
    for c in (comments[old] for old in order):
        # two authorless replies in a row read as a bulleted list inside one comment: head the second
        headed = c.headed or (bool(ordered) and not ordered[-1].headed)
        ordered.append(SyntheticComment(c.author, new_index[c.parent], c.depth, c.paragraphs, headed))
    return ordered


def render_comments(comments: Sequence[SyntheticComment], layout: str) -> list[str]:
    """The comment section as text lines, in the indentation of the seed layout."""
    lines: list[str] = []
    number = 0
    for comment in comments:
        if layout == "numbered" and comment.depth == 0:
            number += 1
            marker = f"{number}."
        else:
            marker = "•"
        indent = 2 + 2 * comment.depth
        body = " " * (indent + 2)
        if not comment.headed:  # a reply with its text on the marker line, one paragraph as in seeds/000
            lines += [f"{' ' * indent}{marker} {' '.join(comment.paragraphs)}", ""]
            continue
        lines += [f"{' ' * indent}{marker} {comment.author}", ""]
        lines += [line for p in comment.paragraphs for line in (body + p, "")]
    return lines


def render_page(index: int, seed: int, comments_per_page: int, pool: TextPool) -> str:
    """Page `index` of the corpus: boilerplate, title, article, comments, boilerplate."""
    rng = random.Random(f"{seed}:{index}")
    layout = LAYOUTS[index % len(LAYOUTS)]
    title = rng.choice(pool.titles)
    article = rng.sample(pool.paragraphs, k=min(len(pool.paragraphs), rng.randint(4, 10)))
    thread = make_thread(rng, pool, comments_per_page, layout)
    lines = ["Category: Health", "", "", title, ""]
    lines += [line for p in article for line in (p, "")]
    if layout == "numbered":
        lines += ["Comments on this article are closed.", ""]
    lines += render_comments(thread, layout)
    lines += ["loading symbol Loading More" if layout == "bullets" else "Leave a Reply", ""]
    return "\n".join(lines)


def write_corpus(out: Path, pages: int, comments_per_page: int, seed: int = 0) -> list[Path]:
    """Write `pages` page files to `out` (created); their paths."""
    pool = TextPool.from_seeds()
    out.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(pages - 1)))
    written = []
    for index in range(pages):
        path = out / f"syn_{index:0{width}d}.txt"
        path.write_text(render_page(index, seed, comments_per_page, pool), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="number of page files (default 20)")
    parser.add_argument("--comments-per-page", type=int, default=50, help="comments on each page (default 50)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write the pages to")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--check", action="store_true", help="parse the pages back and report how many comments the parser found"
    )
    args = parser.parse_args(argv)
    if args.pages < 1 or args.comments_per_page < 1:
        parser.error("--pages and --comments-per-page must be at least 1")
    paths = write_corpus(args.out, args.pages, args.comments_per_page, args.seed)
    print(f"wrote {len(paths)} pages x {args.comments_per_page} comments to {args.out}/")
    if args.check:
        found = [len(parse_page(p).comments) for p in paths]
        wrong = sum(n != args.comments_per_page for n in found)
        print(f"parsed back: {sum(found)} comments, {wrong} pages with a different count")
        return 1 if wrong else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
