#!/usr/bin/env bash
# Regenerates the Kafka topic lists from the event contracts (platform/events' Topics):
#   deploy/compose/kafka/topics.txt          read by docker-compose.yml's kafka-topics one-shot
#   deploy/kubernetes/base/kafka/topics.yaml    one Strimzi KafkaTopic per topic and dead-letter topic
# deploy/checks' TopicManifestsTest fails until this has been run after a contract change.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests -pl deploy/checks -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile
java -cp "deploy/checks/target/classes:$(cat deploy/checks/target/classpath.txt)" \
  io.postventa.deploy.TopicManifests "$PWD"
