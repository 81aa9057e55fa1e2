#!/usr/bin/env bash
# Proves the backup procedure of docs/OPERATIONS.md on this machine, end to end, and times it:
#
#   1. a throwaway PostgreSQL cluster (the source) with WAL archiving to a directory;
#   2. Qiqing (prod profile) migrates it; bench/generate.sql loads a small city with its histories;
#   3. a base backup (pg_basebackup);
#   4. steps taken through the API after the backup (written to the WAL archive only);
#   5. the moment to recover to; then a mistake: an UPDATE behind the application's back that
#      breaks the histories (Qiqing's --verify-history on the source says so);
#   6. the base backup restored into a second cluster, the archive replayed up to that moment;
#   7. Qiqing on the restored cluster: --verify-history=all must exit 0, with the steps of 4 there
#      and the mistake of 5 not.
#
#   bench/backup-restore.sh [CASES]     # CASES generated in 2 (default 2000)
#
# Both clusters live under a temporary directory, on spare ports, run as the user postgres, and are
# stopped and deleted at the end whatever happens; the machine's own PostgreSQL is not touched.
# Needs the PostgreSQL server binaries (Debian: /usr/lib/postgresql/<version>/bin), curl and Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${1:-2000}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
SOURCE_PORT=${SOURCE_PORT:-15441}
RESTORED_PORT=${RESTORED_PORT:-15442}
HTTP_PORT=${HTTP_PORT:-18441}
JAR=${BENCH_JAR:-target/qiqing-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package

WORK=$(mktemp -d /tmp/qiqing-pitr.XXXXXX)
chmod 755 "$WORK"
ARCHIVE=$WORK/wal-archive
APP=

as_postgres() { runuser -u postgres -- "$@"; }
if [ "$(id -u)" != 0 ]; then as_postgres() { "$@"; }; fi

cleanup() {
	[ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
	for cluster in source restored; do
		[ -f "$WORK/$cluster/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/$cluster" -m immediate stop >/dev/null 2>&1
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

started=$(date +%s.%N)
step() { printf '%6.1f s  %s\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$*"; }
sql() { psql -h 127.0.0.1 -p "$1" -U postgres -X -q -v ON_ERROR_STOP=1 -d qiqing -tA "${@:2}"; }
qiqing() {
	local port=$1; shift
	SPRING_PROFILES_ACTIVE=prod QIQING_DB_URL="jdbc:postgresql://127.0.0.1:$port/qiqing" QIQING_DB_USER=postgres \
		java -Xmx512m -jar "$JAR" --qiqing.timers.enabled=false "$@"
}

# 1. The source cluster, archiving every WAL segment it completes.
mkdir -p "$ARCHIVE"
chown postgres "$WORK" "$ARCHIVE" 2>/dev/null || true
as_postgres "$PG_BIN/initdb" -D "$WORK/source" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$WORK/source/postgresql.conf" <<EOF
port = $SOURCE_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
archive_timeout = 60
EOF
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/source" -l "$WORK/source.log" -w start >/dev/null
psql -h 127.0.0.1 -p "$SOURCE_PORT" -U postgres -X -q -c 'create database qiqing'
step "source cluster on port $SOURCE_PORT, archiving to $ARCHIVE"

# 2. Qiqing makes the schema; a small city with hash-chained histories.
qiqing "$SOURCE_PORT" --server.port="$HTTP_PORT" > "$WORK/migrate.log" 2>&1 &
APP=$!
until curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/login"; do
	kill -0 "$APP" 2>/dev/null || { cat "$WORK/migrate.log" >&2; exit 1; }
	sleep 0.5
done
step "Qiqing migrated the source"
sql "$SOURCE_PORT" -v cases="$CASES" -v enterprises=700 -f bench/generate.sql > "$WORK/generate.log" 2>&1
step "generated $CASES cases, $(sql "$SOURCE_PORT" -c 'select count(*) from case_event') events"

# 3. The base backup.
as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$SOURCE_PORT" -U postgres -D "$WORK/base" -X stream -c fast
step "base backup taken ($(du -sh "$WORK/base" | cut -f1))"

# 4. After the backup, steps through the API: the dispatcher accepts the submitted cases of 嘉善县.
TOKEN=qq_bench_bench.dispatcher.330421
accepted=0
for id in $(sql "$SOURCE_PORT" -c "select id from cases where state = 'SUBMITTED' and region_code like '330421%' order by id limit 5"); do
	version=$(sql "$SOURCE_PORT" -c "select version from cases where id = $id")
	status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
		-H "If-Match: \"$version\"" -H 'Content-Type: application/json' -d '{"note":"after the base backup"}' \
		"http://127.0.0.1:$HTTP_PORT/api/v1/cases/$id/accept")
	[ "$status" = 200 ] || { echo "accepting case $id answered $status" >&2; exit 1; }
	accepted=$((accepted + 1))
done
kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
[ "$accepted" -gt 0 ] || { echo "no submitted case to accept" >&2; exit 1; }
events=$(sql "$SOURCE_PORT" -c 'select count(*) from case_event')
step "$accepted cases accepted through the API after the backup ($events events)"

# 5. The moment to recover to, then the mistake, then the WAL of both archived.
sleep 1
target=$(sql "$SOURCE_PORT" -c "select to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US TZH')")
sleep 1
sql "$SOURCE_PORT" -c "update case_event set note = 'changed behind the application' where seq = 1 and case_id <= 10"
segment=$(sql "$SOURCE_PORT" -c 'select pg_walfile_name(pg_switch_wal())')
until [ -f "$ARCHIVE/$segment" ]; do sleep 0.2; done
if qiqing "$SOURCE_PORT" --server.port=0 --verify-history=all > "$WORK/verify-source.log" 2>&1; then
	echo "the source's histories verify after the mistake: the check proves nothing" >&2
	exit 1
fi
step "recovery target $target; then a mistake, which --verify-history on the source reports: $(grep -o 'History BROKEN.*' "$WORK/verify-source.log" | head -1)"

# 6. The base backup into a second cluster, replaying the archive up to the target.
cp -a "$WORK/base" "$WORK/restored"
cat >> "$WORK/restored/postgresql.conf" <<EOF
port = $RESTORED_PORT
archive_mode = off
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
EOF
as_postgres touch "$WORK/restored/recovery.signal"
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/restored" -l "$WORK/restored.log" -w -t 300 start >/dev/null
until [ "$(sql "$RESTORED_PORT" -c 'select pg_is_in_recovery()')" = f ]; do sleep 0.2; done
step "restored into a second cluster on port $RESTORED_PORT, recovered to the target"

# 7. Every history intact on the restored cluster, the steps after the backup there, the mistake not.
restored_events=$(sql "$RESTORED_PORT" -c 'select count(*) from case_event')
[ "$restored_events" = "$events" ] || { echo "restored $restored_events events, expected $events" >&2; exit 1; }
[ "$(sql "$RESTORED_PORT" -c "select count(*) from case_event where note = 'changed behind the application'")" = 0 ] \
	|| { echo "the mistake made after the target was restored" >&2; exit 1; }
qiqing "$RESTORED_PORT" --server.port=0 --verify-history=all > "$WORK/verify-restored.log" 2>&1 \
	|| { cat "$WORK/verify-restored.log" >&2; exit 1; }
step "Qiqing on the restored cluster: $(grep -o 'History intact.*' "$WORK/verify-restored.log"), $restored_events events"
echo "backup and point-in-time recovery verified"
