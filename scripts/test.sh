#!/usr/bin/env bash
# The whole test suite on a fresh machine: tools, build, type check, lint, unit tests, then the live
# tests against the sandbox brokers that the suite starts itself (and stops at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-env.sh
node scripts/build.mjs
npx tsc --noEmit
npx biome check src test scripts
npx depcruise src --config .dependency-cruiser.cjs
npx vitest run --project unit
npx vitest run --project live
