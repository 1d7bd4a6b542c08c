#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, so that `npm test` works on a fresh machine:
# kcat, tmux, chromium and a Chinese font (the web board's browser test drives Chromium with
# playwright-core) from Debian; kafka-python and rocketmq-python-client in a project-local
# virtualenv. The brokers' jars come from Maven Central when the suite starts the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v kcat >/dev/null 2>&1 || need_apt+=(kcat)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} with apt-get"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

for tool in java keytool mvn python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup: $tool is required but not installed" >&2; exit 1; }
done

VENV=.cache/venv
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV"
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import kafka, rocketmq' >/dev/null 2>&1; then
  echo "setup: installing Python test clients into $VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r test/python/requirements.txt
fi
echo "setup: kcat $(kcat -V 2>/dev/null | sed -n 's/.*kcat - .* version \([^ ]*\).*/\1/p;q'), $("$VENV/bin/python" -c 'import kafka; print("kafka-python", kafka.__version__)'), $("$VENV/bin/python" -m pip show rocketmq-python-client 2>/dev/null | sed -n 's/^Version: /rocketmq-python-client /p')"
