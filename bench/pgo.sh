#!/usr/bin/env bash
# bench/pgo.sh — regenerates cmd/jixiao/default.pgo, the CPU profile that
# `go build` uses for profile-guided optimisation of jixiao (Go's -pgo=auto):
# eval of 1,000,000 generated grid-center units to csv, and of 100,000 to
# json and to csv with explanations, merged. Run it after changes to the
# hot path, then check the gain with bench/whole.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
go build -pgo=off -o "$OUT/jixiao-nopgo" ./cmd/jixiao
for n in 1000000 100000; do
	if [ ! -f "$OUT/units-$n.csv" ]; then
		"$OUT/jixiao-nopgo" gen -r grid-center -n "$n" --seed 1 -o "$OUT/units-$n.csv" 2>/dev/null
	fi
done
run() { "$OUT/jixiao-nopgo" eval -r grid-center "$@" >/dev/null 2>&1 || [ $? -eq 1 ]; }
run -d "$OUT/units-1000000.csv" -f csv -o "$OUT/pgo.out" --cpuprofile "$OUT/pgo-csv.prof"
run -d "$OUT/units-100000.csv" -f json -o "$OUT/pgo.out" --cpuprofile "$OUT/pgo-json.prof"
run -d "$OUT/units-100000.csv" -f csv --explain -o "$OUT/pgo.out" --cpuprofile "$OUT/pgo-explain.prof"
rm -f "$OUT/pgo.out"
go tool pprof -proto "$OUT/pgo-csv.prof" "$OUT/pgo-json.prof" "$OUT/pgo-explain.prof" >cmd/jixiao/default.pgo
echo "wrote cmd/jixiao/default.pgo ($(wc -c <cmd/jixiao/default.pgo) bytes)"
