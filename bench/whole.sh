#!/usr/bin/env bash
# bench/whole.sh — whole-process timings of jixiao eval, measured with
# /usr/bin/time -v, beside a minimal hand-written Go program
# (bench/baseline: reads the same CSV with encoding/csv and writes a row
# per unit).
#
#   bench/whole.sh                      # 1,000,000 and 100,000 grid-center units, 5 runs each
#   RUNS=9 bench/whole.sh
#   N=200000 SMALL=20000 bench/whole.sh  # a quicker look
#
# It builds both programs into bench/out/ (ignored by git), generates the
# units once with `jixiao gen` (deterministic, cached there), then runs,
# in turn within each round, the baseline and `jixiao eval -f csv` on N
# units, `jixiao eval -f csv` on SMALL units, and, on SMALL units, eval
# with and without explanations (csv and json). It prints the median wall
# time and peak resident memory of each, the median of the per-round
# ratios jixiao/baseline (the two runs of a round are next to each other,
# so a drift of the machine's speed hits both), the ratio of the peak
# memory of the N run to the SMALL run, and the explanation ratios.
# Outputs are removed before each run: ext4 flushes a file that is
# replaced or truncated, which would time the disk, not the program.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
N=${N:-1000000}
SMALL=${SMALL:-100000}
OUT=bench/out
mkdir -p "$OUT"

echo "building..." >&2
go build -o "$OUT/jixiao" ./cmd/jixiao
go build -o "$OUT/baseline" ./bench/baseline
for n in "$N" "$SMALL"; do
	if [ ! -f "$OUT/units-$n.csv" ]; then
		echo "generating $n grid-center units..." >&2
		"$OUT/jixiao" gen -r grid-center -n "$n" --seed 1 -o "$OUT/units-$n.csv" 2>/dev/null
	fi
done

# run NAME CMD...: runs CMD once under /usr/bin/time -v and appends
# "wall_seconds peak_kib" to $OUT/NAME.times.
run() {
	local name=$1
	shift
	rm -f "$OUT/result.csv" "$OUT/result.json"
	/usr/bin/time -v -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || {
		local code=$?
		# jixiao exits 1 when some units failed; anything else is a failure.
		if [ "$code" -ne 1 ]; then
			echo "$name failed ($code):" >&2
			cat "$OUT/stderr.txt" >&2
			exit 1
		fi
	}
	awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
		/Maximum resident set size/ { rss = $2 }
		END { printf "%.3f %d\n", wall, rss }' "$OUT/time.txt" >>"$OUT/$name.times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$OUT/$1.times"; }

rm -f "$OUT"/*.times
for i in $(seq "$RUNS"); do
	echo "round $i of $RUNS..." >&2
	run baseline "$OUT/baseline" "$OUT/units-$N.csv" "$OUT/result.csv"
	run eval "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$N.csv" -f csv -o "$OUT/result.csv"
	run eval-small "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f csv -o "$OUT/result.csv"
	run csv-explain "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f csv --explain -o "$OUT/result.csv"
	run json-plain "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f json --explain=false -o "$OUT/result.json"
	run json "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f json -o "$OUT/result.json"
done

# ratio A B: the median of the per-round ratios of column 1 (wall).
ratio() { paste <(col "$1" 1) <(col "$2" 1) | awk '{ printf "%.3f\n", $1 / $2 }' | median; }

printf '\n%-46s %14s %14s\n' "run (machine: $(nproc) cores)" "median wall s" "peak RSS MiB"
show() { printf '%-46s %14s %14s\n' "$2" "$(col "$1" 1 | median)" "$(col "$1" 2 | median | awk '{ printf "%.1f", $1 / 1024 }')"; }
show baseline "baseline, $N units (encoding/csv)"
show eval "jixiao eval -f csv, $N units"
show eval-small "jixiao eval -f csv, $SMALL units"
show csv-explain "jixiao eval -f csv --explain, $SMALL units"
show json-plain "jixiao eval -f json --explain=false, $SMALL"
show json "jixiao eval -f json, $SMALL units"
echo
echo "jixiao / baseline, $N units (median of $RUNS paired runs): $(ratio eval baseline)"
echo "peak RSS, $N units / $SMALL units: $(paste <(col eval 2 | median) <(col eval-small 2 | median) | awk '{ printf "%.3f", $1 / $2 }')"
echo "explanations on / off, csv, $SMALL units: $(ratio csv-explain eval-small)"
echo "explanations on / off, json, $SMALL units: $(ratio json json-plain)"
