#!/bin/sh
# The send-campaign job end to end (snapshot, keyset read, render, MIME, SMTP, ledger) to a local SMTP sink
# that only accepts (FakeSmtpServer, in the test JVM), on the embedded PostgreSQL.
# Usage: bench/send-benchmark.sh [members] [runs]   (defaults 20000 and 3); heap: HEAP=256m
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=SendBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.members="${1:-20000}" -Dbench.runs="${2:-3}" -DargLine="-Xmx${HEAP:-256m} -Dbench.members=${1:-20000} -Dbench.runs=${2:-3}" \
  | grep BENCH || true
grep -h BENCH target/surefire-reports/*SendBenchmark*-output.txt target/surefire-reports/TEST-*SendBenchmark.xml 2>/dev/null | sort -u
