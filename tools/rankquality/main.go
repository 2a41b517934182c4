// Command rankquality measures package rank on labelled arXiv papers (see
// package rankeval): average precision per category and the mean, with
// paperdeck's defaults, with arxiv-sanity-lite's recipe unchanged, and for
// the listing's own order. scripts/rank-quality prints it beside
// scikit-learn's.
//
//	go run ./tools/rankquality [-json] [-splits 3] [FILE]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/paperdeck/paperdeck/rank"
	"github.com/paperdeck/paperdeck/rank/rankeval"
)

func main() {
	asJSON := flag.Bool("json", false, "print the report as JSON")
	splits := flag.Int("splits", 3, "splits per category, averaged")
	flag.Parse()
	path := "testdata/arxiv_labelled_papers.jsonl.gz"
	if flag.NArg() > 0 {
		path = flag.Arg(0)
	}
	papers, err := rankeval.LoadLabelled(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rankquality:", err)
		os.Exit(1)
	}
	// paperdeck's defaults, and arxiv-sanity-lite's recipe as it is (the
	// parity check against scikit-learn).
	p := rankeval.DefaultProtocol(len(papers))
	p.Splits = *splits
	recipe := p
	recipe.Features = rank.RecipeFeatureOptions()
	recipe.SVM = rank.RecipeSVMOptions()
	var reps [2]rankeval.Report
	for i, proto := range []rankeval.Protocol{p, recipe} {
		if reps[i], err = rankeval.Evaluate(context.Background(), papers, proto); err != nil {
			fmt.Fprintln(os.Stderr, "rankquality:", err)
			os.Exit(1)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(map[string]rankeval.Report{"paperdeck": reps[0], "recipe": reps[1]})
		return
	}
	rep, rec := reps[0], reps[1]
	fmt.Printf("%d papers, %d bookmarks per category, %d splits; average precision\n", rep.Papers, p.Bookmarks, p.Splits)
	fmt.Printf("%-10s %8s %10s %10s %10s\n", "category", "to find", "paperdeck", "recipe", "list order")
	for i, r := range rep.Results {
		fmt.Printf("%-10s %8d %10.3f %10.3f %10.3f\n", r.Category, r.Relevant, r.AP, rec.Results[i].AP, r.ListOrder)
	}
	fmt.Printf("%-10s %8s %10.3f %10.3f %10.3f\n", "mean", "", rep.MeanAP, rec.MeanAP, rep.MeanListOrder)
	fmt.Printf("features %v, training %v per model\n", rep.FeatureTime, rep.TrainTime)
}
