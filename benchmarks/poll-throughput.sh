#!/usr/bin/env bash
# Poll throughput of openadr-edge against a bare-Kestrel reference, on this machine, in one run (issue #5):
# publishes both AOT binaries and the load tool, seeds the VTN with 10,000 registered VENs, then drives each server
# with the same wrk load (every request an oadrPoll from the next venID), alternating A B A B, and prints
# requests/s, latency percentiles, peak RSS and the ratio ours / reference. Results land in benchmarks/results/.
# Usage: benchmarks/poll-throughput.sh [--vens 10000] [--duration 15] [--connections 64] [--rounds 2] [--steady 60]
set -euo pipefail
cd "$(dirname "$0")/.."
vens=10000; duration=15; connections=64; rounds=2; steady_seconds=60
while [ $# -gt 0 ]; do
  case "$1" in
    --vens) vens=$2; shift 2;; --duration) duration=$2; shift 2;;
    --connections) connections=$2; shift 2;; --rounds) rounds=$2; shift 2;; --steady) steady_seconds=$2; shift 2;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bash ./scripts/install-prerequisites.sh

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "publishing (AOT, linux-x64)"
dotnet publish src/OpenAdr.Edge.Host -c Release -r linux-x64 -o "$work/vtn" -nologo -v q >/dev/null
dotnet publish benchmarks/OpenAdr.Edge.ReferenceServer -c Release -r linux-x64 -o "$work/reference" -nologo -v q >/dev/null
dotnet publish benchmarks/OpenAdr.Edge.LoadTool -c Release -r linux-x64 -o "$work/load" -nologo -v q >/dev/null

vtn_command=("$work/vtn/openadr-edge" --OpenAdr:Database "$work/vtn.db" --OpenAdr:Url http://127.0.0.1:18080
  --OpenAdr:Operator:Url http://127.0.0.1:18081 --Logging:LogLevel:Default Warning)
start_vtn() {
  (cd "$work" && exec "${vtn_command[@]}" >>"$work/vtn.log" 2>&1) &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18081/alive >/dev/null && return; sleep 0.05; done
  echo "the VTN did not start"; cat "$work/vtn.log"; exit 1
}
start_reference() {
  ("$work/reference/reference-server" --urls http://127.0.0.1:18090 >>"$work/reference.log" 2>&1) &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 100); do curl -sf -X POST -H 'Content-Type: application/xml' -d x http://127.0.0.1:18090/OpenADR2/Simple/2.0b/OadrPoll >/dev/null && return; sleep 0.05; done
  echo "the reference did not start"; exit 1
}
peak_rss_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

echo "seeding the VTN with $vens registered VENs"
start_vtn
"$work/load/openadr-load" --url http://127.0.0.1:18080/OpenADR2/Simple/2.0b --vens "$vens" --connections 32 \
  --register-only --venids "$work/venids.txt" --prefix seed
kill "$pid"; wait "$pid" 2>/dev/null || true

# Start-up: exec to the first answered poll, with the seeded database, five times.
startup=$(cd "$work" && ./load/openadr-load --url http://127.0.0.1:18080/OpenADR2/Simple/2.0b --use-venids "$work/venids.txt" --startup 5 -- "${vtn_command[@]}")
echo "$startup"

results=()
for round in $(seq 1 "$rounds"); do
  start_vtn; vtn=$pid
  out=$(VENIDS_FILE="$work/venids.txt" POLL_PATH=/OpenADR2/Simple/2.0b/OadrPoll wrk -t2 -c"$connections" -d"${duration}s" -s benchmarks/poll.lua http://127.0.0.1:18080 | grep '^wrk:')
  results+=("openadr-edge round $round: $out; peak RSS $(peak_rss_mb "$vtn") MB")
  kill "$vtn"; wait "$vtn" 2>/dev/null || true
  start_reference; ref=$pid
  out=$(VENIDS_FILE="$work/venids.txt" POLL_PATH=/OpenADR2/Simple/2.0b/OadrPoll wrk -t2 -c"$connections" -d"${duration}s" -s benchmarks/poll.lua http://127.0.0.1:18090 | grep '^wrk:')
  results+=("reference    round $round: $out; peak RSS $(peak_rss_mb "$ref") MB")
  kill "$ref"; wait "$ref" 2>/dev/null || true
done

# Polls that carry events: every VEN gets one active event, and each request is an oadrRequestEvent, answered with
# an oadrDistributeEvent composed then and there (the reference still answers its fixed oadrResponse).
start_vtn; vtn=$pid
awk 'BEGIN { printf "{\"venIds\":[" } { printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }
     END { printf "],\"signalName\":\"SIMPLE\",\"signalType\":\"level\",\"intervals\":[{\"start\":\"%s\",\"duration\":\"02:00:00\",\"value\":1}]}", start }' \
  start="$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)" "$work/venids.txt" > "$work/events.json"
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary @"$work/events.json" http://127.0.0.1:18081/api/events
kill "$vtn"; wait "$vtn" 2>/dev/null || true
for round in $(seq 1 "$rounds"); do
  start_vtn; vtn=$pid
  out=$(VENIDS_FILE="$work/venids.txt" MESSAGE=requestEvent EXPECT=oadrDistributeEvent POLL_PATH=/OpenADR2/Simple/2.0b/EiEvent wrk -t2 -c"$connections" -d"${duration}s" -s benchmarks/poll.lua http://127.0.0.1:18080 | grep '^wrk:')
  results+=("openadr-edge events round $round: $out; peak RSS $(peak_rss_mb "$vtn") MB")
  kill "$vtn"; wait "$vtn" 2>/dev/null || true
  start_reference; ref=$pid
  out=$(VENIDS_FILE="$work/venids.txt" POLL_PATH=/OpenADR2/Simple/2.0b/EiEvent wrk -t2 -c"$connections" -d"${duration}s" -s benchmarks/poll.lua http://127.0.0.1:18090 | grep '^wrk:')
  results+=("reference    events round $round: $out; peak RSS $(peak_rss_mb "$ref") MB")
  kill "$ref"; wait "$ref" 2>/dev/null || true
done

# A gateway's steady load: every VEN (each holding one active event) polls every 10 s and reports telemetry every minute.
start_vtn; vtn=$pid
steady=$("$work/load/openadr-load" --url http://127.0.0.1:18080/OpenADR2/Simple/2.0b --use-venids "$work/venids.txt" --vens "$vens" \
  --connections 64 --interval 10 --telemetry 60 --duration "$steady_seconds" | tail -5)
steady_rss=$(peak_rss_mb "$vtn")
steady_gc=$(curl -sf http://127.0.0.1:18081/metrics | awk '/^(dotnet_gc|process_resident)/ { printf "%s %.1f MB; ", $1, $2 / 1048576 }')
kill "$vtn"; wait "$vtn" 2>/dev/null || true

printf '%s\n' "${results[@]}"
ours=$(printf '%s\n' "${results[@]}" | awk '/^openadr-edge round/ { for (i = 1; i <= NF; i++) if ($i == "req/s,") { s += $(i - 1); n++ } } END { print s / n }')
ref=$(printf '%s\n' "${results[@]}" | awk '/^reference    round/ { for (i = 1; i <= NF; i++) if ($i == "req/s,") { s += $(i - 1); n++ } } END { print s / n }')
ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
echo "empty-queue polls, $vens VENs: openadr-edge $ours req/s, reference $ref req/s, ratio $ratio"
ours_events=$(printf '%s\n' "${results[@]}" | awk '/^openadr-edge events/ { for (i = 1; i <= NF; i++) if ($i == "req/s,") { s += $(i - 1); n++ } } END { print s / n }')
ref_events=$(printf '%s\n' "${results[@]}" | awk '/^reference    events/ { for (i = 1; i <= NF; i++) if ($i == "req/s,") { s += $(i - 1); n++ } } END { print s / n }')
ratio_events=$(awk -v a="$ours_events" -v b="$ref_events" 'BEGIN { printf "%.2f", a / b }')
echo "event-carrying answers, $vens VENs: openadr-edge $ours_events req/s, reference $ref_events req/s, ratio $ratio_events"
echo "steady load ($vens VENs every 10 s, telemetry every minute, one active event each, ${steady_seconds} s): peak RSS $steady_rss MB"
echo "at its end: $steady_gc"
echo "$steady"
mkdir -p benchmarks/results
{
  echo "# Poll throughput (benchmarks/poll-throughput.sh --vens $vens --duration $duration --connections $connections --rounds $rounds)"
  echo
  echo '```'
  printf '%s\n' "${results[@]}"
  echo "empty-queue polls, $vens VENs: openadr-edge $ours req/s, reference $ref req/s, ratio $ratio"
  echo "event-carrying answers, $vens VENs: openadr-edge $ours_events req/s, reference $ref_events req/s, ratio $ratio_events"
  echo "steady load ($vens VENs every 10 s, telemetry every minute, one active event each, ${steady_seconds} s): peak RSS $steady_rss MB"
  echo "at its end: $steady_gc"
  echo "$steady"
  echo "$startup, $vens VENs in the database"
  echo '```'
  echo
  echo "wrk -t2 -c$connections on the same 2-core machine as the servers (they share the CPU; compare the ratio, not the absolute figures)."
} > benchmarks/results/PollThroughput.md
