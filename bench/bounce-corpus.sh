#!/bin/sh
# Accuracy of the bounce classifier on the shared real-world corpus (sisimai's set-of-emails, read in place,
# never copied): runs `java -jar target/listserv.jar bounce-classify` over every message listed in
# expected.tsv and prints recipients found %, hard/soft/none agreement %, reason agreement % and the
# disagreements. Builds the jar first if it is missing or older than the sources.
# Usage: bench/bounce-corpus.sh        corpus: BOUNCE_CORPUS (default ../shared/bounce-corpus)
set -e
cd "$(dirname "$0")/.."
CORPUS="${BOUNCE_CORPUS:-../shared/bounce-corpus}"
if [ ! -r "$CORPUS/expected.tsv" ]; then
  echo "No corpus at $CORPUS (set BOUNCE_CORPUS)" >&2
  exit 1
fi
if [ ! -f target/listserv.jar ] || [ -n "$(find src/main pom.xml -newer target/listserv.jar -print -quit)" ]; then
  ./mvnw -q -B package -DskipTests
fi
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
# one file per line, relative to the corpus, as expected.tsv names them
cut -f1 "$CORPUS/expected.tsv" | tail -n +2 | sort -u | sed "s|^|$CORPUS/|" | tr '\n' '\0' \
  | xargs -0 java -jar target/listserv.jar bounce-classify > "$OUT"
python3 bench/bounce-score.py "$CORPUS/expected.tsv" < "$OUT"
