#!/bin/bash
# One-shot: creates every contract topic and its dead-letter topic listed in topics.txt (generated
# from io.postventa.events.Topics by deploy/scripts/generate-topics.sh), then exits 0. Idempotent:
# topics that exist are left alone, so `docker compose up` can run it on every start.
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:19092}"
TOPICS_FILE="${TOPICS_FILE:-/etc/postventa/topics.txt}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"

while read -r name partitions config; do
  case "$name" in ''|'#'*) continue ;; esac
  args=(--bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name"
        --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR")
  if [ "$config" != "-" ]; then
    IFS=, read -ra pairs <<< "$config"
    for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
  fi
  /opt/kafka/bin/kafka-topics.sh "${args[@]}"
done < "$TOPICS_FILE"

echo "Contract topics present:"
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
