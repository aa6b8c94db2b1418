#!/usr/bin/env bash
# Mutual TLS against plain HTTP, on this machine, in one run (issue #5): publishes openadr-edge and the load tool,
# makes a PKI with `openadr-edge cert`, and measures polls/s over keep-alive connections with the load tool, plain
# then mutual TLS (same VEN count, connections and duration), and full TLS 1.2 handshakes per second with the RSA and
# the ECC server certificate (the two suites OpenADR mandates). Results land in benchmarks/results/TlsThroughput.md.
# Usage: benchmarks/tls-throughput.sh [--vens 1000] [--duration 15] [--connections 64]
set -euo pipefail
cd "$(dirname "$0")/.."
vens=1000; duration=15; connections=64
while [ $# -gt 0 ]; do
  case "$1" in
    --vens) vens=$2; shift 2;; --duration) duration=$2; shift 2;; --connections) connections=$2; shift 2;;
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
"$work/vtn/openadr-edge" cert init "$work/pki" >/dev/null
"$work/vtn/openadr-edge" cert ven "$work/pki" load-ven >/dev/null

start() { # $1 database, then settings
  local db=$1; shift
  (cd "$work" && exec ./vtn/openadr-edge --OpenAdr:Database "$db" --OpenAdr:Operator:Url http://127.0.0.1:18281 \
     --Logging:LogLevel:Default Warning "$@" >>"$work/vtn.log" 2>&1) &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18281/alive >/dev/null && return; sleep 0.05; done
  echo "the VTN did not start"; cat "$work/vtn.log"; exit 1
}

start "$work/plain.db" --OpenAdr:Url http://127.0.0.1:18280
plain=$("$work/load/openadr-load" --url http://127.0.0.1:18280/OpenADR2/Simple/2.0b --vens "$vens" --connections "$connections" --max --duration "$duration" | tail -4)
kill "$pid"; wait "$pid" 2>/dev/null || true

tls=(--OpenAdr:Tls:Certificate "$work/pki/server-rsa.pem" --OpenAdr:Tls:Key "$work/pki/server-rsa.key"
     --OpenAdr:Tls:EcdsaCertificate "$work/pki/server-ecc.pem" --OpenAdr:Tls:EcdsaKey "$work/pki/server-ecc.key"
     --OpenAdr:Tls:ClientCa "$work/pki/ca.pem" --OpenAdr:Tls:Url https://127.0.0.1:18443)
client=(--cert "$work/pki/load-ven.pem" --key "$work/pki/load-ven.key" --ca "$work/pki/ca.pem")
start "$work/tls.db" "${tls[@]}"
mutual=$("$work/load/openadr-load" --url https://127.0.0.1:18443/OpenADR2/Simple/2.0b "${client[@]}" --vens "$vens" --connections "$connections" --max --duration "$duration" | tail -4)
rsa=$("$work/load/openadr-load" --url https://127.0.0.1:18443 "${client[@]}" --handshakes rsa --connections 8 --duration 10)
ecdsa=$("$work/load/openadr-load" --url https://127.0.0.1:18443 "${client[@]}" --handshakes ecdsa --connections 8 --duration 10)
kill "$pid"; wait "$pid" 2>/dev/null || true

rate() { echo "$1" | awk '/^polls/ { for (i = 1; i <= NF; i++) if ($i == "polls/s") print $(i - 1) }'; }
ratio=$(awk -v a="$(rate "$mutual")" -v b="$(rate "$plain")" 'BEGIN { printf "%.2f", a / b }')
report=$(printf 'plain HTTP, %s VENs, %s keep-alive connections, as fast as answered:\n%s\n\nmutual TLS, same load:\n%s\n\nmutual TLS / plain: %s\n\n%s\n%s\n' \
  "$vens" "$connections" "$plain" "$mutual" "$ratio" "$rsa" "$ecdsa")
echo "$report"
mkdir -p benchmarks/results
{
  echo "# Mutual TLS (benchmarks/tls-throughput.sh --vens $vens --duration $duration --connections $connections)"
  echo
  echo '```'
  echo "$report"
  echo '```'
  echo
  echo "The load tool and the server share the same two cores; compare the ratio, not the absolute figures."
} > benchmarks/results/TlsThroughput.md
