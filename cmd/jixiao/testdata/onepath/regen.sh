#!/bin/sh
# Writes the golden outputs of cases.txt with the jixiao binary $1, run
# from cmd/jixiao: NAME.out (standard output, or the -o file of a binary
# format) and NAME.err (standard error and the exit status).
set -u
bin=$1
cd "$(dirname "$0")/../.."
grep -v '^#' testdata/onepath/cases.txt | while read -r name args; do
	out=testdata/onepath/$name.out
	case " $args " in
	*" -f xlsx "*|*" -f selfeval "*)
		$bin $args -o "$out" >/dev/null 2>"testdata/onepath/$name.err" ;;
	*)
		$bin $args >"$out" 2>"testdata/onepath/$name.err" ;;
	esac
	echo "exit $?" >>"testdata/onepath/$name.err"
done
