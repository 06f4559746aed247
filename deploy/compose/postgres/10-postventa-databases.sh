#!/bin/bash
# Runs once, on the first start of an empty data directory (postgres image's /docker-entrypoint-initdb.d).
# Creates the role every service connects as and one database per service, as platform/devstack does:
# the role owns the databases (Flyway migrates them) and has REPLICATION (each service's embedded
# Debezium relay reads its own database's WAL through a pgoutput slot).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v role_password="${POSTVENTA_DB_PASSWORD:?POSTVENTA_DB_PASSWORD must be set}" <<'EOSQL'
CREATE ROLE postventa LOGIN REPLICATION PASSWORD :'role_password';
CREATE DATABASE order_status OWNER postventa;
CREATE DATABASE returns OWNER postventa;
CREATE DATABASE tickets OWNER postventa;
CREATE DATABASE notifications OWNER postventa;
CREATE DATABASE feedback OWNER postventa;
EOSQL
