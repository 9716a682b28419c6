#!/bin/sh
# Render + MIME assembly of personalised campaign messages on one core (one thread, pinned with taskset when
# available). Usage: bench/render-benchmark.sh [messages-per-run] [runs]   (defaults 200000 and 3)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
exec $PIN java -Xmx512m -XX:ActiveProcessorCount=1 -cp "$CP" org.listserv.composing.RenderBenchmark "$@"
