#!/bin/sh
# Accuracy of the bounce classifier on the shared real-world corpus (sisimai's set-of-emails, read in place,
# never copied): runs `java -jar target/listserv.jar bounce-classify` over every message listed in
# expected.tsv and prints recipients found %, hard/soft/none agreement %, reason agreement % and the
# disagreements. Builds the jar first if it is missing or older than the sources.
# Usage: bench/bounce-corpus.sh [--part all|tune|held-out]     corpus: BOUNCE_CORPUS (default ../shared/bounce-corpus)
# --part scores only the tuning or the held-out part of the corpus (the split rule is in bounce-score.py:
# per file, stratified by MTA family, 40% held out by a SHA-256 of the path). Tune on `tune`; look at
# `held-out` only at checkpoints, and never fix a held-out file by itself.
set -e
PART=all
if [ "$1" = "--part" ]; then PART="$2"; fi
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
python3 bench/bounce-score.py "$CORPUS/expected.tsv" --part "$PART" --list | sed "s|^|$CORPUS/|" | tr '\n' '\0' \
  | xargs -0 java -jar target/listserv.jar bounce-classify > "$OUT"
python3 bench/bounce-score.py "$CORPUS/expected.tsv" --part "$PART" < "$OUT"
