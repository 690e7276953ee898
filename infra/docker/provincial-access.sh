#!/usr/bin/env bash
# docker-compose's kafka-access service: gives the provincial principal what it may do on the
# broker and nothing else, as infra/local does with local.infra.ProvincialAccess: its
# SCRAM-SHA-512 credential, READ and DESCRIBE on each published topic (provincial-topics.json,
# generated from libs/events/src/topics.ts) and READ on the consumer groups with its prefix.
# Runs over the in-network listener, whose principal (User:ANONYMOUS) is a super user. Adding
# credentials and ACLs again is harmless, so the service runs on every `docker compose up`.
set -euo pipefail

: "${PROVINCIAL_USER:?}" "${PROVINCIAL_PASSWORD:?}"
BOOTSTRAP=${KAFKA_BOOTSTRAP:-kafka:9092}
ACCESS=${PROVINCIAL_ACCESS_FILE:-/jiceng/provincial-topics.json}
BIN=${KAFKA_BIN:-/opt/kafka/bin}

# The image has no JSON tool; the generated file has one topic per line and one groupPrefix.
mapfile -t TOPICS < <(grep -o '"jiceng\.[^"]*"' "$ACCESS" | tr -d '"')
GROUP_PREFIX=$(sed -n 's/^ *"groupPrefix": *"\([^"]*\)".*/\1/p' "$ACCESS")
if [[ ${#TOPICS[@]} -eq 0 || -z "$GROUP_PREFIX" ]]; then
  echo "no topics or group prefix in $ACCESS" >&2
  exit 1
fi

"$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type users \
  --entity-name "$PROVINCIAL_USER" \
  --add-config "SCRAM-SHA-512=[iterations=8192,password=$PROVINCIAL_PASSWORD]"

topic_args=()
for topic in "${TOPICS[@]}"; do topic_args+=(--topic "$topic"); done
"$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --add \
  --allow-principal "User:$PROVINCIAL_USER" --operation Read --operation Describe "${topic_args[@]}"
"$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --add \
  --allow-principal "User:$PROVINCIAL_USER" --operation Read \
  --group "$GROUP_PREFIX" --resource-pattern-type prefixed

echo "User:$PROVINCIAL_USER may read ${TOPICS[*]} in groups $GROUP_PREFIX*"
