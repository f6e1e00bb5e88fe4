#!/bin/sh
# Installs Debian's Chromium and ChromeDriver for the report's browser tests
# (tests/test_report_browser.py). Never downloads a browser from anywhere else.
# Without root or sudo it only explains, and the browser tests are skipped with that reason.
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-browser: the browser tests need Debian's chromium and chromium-driver;" >&2
    echo "install-browser: run 'apt-get install chromium chromium-driver' as root, or they are skipped." >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get here; install Chromium and ChromeDriver of the same version by hand." >&2
    exit 0
fi
echo "install-browser: installing chromium and chromium-driver from Debian..." >&2
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
