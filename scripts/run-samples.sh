#!/usr/bin/env bash
# The README's first command: installs what is missing, builds diplograph (Release, build/), and
# runs its embedded default job, `diplograph build`: samples/dispatches/ -> out/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs="${DIPLOGRAPH_JOBS:-$(nproc)}"

bash scripts/setup.sh

# A build/ configured by another generator cannot be reconfigured for Ninja in place.
if [[ -f build/CMakeCache.txt ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' build/CMakeCache.txt
then
  echo "run-samples: build/ was configured with another CMake generator; remove it first:" >&2
  echo "  rm -rf build" >&2
  exit 1
fi

echo "run-samples: configuring a Release build in build/"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
echo "run-samples: building diplograph (-j${jobs})"
cmake --build build --target diplograph -j "${jobs}"

echo "run-samples: ./build/diplograph build   (samples/dispatches -> out/)"
status=0
./build/diplograph build || status=$?
if ((status != 0)); then
  echo "run-samples: diplograph build exited with status ${status}" >&2
  exit "${status}"
fi

echo
echo "run-samples: outputs in $(pwd)/out/:"
for file in out/*; do
  if [[ -f "${file}" ]]; then
    printf '  %-28s %10d bytes\n' "${file}" "$(stat -c %s "${file}")"
  fi
done
echo "run-samples: README.md ('Outputs') says what each file holds."
