#!/usr/bin/env bash
# Measures the therapist's panel on PostgreSQL with 2,000 clients in one caseload.
#
#   bench/panel/run.sh            (needs PostgreSQL on 127.0.0.1:5432 with trust auth, and curl)
#
# It builds Haven, starts it on the postgres profile against a fresh database `haven_panel_bench`
# (MongoDB embedded), creates a therapist through the API, seeds 2,000 clients with 10 sessions
# each straight into the tables (creating 2,000 accounts through the API would spend ten minutes
# hashing passwords), then times filtered panel pages over HTTP and prints p50/p95/max per query.
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=haven_panel_bench
PORT=${PORT:-18080}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
REQUESTS=${REQUESTS:-200}

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
./mvnw -q -B -DskipTests package
DATA=$(mktemp -d)
HAVEN_POSTGRES_HOST=127.0.0.1 HAVEN_POSTGRES_DB=$DB HAVEN_POSTGRES_USER=postgres HAVEN_DATA_DIR=$DATA \
  HAVEN_BOOTSTRAP_ADMIN_EMAIL=bench.admin@example.org HAVEN_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
  java -jar target/haven-*.jar --spring.profiles.active=postgres --server.port=$PORT --spring.rsocket.server.port=0 \
  > "$DATA/haven.log" 2>&1 &
HAVEN=$!
trap 'kill $HAVEN 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf localhost:$PORT/actuator/health > /dev/null; do sleep 1; done

json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
login() {
  curl -sf localhost:$PORT/api/v1/auth/login -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json '["accessToken"]'
}
ADMIN=$(login bench.admin@example.org bench-admin-password)
THERAPIST_ID=$(curl -sf localhost:$PORT/api/v1/admin/users -H "authorization: Bearer $ADMIN" \
  -H 'content-type: application/json' \
  -d '{"email":"bench.therapist@example.org","password":"bench-therapist-password","firstName":"Ruth","lastName":"Bench","role":"THERAPIST"}' \
  | json '["id"]')
THERAPIST=$(login bench.therapist@example.org bench-therapist-password)
until "${PSQL[@]}" -d $DB -tAc "SELECT 1 FROM patient_therapists WHERE therapist_id = '$THERAPIST_ID'" | grep -q 1; do
  sleep 0.2
done

"${PSQL[@]}" -d $DB <<SQL
INSERT INTO accounts (id, email, first_name, last_name, role, status, password_hash, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'client' || n || '@example.org',
       (ARRAY['Nora','Omar','Pia','Jon','Ada','Lin','Sam','Eva'])[1 + n % 8], 'Lastname' || n, 'CLIENT', 'ACTIVE',
       '{noop}unused', now(), now()
FROM generate_series(1, 2000) AS n;

INSERT INTO patient_assignments (id, client_id, therapist_id, assigned_at, active_client_id)
SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, '$THERAPIST_ID',
       now() - (n || ' hours')::interval, ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid
FROM generate_series(1, 2000) AS n;

INSERT INTO patient_clients (client_id, status, phone, diagnosis, planned_sessions, completed_sessions, progress,
                             therapist_id, assigned_at, panel_since, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       (ARRAY['ACTIVE','ACTIVE','ACTIVE','INACTIVE','COMPLETED'])[1 + n % 5], '+1 555 0100',
       (ARRAY['F32.1','F41.1','F43.10,F32.0','Z63.0',''])[1 + n % 5], 20, n % 21, (n % 21) * 100 / 20,
       '$THERAPIST_ID', now() - (n || ' hours')::interval, now() - (n || ' hours')::interval, now(), now()
FROM generate_series(1, 2000) AS n;

INSERT INTO patient_sessions (id, client_id, therapist_id, starts_at, ends_at, duration_minutes, type, telehealth,
                              status, created_at, updated_at)
SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, '$THERAPIST_ID',
       now() + ((n * 10 + k - 10000) || ' hours')::interval, now() + ((n * 10 + k - 10000) || ' hours')::interval + interval '50 minutes',
       50, 'INDIVIDUAL', false, CASE WHEN n * 10 + k < 10000 THEN 'COMPLETED' ELSE 'SCHEDULED' END, now(), now()
FROM generate_series(1, 2000) AS n, generate_series(0, 9) AS k;
ANALYZE;
SQL

measure() {
  local name=$1 query=$2
  for _ in $(seq 1 20); do curl -sf -o /dev/null "localhost:$PORT/api/v1/patients?$query" -H "authorization: Bearer $THERAPIST"; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' "localhost:$PORT/api/v1/patients?$query" -H "authorization: Bearer $THERAPIST"
  done | sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END {
    printf "%-48s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests)\n", name, t[int(NR*0.5)], t[int(NR*0.95)], t[NR], NR }'
}
echo "Panel of one therapist with 2,000 clients and 20,000 sessions, PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version'), $(nproc) cores"
measure "first page, no filter (limit 20)" "limit=20"
measure "status=ACTIVE&diagnosis=F32" "status=ACTIVE&diagnosis=F32&limit=20"
measure "q=nora (name search through identity)" "q=nora&limit=20"
measure "progress 25..75 & hasUpcomingSession" "progressMin=25&progressMax=75&hasUpcomingSession=true&limit=20"
measure "assigned in a date range, limit 100" "assignedFrom=2026-01-01T00:00:00Z&assignedTo=2030-01-01T00:00:00Z&limit=100"
CURSOR=$(curl -sf "localhost:$PORT/api/v1/patients?limit=20" -H "authorization: Bearer $THERAPIST" | json '["nextCursor"]')
measure "second page (cursor)" "limit=20&cursor=$CURSOR"
