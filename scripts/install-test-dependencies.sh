#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven's dependencies: Debian's Chromium and ChromeDriver for the browser
# tests, Debian's Python Sentry SDK and Node.js with @sentry/node (from npm) for the SDK tests. Idempotent: installs
# only what is missing. Used by .ci/run; run it once on a new machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
/usr/bin/python3 -c 'import sentry_sdk' >/dev/null 2>&1 || packages+=(python3-sentry-sdk)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

if [ ${#packages[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "Install ${packages[*]} with your system's package manager for the browser and SDK tests." >&2
        exit 1
    fi
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    echo "Installing ${packages[*]} for the browser and SDK tests..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# The Node SDK, at the version of package-lock.json.
if [ ! -d "$here/src/test/sdk/node/node_modules/@sentry/node" ]; then
    echo "Installing @sentry/node for the SDK tests..." >&2
    (cd "$here/src/test/sdk/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
