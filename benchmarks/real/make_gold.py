"""Derive gold threads for the real-page corpus from the markup itself.

Reads every page listed in ``sites.toml`` with lxml, applies that page's hand-written
selectors (the gold recipe), reads the WordPress WXR and Disqus exports straight from
their XML structure, and writes ``gold.jsonl`` (one JSON object per file).

Run:  /work/venv/bin/python benchmarks/real/make_gold.py [--check]
``--check`` prints per-file counts and the markup cross-checks (depth-N classes,
counts the page itself shows) without rewriting gold.jsonl.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree, html

HERE = Path(__file__).resolve().parent
ROOT = HERE  # the corpus being read: this folder, or another laid out alike (``--corpus``)

BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd blockquote h1 h2 h3 h4 h5 h6 pre table tr section article "
    "footer header figure figcaption hr aside nav form".split()
)
SKIP_TAGS = frozenset("script style noscript template button select textarea svg iframe".split())

MONTHS = {
    # English, German, French, Spanish, Italian, Dutch, Portuguese month names and short forms
    "january": 1, "jan": 1, "januar": 1, "janvier": 1, "enero": 1, "gennaio": 1, "januari": 1, "janeiro": 1,
    "jänner": 1,
    "february": 2, "feb": 2, "februar": 2, "février": 2, "febrero": 2, "febbraio": 2, "februari": 2,
    "fevereiro": 2,
    "march": 3, "mar": 3, "märz": 3, "mars": 3, "marzo": 3, "maart": 3, "março": 3, "mrz": 3,
    "april": 4, "apr": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5, "mei": 5, "maio": 5,
    "june": 6, "jun": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
    "july": 7, "jul": 7, "juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
    "august": 8, "aug": 8, "août": 8, "agosto": 8, "augustus": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "settembre": 9, "setembro": 9,
    "october": 10, "oct": 10, "oktober": 10, "okt": 10, "octobre": 10, "octubre": 10, "ottobre": 10,
    "outubro": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "december": 12, "dec": 12, "dezember": 12, "dez": 12, "décembre": 12, "diciembre": 12, "dicembre": 12,
    "dezembro": 12,
}  # fmt: skip
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
TIME_RE = r"(?:\D{0,12}?(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?)?"
DATE_PATTERNS = [
    # 2019-08-03T04:11:57+00:00 / 2019-08-03 04:11
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?"), ("y", "m", "d", "H", "M")),
    # 10. Februar 2019 um 18:05 / 3 août 2019 à 10h05 / 3 de mayo de 2019
    (re.compile(rf"(\d{{1,2}})\.?\s+(?:de\s+)?({MONTH_RE})\.?,?\s+(?:de\s+)?(\d{{4}}){TIME_RE}", re.I),
     ("d", "b", "y", "H", "M", "p")),
    # August 3, 2019 at 4:11 am
    (re.compile(rf"({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){TIME_RE}", re.I),
     ("b", "d", "y", "H", "M", "p")),
    # 10.02.2019 um 18:05 / 10/02/2019
    (re.compile(rf"(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}}){TIME_RE}"), ("d", "m", "y", "H", "M", "p")),
]  # fmt: skip


def to_iso(raw: str | None, day_first: bool = True) -> str | None:
    """Turn a date as a page prints it into ISO 8601 (date, or date and minute); None if unreadable."""
    if not raw:
        return None
    raw = " ".join(raw.split())
    for pattern, fields in DATE_PATTERNS:
        match = pattern.search(raw)
        if not match:
            continue
        parts = dict(zip(fields, match.groups(), strict=True))
        month = MONTHS[parts["b"].lower()] if parts.get("b") else int(parts["m"])
        day = int(parts["d"])
        if not day_first and parts.get("m"):
            month, day = day, month
        out = f"{int(parts['y']):04d}-{month:02d}-{day:02d}"
        if parts.get("H"):
            hour = int(parts["H"])
            ampm = (parts.get("p") or "").replace(".", "").lower()
            if ampm == "pm" and hour < 12:
                hour += 12
            if ampm == "am" and hour == 12:
                hour = 0
            out += f"T{hour:02d}:{int(parts['M']):02d}"
            if fields[0] == "y":
                out = raw[match.start() : match.end()].replace(" ", "T")
                tail = re.match(r"(:\d{2})?(Z|[+-]\d{2}:?\d{2})?", raw[match.end() :])
                if tail:
                    out += tail.group(0)
        return out
    return None


def epoch_ms_iso(millis: int) -> str:
    """UTC ISO 8601 (to the second) of a Unix time in milliseconds."""
    return datetime.fromtimestamp(millis / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def lines_of(node: etree._Element, skip: set[etree._Element], keep_newlines: bool = False) -> list[str]:
    """Visible text of ``node`` as lines: block elements and <br> break lines, skipped subtrees vanish."""
    buf: list[str] = []

    def add(text: str | None) -> None:
        if text:
            buf.append(text if keep_newlines else text.replace("\n", " "))

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if el in skip or tag.lower() in SKIP_TAGS or not tag:
            add(el.tail)
            return
        block = tag.lower() in BLOCK_TAGS
        if block:
            buf.append("\n")
        add(el.text)
        for child in el:
            walk(child)
        if block:
            buf.append("\n")
        add(el.tail)

    add(node.text)
    for child in node:
        walk(child)
    text = "".join(buf).replace("\xa0", " ").replace("\u200b", "")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def xpath_macros(expr: str) -> str:
    """``cls(name)`` is shorthand for 'has the class token name'."""
    return re.sub(r"cls\(([\w-]+)\)", r"contains(concat(' ',normalize-space(@class),' '),' \1 ')", expr)


def first_string(node: etree._Element, expr: str | None, own: set[etree._Element] | None = None,
                 owner: Any = None) -> str | None:  # fmt: skip
    """First non-empty string an XPath gives relative to ``node`` (elements become their text)."""
    if not expr:
        return None
    for hit in owned(node, node.xpath(xpath_macros(expr)), own, owner):
        text = " ".join(str(hit).split()) if isinstance(hit, str) else " ".join(lines_of(hit, set()))
        if text:
            return text
    return None


def owned(item: etree._Element, hits: Any, items: set[etree._Element] | None, owner: Any) -> Iterator[Any]:
    """Hits whose nearest enclosing comment item is ``item`` (so a reply's author is not its parent's)."""
    if not isinstance(hits, list):
        hits = [hits]
    for hit in hits:
        el = hit.getparent() if isinstance(hit, etree._ElementUnicodeResult) else hit
        if items is None or el is None or not isinstance(el, etree._Element) or owner(el) is item:
            yield hit


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def page_charset(data: bytes) -> str:
    """The charset a page's bytes decode with: the one it declares, else UTF-8, else Windows-1252."""
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    for charset in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8"]:
        try:
            data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
        return charset
    return "cp1252"


def decode_page(data: bytes) -> str:
    """Page bytes as text (see page_charset), without an XML declaration lxml would refuse."""
    return re.sub(r"^\s*<\?xml[^>]*>", "", data.decode(page_charset(data), errors="replace"))


REPLY_LABEL = ".//a[contains(@class, 'reply')]/@aria-label | .//a[contains(@class, 'reply')]/@data-replyto"
REPLY_TO = re.compile(r"(?:Reply to|Antworte auf|Responder para|Responder a|Répondre à|Rispondi a|Antwoord op)\s+(.+)$")


def page_gold(spec: dict[str, Any]) -> dict[str, Any]:
    """Gold record for one HTML page, from its sites.toml entry."""
    path = ROOT / spec["file"]
    doc = html.fromstring(decode_page(read_bytes(path)))
    url = spec.get("url") or first_string(doc, "//link[@rel='canonical']/@href|//meta[@property='og:url']/@content")
    title = spec.get("title") or first_string(doc, "//meta[@property='og:title']/@content|//title")
    comments: list[dict[str, Any]] = []
    notes: list[str] = []
    if spec.get("has_comments", False):
        comments, notes = page_comments(doc, spec)
    return {
        "file": spec["file"],
        "kind": "html",
        "system": spec["system"],
        "url": url,
        "title": title,
        "has_comments": bool(comments),
        "documents": [{"key": url or spec["file"], "title": title, "url": url, "comments": comments}],
        "_notes": notes,
    }


def page_comments(doc: etree._Element, spec: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    items: list[etree._Element] = doc.xpath(xpath_macros(spec["item"]))
    item_set = set(items)
    notes: list[str] = []

    def owner(el: etree._Element) -> etree._Element | None:
        while el is not None:
            if el in item_set:
                return el
            el = el.getparent()
        return None

    def enclosing(item: etree._Element) -> etree._Element | None:
        parent = item.getparent()
        return owner(parent) if parent is not None else None

    ids: dict[etree._Element, str | None] = {}
    for n, item in enumerate(items):
        raw = first_string(item, spec.get("id"))
        if raw and spec.get("id_regex"):
            found = re.search(spec["id_regex"], raw)
            raw = found.group(1) if found else None
        ids[item] = raw or f"#{n}"

    by_id = {ids[item]: item for item in items}
    mode = spec.get("parent", "nesting")
    stack: list[etree._Element] = []  # for flat lists that state depth only
    comments = []
    checked = 0  # authors confirmed by their reply link's label
    depth_of: dict[etree._Element, int] = {}
    for item in items:
        parent_item: etree._Element | None
        if mode == "nesting":
            parent_item = enclosing(item)
        elif mode == "level":
            # flat markup: the XPath `level` says how deep the comment is (Drupal: the number of
            # div.indented around it; a class such as comment--indented); the parent is the
            # latest comment one level up
            level = int(item.xpath(xpath_macros(spec["level"])))
            del stack[level:]
            parent_item = stack[-1] if stack else None
            stack.append(item)
        else:  # an XPath giving the parent's id
            pid = first_string(item, mode)
            if pid and spec.get("parent_regex"):
                found = re.search(spec["parent_regex"], pid)
                pid = found.group(1) if found else None
            parent_item = by_id.get(pid) if pid else None
            if pid and parent_item is None and pid not in spec.get("root_parent_ids", ["0"]):
                notes.append(f"parent {pid} of {ids[item]} not on page")
        depth = 0 if parent_item is None else depth_of[parent_item] + 1
        depth_of[item] = depth
        # the item's own class, or its list item's where the item is the <article> inside it
        holder = item if item.tag == "li" else next(iter(item.xpath("ancestor::li[1]")), item)
        check = re.search(r"\bdepth-(\d+)\b", item.get("class", "") + " " + holder.get("class", ""))
        if check and int(check.group(1)) - 1 != depth:
            notes.append(f"{ids[item]}: depth-{check.group(1)} class but nesting depth {depth}")
        skip = {other for other in items if other is not item}
        for expr in spec.get("text_exclude", []):
            skip.update(owned(item, item.xpath(xpath_macros(expr)), item_set, owner))
        text_nodes = [h for h in owned(item, item.xpath(xpath_macros(spec["text"])), item_set, owner)]
        lines = [line for node in text_nodes for line in lines_of(node, skip)]
        for pattern in spec.get("text_drop_lines", []):
            lines = [line for line in lines if not re.fullmatch(pattern, line)]
        raw_date = first_string(item, spec.get("date"), item_set, owner)
        if raw_date and spec.get("date_epoch_ms_regex"):  # Blogger: ?showComment=<epoch ms>
            found = re.search(spec["date_epoch_ms_regex"], raw_date)
            raw_date = epoch_ms_iso(int(found.group(1))) if found else None
        author = first_string(item, spec.get("author"), item_set, owner)
        if author and spec.get("author_regex"):
            found = re.search(spec["author_regex"], author)
            author = found.group(1).strip() if found else author
        staff = bool(item.xpath(xpath_macros(spec["staff"]))) if spec.get("staff") else False
        for label in owned(item, item.xpath(REPLY_LABEL), item_set, owner):
            # cross-check: WordPress labels its reply link "Reply to NAME" in the site's language
            named = REPLY_TO.match(" ".join(str(label).split()))
            checked += bool(named)
            if named and named.group(1) != author:
                notes.append(f"{ids[item]}: author {author!r} but reply link says {named.group(1)!r}")
            break
        comments.append({
            "id": None if ids[item].startswith("#") else ids[item],
            "parent": None if parent_item is None or ids[parent_item].startswith("#") else ids[parent_item],
            "author": author,
            "date": to_iso(raw_date, spec.get("day_first", True)),
            "text": "\n".join(lines),
            "depth": depth,
            "staff": staff,
        })  # fmt: skip
    if checked:
        notes.append(f"cross-check: {checked} authors compared with their reply link's label")
    return comments, notes


# --------------------------------------------------------------------------- exports

WP_NS = "http://wordpress.org/export/1.2/"
DSQ = "{http://disqus.com}"
DSQI = "{http://disqus.com/disqus-internals}"


def fragment_text(markup: str | None) -> str:
    """Whitespace-normalised text of an HTML fragment; a bare newline in it is a line break."""
    if not markup or not markup.strip():
        return ""
    root = html.fragment_fromstring(markup, create_parent="div")
    return "\n".join(lines_of(root, set(), keep_newlines=True))


def thread_depths(comments: list[dict[str, Any]]) -> None:
    """Depth within the default view (orphans of filtered or missing parents are top level)."""
    default = {c["id"]: c for c in comments if c["default"]}
    everyone = {c["id"]: c for c in comments}

    def depth(c: dict[str, Any], pool: dict[str, dict[str, Any]], seen: int = 0) -> int:
        parent = pool.get(c["parent"]) if c["parent"] else None
        return 0 if parent is None or seen > 1000 else depth(parent, pool, seen + 1) + 1

    for c in comments:
        c["depth"] = depth(c, default if c["default"] else everyone)


def wxr_date(gmt: str | None, local: str | None) -> str | None:
    """ISO 8601 of a WXR comment date: the GMT one (marked Z) unless WordPress left it zero."""
    gmt, local = (gmt or "").strip(), (local or "").strip()
    if gmt and not gmt.startswith("0000"):
        return gmt.replace(" ", "T") + "Z"
    return local.replace(" ", "T") if local and not local.startswith("0000") else None


def wxr_gold(spec: dict[str, Any]) -> dict[str, Any]:
    root = etree.fromstring(read_bytes(ROOT / spec["file"]), etree.XMLParser(resolve_entities=False, no_network=True))
    wp = "{%s}" % (root.nsmap.get("wp") or WP_NS)  # export/1.0, 1.1 and 1.2 all occur
    author_ids = {a.findtext(f"{wp}author_login"): (a.findtext(f"{wp}author_id") or "").strip()
                  for a in root.iter(f"{wp}author")}  # fmt: skip
    documents = []
    for item in root.iter("item"):
        # staff as WordPress's bypostauthor: the comment's user is the post's author
        post_author = author_ids.get(item.findtext("{http://purl.org/dc/elements/1.1/}creator"))
        comments = []
        for c in item.findall(f"{wp}comment"):
            ctype = (c.findtext(f"{wp}comment_type") or "").strip() or "comment"
            status = {"1": "approved", "0": "pending"}.get(c.findtext(f"{wp}comment_approved") or "", "")
            status = status or (c.findtext(f"{wp}comment_approved") or "").strip()
            parent = (c.findtext(f"{wp}comment_parent") or "0").strip()
            comments.append({
                "id": (c.findtext(f"{wp}comment_id") or "").strip(),
                "parent": None if parent in ("", "0") else parent,
                "author": (c.findtext(f"{wp}comment_author") or "").strip() or None,
                "date": wxr_date(c.findtext(f"{wp}comment_date_gmt"), c.findtext(f"{wp}comment_date")),
                "text": fragment_text(c.findtext(f"{wp}comment_content")),
                "staff": bool(post_author) and (c.findtext(f"{wp}comment_user_id") or "").strip() == post_author,
                "type": ctype,
                "status": status,
                "default": ctype == "comment" and status == "approved",
            })  # fmt: skip
        thread_depths(comments)
        link = (item.findtext("link") or "").strip() or None
        documents.append({
            "key": (item.findtext(f"{wp}post_id") or link or "").strip(),
            "title": (item.findtext("title") or "").strip() or None,
            "url": link,
            "post_type": (item.findtext(f"{wp}post_type") or "").strip(),
            "comments": comments,
        })  # fmt: skip
    return export_record(spec, "wxr", documents, root.findtext("channel/link"), root.findtext("channel/title"))


def disqus_gold(spec: dict[str, Any]) -> dict[str, Any]:
    root = etree.fromstring(read_bytes(ROOT / spec["file"]), etree.XMLParser(resolve_entities=False, no_network=True))
    threads: dict[str, dict[str, Any]] = {}
    documents: dict[str, dict[str, Any]] = {}
    for t in root.findall(f"{DSQ}thread"):
        link = (t.findtext(f"{DSQ}link") or "").strip()
        key = link or (t.findtext(f"{DSQ}id") or "").strip()
        doc = documents.setdefault(key, {
            "key": key, "title": (t.findtext(f"{DSQ}title") or "").strip() or None, "url": link or None,
            "thread_ids": [], "comments": [],
            "_owner": (t.findtext(f"{DSQ}author/{DSQ}username") or "").strip(),
        })  # fmt: skip
        doc["thread_ids"].append(t.get(f"{DSQI}id"))
        threads[t.get(f"{DSQI}id") or ""] = doc
    for p in root.findall(f"{DSQ}post"):
        deleted = (p.findtext(f"{DSQ}isDeleted") or "").strip() == "true"
        spam = (p.findtext(f"{DSQ}isSpam") or "").strip() == "true"
        parent_el = p.find(f"{DSQ}parent")
        thread_el = p.find(f"{DSQ}thread")
        doc = threads[thread_el.get(f"{DSQI}id") if thread_el is not None else ""]
        doc["comments"].append({
            "id": p.get(f"{DSQI}id"),
            "parent": parent_el.get(f"{DSQI}id") if parent_el is not None else None,
            "author": (p.findtext(f"{DSQ}author/{DSQ}name") or "").strip() or None,
            "date": (p.findtext(f"{DSQ}createdAt") or "").strip() or None,
            "text": fragment_text(p.findtext(f"{DSQ}message")),
            # staff as WordPress's bypostauthor: the post's author is the thread's (the site owner)
            "staff": bool(doc["_owner"]) and (p.findtext(f"{DSQ}author/{DSQ}username") or "").strip() == doc["_owner"],
            "type": "comment",
            "status": "deleted" if deleted else "spam" if spam else "approved",
            "default": not deleted and not spam,
        })  # fmt: skip
    for doc in documents.values():
        thread_depths(doc["comments"])
        del doc["_owner"]
    return export_record(spec, "disqus", list(documents.values()), None, None)


def export_record(spec: dict[str, Any], kind: str, documents: list[dict[str, Any]], url: str | None,
                  title: str | None) -> dict[str, Any]:  # fmt: skip
    return {
        "file": spec["file"],
        "kind": kind,
        "system": spec["system"],
        "url": (url or "").strip() or None,
        "title": (title or "").strip() or None,
        "has_comments": any(c["default"] for d in documents for c in d["comments"]),
        "documents": documents,
        "_notes": [],
    }


def load_sites(path: Path) -> dict[str, Any]:
    """A recipe file; the presets and repositories of this folder's sites.toml are shared by every corpus."""
    sites = tomllib.loads(path.read_text(encoding="utf-8"))
    if path.resolve() != (HERE / "sites.toml").resolve():
        shared = tomllib.loads((HERE / "sites.toml").read_text(encoding="utf-8"))
        for key in ("preset", "repo"):
            sites[key] = {**shared.get(key, {}), **sites.get(key, {})}
    return sites


def all_gold(sites: dict[str, Any], only: str | None = None) -> Iterable[dict[str, Any]]:
    presets = sites.get("preset", {})
    for spec in sites.get("page", []):
        if only and only not in spec["file"]:
            continue
        merged = {**presets.get(spec.get("preset", ""), {}), **spec}
        yield page_gold(merged)
    for spec in sites.get("export", []):
        if only and only not in spec["file"]:
            continue
        yield wxr_gold(spec) if spec["kind"] == "wxr" else disqus_gold(spec)


TABLE_START, TABLE_END = "<!-- table: written by make_gold.py -->", "<!-- end of table -->"


def write_sources_table(sites: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Refresh the per-file provenance table in SOURCES.md (the prose around it is hand-written)."""
    gold = {rec["file"]: rec for rec in records}
    rows = ["| file | source repository | path in it | commit | licence | system | has comments | comments |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for spec in sites.get("page", []) + sites.get("export", []):
        repo = sites["repo"][spec["repo"]]
        rec = gold[spec["file"]]
        count = sum(1 for d in rec["documents"] for c in d["comments"] if c.get("default", True))
        commit = spec.get("commit", repo["commit"])[:12]
        rows.append(f"| `{spec['file']}` | {spec['repo']} | `{spec['path']}` | {commit} | "
                    f"{spec.get('licence', repo['licence'])} | {spec['system']} | "
                    f"{'yes' if rec['has_comments'] else 'no'} | {count} |")  # fmt: skip
    sources = ROOT / "SOURCES.md"
    text = sources.read_text(encoding="utf-8")
    head, _, rest = text.partition(TABLE_START)
    _, _, tail = rest.partition(TABLE_END)
    sources.write_text(f"{head}{TABLE_START}\n" + "\n".join(rows) + f"\n{TABLE_END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print counts and cross-checks, write nothing")
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("--show", action="store_true", help="print each comment (with --only)")
    parser.add_argument("--corpus", type=Path, default=HERE,
                        help="a corpus laid out as this folder (pages/, sites.toml, SOURCES.md); default: this folder")
    parser.add_argument("--sites", type=Path, help="read the recipes from this file instead of the corpus's sites.toml")
    args = parser.parse_args()
    global ROOT
    ROOT = args.corpus.resolve()
    sites = load_sites(args.sites or ROOT / "sites.toml")
    expected = {spec["file"]: spec.get("expected_count") for spec in sites.get("page", [])}
    records = list(all_gold(sites, args.only))
    for rec in records:
        comments = [c for d in rec["documents"] for c in d["comments"]]
        depth = max((c["depth"] for c in comments), default=-1)
        want = expected.get(rec["file"])
        flag = "" if want is None or want == len(comments) else f"  EXPECTED {want}"
        print(f"{rec['file']:60} {len(comments):5} comments  max depth {depth}"
              f"  staff {sum(c['staff'] for c in comments)}  no-date {sum(not c['date'] for c in comments)}"
              f"  no-author {sum(not c['author'] for c in comments)}{flag}")  # fmt: skip
        for note in rec["_notes"][:5]:
            print("    note:" if not note.startswith("cross-check") else "   ", note)
        if args.show:
            for c in comments:
                print(f"  {'  ' * c['depth']}[{c['id']}<-{c['parent']}] {c['author']!r} {c['date']} "
                      f"staff={c['staff']}: {c['text'][:100]!r}")  # fmt: skip
    if not args.check and not args.only:
        write_sources_table(sites, records)
        gold = ROOT / "gold.jsonl"
        with gold.open("w", encoding="utf-8") as out:
            for rec in records:
                rec = {k: v for k, v in rec.items() if not k.startswith("_")}
                out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        print(f"wrote {gold}: {len(records)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
