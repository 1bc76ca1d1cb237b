#!/usr/bin/env bash
# kcat (Debian's Kafka client, independent of kafkajs) for the Kafka tests and by hand.
#
#   scripts/kafka/kcat-check.sh                         make sure kcat is installed (apt-get as root)
#   scripts/kafka/kcat-check.sh read BROKERS TOPIC [N]  print the first N (default 1) records of TOPIC
#                                                       as kcat JSON lines (key, headers, payload)
#   scripts/kafka/kcat-check.sh show BROKERS TOPIC [N]  the same, readable: headers one per line
#
# The test command calls it once without arguments; kafka-relay.int-spec.ts uses `read` to check
# that a record of the relay shows the CloudEvents headers and JSON data as documented.
set -euo pipefail

ensure_kcat() {
  command -v kcat >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "kcat-check: installing kcat (apt-get install -y kcat)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q kcat >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q kcat >/dev/null; }
  fi
  command -v kcat >/dev/null 2>&1 || {
    echo "kcat-check: kcat is not installed and cannot be installed here (Debian: apt-get install -y kcat)" >&2
    exit 1
  }
}

consume() {
  local brokers=$1 topic=$2 count=${3:-1}
  shift 3 || shift $#
  # Waits for N records (the relay may still be publishing); the timeout guards against a hang.
  timeout "${KCAT_TIMEOUT:-60}" kcat -C -b "$brokers" -t "$topic" -o beginning -c "$count" -q "$@"
}

ensure_kcat
case "${1:-}" in
  '') kcat -V | sed -n 4p ;;
  read)
    [ $# -ge 3 ] || { echo "usage: $0 read BROKERS TOPIC [N]" >&2; exit 2; }
    consume "$2" "$3" "${4:-1}" -J
    ;;
  show)
    [ $# -ge 3 ] || { echo "usage: $0 show BROKERS TOPIC [N]" >&2; exit 2; }
    consume "$2" "$3" "${4:-1}" -f '--- partition %p offset %o key %k\n%h\n%s\n' | sed 's/,ce_/\nce_/g; s/,content-type=/\ncontent-type=/'
    ;;
  *) echo "usage: $0 [read|show BROKERS TOPIC [N]]" >&2; exit 2 ;;
esac
