#!/usr/bin/env bash
# Validates RDF files against SHACL shapes with rdf-validate-shacl (from the npm registry),
# installing it beside this script on first use.
#   check.sh SHAPES.ttl DATA.ttl [MORE.ttl ...]
# Exit 0 conforms, 1 violations, 2 unreadable input, 77 (skip) when node or the package cannot be
# had; the skip says so loudly, since the exports then went unchecked.
set -u
here="$(cd "$(dirname "$0")" && pwd)"

skip() {
  echo "################################################################" >&2
  echo "SKIPPED: SHACL validation did not run: $*" >&2
  echo "################################################################" >&2
  exit 77
}

command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
if [ ! -d "$here/node_modules/rdf-validate-shacl" ] || [ ! -d "$here/node_modules/n3" ]; then
  command -v npm >/dev/null || skip "npm is not installed (apt-get install npm)"
  # Two test runs may start at once; one installs while the other waits.
  (
    flock 9
    [ -d "$here/node_modules/rdf-validate-shacl" ] && [ -d "$here/node_modules/n3" ] ||
      (cd "$here" && timeout 600 npm install --no-audit --no-fund --loglevel=error >&2)
  ) 9>"$here/.install.lock" || skip "npm install of rdf-validate-shacl failed (is the npm registry reachable?)"
fi
exec node "$here/validate.mjs" "$@"
