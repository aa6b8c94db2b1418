#!/usr/bin/env bash
# Runs the payload benchmarks and stores their tables, with the machine they ran on, in benchmarks/results/.
# Usage: benchmarks/run.sh [extra BenchmarkDotNet arguments, e.g. --job short]
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results
mkdir -p "$out"
filter=(--filter '*'); case " $* " in *' --filter '*) filter=();; esac
dotnet run -c Release --project benchmarks/OpenAdr.Edge.Benchmarks -- "${filter[@]}" --exporters github --artifacts artifacts/benchmarks "$@"
for report in artifacts/benchmarks/results/*-report-github.md; do
  name=$(basename "$report" -report-github.md)
  cp "$report" "$out/${name##*.}.md"
done
{
  echo "# The machine these results ran on"
  echo
  echo '```'
  lscpu | grep -E 'Model name|^CPU\(s\)|Thread|MHz' || true
  free -h | head -2
  uname -sr
  dotnet --version
  echo '```'
} > "$out/machine.md"
echo "results in $out"
