#!/usr/bin/env bash
# The statistics of a province over a decade (issue 16; docs/PERFORMANCE.md, "Statistics at
# 10,000,000 cases"), on a database made by
#   BENCH_DB=qiqing_bench_10m BENCH_SHAPE=province BENCH_SESSIONS=4 BENCH_SCRATCH=0 bench/run.sh generate 10000000
#
#   bench/statistics-10m.sh rebuild      # --rebuild-statistics, timed, beside PostgreSQL reading the same
#                                        # rows it streams (the baseline); the rows it wrote
#   bench/statistics-10m.sh dashboards   # at c=8: a cheap API call (the baseline), the measures of this month
#                                        # (the dashboard's API) and the /dashboard page of the province's
#                                        # leader and of a county's dispatcher; then the plain GROUP BY over
#                                        # the cases and their events that answers the same questions (psql,
#                                        # best of 3, c=1), and the ratios
#   bench/statistics-10m.sh freeze       # the province's last month frozen by its top administrator
#                                        # (POST /api/v1/assessment/months/{month}/freeze), timed
#   bench/statistics-10m.sh all          # the three in order
#
# Every figure with the load average of the machine. Environment: BENCH_DB (qiqing_bench_10m),
# BENCH_PORT (18208), BENCH_SECONDS (30), BENCH_CONCURRENCY (8), BENCH_TOP (330000, the province),
# BENCH_COUNTY (330421), BENCH_MONTH (last month, for the freeze), BENCH_JAR, HEAP (the node's, 1g).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-qiqing_bench_10m}
PORT=${BENCH_PORT:-18208}
SECONDS_EACH=${BENCH_SECONDS:-30}
C=${BENCH_CONCURRENCY:-8}
TOP=${BENCH_TOP:-330000}
COUNTY=${BENCH_COUNTY:-330421}
JAR=${BENCH_JAR:-target/qiqing-0.1.0-SNAPSHOT.jar}
OUT=bench/out/statistics-10m
PG="psql -h 127.0.0.1 -U postgres -X -q -d $DB"
mkdir -p "$OUT"

say() { echo "$@" | tee -a "$OUT/summary.txt"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
env_db() {
	SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QIQING_DB_USER=postgres "$@"
}
# the node in the background: exec, so that $! is the JVM itself and stop() ends it (a function run
# with & is a subshell, whose end would leave the JVM running)
node() {
	SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QIQING_DB_USER=postgres exec "$@"
}
start() {
	# the port must be free: a node left by an earlier run would answer instead
	if curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; then echo "port $PORT is taken" >&2; exit 1; fi
	node java -Xmx${HEAP:-1g} -jar "$JAR" --server.port="$PORT" --qiqing.timers.enabled=false \
		--qiqing.assessment.enabled=false > "$OUT/node.log" 2>&1 &
	NODE=$!
	until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; do
		kill -0 "$NODE" 2> /dev/null || { echo "the node did not start: see $OUT/node.log" >&2; exit 1; }
		sleep 1
	done
}
stop() { kill "$NODE"; wait "$NODE" || true; }
# psql's best time of 3 for a statement, in ms
best_of_3() {
	for _ in 1 2 3; do
		printf '\\timing on\n%s;\n' "$1" | $PG | awk '/^Time:/ {print $2}'
	done | sort -n | head -1
}

rebuild() {
	say "== rebuild, $DB: $($PG -tAc "select count(*) from cases") cases, $($PG -tAc "select count(*) from case_event") events"
	# The baseline: PostgreSQL reading the rows the rebuild streams (CaseHistories' statement, a range of
	# 10,000 cases at a time) to nowhere.
	say "rebuild: load before the baseline $(load)"
	local last=$($PG -tAc "select max(id) from cases") first
	for ((first = 1; first <= last; first += 10000)); do
		echo "\\copy (select e.case_id, e.seq, e.action, e.actor_id, e.at, e.from_state, e.to_state, e.facts, c.number, c.region_path, c.kind, c.channel, c.category_id, c.region_code, c.created_at, c.state, c.lead_unit_id, c.due_date, c.outcome, c.rating, c.assigned_at from case_event e join cases c on c.id = e.case_id where e.case_id between $first and $((first + 9999)) and c.id between $first and $((first + 9999)) order by e.case_id, e.seq) to '/dev/null'"
	done > "$OUT/read-histories.sql"
	local started=$(date +%s.%N)
	$PG -f "$OUT/read-histories.sql"
	local read=$(echo "$(date +%s.%N) - $started" | bc)
	say "$(printf 'rebuild: baseline, the histories read by PostgreSQL alone (\\copy to /dev/null, a range of cases at a time): %.0f s, load after %s' "$read" "$(load)")"
	started=$(date +%s.%N)
	env_db java -Xmx4g -Xlog:gc:file="$OUT/rebuild-gc.log" ${REBUILD_JAVA_OPTS:-} -jar "$JAR" --server.port=0 \
		--rebuild-statistics > "$OUT/rebuild.log" 2>&1 || { echo "the rebuild failed: see $OUT/rebuild.log" >&2; exit 1; }
	local took=$(echo "$(date +%s.%N) - $started" | bc)
	say "rebuild: $(grep -o 'statistics rebuilt.*' "$OUT/rebuild.log")"
	say "$(printf 'rebuild: %.0f s on the wall with the JVM'"'"'s start, %.1f x the baseline; load after %s; rows: stat_rollup %s, stat_month %s, stat_state %s' \
		"$took" "$(echo "$took / $read" | bc -l)" "$(load)" "$($PG -tAc "select count(*) from stat_rollup")" \
		"$($PG -tAc "select count(*) from stat_month")" "$($PG -tAc "select count(*) from stat_state")")"
	$PG -c "vacuum analyze stat_rollup, stat_month, stat_state" > /dev/null
}

# p95 in ms of one Load.java run: MODE PERSON
p95() {
	local line
	line=$(java bench/Load.java "http://127.0.0.1:$PORT" "$1" "$C" "$SECONDS_EACH" "$COUNTY" "$2" | tee -a "$OUT/load.txt" \
		| grep ' p95 ' | head -1)
	say "$line (load $(load))"
	echo "$line" | sed -E 's/.* p95 +([0-9.]+) ms.*/\1/' > "$OUT/last-p95"
}

dashboards() {
	say "== dashboards, $DB, c=$C, ${SECONDS_EACH} s each after 10 s unmeasured; load before $(load) ($(nproc) cores)"
	start
	# Warm the JIT on every request, unmeasured.
	for who in "bench.leader.$TOP" "bench.dispatcher.$COUNTY"; do
		java bench/Load.java "http://127.0.0.1:$PORT" measures 4 20 "$COUNTY" "$who" > /dev/null
		java bench/Load.java "http://127.0.0.1:$PORT" dashboard 4 20 "$COUNTY" "$who" > /dev/null
	done
	java bench/Load.java "http://127.0.0.1:$PORT" unread "$C" "$SECONDS_EACH" "$COUNTY" | grep ' p95 ' | head -1 \
		| sed 's/$/ (the baseline: an API call that reads one count)/' | tee -a "$OUT/summary.txt"
	local baseline=$(grep -o 'p95 *[0-9.]* ms' "$OUT/summary.txt" | tail -1 | sed -E 's/p95 +([0-9.]+) ms/\1/')
	declare -A measured
	for who in "bench.leader.$TOP" "bench.dispatcher.$COUNTY"; do
		for mode in measures dashboard; do
			p95 "$mode" "$who"
			measured[$mode:$who]=$(cat "$OUT/last-p95")
			say "$(printf '  %s of %s: p95 %.1f x the baseline' "$mode" "$who" "$(echo "${measured[$mode:$who]} / $baseline" | bc -l)")"
		done
	done
	stop
	# The same questions by GROUP BY over the cases and their events: the month's steps by kind (what the
	# measures count), the states now, and the units' month (the dashboard's ranking), each for the
	# province and the county.
	local top_path=$($PG -tAc "select path from region where code = '$TOP'")
	local county_path=$($PG -tAc "select path from region where code = '$COUNTY'")
	for scope in "bench.leader.$TOP:$top_path" "bench.dispatcher.$COUNTY:$county_path"; do
		local who=${scope%%:*} path=${scope#*:}
		local month=$(best_of_3 "select e.action, count(*) from case_event e join cases c on c.id = e.case_id where c.region_path like '$path%' and e.at >= date_trunc('month', now()) group by e.action")
		local states=$(best_of_3 "select state, count(*) from cases c where c.region_path like '$path%' group by state")
		local units=$(best_of_3 "select c.lead_unit_id, e.action, count(*) from case_event e join cases c on c.id = e.case_id where c.region_path like '$path%' and e.at >= date_trunc('month', now()) group by 1, 2")
		say "$(printf 'group-by %s (best of 3, c=1): the month'"'"'s steps by kind %s ms, the states now %s ms, the month by unit %s ms; load %s' \
			"$path" "$month" "$states" "$units" "$(load)")"
		say "$(printf '  ratio, the month'"'"'s steps by GROUP BY (c=1) to the measures'"'"' p95 (c=%d) of %s: %.0f' "$C" "$who" \
			"$(echo "$month / ${measured[measures:$who]}" | bc -l)")"
		say "$(printf '  ratio, the month'"'"'s steps and by unit by GROUP BY (c=1, both) to the dashboard page'"'"'s p95 (c=%d) of %s: %.1f' "$C" "$who" \
			"$(echo "($month + $units) / ${measured[dashboard:$who]}" | bc -l)")"
	done
}

freeze() {
	local month=${BENCH_MONTH:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}
	say "== freeze of $month by bench.admin.$TOP, $DB; load before $(load)"
	start
	# the baseline: the same statement the freeze starts with (MonthlyMeasures.fromRollups), alone
	local grouped=$(best_of_3 "select unit_id, region_code, region_path, measure, sum(n) from stat_month where in_month = date '$month-01' and unit_role = 'L' and measure <> 'RESOLVE_DAYS' group by 1, 2, 3, 4")
	local started=$(date +%s.%N)
	curl -sS -o "$OUT/freeze.json" -w '%{http_code}' -X POST -H "Authorization: Bearer qq_bench_bench.admin.$TOP" \
		"http://127.0.0.1:$PORT/api/v1/assessment/months/$month/freeze" > "$OUT/freeze.status"
	local took=$(echo "$(date +%s.%N) - $started" | bc)
	say "$(printf 'freeze %s: HTTP %s in %.1f s; the month'"'"'s grouped rows alone (psql, best of 3) %s ms, ratio %.0f; load after %s; %s' "$month" \
		"$(cat "$OUT/freeze.status")" "$took" "$grouped" "$(echo "$took * 1000 / $grouped" | bc -l)" "$(load)" \
		"$(head -c 200 "$OUT/freeze.json")")"
	say "freeze: $($PG -tAc "select results || ' results, ' || adjustments || ' adjustments' from assessment_month where month_start = date '$month-01'")"
	stop
}

case "${1:-all}" in
	rebuild) rebuild ;;
	dashboards) dashboards ;;
	freeze) freeze ;;
	all) rebuild; dashboards; freeze ;;
	*) echo "usage: bench/statistics-10m.sh rebuild|dashboards|freeze|all" >&2; exit 2 ;;
esac
