package corpus

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

func TestSameSeedSamePapers(t *testing.T) {
	a, b := Generate(3000, 42), Generate(3000, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two corpora from one seed differ")
	}
	if c := Generate(3000, 43); reflect.DeepEqual(a, c) {
		t.Fatal("another seed gives the same corpus")
	}
	if small := Generate(100, 42); !reflect.DeepEqual(small, a[:100]) {
		t.Fatal("a smaller corpus is not a prefix of a larger one")
	}
	if len(Generate(0, 1)) != 0 || len(Generate(-5, 1)) != 0 {
		t.Fatal("no papers asked, some given")
	}
}

func TestPapersLookReal(t *testing.T) {
	papers := Generate(20000, 1)
	ids := map[string]bool{}
	var code, org, kw, authors, upvotes, big int
	var upList []int
	for _, p := range papers {
		if ids[p.ID] {
			t.Fatalf("id %s twice", p.ID)
		}
		ids[p.ID] = true
		if !model.IsArxivID(p.ID) || p.Title == "" || len(p.Summary) < 200 || p.Published == "" {
			t.Fatalf("incomplete paper: %+v", p)
		}
		if p.HasCode() {
			code++
		}
		if p.Organization != "" {
			org++
		}
		if len(p.Keywords) > 0 {
			kw++
		}
		authors += len(p.Authors)
		upvotes += p.Upvotes
		upList = append(upList, p.Upvotes)
		if p.Upvotes >= 100 {
			big++
		}
	}
	n := len(papers)
	share := func(k int) float64 { return float64(k) / float64(n) }
	if s := share(code); s < 0.08 || s > 0.12 {
		t.Errorf("%.1f%% have code, want about 10%%", 100*s)
	}
	if s := share(org); s < 0.3 || s > 0.6 {
		t.Errorf("%.1f%% have an organisation", 100*s)
	}
	if s := share(kw); s < 0.6 || s > 0.8 {
		t.Errorf("%.1f%% have keywords", 100*s)
	}
	if a := float64(authors) / float64(n); a < 4 || a > 10 {
		t.Errorf("%.1f authors a paper on average", a)
	}
	// Long-tailed upvotes: a small median, a mean above it, a few hundreds.
	slices.Sort(upList)
	if med := upList[n/2]; med < 1 || med > 10 || float64(upvotes)/float64(n) <= float64(med) || big == 0 || big > n/20 {
		t.Errorf("upvotes not long-tailed: median %d, mean %.1f, %d at 100+", med, float64(upvotes)/float64(n), big)
	}
	flow := 0
	for _, p := range papers {
		if strings.Contains(strings.ToLower(p.Title), "flow") {
			flow++
		}
	}
	if flow == 0 || flow > n/10 {
		t.Errorf("%d of %d titles mention flow", flow, n)
	}
}

// The records are what paperdeck's parsers would produce: reading them
// back through --json or through the API shape changes nothing.
func TestPapersSurviveTheParsers(t *testing.T) {
	papers := Generate(400, 7)
	var buf bytes.Buffer
	if err := store.WriteJSON(&buf, papers); err != nil {
		t.Fatal(err)
	}
	l, err := feed.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, "--json", l.Papers, papers)

	papers = Generate(400, 7)
	buf.Reset()
	if err := WriteDailyPapersJSON(&buf, papers); err != nil {
		t.Fatal(err)
	}
	l, err = feed.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, "API", l.Papers, papers)
}

func assertSame(t *testing.T, what string, got, want []model.Paper) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d papers back, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: paper %d changed:\n got %+v\nwant %+v", what, i, got[i], want[i])
		}
	}
}
