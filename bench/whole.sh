#!/usr/bin/env bash
# bench/whole.sh — whole-process timings of `jixiao eval -r grid-center -f
# csv` against bench/hand, the same evaluation written by hand in plain
# Go (byte for byte the same output: bench/hand's tests, and a cmp here).
#
#   bench/whole.sh                       # 1,000,000 and 100,000 units, 5 rounds
#   RUNS=9 bench/whole.sh
#   N=200000 SMALL=20000 bench/whole.sh   # a quicker look
#   EXTRA=1 bench/whole.sh                # also explanations on/off, csv and json
#
# It builds both programs into bench/out/ (ignored by git) and generates
# the units once with `jixiao gen` (deterministic, cached there). Each
# round runs the two programs one after the other on N units, then on
# SMALL units, the order swapped every round, so that a drift of the
# shared machine's speed hits both runs of a pair. It prints the medians
# of wall time, CPU time (user + system) and peak resident memory, and the
# median over the rounds of each pair's ratio jixiao/hand: quote those,
# not the times. Outputs are removed before each run: ext4 flushes a file
# that is replaced or truncated, which would time the disk, not the
# program.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
N=${N:-1000000}
SMALL=${SMALL:-100000}
OUT=bench/out
mkdir -p "$OUT"

echo "building..." >&2
go build -o "$OUT/jixiao" ./cmd/jixiao
go build -o "$OUT/hand" ./bench/hand
for n in "$N" "$SMALL"; do
	if [ ! -f "$OUT/units-$n.csv" ]; then
		echo "generating $n grid-center units..." >&2
		"$OUT/jixiao" gen -r grid-center -n "$n" --seed 1 -o "$OUT/units-$n.csv" 2>/dev/null
	fi
done

# run NAME CMD...: runs CMD once under /usr/bin/time and appends
# "wall_seconds peak_kib cpu_seconds" to $OUT/NAME.times.
run() {
	local name=$1
	shift
	rm -f "$OUT/result.csv" "$OUT/result.json"
	/usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || {
		local code=$?
		# jixiao exits 1 when some units failed; anything else is a failure.
		if [ "$code" -ne 1 ]; then
			echo "$name failed ($code):" >&2
			cat "$OUT/stderr.txt" >&2
			exit 1
		fi
	}
	tail -n 1 "$OUT/time.txt" | awk '{ printf "%.3f %d %.3f\n", $1, $2, $3 + $4 }' >>"$OUT/$name.times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$OUT/$1.times"; }

# pair N ROUND: the hand program and jixiao on N units, in an order that
# alternates with the round.
pair() {
	local n=$1 round=$2
	if [ $((round % 2)) -eq 1 ]; then
		run "hand-$n" "$OUT/hand" "$OUT/units-$n.csv" "$OUT/result.csv"
		run "jixiao-$n" "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$n.csv" -f csv -o "$OUT/result.csv"
	else
		run "jixiao-$n" "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$n.csv" -f csv -o "$OUT/result.csv"
		run "hand-$n" "$OUT/hand" "$OUT/units-$n.csv" "$OUT/result.csv"
	fi
}

rm -f "$OUT"/*.times
echo "checking that both write the same bytes on $SMALL units..." >&2
"$OUT/hand" "$OUT/units-$SMALL.csv" "$OUT/hand.csv"
"$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f csv -o "$OUT/jixiao.csv" 2>/dev/null || [ $? -eq 1 ]
cmp "$OUT/hand.csv" "$OUT/jixiao.csv"
rm -f "$OUT/hand.csv" "$OUT/jixiao.csv"

for i in $(seq "$RUNS"); do
	echo "round $i of $RUNS..." >&2
	pair "$N" "$i"
	pair "$SMALL" "$i"
	if [ -n "${EXTRA:-}" ]; then
		run csv-explain "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f csv --explain -o "$OUT/result.csv"
		run json-plain "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f json --explain=false -o "$OUT/result.json"
		run json "$OUT/jixiao" eval -r grid-center -d "$OUT/units-$SMALL.csv" -f json -o "$OUT/result.json"
	fi
done
rm -f "$OUT/result.csv" "$OUT/result.json"

# ratio A B COL: the median of the per-round ratios of column COL.
ratio() { paste <(col "$1" "$3") <(col "$2" "$3") | awk '{ printf "%.3f\n", $1 / $2 }' | median; }
mib() { awk '{ printf "%.1f", $1 / 1024 }'; }

printf '\n%-40s %10s %10s %10s\n' "run (machine: $(nproc) cores, $RUNS rounds)" "wall s" "CPU s" "peak MiB"
show() { printf '%-40s %10s %10s %10s\n' "$2" "$(col "$1" 1 | median)" "$(col "$1" 3 | median)" "$(col "$1" 2 | median | mib)"; }
for n in "$N" "$SMALL"; do
	show "hand-$n" "hand, $n units"
	show "jixiao-$n" "jixiao eval -f csv, $n units"
done
if [ -n "${EXTRA:-}" ]; then
	show csv-explain "jixiao -f csv --explain, $SMALL units"
	show json-plain "jixiao -f json --explain=false, $SMALL"
	show json "jixiao -f json, $SMALL units"
fi
echo
for n in "$N" "$SMALL"; do
	echo "jixiao / hand, $n units (median of $RUNS alternating pairs): wall $(ratio "jixiao-$n" "hand-$n" 1), CPU $(ratio "jixiao-$n" "hand-$n" 3), peak RSS $(ratio "jixiao-$n" "hand-$n" 2)"
done
echo "jixiao peak RSS, $N units / $SMALL units: $(paste <(col "jixiao-$N" 2 | median) <(col "jixiao-$SMALL" 2 | median) | awk '{ printf "%.3f", $1 / $2 }')"
if [ -n "${EXTRA:-}" ]; then
	echo "explanations on / off, csv, $SMALL units: $(ratio csv-explain "jixiao-$SMALL" 1)"
	echo "explanations on / off, json, $SMALL units: $(ratio json json-plain 1)"
fi
