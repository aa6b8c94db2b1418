#!/usr/bin/env bash
# Installs, on a fresh Debian 12 machine, what building and testing OpenAdr.Edge needs beyond the .NET SDK:
# the native toolchain NativeAOT links with, the static SQLite the binary links in, and qemu-user, under which .ci/run
# runs the linux-arm64 binary, and Python's lxml and cryptography for a signature interop test. Idempotent; does
# nothing when all is there.
set -euo pipefail
missing=()
# With the arm64 packages of publish.sh beside them, a bare package name is ambiguous to dpkg: ask for this machine's.
arch=$(dpkg --print-architecture)
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s "zlib1g-dev:$arch" >/dev/null 2>&1 || missing+=("zlib1g-dev:$arch")
dpkg -s "libsqlite3-dev:$arch" >/dev/null 2>&1 || missing+=("libsqlite3-dev:$arch")
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v qemu-aarch64 >/dev/null 2>&1 || missing+=(qemu-user)
# The libraries OpenLEADR verifies XML signatures with (signxml over lxml): a test checks what we sign against them.
/usr/bin/python3 -c 'import lxml, cryptography' >/dev/null 2>&1 || missing+=(python3-lxml python3-cryptography)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "the .NET SDK 10 must be installed (dotnet on PATH)"; exit 1; }
