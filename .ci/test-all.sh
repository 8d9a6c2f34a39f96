#!/usr/bin/env bash
# Runs every check (lint, typecheck, unit + engine + model tests, the CLI contract for every model,
# end-to-end in Chromium when configured) and ends with the plain line `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
step() { # step NAME CMD...: one pass/fail count for a whole command
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
counted() { # counted FILE NAME CMD...: add a runner's own counts from its JSON file
  local file=$1 name=$2; shift 2
  rm -f "$file"
  echo "== $name"
  "$@"; local rc=$?
  if [ -f "$file" ]; then
    passed=$((passed + $(node -p "require('./$file').passed")))
    failed=$((failed + $(node -p "require('./$file').failed")))
  fi
  if [ $rc -ne 0 ] && { [ ! -f "$file" ] || [ "$(node -p "require('./$file').failed")" = 0 ]; }; then
    failed=$((failed + 1)); echo "FAILED: $name exited $rc"
  fi
}

step lint npx eslint .
step typecheck npx tsc --noEmit -p .
counted .vitest-counts.json vitest npx vitest run
for model in $(npx tsx -e "import('./src/scenarios/catalog.ts').then(m => console.log(m.MODELS.map(x => x.name).join(' ')))"); do
  step "contract $model" node ../shared/tools/check-contract.mjs --model "$model" --duration 5ms --warmup 1ms
done
if [ -f playwright.config.ts ]; then
  counted e2e/.counts.json e2e npx playwright test
else
  echo "== e2e: no playwright.config.ts yet, skipped"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
