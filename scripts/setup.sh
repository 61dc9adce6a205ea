#!/usr/bin/env bash
# Installs the system packages the build and the tests need (idempotent).
set -eu
need=""
for pkg in $(grep -v '^#' scripts/apt-packages.txt); do
    dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done
if [ -n "$need" ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
fi
