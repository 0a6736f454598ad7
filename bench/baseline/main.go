// Command baseline is the yardstick of bench/whole.sh: the least a
// program can do with the units of a CSV file — read every row with
// encoding/csv and write a row per unit (its id and name) with
// encoding/csv — hand-written in plain Go, with no scoring at all.
//
//	go run ./bench/baseline IN.csv OUT.csv
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: baseline IN.csv OUT.csv")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	r := csv.NewReader(bufio.NewReader(f))
	bw := bufio.NewWriter(o)
	w := csv.NewWriter(bw)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if err := w.Write([]string{rec[0], rec[1]}); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return o.Close()
}
