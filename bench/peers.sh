#!/usr/bin/env bash
# Qiqing beside Redmine (issue 16, docs/PERFORMANCE.md "Beside Redmine"), in one command:
#
#   bench/peers.sh            # install and configure Redmine if needed, start both, measure, stop both
#
# Runs as root on Debian 12 (bookworm) with its package mirror (no rubygems needed), PostgreSQL on
# 127.0.0.1:5432 (user postgres, trust auth) and Java 17. Idempotent: every step below checks first.
#
# What it does, exactly:
#  1. Redmine from Debian: debconf is preseeded so that dbconfig-common configures no database, then
#     `apt-get install --no-install-recommends redmine redmine-pgsql puma` (Redmine 5.0.4, Rails 6.1,
#     Ruby 3.1, Puma 5.6; about 100 MB).
#  2. /etc/redmine/default/database.yml (the package's instance "default") is written to point at
#     database redmine_bench on 127.0.0.1:5432 as postgres, pool 16; the database is created, then
#     `rake db:migrate` and `rake redmine:load_default_data` (REDMINE_LANG=en: trackers, statuses
#     New/In Progress/Resolved/Feedback/Closed/Rejected, roles, workflows, priorities), the latter only
#     when there are no trackers yet.
#  3. `rails runner` (bench/out/peers/setup.rb, written below): the REST API on; a user `bench`
#     (not an administrator); private projects `peers` and `peers-2` to `peers-7` with issue tracking
#     and all trackers; `bench` a member of `peers` only, as Manager; the Manager's transitions New→In Progress→Resolved→Closed on the tracker
#     (already in the default workflow; made sure of); `bench`'s API key set to $REDMINE_KEY.
#  4. The issues preloaded by SQL up to $REDMINE_ISSUES (1,000,000, as many as Qiqing's cases), spread
#     over the statuses as Qiqing's bench cases over its states (New 10 %, In Progress 41 %, Resolved
#     15 %, Closed 30 %, Rejected 4 %), over the seven projects as Qiqing's over its seven counties:
#     one in seven in `peers`, assigned to `bench` (the county's dispatcher), the rest in the six
#     others, assigned to admin; then VACUUM ANALYZE.
#  5. Redmine in production mode under Puma on 127.0.0.1:3000: 2 workers (processes: Ruby runs one
#     thread at a time per process, and the machine has 2 cores) x 4 threads = 8, the client's
#     concurrency; --preload.
#  6. Qiqing: a writable copy qiqing_bench_peers of qiqing_bench_stats (1,000,000 cases, rollups
#     rebuilt; `create database ... template`), its cases and events vacuumed, the jar built if missing, the node on $BENCH_PORT
#     (18600) with the prod profile, -Xmx512m, timers off, as bench/statistics.sh.
#  7. java bench/Peers.java: the same client at c=$BENCH_CONCURRENCY (8), $BENCH_SECONDS (30) s per
#     run, one system loaded at a time (the other idle): each warmed up with the mix ($BENCH_WARMUP,
#     60 s: a JVM compiles its hot code in the first minutes, Ruby has no such compiler), then create,
#     step, queue, count alone, then the mix of the four; the ratios Qiqing / Redmine.
#  8. Both servers stopped (also on failure or ^C).
#
# Environment: BENCH_CONCURRENCY (8), BENCH_SECONDS (30), BENCH_WARMUP (60), BENCH_PORT (18600), REDMINE_PORT (3000),
# REDMINE_ISSUES (1000000), BENCH_PEERS_DB (qiqing_bench_peers), BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

CONCURRENCY=${BENCH_CONCURRENCY:-8}
SECONDS_EACH=${BENCH_SECONDS:-30}
WARMUP=${BENCH_WARMUP:-60}
PORT=${BENCH_PORT:-18600}
REDMINE_PORT=${REDMINE_PORT:-3000}
ISSUES=${REDMINE_ISSUES:-1000000}
DB=${BENCH_PEERS_DB:-qiqing_bench_peers}
REDMINE_DB=redmine_bench
REDMINE_KEY=${REDMINE_KEY:-0123456789abcdef0123456789abcdef01234567}
REDMINE_HOME=/usr/share/redmine
OUT=bench/out/peers
PG="psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1"
mkdir -p "$OUT"
OUT_ABS=$(cd "$OUT" && pwd)
export RAILS_ENV=production REDMINE_INSTANCE=default

NODE=
PUMA=
stop_all() {
	if [ -n "$NODE" ]; then kill "$NODE" 2> /dev/null || true; wait "$NODE" 2> /dev/null || true; fi
	if [ -n "$PUMA" ]; then kill "$PUMA" 2> /dev/null || true; wait "$PUMA" 2> /dev/null || true; fi
}
trap stop_all EXIT

echo "== 1. Redmine from Debian's packages"
if ! dpkg -s redmine redmine-pgsql puma > /dev/null 2>&1; then
	debconf-set-selections <<- EOF
		dbconfig-common dbconfig-common/dbconfig-install boolean false
		redmine redmine/instances/default/dbconfig-install boolean false
		redmine redmine/instances/default/database-type select pgsql
	EOF
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redmine redmine-pgsql puma
fi
dpkg-query -W redmine redmine-pgsql puma ruby

echo "== 2. Redmine's database $REDMINE_DB"
cat > /etc/redmine/default/database.yml <<- EOF
	production:
	  adapter: postgresql
	  database: $REDMINE_DB
	  host: 127.0.0.1
	  port: 5432
	  username: postgres
	  encoding: utf8
	  pool: 16
EOF
if [ -z "$($PG -Atc "select 1 from pg_database where datname = '$REDMINE_DB'")" ]; then
	$PG -c "create database $REDMINE_DB"
fi
(cd "$REDMINE_HOME" && rake db:migrate > "$OUT_ABS/migrate.log")
if [ "$($PG -d $REDMINE_DB -Atc "select count(*) from trackers")" = 0 ]; then
	(cd "$REDMINE_HOME" && REDMINE_LANG=en rake redmine:load_default_data)
fi

echo "== 3. Redmine's REST API, user bench, project peers, workflow, API key"
cat > "$OUT/setup.rb" << 'EOF'
Setting.rest_api_enabled = '1'
user = User.find_by_login('bench') || User.new(firstname: 'Bench', lastname: 'Peers', mail: 'bench@example.org', language: 'en')
user.login = 'bench'
user.password = user.password_confirmation = 'bench-peers-password'
user.status = User::STATUS_ACTIVE
user.must_change_passwd = false
user.save!
project = Project.find_by_identifier('peers') || Project.new(name: 'Peers', identifier: 'peers', is_public: false)
project.enabled_module_names = ['issue_tracking']
project.trackers = Tracker.all.to_a
project.save!
manager = Role.find_by_name!('Manager')
unless Member.where(user_id: user.id, project_id: project.id).exists?
  Member.create!(user: user, project: project, role_ids: [manager.id])
end
# six more projects where bench is no member: the other counties' issues, which he may not see
(2..7).each do |n|
  other = Project.find_by_identifier("peers-#{n}") || Project.new(name: "Peers #{n}", identifier: "peers-#{n}", is_public: false)
  other.enabled_module_names = ['issue_tracking']
  other.trackers = Tracker.all.to_a
  other.save!
end
[[1, 2], [2, 3], [3, 5]].each do |from, to|
  WorkflowTransition.find_or_create_by!(role_id: manager.id, tracker_id: project.trackers.first.id,
                                        old_status_id: from, new_status_id: to)
end
user.api_key
Token.where(user_id: user.id, action: 'api').update_all(value: ENV.fetch('PEERS_KEY'))
puts "user bench #{user.id}, project peers #{project.id}, tracker #{project.trackers.first.id}, REST API on"
EOF
(cd "$REDMINE_HOME" && PEERS_KEY=$REDMINE_KEY rails runner "$OUT_ABS/setup.rb")

echo "== 4. $ISSUES issues preloaded by SQL"
$PG -d $REDMINE_DB -v issues="$ISSUES" <<- 'EOF'
	-- the ids after the highest, as many as are missing; each issue a root of its own tree
	-- (root_id = id, lft 1, rgt 2), as Redmine files one
	insert into issues (id, tracker_id, project_id, subject, description, status_id, assigned_to_id, priority_id,
			author_id, lock_version, created_on, updated_on, start_date, done_ratio, root_id, lft, rgt, is_private, closed_on)
	select m.top + g, t.id, ps.ids[1 + g % 7], '基准测试诉求 ' || (m.top + g), '用电增容申请三周无进展，请协调。',
		case when g % 100 < 10 then 1 when g % 100 < 51 then 2 when g % 100 < 66 then 3 when g % 100 < 96 then 5 else 6 end,
		case when g % 7 = 0 then u.id else 1 end, 2, u.id, 0,
		now() - (g * interval '90 seconds'), now() - (g * interval '60 seconds'), (now() - (g * interval '90 seconds'))::date,
		0, m.top + g, 1, 2, false,
		case when g % 100 >= 66 then now() - (g * interval '60 seconds') end
	from (select coalesce(max(id), 0) as top, count(*) as n from issues) m,
		(select array_agg(id order by identifier) as ids from projects where identifier like 'peers%') ps,
		(select id from users where login = 'bench') u,
		(select min(tracker_id) as id from projects_trackers pt join projects p on p.id = pt.project_id where p.identifier = 'peers') t,
		generate_series(1, greatest(:issues - (select count(*) from issues), 0)) g;
	select setval('issues_id_seq', (select max(id) from issues));
	vacuum analyze issues;
EOF
$PG -d $REDMINE_DB -Atc "select 'redmine issues: ' || count(*) || ', in peers: ' || count(*) filter (where project_id = p.id) || ', assigned to bench and open: ' || count(*) filter (where assigned_to_id = (select id from users where login = 'bench') and status_id in (1, 2, 3, 4)) || ', In Progress in peers: ' || count(*) filter (where project_id = p.id and status_id = 2) from issues, (select id from projects where identifier = 'peers') p"

echo "== 5. Redmine under Puma on :$REDMINE_PORT"
(cd "$REDMINE_HOME" && exec puma -e production -b "tcp://127.0.0.1:$REDMINE_PORT" -w 2 -t 4:4 --preload config.ru) \
	> "$OUT/puma.log" 2>&1 &
PUMA=$!

echo "== 6. Qiqing on :$PORT, database $DB"
if [ -z "$($PG -Atc "select 1 from pg_database where datname = '$DB'")" ]; then
	$PG -c "create database $DB template qiqing_bench_stats"
fi
# as autovacuum leaves a served database: the generated tables have an empty visibility map, and
# then every index-only scan of the queue's counts reads the rows from the table (cheap when done)
$PG -d "$DB" -c "vacuum (analyze) cases" -c "vacuum (analyze) case_event"
JAR=${BENCH_JAR:-target/qiqing-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QIQING_DB_USER=postgres \
	java -Xmx512m -jar "$JAR" --server.port="$PORT" --qiqing.timers.enabled=false > "$OUT/node.log" 2>&1 &
NODE=$!
$PG -d "$DB" -Atc "select 'qiqing cases: ' || count(*) || ', of county 330421: ' || count(*) filter (where region_path like '/330400/330421/%') || ', IN_PROGRESS there: ' || count(*) filter (where region_path like '/330400/330421/%' and state = 'IN_PROGRESS') from cases"
for _ in $(seq 1 600); do
	curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null \
		&& curl -s -o /dev/null "http://127.0.0.1:$REDMINE_PORT/" && break
	sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null || { echo "Qiqing did not start: $OUT/node.log" >&2; exit 1; }
curl -s -o /dev/null "http://127.0.0.1:$REDMINE_PORT/" || { echo "Redmine did not start: $OUT/puma.log" >&2; exit 1; }

echo "== 7. the mix, c=$CONCURRENCY, $SECONDS_EACH s a run; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/Peers.java "http://127.0.0.1:$PORT" "http://127.0.0.1:$REDMINE_PORT" "$REDMINE_KEY" peers \
	"$CONCURRENCY" "$SECONDS_EACH" "$WARMUP" | tee "$OUT/peers.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/peers.txt"

echo "== 8. stopping both"
