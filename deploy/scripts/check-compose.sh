#!/usr/bin/env bash
# A second, independent check of docker-compose.yml besides deploy/checks' schema validation: Compose's
# own `config` command (Debian's docker-compose 1.29, which needs no Docker engine for it) resolves
# the file, its interpolation and depends_on. A deliberately broken copy must fail, or the check proves
# nothing. Installs docker-compose from Debian when it is missing (CI runs as root).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "docker-compose not found; installing Debian's package"
  apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null
fi

docker-compose -f deploy/compose/docker-compose.yml config -q
echo "deploy/compose/docker-compose.yml: valid for $(docker-compose version --short)"

broken="$(mktemp --suffix=.yml)"
trap 'rm -f "$broken"' EXIT
sed 's/condition: service_completed_successfully/condition: service_finished/' deploy/compose/docker-compose.yml > "$broken"
if docker-compose -f "$broken" --project-directory deploy/compose config -q 2>/dev/null; then
  echo "docker-compose accepted a broken depends_on condition: the check is not working" >&2
  exit 1
fi
echo "docker-compose rejects a broken copy, as it should"
