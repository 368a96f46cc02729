#!/usr/bin/env bash
# Install and start PostgreSQL 15 + PostGIS 3 (Debian 12, as root) for the store's test suite.
#
# Creates role tpm (password tpm) and database tpm_test with the postgis extension, then prints
#   export TPM_TEST_POSTGRES_URL=postgresql+psycopg://tpm:tpm@127.0.0.1:5432/tpm_test
# on stdout (everything else goes to stderr), so a caller can do:
#   eval "$(bash scripts/ci_postgres.sh)"
# Idempotent: safe to run when everything is already installed and running.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_PORT="${PG_PORT:-5432}"
DB_USER="${TPM_PG_USER:-tpm}"
DB_PASS="${TPM_PG_PASSWORD:-tpm}"
DB_NAME="${TPM_PG_DB:-tpm_test}"
export DEBIAN_FRONTEND=noninteractive

log() { echo "ci_postgres: $*" >&2; }

if [ "$(id -u)" != "0" ]; then
  log "must run as root (apt-get, pg_ctlcluster)"; exit 1
fi

# apt-get with retries: another process may hold the dpkg/apt lock for a while.
apt_retry() {
  local i
  for i in $(seq 1 30); do
    if apt-get -o DPkg::Lock::Timeout=60 "$@" >&2; then return 0; fi
    log "apt-get $1 failed (attempt $i), retrying in 10 s"
    sleep 10
  done
  return 1
}

pkgs=(postgresql "postgresql-${PG_VERSION}" "postgresql-${PG_VERSION}-postgis-3")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  if ! apt_retry install -y --no-install-recommends "${missing[@]}"; then
    apt_retry update
    apt_retry install -y --no-install-recommends "${missing[@]}"
  fi
fi

# A cluster to run (the postgresql package normally creates "main").
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} main"; then
  log "creating cluster ${PG_VERSION}/main"
  pg_createcluster "${PG_VERSION}" main --port "${PG_PORT}" >&2
fi
if ! pg_lsclusters -h | awk -v v="${PG_VERSION}" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster ${PG_VERSION}/main"
  pg_ctlcluster "${PG_VERSION}" main start >&2 || service postgresql start >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="${PG_VERSION}" '$1==v && $2=="main" {print $3}')

for i in $(seq 1 60); do
  if su postgres -c "psql -p ${PORT} -Atqc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

psql_su() { su postgres -c "psql -v ON_ERROR_STOP=1 -p ${PORT} -Atq $*"; }

if [ -z "$(psql_su "-c \"select 1 from pg_roles where rolname='${DB_USER}'\"")" ]; then
  log "creating role ${DB_USER}"
  psql_su "-c \"create role ${DB_USER} login password '${DB_PASS}' createdb\""
else
  psql_su "-c \"alter role ${DB_USER} login password '${DB_PASS}' createdb\""
fi
if [ -z "$(psql_su "-c \"select 1 from pg_database where datname='${DB_NAME}'\"")" ]; then
  log "creating database ${DB_NAME}"
  psql_su "-c \"create database ${DB_NAME} owner ${DB_USER}\""
fi
psql_su "-d ${DB_NAME} -c \"create extension if not exists postgis\""
# Tests create a schema per test module; the role owns the database, so it may.
psql_su "-d ${DB_NAME} -c \"grant all on schema public to ${DB_USER}\""

ver=$(psql_su "-d ${DB_NAME} -c \"select postgis_lib_version()\"")
log "PostgreSQL ${PG_VERSION} on port ${PORT} with PostGIS ${ver} is ready"
echo "export TPM_TEST_POSTGRES_URL=postgresql+psycopg://${DB_USER}:${DB_PASS}@127.0.0.1:${PORT}/${DB_NAME}"
