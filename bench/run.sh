#!/usr/bin/env bash
# Builds the engine and runs the Detect benchmark on one core with a 256 MB heap limit.
# Usage: bench/run.sh [findings] [epss-rows]   (defaults: 100000 300000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mvn -B -q -f "$root/pom.xml" -pl bench -am package -DskipTests -Dspotbugs.skip=true \
  -Djacoco.skip=true -Dspotless.check.skip=true
classpath="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
exec java -Xmx256m -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -cp "$classpath" \
  io.patchpipeline.bench.DetectBenchmark "$work" "${1:-100000}" "${2:-300000}"
