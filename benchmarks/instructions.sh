#!/usr/bin/env bash
# Instructions per read of each sample payload, as NativeAOT compiles the reader (the product's code): valgrind counts
# every instruction of 200 and of 400 reads, and the difference over 200 leaves out start-up. Unlike a timing, the
# count does not move with the machine's load, so it shows what a change to the reader saves on a noisy VM.
# Usage: benchmarks/instructions.sh [payload names...]   (default: all of ReadBenchmarks' payloads)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
out=artifacts/read-loop-aot
dotnet publish benchmarks/OpenAdr.Edge.ReadLoop -c Release -r linux-x64 -o "$out" -v quiet -nologo >/dev/null
# valgrind 3.19 cannot read the DWARF 5 of NativeAOT's separate symbol file; counting needs no symbols.
rm -f "$out"/*.dbg
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(oadrPoll oadrPoll-openleadr oadrResponse oadrDistributeEvent-1x4 oadrDistributeEvent-10 oadrUpdateReport-10 oadrRegisterReport-5)
count() { valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$out/read-loop" --reads "$2" "$1" 2>&1 | awk '/I *refs/ { gsub(",", "", $4); print $4 }'; }
printf '%-26s %12s\n' payload instructions
for name in "${names[@]}"; do
  printf '%-26s %12d\n' "$name" $(( ($(count "$name" 400) - $(count "$name" 200)) / 200 ))
done
