#!/usr/bin/env bash
# The statistics' benchmark (docs/PERFORMANCE.md, "Statistics"), on a copy of the engine's
# 1,000,000-case database (BENCH_DB, default qiqing_bench_stats; make it with
# createdb -T qiqing_bench_engine): rebuilds every rollup from the histories and times it;
# then, in one run, the counts at c=8 (Load.java stats), and the lifecycle of cases at c=32
# with the rollups kept live and with them off (qiqing.statistics.live=false), same load.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-qiqing_bench_stats}
PORT=${BENCH_PORT:-18208}
SECONDS_EACH=${BENCH_SECONDS:-30}
JAR=${BENCH_JAR:-target/qiqing-0.1.0-SNAPSHOT.jar}
OUT=bench/out/statistics
mkdir -p "$OUT"
env_db() {
	SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QIQING_DB_USER=postgres "$@"
}
start() {
	# exec: $! is then the JVM itself, which stop() ends (the subshell of a function run with & would
	# leave it running)
	env_db exec java -Xmx512m -jar "$JAR" --server.port="$PORT" --qiqing.timers.enabled=false "$@" > "$OUT/node.log" 2>&1 &
	NODE=$!
	until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; do sleep 1; done
	# warm the JIT up on the same load, unmeasured
	java bench/Load.java "http://127.0.0.1:$PORT" lifecycle 32 "${BENCH_WARMUP:-30}" > /dev/null
}
stop() { kill "$NODE"; wait "$NODE" || true; }

echo "== rebuild from the histories"
started=$(date +%s)
env_db java -Xmx4g -jar "$JAR" --server.port=0 --rebuild-statistics 2>&1 | grep -E "statistics rebuilt|ERROR" | tee "$OUT/rebuild.txt"
echo "rebuild: $(( $(date +%s) - started )) s on the wall (with the node's start)" | tee -a "$OUT/rebuild.txt"

echo "== counts from the rollups, c=8"
start
java bench/Load.java "http://127.0.0.1:$PORT" stats 8 "$SECONDS_EACH" | tee "$OUT/stats.txt"
echo "== the same counts, c=1 (beside the GROUP BY below)"
java bench/Load.java "http://127.0.0.1:$PORT" stats 1 "$SECONDS_EACH" | tee "$OUT/stats-c1.txt"
echo "== the same questions by GROUP BY over the cases and their events, at the database (best of 3)"
# What a client without rollups would run for the county dispatcher's figures: the states now, the
# year's and the month's steps by kind (and by unit); times from psql's \timing, without HTTP.
county=/330400/330421/%
for question in \
	"states:select state, count(*) from cases c where c.region_path like '$county' group by state" \
	"year:select e.action, count(*) from case_event e join cases c on c.id = e.case_id where c.region_path like '$county' and e.at >= now() - interval '1 year' group by e.action" \
	"by-unit:select c.lead_unit_id, e.action, count(*) from case_event e join cases c on c.id = e.case_id where c.region_path like '$county' and e.at >= date_trunc('month', now()) group by 1, 2"; do
	best=$(for _ in 1 2 3; do
		printf '\\timing on\n%s;\n' "${question#*:}" | psql -h 127.0.0.1 -U postgres -X -q -d "$DB" \
			| awk '/^Time:/ {print $2}'
	done | sort -n | head -1)
	echo "group-by ${question%%:*}: $best ms" | tee -a "$OUT/group-by.txt"
done
echo "== steps with the rollups kept live, c=32"
java bench/Load.java "http://127.0.0.1:$PORT" lifecycle 32 "$SECONDS_EACH" | tee "$OUT/live.txt"
stop
echo "== steps with the rollups off, c=32"
start --qiqing.statistics.live=false
java bench/Load.java "http://127.0.0.1:$PORT" lifecycle 32 "$SECONDS_EACH" | tee "$OUT/off.txt"
stop
