#!/bin/bash
# Runs once, when the compose stack's PostgreSQL starts on an empty volume: Keycloak gets its
# own role and database next to the portal's. The password comes from KEYCLOAK_DB_PASSWORD.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -v password="${KEYCLOAK_DB_PASSWORD}" \
  --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB}" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
