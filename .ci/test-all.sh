#!/usr/bin/env bash
# `npm test`: lint, typecheck, Vitest (unit, engine, model tests), the CLI contract for every model in
# src/scenarios/catalog.ts, and the end-to-end tests in Chromium. Lint, typecheck and each contract check
# count as one test each; Vitest and Playwright add their own counts. The last line is `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0

step() { # step NAME CMD...: one pass or one failure for a whole command
  local name=$1
  shift
  echo "== $name"
  if "$@" </dev/null; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

counted() { # counted FILE NAME CMD...: add a runner's own counts from the JSON file its reporter writes
  local file=$1 name=$2 rc p f
  shift 2
  rm -f "$file"
  echo "== $name"
  "$@" </dev/null
  rc=$?
  if [ -f "$file" ] && p=$(node -p "require('./$file').passed") && f=$(node -p "require('./$file').failed"); then
    passed=$((passed + p))
    failed=$((failed + f))
    # A runner that exits non-zero must have reported at least one failure.
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "FAILED: $name exited $rc"; fi
  else
    failed=$((failed + 1))
    echo "FAILED: $name exited $rc without writing $file"
  fi
}

step lint npm run --silent lint
step typecheck npm run --silent typecheck
counted .vitest-counts.json vitest npx vitest run

# The contract checker is shared tooling beside the project (../shared, or /work/shared for a clone
# made elsewhere); CONTRACT_CHECK may point to it explicitly.
checker=${CONTRACT_CHECK:-}
if [ -z "$checker" ]; then
  for c in ../shared/tools/check-contract.mjs /work/shared/tools/check-contract.mjs; do
    if [ -f "$c" ]; then checker=$c; break; fi
  done
fi
if models=$(npx tsx -e "import('./src/scenarios/catalog.ts').then((m) => console.log(m.MODELS.map((x) => x.name).join(' ')))" </dev/null) \
  && [ -n "$models" ]; then
  for model in $models; do
    if [ -n "$checker" ] && [ -f "$checker" ]; then
      step "contract $model" node "$checker" --model "$model" --duration 5ms --warmup 1ms
    else
      failed=$((failed + 1))
      echo "FAILED: contract $model: check-contract.mjs not found (set CONTRACT_CHECK)"
    fi
  done
else
  failed=$((failed + 1))
  echo "FAILED: could not list the models of src/scenarios/catalog.ts"
fi

if [ -f playwright.config.ts ]; then
  counted e2e/.counts.json e2e npx playwright test
else
  echo "== e2e: skipped (no playwright.config.ts yet)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
