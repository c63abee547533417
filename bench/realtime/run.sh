#!/usr/bin/env bash
# Delivery latency of one GROUP conversation to many live RSocket subscribers.
#
#   bench/realtime/run.sh          (needs a JDK; no database to install)
#
# Builds Haven, starts it in embedded mode in a fresh data directory (send limit raised, since one
# sender sends every message), then runs RealtimeLatencyBench (test sources) in its own JVM: it
# creates SUBSCRIBERS members through the API, connects their inboxes (half TCP, half WebSocket),
# sends MESSAGES messages over REST at RATE per second and prints delivery-latency percentiles from
# an HdrHistogram (send start to each subscriber receiving the event). SLOW=n adds n members who
# read one event per 200 ms, counted apart, to show they do not hold the others back.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18082}
TCP_PORT=${TCP_PORT:-17002}
SUBSCRIBERS=${SUBSCRIBERS:-100}
MESSAGES=${MESSAGES:-200}
RATE=${RATE:-20}
SLOW=${SLOW:-0}

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
DATA=$(mktemp -d)
cp target/haven-*.jar "$DATA/haven.jar"
cp -r target/classes target/test-classes "$DATA/"
HAVEN_DATA_DIR=$DATA HAVEN_BOOTSTRAP_ADMIN_EMAIL=bench.admin@example.org \
  HAVEN_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
  java -jar "$DATA/haven.jar" --server.port=$PORT --spring.rsocket.server.port=$TCP_PORT \
  --haven.demo-data.enabled=false --haven.messaging.send-burst=100000 > "$DATA/haven.log" 2>&1 &
HAVEN=$!
trap 'kill $HAVEN 2>/dev/null; wait $HAVEN 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf localhost:$PORT/actuator/health > /dev/null; do sleep 1; done

echo "Haven embedded, $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -cp "$DATA/classes:$DATA/test-classes:$(cat target/bench-classpath.txt)" app.haven.bench.RealtimeLatencyBench \
  "$PORT" "$TCP_PORT" bench.admin@example.org bench-admin-password "$SUBSCRIBERS" "$MESSAGES" "$RATE" "$SLOW"
