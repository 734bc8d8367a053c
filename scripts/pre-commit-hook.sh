#!/usr/bin/env bash
# The pre-commit hook: builds the CLI once inside pre-commit's copy of this repository, then checks the
# repository being committed (pre-commit runs hooks from its root). Needs Node.js 20 or later on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$here/out/src/cli/main.js" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent >/dev/null && npx --no-install tsc -p tsconfig.json) >&2
fi
exec node "$here/bin/clausemark.js" check "$@"
