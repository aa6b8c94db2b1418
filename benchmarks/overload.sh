#!/usr/bin/env bash
# Overload (issue #6): openadr-edge with a low OpenAdr:MaxConcurrentRequests, driven by wrk with as many connections
# as the limit (1x) and ten times that (10x), for polls (answered from memory) and for oadrRegisterReport (stored
# before it is answered, so requests wait for the disk). Prints requests/s, the share of 503s, latency percentiles
# and the peak RSS of each run, and writes them to benchmarks/results/Overload.md.
# Usage: benchmarks/overload.sh [--binary dist/openadr-edge-linux-x64] [--limit 64] [--factor 10] [--duration 20] [--vens 2000]
#                                [--extra <connections>]   (one more run of each message with that many connections)
#                                [--max-connections <n>]   (OpenAdr:MaxConnections) [--output benchmarks/results/Overload.md]
# Run it holding the build lock so that no build runs beside it: flock /tmp/openadr-build.lock benchmarks/overload.sh
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""; limit=64; factor=10; duration=20; vens=2000; extra=""; max_connections=""; output=benchmarks/results/Overload.md
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2;; --limit) limit=$2; shift 2;; --factor) factor=$2; shift 2;;
    --duration) duration=$2; shift 2;; --vens) vens=$2; shift 2;; --extra) extra=$2; shift 2;;
    --max-connections) max_connections=$2; shift 2;; --output) output=$2; shift 2;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$binary" ]; then
  echo "publishing openadr-edge (AOT, linux-x64)"
  dotnet publish src/OpenAdr.Edge.Host -c Release -r linux-x64 -o "$work/vtn" -nologo -v q >/dev/null
  binary=$work/vtn/openadr-edge
fi
dotnet build benchmarks/OpenAdr.Edge.LoadTool -c Release -o "$work/load" -nologo -v q >/dev/null
read -r port operator < <(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

start_vtn() {
  "$binary" --OpenAdr:Database "$work/vtn.db" --OpenAdr:Url "http://127.0.0.1:$port" --OpenAdr:Operator:Url "http://127.0.0.1:$operator" \
    --OpenAdr:MaxConcurrentRequests "$limit" ${max_connections:+--OpenAdr:MaxConnections "$max_connections"} --Logging:LogLevel:Default Warning >>"$work/vtn.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$operator/alive" >/dev/null && return; sleep 0.05; done
  echo "the VTN did not start"; cat "$work/vtn.log"; exit 1
}
stop_vtn() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
memory() { awk '/VmHWM/ { hwm = $2 } /VmRSS/ { rss = $2 } END { printf "peak RSS %.1f MB, RSS at the end %.1f MB", hwm / 1024, rss / 1024 }' "/proc/$1/status"; }

echo "seeding $vens registered VENs"
start_vtn
dotnet "$work/load/openadr-load.dll" --url "http://127.0.0.1:$port/OpenADR2/Simple/2.0b" --vens "$vens" --connections 32 \
  --register-only --venids "$work/venids.txt" --prefix overload >/dev/null
stop_vtn
start_vtn
idle=$(memory "$pid")
stop_vtn

results=()
for message in poll registerReport; do
  for connections in "$limit" $((limit * factor)) $extra; do
    start_vtn
    out=$(VENIDS_FILE="$work/venids.txt" MESSAGE=$message wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s benchmarks/overload.lua "http://127.0.0.1:$port" | grep '^wrk:')
    results+=("$(printf '%-14s %5d connections (%3dx the limit): %s; %s' "$message" "$connections" $((connections / limit)) "${out#wrk: }" "$(memory "$pid")")")
    echo "${results[-1]}"
    stop_vtn
  done
done

warnings=$(grep -c 'requests in flight:' "$work/vtn.log" || true)
mkdir -p "$(dirname "$output")"
{
  echo "# Overload (benchmarks/overload.sh --limit $limit --factor $factor --duration $duration --vens $vens${extra:+ --extra $extra}${max_connections:+ --max-connections $max_connections})"
  echo
  echo "openadr-edge with \`--OpenAdr:MaxConcurrentRequests $limit\`${max_connections:+ and \`--OpenAdr:MaxConnections $max_connections\`}, $vens registered VENs; each run on a fresh start of the binary:"
  echo "\`VENIDS_FILE=venids.txt MESSAGE=<poll|registerReport> wrk -t2 -c<connections> -d${duration}s --timeout 10s -s benchmarks/overload.lua\`."
  echo "Idle after start: $idle."
  echo
  echo '```'
  printf '%s\n' "${results[@]}"
  echo '```'
  echo
  echo "Log lines \"More than $limit requests in flight: ...\" (one per 10 s at most, with the count) over all runs: $warnings."
  echo
  echo "Machine: see [machine.md](machine.md)."
} > "$output"
echo "written to $output"
