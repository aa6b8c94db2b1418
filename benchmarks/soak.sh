#!/usr/bin/env bash
# Soak (issue #6): the AOT binary under a gateway's steady load for a long time. 10,000 VENs, each with one active
# event, poll every 10 s (1,000 polls/s) and send telemetry every minute. Samples the VTN's resident set and the
# database size every 10 s, and prints: errors, RSS after warm-up against the largest RSS after it (flat = within
# 5%), and how the database grew against what the report rows explain. Results land in benchmarks/results/Soak.md.
# Usage: benchmarks/soak.sh [--vens 10000] [--minutes 30] [--warmup 5]
set -euo pipefail
cd "$(dirname "$0")/.."
vens=10000; minutes=30; warmup=5
while [ $# -gt 0 ]; do
  case "$1" in
    --vens) vens=$2; shift 2;; --minutes) minutes=$2; shift 2;; --warmup) warmup=$2; shift 2;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
bash ./scripts/install-prerequisites.sh

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "publishing (AOT, linux-x64)"
dotnet publish src/OpenAdr.Edge.Host -c Release -r linux-x64 -o "$work/vtn" -nologo -v q >/dev/null
dotnet publish benchmarks/OpenAdr.Edge.LoadTool -c Release -r linux-x64 -o "$work/load" -nologo -v q >/dev/null

start_vtn() {
  (cd "$work" && exec ./vtn/openadr-edge --OpenAdr:Database "$work/vtn.db" --OpenAdr:Url http://127.0.0.1:18080 \
     --OpenAdr:Operator:Url http://127.0.0.1:18081 --Logging:LogLevel:Default Warning >>"$work/vtn.log" 2>&1) &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18081/alive >/dev/null && return; sleep 0.05; done
  echo "the VTN did not start"; cat "$work/vtn.log"; exit 1
}
db_bytes() { du -cb "$work"/vtn.db* | tail -1 | cut -f1; }
rows() { curl -sf http://127.0.0.1:18081/metrics | awk '/^openadr_report_points_stored_total/ { print $2 }'; }

echo "seeding $vens VENs, one active event each"
start_vtn
"$work/load/openadr-load" --url http://127.0.0.1:18080/OpenADR2/Simple/2.0b --vens "$vens" --connections 32 \
  --register-only --venids "$work/venids.txt" --prefix soak | tail -1
awk 'BEGIN { printf "{\"venIds\":[" } { printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }
     END { printf "],\"signalName\":\"SIMPLE\",\"signalType\":\"level\",\"intervals\":[{\"start\":\"%s\",\"duration\":\"%s\",\"value\":1}]}", start, duration }' \
  start="$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)" duration="$(printf '%02d:00:00' $((minutes / 60 + 2)))" "$work/venids.txt" > "$work/events.json"
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary @"$work/events.json" http://127.0.0.1:18081/api/events
kill "$pid"; wait "$pid" 2>/dev/null || true

start_vtn; vtn=$pid
"$work/load/openadr-load" --url http://127.0.0.1:18080/OpenADR2/Simple/2.0b --use-venids "$work/venids.txt" --vens "$vens" \
  --connections 64 --interval 10 --telemetry 60 --duration $((minutes * 60)) > "$work/load.log" 2>&1 &
load=$!; pids+=("$load")
samples="$work/samples.tsv"
printf 'second\trss_mb\tdb_mb\treport_points\n' > "$samples"
started=$SECONDS
while kill -0 "$load" 2>/dev/null; do
  printf '%d\t%.1f\t%.1f\t%s\n' $((SECONDS - started)) "$(awk '/VmRSS/ { print $2 / 1024 }' "/proc/$vtn/status")" \
    "$(awk -v b="$(db_bytes)" 'BEGIN { print b / 1048576 }')" "$(rows)" >> "$samples"
  sleep 10
done
wait "$load" || true
peak=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$vtn/status")
gc=$(curl -sf http://127.0.0.1:18081/metrics | awk '/^(dotnet_gc|process_resident)/ { printf "%s %.1f MB; ", $1, $2 / 1048576 }')
kill "$vtn"; wait "$vtn" 2>/dev/null || true

summary=$(awk -F'\t' -v warm=$((warmup * 60)) '
  NR == 1 { next }
  $1 >= warm && !base { base = $2; base_db = $3; base_points = $4; base_t = $1 }
  $1 >= warm { if ($2 > max) max = $2; if (!min || $2 < min) min = $2; last_db = $3; last_points = $4; last_t = $1 }
  END {
    printf "RSS after %d s warm-up: %.1f MB; after it: min %.1f MB, max %.1f MB (%+.1f%%)\n", warm, base, min, max, (max - base) * 100 / base
    points = last_points - base_points; grown = (last_db - base_db) * 1048576
    printf "database: %.1f MB -> %.1f MB in %d s; %d report points stored meanwhile, %.0f bytes of file per point\n", base_db, last_db, last_t - base_t, points, (points > 0 ? grown / points : 0)
  }' "$samples")
load_summary=$(tail -5 "$work/load.log")
{
  echo "# Soak (benchmarks/soak.sh --vens $vens --minutes $minutes --warmup $warmup)"
  echo
  echo '```'
  echo "$summary"
  echo "peak RSS over the whole run: $peak MB"
  echo "at its end: $gc"
  echo "$load_summary"
  echo '```'
  echo
  echo "Samples every 10 s (second, RSS MB, database MB incl. WAL, report points stored since start):"
  echo
  echo '```'
  awk 'NR == 1 || (NR - 2) % 6 == 0' "$samples"
  echo '```'
  echo
  echo "Machine: see machine.md. The load tool runs on the same 2 cores as the VTN."
} > benchmarks/results/Soak.md
cat benchmarks/results/Soak.md | head -12
grep -q '^errors *0$' <<<"$load_summary" || { echo "the soak had errors"; exit 1; }
