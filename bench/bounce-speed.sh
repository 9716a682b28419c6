#!/bin/sh
# Speed of the bounce classifier: parses and classifies the corpus messages (read once into memory) over
# and over on ONE thread, `java -jar target/listserv.jar bounce-classify --speed ROUNDS FILE...`, and
# prints each round and the median of the rounds after the first (warm-up), as messages per second of
# wall time and per second of the thread's CPU time (the fair figure on a machine shared with other work).
# Usage: bench/bounce-speed.sh [rounds]   (default 7)   corpus: BOUNCE_CORPUS (default ../shared/bounce-corpus)
set -e
cd "$(dirname "$0")/.."
CORPUS="${BOUNCE_CORPUS:-../shared/bounce-corpus}"
if [ ! -f target/listserv.jar ] || [ -n "$(find src/main pom.xml -newer target/listserv.jar -print -quit)" ]; then
  ./mvnw -q -B package -DskipTests
fi
find "$CORPUS" -name '*.eml' -print0 | sort -z \
  | xargs -0 java -XX:ActiveProcessorCount=1 -jar target/listserv.jar bounce-classify --speed "${1:-7}"
