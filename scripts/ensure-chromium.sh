#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing and we may (root).
# Never fails the build: without Chromium the browser tests skip with a reason.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium is missing and cannot be installed here; browser tests will skip." >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; then
  echo "ensure-chromium: apt-get could not install chromium; browser tests will skip." >&2
fi
exit 0
