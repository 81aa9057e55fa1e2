#!/usr/bin/env bash
# The benchmarks of the case engine: see bench/README.md. Prints its figures and writes them to
# bench/out/summary.txt. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and pgbench.
#
#   bench/run.sh all                # everything below, in order
#   bench/run.sh generate [CASES]   # a fresh database qiqing_bench with CASES cases (1,000,000)
#                                   # (BENCH_SHAPE=province: a province over a decade, generate.sql;
#                                   # BENCH_SESSIONS=N: N sessions at once, each a range of the cases)
#   bench/run.sh pgbench            # the database's own rate for the shape of a step, c=8 and c=32
#   bench/run.sh load               # the application under HTTP load, c=8 and c=32, each run right after
#                                   # pgbench at the same concurrency
#   bench/run.sh verify             # --verify-history=all over the whole database at -Xmx256m
#   bench/run.sh timers             # recompute 1M time states, sweep 100,000 due timers
#   bench/run.sh startup            # the embedded default's startup time
#   bench/run.sh imports            # 100,000 enterprises from a CSV and an XLSX file through the API
#   bench/run.sh desk               # the board, the supervision desk and the inbox of 100,000 notices,
#                                   # c=8, beside the /queue page (BENCH_DESK_DB, qiqing_bench_desk)
#   bench/run.sh ledger             # a county's cases (142,857) as an .xlsx ledger at -Xmx256m, beside COPY
#   bench/run.sh discipline         # discipline work at 100x the seed's 2015 (issue 15): the figures at c=8,
#                                   # an inspection with 5 photos synced, the ledger of findings at -Xmx256m
#   bench/run.sh coverage           # linkage coverage: its own city (100,000 enterprises, 20,000 links,
#                                   # 1,000,000 visits) in qiqing_bench_coverage, pgbench baseline, HTTP load
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-qiqing_bench}
PG="psql -h 127.0.0.1 -U postgres -X -q"
PORT=${BENCH_PORT:-18080}
SECONDS_EACH=${BENCH_SECONDS:-30}
WARMUP=${BENCH_WARMUP:-120}
CASES=${2:-1000000}
OUT=bench/out
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt

say() { echo "$@" | tee -a "$SUMMARY"; }

# The jar, built again when the sources changed since the last build here (the jar's own time is fixed
# by the reproducible build, so a stamp file keeps the build's time).
jar() {
	if [ ! -f target/qiqing-0.1.0-SNAPSHOT.jar ] || [ ! -f "$OUT/built" ] \
		|| [ -n "$(find src pom.xml -newer "$OUT/built" -print -quit)" ]; then
		./mvnw -q -B -ntp -DskipTests package >&2
		touch "$OUT/built"
	fi
	echo target/qiqing-0.1.0-SNAPSHOT.jar
}

start_app() {
	SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QIQING_DB_USER=postgres \
		java -Xmx${HEAP:-512m} ${JAVA_OPTS:-} -jar "${BENCH_JAR:-$(jar)}" --server.port="$PORT" --qiqing.timers.initial-delay=1s \
		${APP_ARGS:-} > "$OUT/app.log" 2>&1 &
	APP=$!
	for _ in $(seq 1 360); do
		curl -s -o /dev/null "http://127.0.0.1:$PORT/login" && return 0
		sleep 0.5
	done
	echo "the application did not start: see $OUT/app.log" >&2
	exit 1
}

stop_app() {
	kill "$APP" 2>/dev/null || true
	wait "$APP" 2>/dev/null || true
}

generate() {
	$PG -c "drop database if exists $DB" -c "create database $DB"
	start_app # Flyway makes the schema
	stop_app
	local started=$(date +%s.%N)
	local gen="$PG -d $DB -v cases=$CASES -v enterprises=100000 -v shape=${BENCH_SHAPE:-city} -f bench/generate.sql"
	local sessions=${BENCH_SESSIONS:-1}
	if [ "$sessions" = 1 ]; then
		$gen > "$OUT/generate.log"
	else # the cases in as many ranges, each chained and written by a session of its own
		$gen -v part=setup > "$OUT/generate.log"
		local pids=() s
		for s in $(seq 0 $((sessions - 1))); do
			$gen -v part=cases -v first=$((CASES * s / sessions + 1)) -v last=$((CASES * (s + 1) / sessions)) \
				> "$OUT/generate-$s.log" &
			pids+=($!)
		done
		for s in "${pids[@]}"; do wait "$s"; done
		$gen -v part=finish >> "$OUT/generate.log"
	fi
	local took=$(echo "$(date +%s.%N) - $started" | bc)
	say "$(printf 'generate: %d cases, %s events, in %.0f s' "$CASES" \
		"$($PG -d "$DB" -tAc 'select count(*) from case_event')" "$took")"
	# The generated chains are the application's: its own check must pass on a sample.
	for n in 1 $((CASES / 2)) "$CASES"; do
		local number=$($PG -d "$DB" -tAc "select number from cases where id = $n")
		SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QIQING_DB_USER=postgres \
			java -Xmx512m -jar "$(jar)" --server.port=0 --verify-history="$number" > "$OUT/verify.log" 2>&1 \
			|| { echo "history of $number does not verify: see $OUT/verify.log" >&2; exit 1; }
	done
	say "generate: hash chains of 3 sampled cases verified by the application (--verify-history)"
	[ "${BENCH_SCRATCH:-1}" = 0 ] || scratch_events # pgbench's copy of case_event (BENCH_SCRATCH=0: none)
}

# The whole history checked by the application in constant memory: every case, event, number and
# fact, at -Xmx256m (docs/PERFORMANCE.md, "Verifying the history").
verify_history() {
	local started=$(date +%s.%N)
	SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QIQING_DB_USER=postgres \
		java -Xmx256m -Xlog:gc:file="$OUT/verify-gc.log" -jar "$(jar)" --server.port=0 --verify-history=all \
		> "$OUT/verify-all.log" 2>&1 || { echo "the history does not verify: see $OUT/verify-all.log" >&2; exit 1; }
	say "$(printf 'verify: %s in %.0f s at -Xmx256m (the JVM started and stopped included)' \
		"$(grep -o 'History intact.*' "$OUT/verify-all.log")" "$(echo "$(date +%s.%N) - $started" | bc)")"
}

pgbench_rates() {
	for c in 8 32; do
		pgbench_rate "$c"
	done
}

# pgbench with pgbench/step.sql at concurrency C for the seconds of a load run; says its rate and keeps it
# for the ratio. `load` runs it just before each load run, on the database as that run finds it: a pgbench
# run on the freshly generated database gave 5,996 tps at c=32, and 4,200-4,560 after the load runs of
# an hour had grown and bloated it.
pgbench_rate() {
	local c=$1
	scratch_events
	settle
	pgbench -h 127.0.0.1 -U postgres -n -c "$c" -j 2 -T "$SECONDS_EACH" -D cases="$CASES" \
		-f bench/pgbench/step.sql "$DB" > "$OUT/pgbench-c$c.txt" 2>"$OUT/pgbench-c$c.err"
	local tps=$(awk '/^tps/ {print $3; exit}' "$OUT/pgbench-c$c.txt")
	echo "$tps" > "$OUT/pgbench-c$c"
	say "pgbench: step shape c=$c: $tps tps, latency average $(awk '/^latency average/ {print $4; exit}' "$OUT/pgbench-c$c.txt") ms"
}

# Vacuums what the runs write, so that each run starts from the same state and none pays for the dead rows
# of the one before: pgbench's 130,000 updates of cases left autovacuum to work through the next run.
settle() {
	$PG -d "$DB" -c "vacuum analyze cases, case_event, case_timer, bench_step_event, idempotent_request, notification" > /dev/null
}

# The table pgbench appends its events to, made once: a copy of case_event with the same keys, as large,
# so that an event costs pgbench what it costs the application (an empty table took them faster), while
# the generated histories stay intact.
scratch_events() {
	[ "$($PG -d "$DB" -tAc "select to_regclass('bench_step_event') is not null")" = t ] && return
	$PG -d "$DB" -c "create table bench_step_event (like case_event including defaults including identity)" \
		-c "insert into bench_step_event select * from case_event" \
		-c "alter table bench_step_event add primary key (id)" \
		-c "create index on bench_step_event (case_id, seq)" \
		-c "select setval(pg_get_serial_sequence('bench_step_event', 'id'), (select max(id) from bench_step_event))" \
		-c "vacuum analyze bench_step_event" > /dev/null
}

# Seconds the node's JIT compilers have spent so far.
jit_seconds() {
	jcmd "$APP" PerfCounter.print 2>/dev/null | awk -F= '/^java.ci.totalTime=/ {t = $2} /^sun.os.hrt.frequency=/ {f = $2}
		END {printf "%.1f", t / f}'
}

# Runs Load.java and says how long the JIT compiled during its run.
measure() {
	local before=$(jit_seconds)
	java bench/Load.java "http://127.0.0.1:$PORT" "$@" | tee "$OUT/load.txt" | tee -a "$SUMMARY"
	say "$(printf '  (the JIT compiled for %.1f s during these %d s)' "$(echo "$(jit_seconds) - $before" | bc -l)" "$((SECONDS_EACH + 10))")"
}

# The node is measured warm: on two cores, beside the load and the database, its JIT compiler
# needs about two minutes of traffic before the code of a request is compiled; until then a
# step costs the node about twice the processor time.
warm_up() {
	local started=$(jit_seconds)
	java bench/Load.java "http://127.0.0.1:$PORT" lifecycle 32 "$WARMUP" > /dev/null
	java bench/Load.java "http://127.0.0.1:$PORT" queue 8 20 > /dev/null
	say "$(printf 'warm-up: lifecycle at c=32 for %d s and the queue for 20 s, unmeasured; the JIT compiled for %.1f s of them' \
		"$WARMUP" "$(echo "$(jit_seconds) - $started" | bc -l)")"
}

load() {
	scratch_events
	start_app
	warm_up
	for c in 8 32; do
		pgbench_rate "$c"
		settle
		measure lifecycle "$c" "$SECONDS_EACH"
		cp "$OUT/load.txt" "$OUT/lifecycle-c$c.txt"
		local steps=$(awk '/all-steps/ {print $5; exit}' "$OUT/lifecycle-c$c.txt" | tr -d '/s')
		say "$(printf 'ratio: HTTP steps %s/s against pgbench %s tps at c=%d: %.1f %%' "$steps" "$(cat "$OUT/pgbench-c$c")" "$c" \
			"$(echo "100 * $steps / $(cat "$OUT/pgbench-c$c")" | bc -l)")"
	done
	pgbench_rate 32
	settle
	measure create 32 "$SECONDS_EACH"
	local creates=$(awk '/ create / {print $5; exit}' "$OUT/load.txt" | tr -d '/s')
	say "$(printf 'ratio: creates %s/s against pgbench %s tps at c=32: %.1f %%' "$creates" "$(cat "$OUT/pgbench-c32")" \
		"$(echo "100 * $creates / $(cat "$OUT/pgbench-c32")" | bc -l)")"
	measure queue 8 "$SECONDS_EACH"
	stop_app
}

timers() {
	local open=$($PG -d "$DB" -tAc "select count(*) from cases where limit_at is not null")
	$PG -d "$DB" -f bench/timers.sql > "$OUT/timers.log"
	local changed=$(awk '/^Time:/ {print $2}' "$OUT/timers.log" | sed -n 1p)
	local all=$(awk '/^Time:/ {print $2}' "$OUT/timers.log" | sed -n 2p)
	say "$(printf 'timers: time states of all %d cases (%d running a clock) recomputed in one UPDATE: %.1f s writing the changed ones, %.1f s rewriting every one' \
		"$CASES" "$open" "$(echo "$changed / 1000" | bc -l)" "$(echo "$all / 1000" | bc -l)")"
	# 100,000 open cases whose yellow timer is due; the application's sweep fires them. The urgings of
	# an earlier run go first, so that every run writes all of its notices.
	$PG -d "$DB" -c "delete from case_timer" -c "delete from notification where notice_key like 'case:%:yellow:%'" \
		-c "delete from notification_outbox where notice_key like 'case:%:yellow:%'" -c "insert into case_timer (case_id, kind, cycle, fire_at)
		select id, 'YELLOW', limit_cycle, now() - interval '1 minute' from cases
		where state in ('ASSIGNED', 'IN_PROGRESS') order by id limit 100000"
	start_app
	local started=$(date +%s.%N)
	until [ "$($PG -d "$DB" -tAc "select count(*) from case_timer where fired_at is null")" = 0 ]; do sleep 0.5; done
	local took=$(echo "$(date +%s.%N) - $started" | bc)
	stop_app
	say "$(printf 'timers: 100,000 due timers swept in %.1f s (%s fired, %s skipped; one per case and cycle: %s rows)' "$took" \
		"$($PG -d "$DB" -tAc "select count(*) from case_timer where not skipped")" \
		"$($PG -d "$DB" -tAc "select count(*) from case_timer where skipped")" \
		"$($PG -d "$DB" -tAc "select count(distinct (case_id, kind, cycle)) from case_timer")")"
	timer_lag
}

# Timer lag beside the engine's load: 20,000 timers fall due over 30 s while Load.java walks cases
# at c=8; the lag of each is fired_at - fire_at.
timer_lag() {
	$PG -d "$DB" -c "delete from case_timer" -c "delete from notification where notice_key like 'case:%:yellow:%'" \
		-c "delete from notification_outbox where notice_key like 'case:%:yellow:%'"
	start_app
	$PG -d "$DB" -c "insert into case_timer (case_id, kind, cycle, fire_at)
		select id, 'YELLOW', limit_cycle, now() + interval '12 seconds' + random() * interval '30 seconds' from cases
		where state in ('ASSIGNED', 'IN_PROGRESS') and id > 500000 order by id limit 20000"
	java bench/Load.java "http://127.0.0.1:$PORT" lifecycle 8 "$SECONDS_EACH" > "$OUT/lag-load.txt"
	# Only the 20,000: the cases the load walks set timers of their own, due days later.
	until [ "$($PG -d "$DB" -tAc "select count(*) from case_timer where fired_at is null and case_id <= $CASES")" = 0 ]; do
		sleep 0.5
	done
	stop_app
	say "$(printf 'timers: lag of 20,000 timers due during the lifecycle load at c=8 (%s): %s' \
		"$(awk '/all-steps/ {print $5; exit}' "$OUT/lag-load.txt")" \
		"$($PG -d "$DB" -tAc "select format('p50 %s s, p95 %s s, p99 %s s, max %s s', round(p[1]::numeric, 2), round(p[2]::numeric, 2),
			round(p[3]::numeric, 2), round(m::numeric, 2)) from (select percentile_cont(array[0.5, 0.95, 0.99]) within group
			(order by extract(epoch from fired_at - fire_at)) p, max(extract(epoch from fired_at - fire_at)) m from case_timer
			where case_id <= $CASES) l")")"
}

startup() {
	local dir=$(mktemp -d)
	local app=$(realpath "$(jar)")
	for run in first second third; do
		serve "$dir" "$run" "java -jar" -jar "$app"
	done
	# The same jar extracted, with a class-data-sharing archive recorded by one training run (the
	# recipe of README.md, "Start faster"): the classes come mapped from the archive, not parsed.
	java -Djarmode=tools -jar "$app" extract --destination "$dir/extracted" > /dev/null
	local extracted=$dir/extracted/$(basename "$app")
	(cd "$dir" && java -Xmx512m -XX:ArchiveClassesAtExit=qiqing.jsa -Dspring.context.exit=onRefresh -jar "$extracted" \
		--server.port="$PORT" > "$dir/training.log" 2>&1)
	for run in second third; do
		serve "$dir" "$run" "extracted, CDS archive" -XX:SharedArchiveFile=qiqing.jsa -jar "$extracted"
	done
	rm -rf "$dir"
}

# Starts the embedded default in DIR with the given java arguments and prints how long it took until it
# printed its URL and logins (after loading the demo on the first run) and the processor time spent,
# which a busy machine stretches less than the time on the wall.
serve() {
	local dir=$1 run=$2 how=$3; shift 3
	local log="$dir/app-$run-${how// /-}.log"
	local started=$(date +%s.%N)
	(cd "$dir" && exec java -Xmx512m "$@" --server.port="$PORT" > "$log" 2>&1) &
	local pid=$!
	until grep -q "Qiqing is running" "$log" 2>/dev/null; do sleep 0.1; done
	local took=$(echo "$(date +%s.%N) - $started" | bc)
	local cpu=$(ps -o times= -p "$pid" | tr -d ' ')
	local said=$(grep -o 'Started QiqingApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1)
	say "$(printf 'startup (%s run, %s%s): serving after %.1f s, %s s of processor time (Spring: %s s; load %s)' \
		"$run" "$how" \
		"$([ "$run" = first ] && echo ', loading the demo' || true)" "$took" "$cpu" "$said" "$(cut -d' ' -f1 /proc/loadavg)")"
	kill "$pid"; wait "$pid" 2>/dev/null || true
}

# Imports at scale: IMPORT_ROWS (100,000) enterprises from one CSV and one XLSX file through the HTTP API
# into a fresh database, the node at -Xmx256m (constant memory: the heap must not grow with the file).
# The yardstick is PostgreSQL's own COPY of the same CSV into a scratch table with the same indexes.
imports() {
	local DB=${BENCH_IMPORT_DB:-qiqing_bench_imports} HEAP=${HEAP:-256m} rows=${IMPORT_ROWS:-100000}
	local files=$OUT/imports token="Authorization: Bearer qq_bench_bench.admin"
	$PG -c "drop database if exists $DB" -c "create database $DB"
	java bench/ImportFiles.java "$files" "$rows"
	say "imports: $rows enterprises, CSV $(du -h "$files/enterprises.csv" | cut -f1), XLSX $(du -h "$files/enterprises.xlsx" | cut -f1), node -Xmx$HEAP, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	mkdir -p "$files"
	JAVA_OPTS="-Xlog:gc:file=$files/gc.log" start_app # Flyway makes the schema
	$PG -d "$DB" -f bench/imports-setup.sql > /dev/null
	$PG -d "$DB" -c "create table bench_enterprise_copy (like enterprise including defaults including identity including indexes)"
	local started=$(date +%s.%N)
	$PG -d "$DB" -c "\\copy bench_enterprise_copy ($(head -1 "$files/enterprises.csv")) from '$files/enterprises.csv' csv header"
	local copy=$(echo "$(date +%s.%N) - $started" | bc)
	say "$(printf 'imports: COPY of the CSV into a scratch table: %.1f s, %.0f rows/s (the yardstick)' "$copy" "$(echo "$rows / $copy" | bc -l)")"
	import_file "CSV, new enterprises" "$files/enterprises.csv" "$copy"
	import_file "CSV again, every row an update" "$files/enterprises.csv" "$copy"
	$PG -d "$DB" -c "delete from enterprise"
	import_file "XLSX, new enterprises" "$files/enterprises.xlsx" "$copy"
	# Past visits and links of those enterprises, by the officials bench.visitor.0 to 9.
	import_file "CSV, $rows past visits" "$files/visits.csv" "$copy" /api/v1/visits/import
	import_file "the same visits again, nothing stored twice" "$files/visits.csv" "$copy" /api/v1/visits/import
	import_file "CSV, $rows links" "$files/links.csv" "$copy" /api/v1/links/import
	import_file "the same links again, each kept" "$files/links.csv" "$copy" /api/v1/links/import
	say "imports: stored $($PG -d "$DB" -tAc "select count(*) from visit") visits and $($PG -d "$DB" -tAc "select count(*) from link") links"
	stop_app
}

# The same first import on the embedded default (H2 file database, no demo), to compare with PostgreSQL.
imports_h2() {
	local dir=$(mktemp -d) rows=${IMPORT_ROWS:-100000} files=$OUT/imports token="Authorization: Bearer qq_bench_bench.admin"
	local app=$(realpath "${BENCH_JAR:-$(jar)}")
	[ -f "$files/enterprises.csv" ] || java bench/ImportFiles.java "$files" "$rows"
	(cd "$dir" && exec java -Xmx${HEAP:-256m} -Xlog:gc:file="$dir/gc.log" -jar "$app" --server.port="$PORT" \
		--qiqing.demo.enabled=false > "$dir/app.log" 2>&1) &
	APP=$!
	until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 0.5; done
	unzip -q -o -j "$app" 'BOOT-INF/lib/h2-*.jar' -d "$dir"
	# H2 has no sha256(): the token's hash is computed here.
	sed "s/encode(sha256(convert_to('qq_bench_' || username, 'UTF8')), 'hex')/'$(printf qq_bench_bench.admin | sha256sum | cut -d' ' -f1)'/" \
		bench/imports-setup.sql | grep -v '^.set ON_ERROR_STOP' > "$dir/setup.sql"
	java -cp "$dir"/h2-*.jar org.h2.tools.RunScript -url "jdbc:h2:file:$dir/data/qiqing;AUTO_SERVER=TRUE;MODE=PostgreSQL" \
		-user sa -script "$dir/setup.sql"
	local started=$(date +%s.%N)
	curl -sS -o "$OUT/imports/report.json" -H "$token" -F "file=@$files/enterprises.csv" "http://127.0.0.1:$PORT/api/v1/enterprises/import"
	local took=$(echo "$(date +%s.%N) - $started" | bc)
	say "$(printf 'imports: H2, CSV, new enterprises: %.1f s, %.0f rows/s, heap at most %s, load %s; answer %s' "$took" \
		"$(echo "$rows / $took" | bc -l)" "$(grep -o '[0-9]*M->[0-9]*M' "$dir/gc.log" | tr -d M | awk -F'->' \
		'$1 > b {b = $1} $2 > a {a = $2} END {printf "%d MB, live after GC %d MB", b, a}')" "$(cut -d' ' -f1 /proc/loadavg)" \
		"$(head -c 120 "$OUT/imports/report.json")")"
	stop_app
	rm -rf "$dir"
}

# Posts one file to the import; prints time, rate, ratio to COPY and the heap from the node's GC log
# (no sampler process, which would take CPU from the node): the most it held before a collection,
# and the most that survived one, the live set, which must not grow with the file.
import_file() {
	local what=$1 file=$2 copy=$3 endpoint=${4:-/api/v1/enterprises/import} gc=$OUT/imports/gc.log
	local seen=$(wc -l < "$gc")
	local started=$(date +%s.%N)
	curl -sS -o "$OUT/imports/report.json" -H "$token" -F "file=@$file" "http://127.0.0.1:$PORT$endpoint"
	local took=$(echo "$(date +%s.%N) - $started" | bc)
	local heap=$(tail -n +"$((seen + 1))" "$gc" | grep -o '[0-9]*M->[0-9]*M' | tr -d M | awk -F'->' \
		'$1 > b {b = $1} $2 > a {a = $2} END {printf "%d MB, live after GC %d MB", b, a}')
	say "$(printf 'imports: %s: %.1f s, %.0f rows/s, %.1f x the COPY time, heap at most %s, load %s; answer %s' "$what" "$took" \
		"$(echo "$rows / $took" | bc -l)" "$(echo "$took / $copy" | bc -l)" "$heap" "$(cut -d" " -f1 /proc/loadavg)" \
		"$(head -c 120 "$OUT/imports/report.json")")"
}

# The coverage of links (挂联走访): a city of its own in $COVERAGE_DB, then the bare SQL of the city's coverage
# under pgbench and the API and page of the city, a county and a person under CoverageLoad.java, at the same
# concurrency, with the load of the machine before and after.
coverage() {
	local DB=${BENCH_COVERAGE_DB:-qiqing_bench_coverage}
	local c=${BENCH_COVERAGE_CONCURRENCY:-8}
	if [ -z "${BENCH_COVERAGE_KEEP:-}" ]; then # BENCH_COVERAGE_KEEP=1 measures the city generated before
		$PG -c "drop database if exists $DB" -c "create database $DB"
		start_app
		stop_app
		local started=$(date +%s.%N)
		$PG -d "$DB" -v enterprises=100000 -v links=20000 -v visits=1000000 -f bench/coverage.sql > "$OUT/coverage-generate.log"
		say "$(printf 'coverage: generated (enterprises | links | visits | groups) %s in %.0f s' \
			"$(grep -A2 'enterprises |' "$OUT/coverage-generate.log" | tail -1 | tr -s ' ')" "$(echo "$(date +%s.%N) - $started" | bc)")"
	fi
	say "coverage: load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
	pgbench -h 127.0.0.1 -U postgres -n -c "$c" -j 2 -T "$SECONDS_EACH" -f bench/pgbench/coverage.sql -l \
		--log-prefix="$OUT/coverage-pgbench" "$DB" > "$OUT/coverage-pgbench.txt" 2>&1
	say "$(cat "$OUT"/coverage-pgbench.*[0-9] | awk '{print $3 / 1000}' | sort -n | awk -v c="$c" -v s="$SECONDS_EACH" \
		'{a[NR] = $1} END {printf "coverage: bare SQL of the city (the per-link query, 20,000 rows) c=%d: %.1f q/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms", c, NR / s, a[int(NR * 0.5)], a[int(NR * 0.95)], a[int(NR * 0.99)]}')"
	rm -f "$OUT"/coverage-pgbench.*[0-9]
	local person=$($PG -d "$DB" -tAc "select id from person where username = 'bench.visitor.330421.7'")
	# Every request computed (the cache off), then as configured (a coverage is kept for a minute).
	for cache in 0s 60s; do
		APP_ARGS="--qiqing.linkage.coverage-cache=$cache" start_app
		say "coverage: qiqing.linkage.coverage-cache=$cache"
		java bench/CoverageLoad.java "http://127.0.0.1:$PORT" "$c" "$SECONDS_EACH" \
			"city-api=token:bench.admin:/api/v1/coverage?region=330400" \
			"city-page=login:bench.admin:/coverage?region=330400" \
			"county-api=token:bench.leader.330421:/api/v1/coverage?region=330421" \
			"person-api=token:bench.leader.330421:/api/v1/coverage?person=$person" \
			| tee -a "$SUMMARY"
		stop_app
		# The next start must not find this one still answering on the port.
		while curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 0.5; done
	done
	say "coverage: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The desk's pages (issue 14) on a generated database (BENCH_DESK_DB, by default a copy made with
# createdb -T of the generated one): desk-setup.sql adds the city's supervisor and 100,000 notices of
# the county's dispatcher; then each page at c=8, the dispatcher's /queue page first as the baseline of
# the pages; then, on a node that counts at every request (qiqing.desk.count-cache=0s), what one count
# of the board's columns and of the desk's tally costs (c=1).
desk() {
	local DB=${BENCH_DESK_DB:-qiqing_bench_desk}
	local PG="$PG -d $DB"
	$PG -f bench/desk-setup.sql > "$OUT/desk-setup.log"
	$PG -c "vacuum analyze notification" -c "vacuum analyze cases" > /dev/null
	say "desk: $DB, $($PG -tAc "select count(*) from cases") cases, $($PG -tAc "select count(*) from cases where time_state in ('YELLOW', 'RED')") yellow or red, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	start_app
	# Warm: every page a while, so that the JIT has compiled them and each count is made once.
	for mode in queue-page board board-column desk desk-filtered desk-city inbox unread; do
		java bench/Load.java "http://127.0.0.1:$PORT" "$mode" 4 "${BENCH_DESK_WARMUP:-15}" > /dev/null
	done
	for mode in queue-page board board-column desk desk-filtered desk-city inbox unread queue-page; do
		measure "$mode" 8 "$SECONDS_EACH"
	done
	stop_app
	APP_ARGS="--qiqing.desk.count-cache=0s" start_app
	for mode in board desk desk-city; do
		java bench/Load.java "http://127.0.0.1:$PORT" "$mode" 1 20 > /dev/null
		measure "$mode" 1 "$SECONDS_EACH"
	done
	stop_app
	say "desk: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The case list's ledger (issue 16): every case of a county (142,857 on the generated database) as an
# .xlsx through GET /api/v1/cases/export on a node at -Xmx256m, three times, beside PostgreSQL's own
# COPY of the same rows (the baseline: what reading them costs without the node and the file).
ledger() {
	local county=${BENCH_COUNTY:-330421}
	HEAP=256m JAVA_OPTS="-XX:+ExitOnOutOfMemoryError" start_app
	local token="qq_bench_bench.dispatcher.$county"
	for run in 1 2 3; do
		local started=$(date +%s.%N)
		curl -s -f -o "$OUT/ledger.xlsx" -H "Authorization: Bearer $token" \
			"http://127.0.0.1:$PORT/api/v1/cases/export?region=$county" || { echo "export failed: see $OUT/app.log" >&2; exit 1; }
		local took=$(echo "$(date +%s.%N) - $started" | bc)
		local copy_started=$(date +%s.%N)
		$PG -d "$DB" -c "\\copy (select c.number, c.kind, c.state, c.priority, c.channel, c.title, e.name, u.name, c.region_code, c.time_state, c.due_date, c.limit_at, c.updated_at from cases c left join enterprise e on e.id = c.enterprise_id left join unit u on u.id = c.lead_unit_id where c.region_path like (select path from region where code = '$county') || '%' order by c.updated_at desc, c.id desc) to '/dev/null'"
		local copy=$(echo "$(date +%s.%N) - $copy_started" | bc)
		local rows=$(python3 -c "import zipfile,re;z=zipfile.ZipFile('$OUT/ledger.xlsx');print(len(re.findall(rb'<row ', z.read('xl/worksheets/sheet1.xml')))-1)")
		say "$(printf 'ledger: run %d, %d rows, %.1f s at -Xmx256m (%s bytes); COPY of the same rows %.2f s; ratio %.1f' \
			"$run" "$rows" "$took" "$(stat -c %s "$OUT/ledger.xlsx")" "$copy" "$(echo "$took / $copy" | bc -l)")"
	done
	say "ledger: OutOfMemoryError in the node's log: $(grep -c OutOfMemoryError "$OUT/app.log" || true) times"
	stop_app
}

# Discipline work (issue 15) at 100 times the seed's 2015 (BENCH_DISCIPLINE_SCALE, 100: 27,100 actions,
# 288,300 inspections, 44,900 findings, 18,500 people held accountable) in its own database
# (BENCH_DISCIPLINE_DB, qiqing_bench_discipline): generate.sql for the city, its units and people (with
# BENCH_DISCIPLINE_CASES cases, 10,000, for the findings' rectification items to point at), then
# discipline.sql; then, on one node at -Xmx256m: the figures page and API of the city's inspector at
# c=8 (target p95 < 200 ms), an inspection with one finding and 5 photos synced from a phone's queue
# (BENCH_DISCIPLINE_SYNCS, 200, c=1; target p95 < 1 s) and sent again, and the ledger of the year's
# findings as .xlsx (target < 5 s) beside COPY of the same rows. A tiny smoke run at 1/100:
#   BENCH_DISCIPLINE_SCALE=1 BENCH_DISCIPLINE_CASES=100 BENCH_SECONDS=5 BENCH_DISCIPLINE_SYNCS=10 bench/run.sh discipline
discipline() {
	local DB=${BENCH_DISCIPLINE_DB:-qiqing_bench_discipline}
	local scale=${BENCH_DISCIPLINE_SCALE:-100}
	local c=${BENCH_DISCIPLINE_CONCURRENCY:-8}
	local year="from=2015-01-01&to=2015-12-31"
	if [ -z "${BENCH_DISCIPLINE_KEEP:-}" ]; then # BENCH_DISCIPLINE_KEEP=1 measures the year generated before
		$PG -c "drop database if exists $DB" -c "create database $DB"
		start_app # Flyway makes the schema
		stop_app
		local started=$(date +%s.%N)
		$PG -d "$DB" -v cases="${BENCH_DISCIPLINE_CASES:-10000}" -v enterprises=1000 -f bench/generate.sql \
			> "$OUT/discipline-generate.log"
		$PG -d "$DB" -v scale="$scale" -f bench/discipline.sql >> "$OUT/discipline-generate.log"
		say "$(printf 'discipline: generated (actions | inspections | findings | people) %s at scale %d in %.0f s' \
			"$(grep -A2 'actions |' "$OUT/discipline-generate.log" | tail -1 | tr -s ' ')" "$scale" \
			"$(echo "$(date +%s.%N) - $started" | bc)")"
	fi
	say "discipline: load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
	HEAP=256m JAVA_OPTS="-XX:+ExitOnOutOfMemoryError" start_app
	java bench/CoverageLoad.java "http://127.0.0.1:$PORT" "$c" "$SECONDS_EACH" \
		"figures-page=login:bench.inspector.city:/discipline?$year" \
		"figures-api=token:bench.inspector.city:/api/v1/discipline/figures?$year" \
		| sed 's/^coverage /discipline /' | tee -a "$SUMMARY"
	local action=$($PG -d "$DB" -tAc "select a.id from special_action a where a.region_code = '330421' order by a.id desc limit 1")
	local group=$($PG -d "$DB" -tAc "select id from supervision_group where action_id = $action")
	local unit=$($PG -d "$DB" -tAc "select id from unit where code = 'B-330421-1'")
	java -Djava.awt.headless=true bench/InspectionSync.java "http://127.0.0.1:$PORT" "$action" "$group" "$unit" \
		"${BENCH_DISCIPLINE_SYNCS:-200}" | tee -a "$SUMMARY"
	local token="qq_bench_bench.inspector.city"
	for run in 1 2 3; do
		local started=$(date +%s.%N)
		curl -s -f -o "$OUT/discipline-ledger.xlsx" -H "Authorization: Bearer $token" \
			"http://127.0.0.1:$PORT/api/v1/discipline/figures/export?$year" \
			|| { echo "export failed: see $OUT/app.log" >&2; exit 1; }
		local took=$(echo "$(date +%s.%N) - $started" | bc)
		local copy_started=$(date +%s.%N)
		$PG -d "$DB" -c "\\copy (select i.inspected_on, u.name, k.name, f.what, f.place, f.rectification_id from finding f join inspection i on i.id = f.inspection_id join unit u on u.id = f.unit_id join problem_kind k on k.id = f.kind_id where i.inspected_on between '2015-01-01' and '2015-12-31' order by i.inspected_on desc, f.id desc) to '/dev/null'"
		local copy=$(echo "$(date +%s.%N) - $copy_started" | bc)
		local rows=$(python3 -c "import zipfile,re;z=zipfile.ZipFile('$OUT/discipline-ledger.xlsx');print(len(re.findall(rb'<row ', z.read('xl/worksheets/sheet2.xml')))-1)")
		say "$(printf 'discipline: ledger run %d, %d findings, %.1f s at -Xmx256m (%s bytes); COPY of the same rows %.2f s' \
			"$run" "$rows" "$took" "$(stat -c %s "$OUT/discipline-ledger.xlsx")" "$copy")"
	done
	say "discipline: OutOfMemoryError in the node's log: $(grep -c OutOfMemoryError "$OUT/app.log" || true) times"
	stop_app
	say "discipline: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

machine() {
	say "machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')), $(free -g | awk '/Mem:/ {print $2}') GiB"
	say "postgresql: $($PG -tAc 'show server_version'), synchronous_commit=$($PG -tAc 'show synchronous_commit'), java: $(java -version 2>&1 | head -1)"
}

case "${1:-all}" in
	generate) generate ;;
	verify) verify_history ;;
	pgbench) pgbench_rates ;;
	load) load ;;
	timers) timers ;;
	startup) startup ;;
	imports) machine; imports; imports_h2 ;;
	imports-h2) imports_h2 ;;
	coverage) coverage ;;
	desk) machine; desk ;;
	ledger) machine; ledger ;;
	discipline) machine; discipline ;;
	all)
		: > "$SUMMARY"
		machine
		generate
		verify_history
		load
		timers
		startup
		imports
		imports_h2
		coverage
		BENCH_DESK_DB=$DB desk
		echo; echo "Summary in $SUMMARY"
		;;
	*) echo "usage: bench/run.sh all|generate [CASES]|verify|pgbench|load|timers|startup|imports|coverage|desk|ledger|discipline" >&2; exit 2 ;;
esac
