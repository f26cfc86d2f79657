"""Peak memory and speed of the WXR and Disqus readers on generated exports of growing size.

Each export is generated once into the cache folder (posts of ~40 comments, replies nested; in
the Disqus file the posts of all threads are interleaved, as real exports have them), then read
in a fresh process that reports its peak resident memory (VmHWM). Flat memory means the peak
does not grow with the file.

    PYTHONPATH=src python benchmarks/exports.py --sizes 100,2000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from _benchutil import DEFAULT_CACHE, MIB, peak_mib

WORDS = ("calcium bone density vitamin walking fluoride water kefir diet strontium supplement doctor "
         "question study result protein osteoporosis exercise yoga balance").split()


def sentence(n: int) -> str:
    return " ".join(WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(12 + n % 30)) + "?"


def generate_wxr(path: Path, megabytes: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
                  'modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/'
                  'export/1.2/"><channel><title>Bench</title><wp:author><wp:author_id>1</wp:author_id>'
                  "<wp:author_login>admin</wp:author_login></wp:author>\n")
        post, cid = 0, 0
        while out.tell() < megabytes * MIB:
            post += 1
            out.write(f"<item><title>Post {post}</title><link>https://bench.example/{post}/</link><dc:creator>admin"
                      f"</dc:creator><content:encoded><![CDATA[<p>{sentence(post)}</p>]]></content:encoded>"
                      f"<wp:post_id>{post}</wp:post_id><wp:post_type>post</wp:post_type>\n")
            first = cid + 1
            for k in range(40):
                cid += 1
                parent = 0 if k % 4 == 0 else cid - 1
                out.write(f"<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>Reader {cid % 500}"
                          f"</wp:comment_author><wp:comment_date_gmt>2021-03-04 09:15:00</wp:comment_date_gmt>"
                          f"<wp:comment_content><![CDATA[{sentence(cid)}]]></wp:comment_content><wp:comment_approved>"
                          f"1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>"
                          f"{parent if parent >= first else 0}</wp:comment_parent><wp:comment_user_id>"
                          f"{1 if k % 9 == 8 else 0}</wp:comment_user_id></wp:comment>\n")
            out.write("</item>\n")
        out.write("</channel></rss>\n")


def generate_disqus(path: Path, megabytes: int) -> None:
    threads = max(1, megabytes * 25)  # about 40 posts a thread
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                  'xmlns:dsq="http://disqus.com/disqus-internals">\n')
        for t in range(threads):
            out.write(f'<thread dsq:id="t{t}"><link>https://bench.example/{t}/</link><title>Page {t}</title>'
                      "<isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n")
        n = 0
        while out.tell() < megabytes * MIB:
            n += 1
            t, k = n % threads, n // threads
            parent = f'<parent dsq:id="{n - threads}"/>' if k % 4 and n > threads else ""
            out.write(f'<post dsq:id="{n}"><message><![CDATA[<p>{sentence(n)}</p>]]></message><createdAt>'
                      f"2021-03-04T09:15:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author>"
                      f'<name>Reader {n % 500}</name></author><thread dsq:id="t{t}"/>{parent}</post>\n')
        out.write("</disqus>\n")


def child(kind: str, path: Path) -> None:
    """Read one export (in this fresh process) and print what it found and the peak memory."""
    from commentscope.readers.disqus import DisqusReader
    from commentscope.readers.wxr import WxrReader

    reader = WxrReader() if kind == "wxr" else DisqusReader()
    baseline = peak_mib()  # the package and its imports (pandas, nltk) before any reading
    started = time.perf_counter()
    documents = comments = 0
    for doc in reader.read(path):
        documents += 1
        comments += len(doc.comments)
    seconds = time.perf_counter() - started
    print(json.dumps({"documents": documents, "comments": comments, "seconds": seconds, "baseline_mib": baseline,
                      "peak_mib": peak_mib()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500", help="export sizes in MB, comma-separated")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    args.cache.mkdir(parents=True, exist_ok=True)
    print("| export | size (MB) | documents | comments | seconds | MB/s | RSS after imports (MiB) | peak RSS (MiB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind, generate in (("wxr", generate_wxr), ("disqus", generate_disqus)):
        for megabytes in (int(s) for s in args.sizes.split(",")):
            path = args.cache / f"bench-{kind}-{megabytes}mb.xml"
            if not path.exists():
                generate(path, megabytes)
            run = subprocess.run([sys.executable, __file__, "--child", kind, str(path)],
                                 capture_output=True, text=True, check=True)
            found = json.loads(run.stdout)
            size = path.stat().st_size / MIB
            print(f"| {kind} | {size:,.0f} | {found['documents']:,} | {found['comments']:,} | "
                  f"{found['seconds']:.1f} | {size / found['seconds']:.1f} | {found['baseline_mib']:.0f} | "
                  f"{found['peak_mib']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
