#!/usr/bin/env bash
# Manual smoke check of scripts/kafka/broker.sh:
#   1. start a broker on a spare port (fresh data),
#   2. create a topic with org.apache.kafka.tools.TopicCommand from the cached classpath,
#   3. produce one message with headers and consume it back,
#   4. stop, start again with KAFKA_KEEP_DATA=1 and check the message survived,
#   5. stop.
# Uses kcat when it is installed (Debian: apt-get install -y kcat), otherwise the
# console producer/consumer from the Kafka classpath. SMOKE_USE_KCAT=0 forces the
# console tools. SMOKE_PORT picks the port (default: first free pair from 29092).
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
BROKER="$SCRIPT_DIR/broker.sh"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -z "${SMOKE_PORT:-}" ]; then
  SMOKE_PORT=29092
  while ! { port_free "$SMOKE_PORT" && port_free $((SMOKE_PORT + 1)); }; do
    SMOKE_PORT=$((SMOKE_PORT + 2))
    [ "$SMOKE_PORT" -lt 29200 ] || { echo "smoke: no free port pair found" >&2; exit 1; }
  done
fi
export KAFKA_PORT="$SMOKE_PORT"
# Everything else (cache dir, data dir) uses broker.sh's defaults for this port.
eval "$("$BROKER" env)"   # KAFKA_BROKERS, KAFKA_CLASSPATH, KAFKA_DATA_DIR
BOOTSTRAP="$KAFKA_BROKERS"

if [ "${SMOKE_USE_KCAT:-1}" = 1 ] && command -v kcat >/dev/null 2>&1; then
  CLIENT=kcat
else
  CLIENT=console
fi

step() { echo "smoke: $*" >&2; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
cleanup() { KAFKA_PORT="$SMOKE_PORT" "$BROKER" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

kjava() { java -Xmx256m -Dlog4j.configuration=none -cp "$KAFKA_CLASSPATH" "$@" 2>&1 \
  | grep -v '^log4j:WARN' || true; }

TOPIC="smoke-$(date +%s)-$RANDOM"
VALUE="hello-$RANDOM$RANDOM"
KEY="k1"

produce() {
  if [ "$CLIENT" = kcat ]; then
    printf '%s\n' "$VALUE" | kcat -P -b "$BOOTSTRAP" -t "$TOPIC" -k "$KEY" \
      -H trace-id=abc123 -H source=smoke
  else
    # parse.headers: "h1:v1,h2:v2<TAB>key<TAB>value"
    printf 'trace-id:abc123,source:smoke\t%s\t%s\n' "$KEY" "$VALUE" \
      | java -Xmx256m -Dlog4j.configuration=none -cp "$KAFKA_CLASSPATH" kafka.tools.ConsoleProducer \
          --bootstrap-server "$BOOTSTRAP" --topic "$TOPIC" \
          --property parse.key=true --property parse.headers=true \
          --producer-property acks=all 2>&1 | grep -v '^log4j:WARN' || true
  fi
}

# Prints "headers|key|value" of the first message of the topic.
consume_one() {
  if [ "$CLIENT" = kcat ]; then
    timeout 30 kcat -C -b "$BOOTSTRAP" -t "$TOPIC" -o beginning -c 1 -e -q -f '%h|%k|%s\n'
  else
    kjava org.apache.kafka.tools.consumer.ConsoleConsumer \
      --bootstrap-server "$BOOTSTRAP" --topic "$TOPIC" --from-beginning \
      --max-messages 1 --timeout-ms 30000 \
      --property print.headers=true --property print.key=true \
      --property key.separator='|' 2>/dev/null \
      | grep -v -e '^Processed a total' -e '^$' | head -n 1 \
      | sed -e 's/\t/|/g' -e 's/:/=/g'   # same "h=v,h2=v2|key|value" shape as kcat
  fi
}

check_message() {
  local got
  got="$(consume_one)"
  step "consumed: $got"
  case "$got" in
    *"$VALUE"*) ;;
    *) fail "message value '$VALUE' not found (got '$got')" ;;
  esac
  case "$got" in
    *trace-id=abc123*) ;;
    *) fail "header trace-id=abc123 not found (got '$got')" ;;
  esac
  case "$got" in
    *"|$KEY|"*) ;;
    *) fail "key '$KEY' not found (got '$got')" ;;
  esac
}

step "client=$CLIENT port=$SMOKE_PORT data=$KAFKA_DATA_DIR"
t0=$SECONDS
"$BROKER" start
step "broker up in $((SECONDS - t0))s"
"$BROKER" status

step "creating topic $TOPIC"
kjava org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
  --create --topic "$TOPIC" --partitions 1 --replication-factor 1
kjava org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
  --describe --topic "$TOPIC" | grep -q "Topic: $TOPIC" || fail "topic $TOPIC not created"

step "producing one message with headers"
produce
check_message

step "stop, then start again with KAFKA_KEEP_DATA=1"
"$BROKER" stop
t0=$SECONDS
KAFKA_KEEP_DATA=1 "$BROKER" start
step "broker back in $((SECONDS - t0))s"
check_message

"$BROKER" stop
"$BROKER" status >/dev/null && fail "broker still running after stop"
step "OK"
