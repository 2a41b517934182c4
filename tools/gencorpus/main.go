// Command gencorpus writes a corpus of realistic generated papers, for
// trying paperdeck at scale by hand and for benchmarks:
//
//	go run ./tools/gencorpus -n 100000 > /tmp/big.json             # paperdeck --json records
//	go run ./tools/gencorpus -n 100000 -format api > /tmp/api.json # the /api/daily_papers shape
//	go run ./tools/gencorpus -n 1000000 -format arxiv -o /tmp/arxiv.json # Cornell's arXiv metadata snapshot
//	paperdeck /tmp/big.json
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	n := fs.Int("n", 1000, "number of papers")
	seed := fs.Int64("seed", 1, "seed: the same seed gives the same papers")
	format := fs.String("format", "json", "json (paperdeck --json records), api (/api/daily_papers items) or arxiv (the arXiv metadata snapshot's JSON lines)")
	out := fs.String("o", "", "write to this file instead of standard output")
	fs.SetOutput(io.Discard) // one line of error, from main
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: gencorpus [-n 1000] [-seed 1] [-format json|api|arxiv] [-o FILE]")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *n < 0 || *n > 10_000_000 {
		return fmt.Errorf("-n %d: want 0 to 10000000 papers", *n)
	}
	if *format != "json" && *format != "api" && *format != "arxiv" {
		return fmt.Errorf("-format %q: want json, api or arxiv", *format)
	}

	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var err error
	if *format == "arxiv" {
		// One line at a time: millions of papers never fit in memory at once.
		err = corpus.Each(*n, *seed, func(i int, p model.Paper) error { return corpus.WriteArxivMetadataLine(bw, i, *seed, p) })
	} else if papers := corpus.Generate(*n, *seed); *format == "api" {
		err = corpus.WriteDailyPapersJSON(bw, papers)
	} else {
		err = store.WriteJSON(bw, papers)
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && *out != "" {
		return f.Close()
	}
	return nil
}
