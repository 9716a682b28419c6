#!/bin/sh
# The global sending rate in wall-clock time: 40 messages at 20/s (burst 1) through the send job to a local
# SMTP sink (FakeSmtpServer, in the test JVM), on the embedded PostgreSQL. Prints the BENCH line; fails if
# the send went faster than the rate allows. (The integration tests assert the bucket's arithmetic only.)
# Usage: bench/global-rate.sh
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=GlobalRateBenchmark -Dsurefire.failIfNoSpecifiedTests=false | grep BENCH || true
grep -h BENCH target/surefire-reports/*GlobalRateBenchmark*-output.txt 2>/dev/null | sort -u
