#!/bin/sh
# The media library's upload check on the largest images it takes (just under 40 million pixels): the time
# per check and that it fits in a 64 MB heap, plus the time to refuse a decompression bomb's header.
# Usage: bench/media-check-benchmark.sh [runs]   (default 5)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
java -Xmx512m -cp "$CP" org.listserv.media.MediaCheckBenchmark make
PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
exec $PIN java -Xmx64m -XX:ActiveProcessorCount=1 -cp "$CP" org.listserv.media.MediaCheckBenchmark check "${1:-5}"
