#!/bin/sh
# Re-render the hand-written pages in pages/ with the four converters (needs lynx, w3m and the
# html2text and inscriptis packages):  sh tests/data/converters/render.sh
cd "$(dirname "$0")"
PY=${PYTHON:-python}
for page in pages/*.html; do
  name=$(basename "$page" .html)
  lynx -dump -force_html -width=80 -display_charset=utf-8 "$page" | sed 's|file://[^ ]*/pages/|file:///pages/|g' > lynx/$name.txt
  w3m -dump -T text/html -cols 80 -O utf-8 "$page" > w3m/$name.txt
  $PY -c "import html2text,sys; print(html2text.HTML2Text().handle(open(sys.argv[1]).read()))" "$page" > html2text/$name.txt
  $PY -c "import inscriptis,sys; print(inscriptis.get_text(open(sys.argv[1]).read()))" "$page" > inscriptis/$name.txt
done
