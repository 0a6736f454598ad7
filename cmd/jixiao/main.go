// Command jixiao scores budget units' performance self-evaluations (绩效自评)
// against a ruleset: see `jixiao --help`.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
