#!/usr/bin/env bash
# The offline sync of one phone (bench/VisitSync.java): N visits queued in headless Chromium with the
# network cut, sent when it returns, against the same N requests sent from the JVM. Needs Debian's
# chromium and chromium-driver. Starts the embedded default (H2, the demo) on BENCH_PORT in a scratch
# directory unless BENCH_URL names a running application with the demo logins.
#
#   bench/visit-sync.sh [N]     # N = 500
#
# BENCH_JAR: another build to measure (main's, for a before/after in one sitting); BENCH_JVM_OPTS:
# more options for the application's JVM, e.g. a flight recording:
#   BENCH_JVM_OPTS=-XX:StartFlightRecording=filename=bench/out/visit-sync.jfr bench/visit-sync.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
PORT=${BENCH_PORT:-18091}
OUT=bench/out
mkdir -p "$OUT"
JAR=${BENCH_JAR:-target/qiqing-0.1.0-SNAPSHOT.jar}
if [ -n "${BENCH_JAR:-}" ]; then
	./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-classpath.txt" >&2
else
	./mvnw -q -B -ntp -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-classpath.txt" >&2
fi
URL=${BENCH_URL:-}
if [ -z "$URL" ]; then
	URL=http://localhost:$PORT
	rm -rf "$OUT/visit-sync-db"
	# shellcheck disable=SC2086
	java -Xmx512m ${BENCH_JVM_OPTS:-} -jar "$JAR" --server.port="$PORT" \
		--spring.datasource.url="jdbc:h2:file:./$OUT/visit-sync-db/qiqing;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH" \
		> "$OUT/visit-sync-app.log" 2>&1 &
	APP=$!
	trap 'kill $APP 2>/dev/null || true' EXIT
	# Up once it has loaded the demo and printed the logins.
	for _ in $(seq 1 300); do
		grep -q 'ENTERPRISE' "$OUT/visit-sync-app.log" && break
		sleep 1
	done
fi
echo "jar: $JAR; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$(cat "$OUT/test-classpath.txt")" bench/VisitSync.java "$URL" "$N" | tee "$OUT/visit-sync.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
