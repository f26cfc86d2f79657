"""Render every corpus page to text the way users do: lynx, w3m, html2text, inscriptis.

Writes benchmarks/real/dumps/<converter>/<page>.txt.gz (converters' default settings; lynx and
w3m at 80 columns, told the page's charset) and dumps/VERSIONS.txt. The gold for a dump is
the gold of its page in gold.jsonl.

Run:  /work/venv/bin/python benchmarks/real/render_dumps.py [--corpus DIR]   (needs the lynx and w3m packages)
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import html2text
import inscriptis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_gold import HERE, decode_page, page_charset, read_bytes


def lynx(path: Path, charset: str) -> str:
    cmd = ["lynx", "-dump", "-force_html", "-width=80", f"-assume_charset={charset}", "-display_charset=utf-8"]
    return run([*cmd, str(path)])


def w3m(path: Path, charset: str) -> str:
    return run(["w3m", "-dump", "-T", "text/html", "-cols", "80", "-I", charset, "-O", "UTF-8", str(path)])


def run(cmd: list[str]) -> str:
    done = subprocess.run(cmd, capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8", errors="replace")


def with_html2text(path: Path, charset: str) -> str:
    return html2text.HTML2Text().handle(decode_page(path.read_bytes()))


def with_inscriptis(path: Path, charset: str) -> str:
    return inscriptis.get_text(decode_page(path.read_bytes()))


CONVERTERS: dict[str, Callable[[Path, str], str]] = {
    "lynx": lynx,
    "w3m": w3m,
    "html2text": with_html2text,
    "inscriptis": with_inscriptis,
}


def tool_versions() -> str:
    lynx_v = run(["lynx", "-version"]).splitlines()[0]
    w3m_v = run(["w3m", "-version"]).splitlines()[0]
    return (f"lynx: {lynx_v}\nw3m: {w3m_v}\nhtml2text: {version('html2text')}\n"
            f"inscriptis: {version('inscriptis')}\n")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE,
                        help="a corpus laid out as this folder; default: this folder")
    corpus = parser.parse_args().corpus
    dumps = corpus / "dumps"
    pages = sorted((corpus / "pages").glob("*.html.gz"))
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            data = read_bytes(page)
            raw = Path(tmp) / page.name.removesuffix(".gz")
            raw.write_bytes(data)
            charset = page_charset(data)
            for name, convert in CONVERTERS.items():
                out = dumps / name / page.name.replace(".html.gz", ".txt.gz")
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(gzip.compress(convert(raw, charset).encode("utf-8"), 9, mtime=0))
    (dumps / "VERSIONS.txt").write_text(tool_versions(), encoding="utf-8")
    print(f"rendered {len(pages)} pages with {', '.join(CONVERTERS)} into {dumps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
