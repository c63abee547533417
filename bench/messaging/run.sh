#!/usr/bin/env bash
# Measures the messaging reads on the embedded store with 1,000,000 messages in 2,000 conversations.
#
#   bench/messaging/run.sh         (needs a JDK, curl and python3; no database to install)
#
# It builds Haven, starts it in embedded mode (H2 and the in-process MongoDB server with its file
# backend, in a fresh data directory), creates a therapist through the API, seeds the messages
# straight into MongoDB with MessagingBenchSeeder (test sources; the same document records Haven's
# adapters write), then times over HTTP: the first history page (30 messages) of the therapist's
# conversations, a page deep in the history, and the unread count across the therapist's 200
# conversations. Prints p50/p95/max per request kind.
#
# CONVERSATIONS, MESSAGES_PER_CONVERSATION, READER_CONVERSATIONS and REQUESTS change the sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18081}
MONGO_PORT=${MONGO_PORT:-27117}
CONVERSATIONS=${CONVERSATIONS:-2000}
MESSAGES_PER_CONVERSATION=${MESSAGES_PER_CONVERSATION:-500}
READER_CONVERSATIONS=${READER_CONVERSATIONS:-200}
REQUESTS=${REQUESTS:-400}

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
DATA=$(mktemp -d)
# run a copy, so a build during the benchmark cannot replace the jar under the running server
cp target/haven-*.jar "$DATA/haven.jar"
HAVEN_DATA_DIR=$DATA HAVEN_BOOTSTRAP_ADMIN_EMAIL=bench.admin@example.org \
  HAVEN_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
  java -jar "$DATA/haven.jar" --server.port=$PORT --spring.rsocket.server.port=0 \
  --haven.embedded-mongo.port=$MONGO_PORT --haven.demo-data.enabled=false > "$DATA/haven.log" 2>&1 &
HAVEN=$!
trap 'kill $HAVEN 2>/dev/null; wait $HAVEN 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf localhost:$PORT/actuator/health > /dev/null; do sleep 1; done

json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
login() {
  curl -sf localhost:$PORT/api/v1/auth/login -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json '["accessToken"]'
}
ADMIN=$(login bench.admin@example.org bench-admin-password)
READER_ID=$(curl -sf localhost:$PORT/api/v1/admin/users -H "authorization: Bearer $ADMIN" \
  -H 'content-type: application/json' \
  -d '{"email":"bench.reader@example.org","password":"bench-reader-password","firstName":"Ruth","lastName":"Reader","role":"THERAPIST"}' \
  | json '["id"]')
READER=$(login bench.reader@example.org bench-reader-password)

cp -r target/classes target/test-classes "$DATA/"
java -cp "$DATA/classes:$DATA/test-classes:$(cat target/bench-classpath.txt)" \
  app.haven.messaging.adapter.out.persistence.MessagingBenchSeeder \
  "mongodb://127.0.0.1:$MONGO_PORT/haven" "$READER_ID" "$CONVERSATIONS" "$MESSAGES_PER_CONVERSATION" "$READER_CONVERSATIONS" \
  | tee "$DATA/seeding.log" | grep -E '^Seeded|000 conversations'
echo "data directory after seeding: $(du -sh "$DATA" | cut -f1)"
# seeding outlasts an access token (15 minutes): sign in again
READER=$(login bench.reader@example.org bench-reader-password)

# the reader's conversations, through the API
IDS=()
CURSOR=""
while :; do
  PAGE=$(curl -sf "localhost:$PORT/api/v1/conversations?limit=100${CURSOR:+&cursor=$CURSOR}" -H "authorization: Bearer $READER")
  mapfile -t -O "${#IDS[@]}" IDS < <(echo "$PAGE" | json '["items"]' | python3 -c "import sys, ast; [print(c['id']) for c in ast.literal_eval(sys.stdin.read())]")
  CURSOR=$(echo "$PAGE" | json '.get("nextCursor") or ""')
  [ -n "$CURSOR" ] || break
done
echo "reader is in ${#IDS[@]} conversations"

measure() {
  local name=$1 make_url=$2
  for i in $(seq 1 50); do curl -sf -o /dev/null "$($make_url "$i")" -H "authorization: Bearer $READER"; done
  for i in $(seq 1 "$REQUESTS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' "$($make_url "$i")" -H "authorization: Bearer $READER"
  done | sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END {
    printf "%-52s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests)\n", name, t[int(NR*0.5)], t[int(NR*0.95)], t[NR], NR }'
}
latest_page() { echo "localhost:$PORT/api/v1/conversations/${IDS[$(($1 % ${#IDS[@]}))]}/messages?limit=30"; }
deep_page() { echo "localhost:$PORT/api/v1/conversations/${IDS[$(($1 % ${#IDS[@]}))]}/messages?limit=30&before=${IDS[$(($1 % ${#IDS[@]}))]}-$((MESSAGES_PER_CONVERSATION / 2))"; }
unread() { echo "localhost:$PORT/api/v1/messages/unread-count"; }

echo "Messaging reads, embedded store (H2 + mongo-java-server file backend), $(( CONVERSATIONS * MESSAGES_PER_CONVERSATION )) messages in $CONVERSATIONS conversations, $(nproc) cores, $(java -version 2>&1 | head -n 1)"
measure "history: latest page (30), rotating conversations" latest_page
measure "history: page of 30 before the middle" deep_page
measure "unread count over the reader's conversations" unread
curl -sf localhost:$PORT/api/v1/messages/unread-count -H "authorization: Bearer $READER" | json '["total"]' | sed 's/^/unread total: /'
