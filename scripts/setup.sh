#!/usr/bin/env bash
# Installs the Debian (bookworm) packages that diplograph needs to build and test: only the
# missing ones, so a second run does nothing. As root it installs them itself; otherwise it
# prints the command to run and exits 1.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config  # toolchain
  libboost-graph-dev rapidjson-dev catch2 libutf8proc-dev libcli11-dev libxml2-dev
  librdf0-dev libraptor2-dev librasqal3-dev  # Redland: librdf, raptor, rasqal
  raptor2-utils serdi libxml2-utils python3-networkx rasqal-utils redland-utils  # test readers
  graphviz  # DOT check of the exports (the SHACL check uses the machine's node and npm, else skips)
  # src/store: librdf storages, SQLite, PostgreSQL and Virtuoso (ODBC) clients
  librdf-storage-sqlite librdf-storage-postgresql libsqlite3-dev libpq-dev unixodbc-dev libvirtodbc0
  postgresql virtuoso-opensource  # throwaway servers of the store tests
  libgraphviz-dev  # src/analysis: pictures
  chromium  # loads report.html headless in tests/cli/render_report.sh (skipped without it)
  clang  # libFuzzer for bench/fuzz.sh; its FuzzedDataProvider.h for the fuzz_writers test
  libboost-mpi-dev openmpi-bin  # build --mpi (optional: DIPLOGRAPH_MPI) and its test
)

# dpkg -s also answers for a package that was removed but left its configuration files, so the
# Status line must say "install ok installed".
is_installed() {
  dpkg -s "$1" 2>/dev/null | grep -qx 'Status: install ok installed'
}

missing=()
for package in "${packages[@]}"; do
  is_installed "${package}" || missing+=("${package}")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} Debian packages are installed"
  exit 0
fi

echo "setup: missing Debian packages: ${missing[*]}"
if ((EUID != 0)); then
  echo "setup: not root; install them as root (or with sudo), then run this again:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Wait for another apt or dpkg run (unattended upgrades) instead of failing on its lock.
apt_options=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
echo "setup: apt-get update"
apt-get "${apt_options[@]}" update -q
echo "setup: apt-get install ${missing[*]}"
apt-get "${apt_options[@]}" install -y -q "${missing[@]}"

still_missing=()
for package in "${missing[@]}"; do
  is_installed "${package}" || still_missing+=("${package}")
done
if ((${#still_missing[@]} > 0)); then
  echo "setup: still not installed: ${still_missing[*]}" >&2
  exit 1
fi
echo "setup: installed ${missing[*]}"
