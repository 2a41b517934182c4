package catalog

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/store"
)

// fixtures is every real snapshot excerpt of testdata, one file.
func fixtures(t testing.TB) []byte {
	t.Helper()
	var all []byte
	for _, name := range []string{"arxiv_metadata_snapshot_head.jsonl", "arxiv_metadata_abs_files.jsonl", "arxiv_metadata_daily_math_rt.jsonl"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func writeFile(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "arxiv-metadata-oai-snapshot.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// load reads path to the end and returns every update.
func load(t testing.TB, path, cache string) []Update {
	t.Helper()
	var ups []Update
	if err := Load(context.Background(), path, Options{CacheDir: cache}, func(u Update) { ups = append(ups, u) }); err != nil {
		t.Fatal(err)
	}
	if len(ups) == 0 || !ups[len(ups)-1].Done {
		t.Fatalf("%d updates, the last not done", len(ups))
	}
	return ups
}

func final(ups []Update) *Catalog { return ups[len(ups)-1].Catalog }

func TestCatalogHoldsWhatTheParserReads(t *testing.T) {
	data := fixtures(t)
	want, err := feed.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := final(load(t, writeFile(t, data), t.TempDir()))
	if c.Len() != len(want.Papers) || c.Len() != 26 {
		t.Fatalf("%d papers, the parser reads %d", c.Len(), len(want.Papers))
	}
	for i, p := range want.Papers {
		if c.ID(i) != p.ID || c.Title(i) != p.Title || c.Published(i) != p.Published ||
			c.Authors(i) != store.AuthorLine(p, 3) || !reflect.DeepEqual(c.Categories(i), p.Categories) {
			t.Errorf("paper %d: %q %q %q %q %q, want %q %q %q %q %q", i, c.ID(i), c.Title(i), c.Published(i), c.Authors(i),
				c.Categories(i), p.ID, p.Title, p.Published, store.AuthorLine(p, 3), p.Categories)
		}
	}
	// A detail from the middle of the file reads the whole record back.
	mid := c.Find("hep-th/9901001")
	if mid < 0 {
		t.Fatal("hep-th/9901001 not found")
	}
	got, err := c.Paper(mid)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want.Papers[mid]) || !strings.Contains(got.Summary, "heterotic") {
		t.Errorf("record by offset:\n got %+v\nwant %+v", got, want.Papers[mid])
	}
	if b := c.Brief(mid); b.PDFURL != "https://arxiv.org/pdf/hep-th/9901001" || b.URL != "https://arxiv.org/abs/hep-th/9901001" {
		t.Errorf("old id links %q %q", b.URL, b.PDFURL)
	}
	if n, _ := c.Skipped(); n != 0 {
		t.Errorf("%d skipped in clean fixtures", n)
	}
}

func TestCatalogSkipsAndCountsBadLines(t *testing.T) {
	lines := strings.SplitAfter(string(fixtures(t)), "\n")
	bad := lines[0] + "garbage, not JSON\n" + lines[1] + `{"id": "1", "title": 5, "categories": "cs.LG"}` + "\n" + lines[2] + lines[3][:200]
	c := final(load(t, writeFile(t, []byte(bad)), t.TempDir()))
	if c.Len() != 3 {
		t.Errorf("%d papers, want 3", c.Len())
	}
	if n, why := c.Skipped(); n != 3 || why != "line 2: not JSON, or cut short" {
		t.Errorf("skipped %d (%q), want 3 and the first's line", n, why)
	}
	// A side index remembers them.
}

func TestSideIndexIsBuiltReusedAndRebuiltWhenTheFileChanges(t *testing.T) {
	data := fixtures(t)
	path, cache := writeFile(t, data), t.TempDir()
	first := load(t, path, cache)
	if first[0].FromIndex {
		t.Fatal("first open read an index that cannot exist")
	}
	if _, err := os.Stat(sideIndexFile(cache, path)); err != nil {
		t.Fatalf("no side index after the first open: %v", err)
	}
	second := load(t, path, cache)
	if !second[len(second)-1].FromIndex {
		t.Fatal("second open indexed the file again")
	}
	a, b := final(first), final(second)
	if a.Len() != b.Len() {
		t.Fatalf("%d papers from the index, %d from the file", b.Len(), a.Len())
	}
	for i := range a.Len() {
		if a.ID(i) != b.ID(i) || a.Title(i) != b.Title(i) || a.Authors(i) != b.Authors(i) || a.Published(i) != b.Published(i) ||
			!reflect.DeepEqual(a.Categories(i), b.Categories(i)) {
			t.Fatalf("paper %d differs from the index", i)
		}
	}
	if got := b.Filter(context.Background(), b.ParseQuery("cat:hep-th", nil), nil); len(got) == 0 {
		t.Error("the index lost the categories")
	}
	if p, err := b.Paper(3); err != nil || p.Summary == "" {
		t.Errorf("a detail from the index's catalog: %v", err)
	}

	// The file grows (a newer snapshot): noticed, indexed again.
	if b.Changed() {
		t.Fatal("unchanged file reported changed")
	}
	extra := strings.Replace(strings.SplitAfter(string(data), "\n")[0], "0704.0001", "2601.00001", 1)
	if err := os.WriteFile(path, append(data, extra...), 0o600); err != nil {
		t.Fatal(err)
	}
	if !b.Changed() {
		t.Fatal("a rewritten file is not noticed")
	}
	third := load(t, path, cache)
	if third[len(third)-1].FromIndex || final(third).Len() != a.Len()+1 || final(third).ID(a.Len()) != "2601.00001" {
		t.Errorf("changed file: from index %v, %d papers", third[len(third)-1].FromIndex, final(third).Len())
	}
	// Same size, new time: indexed again too.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if fourth := load(t, path, cache); fourth[len(fourth)-1].FromIndex {
		t.Error("a file with a new modification time was read from the old index")
	}
}

func TestDamagedSideIndexIsIgnored(t *testing.T) {
	path, cache := writeFile(t, fixtures(t)), t.TempDir()
	load(t, path, cache)
	idx := sideIndexFile(cache, path)
	b, _ := os.ReadFile(idx)
	nl := bytes.IndexByte(b, '\n')
	for i := nl + 1; i < len(b); i += 7 {
		b[i] ^= 0xff
	}
	os.WriteFile(idx, b[:len(b)*2/3], 0o600)
	ups := load(t, path, cache)
	if ups[len(ups)-1].FromIndex || final(ups).Len() != 26 {
		t.Errorf("a damaged index was used: %d papers", final(ups).Len())
	}
}

func TestGzipSnapshotReadsDetailsFromItsCopy(t *testing.T) {
	gz, err := os.ReadFile(filepath.Join("..", "testdata", "arxiv_metadata_snapshot_head.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	path, cache := writeFile(t, gz), t.TempDir()
	// While the first load goes on, its copy is not where it will be, yet
	// a detail opened then reads.
	var c *Catalog
	err = Load(context.Background(), path, Options{CacheDir: cache}, func(u Update) {
		if c == nil {
			if early, err := u.Catalog.Paper(0); err != nil || early.Summary == "" {
				t.Errorf("a detail while the .gz is first read: %v", err)
			}
		}
		c = u.Catalog
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 12 || c.ID(11) != "0704.0012" {
		t.Fatalf("%d papers from the .gz", c.Len())
	}
	p, err := c.Paper(7)
	if err != nil || p.ID != "0704.0008" || p.Summary == "" {
		t.Fatalf("detail of a .gz paper: %v %q", err, p.ID)
	}
	again := load(t, path, cache)
	if !again[len(again)-1].FromIndex {
		t.Error("second open of the .gz did not use its index")
	}
	if p2, err := final(again).Paper(7); err != nil || !reflect.DeepEqual(p2, p) {
		t.Errorf("detail after reopening: %v", err)
	}
	if err := Load(context.Background(), path, Options{}, func(Update) {}); err == nil {
		t.Error("a .gz without a cache folder: no error")
	}
}

func TestFilterWordsAndCategories(t *testing.T) {
	c := final(load(t, writeFile(t, fixtures(t)), ""))
	ids := func(q string) []string {
		var out []string
		for _, i := range c.Filter(context.Background(), c.ParseQuery(q, nil), nil) {
			out = append(out, c.ID(int(i)))
		}
		return out
	}
	cases := map[string][]string{
		"sparsity graph":           {"0704.0002", "0704.0002"}, // twice in the fixtures
		"SPARSITY-cert":            {"0704.0002", "0704.0002"},
		"parsity":                  nil,                        // words match from their start
		"cat:cs.CG":                {"0704.0002", "0704.0002"}, // a cross-list
		"cat:hep-th junctions":     {"hep-th/9901001"},
		"cat:acc-phys":             {"acc-phys/9411001", "acc-phys/9411002", "acc-phys/9411003"},
		"cat:nope":                 nil,
		"streinu":                  {"0704.0002", "0704.0002"}, // an author
		"hep-th/9901001":           {"hep-th/9901001"},
		"cat:math.RA koszul":       {"2511.05140"},
		"koszul cat:math.AG":       nil,
		"tilting cat:math.rt":      {"2511.05063"},
		"balázs":                   {"0704.0001", "0704.0001"}, // authors_parsed has the accent, the other line TeX
		"BALÁZS":                   {"0704.0001", "0704.0001"},
		"calculation diphoton lhc": {"0704.0001", "0704.0001"},
	}
	for q, want := range cases {
		if got := ids(q); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
	want, _ := feed.Parse(bytes.NewReader(fixtures(t)))
	math := 0
	for _, p := range want.Papers {
		if slices.ContainsFunc(p.Categories, func(c string) bool { return strings.HasPrefix(c, "math.") }) {
			math++
		}
	}
	if n := len(ids("cat:math")); n != math || math < 8 {
		t.Errorf("cat:math: %d papers, want the %d with a math category", n, math)
	}
}

func TestByDateIsNewestFirst(t *testing.T) {
	c := final(load(t, writeFile(t, fixtures(t)), ""))
	order := c.ByDate()
	if len(order) != c.Len() {
		t.Fatalf("%d of %d", len(order), c.Len())
	}
	last := "9999"
	for k, i := range order {
		d := c.Published(int(i))
		if d == "" {
			last = ""
			continue
		}
		if last == "" || d > last {
			t.Fatalf("position %d: %q after %q", k, d, last)
		}
		last = d
	}
	matches := c.Filter(context.Background(), c.ParseQuery("cat:acc-phys", nil), nil)
	sorted := InOrder(matches, order)
	if len(sorted) != 3 || c.Published(int(sorted[0])) < c.Published(int(sorted[2])) {
		t.Errorf("filtered by date: %v", sorted)
	}
}

// generated writes n papers of the benchmark corpus in the snapshot shape.
func generated(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "generated.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = corpus.Each(n, 1, func(i int, p model.Paper) error { return corpus.WriteArxivMetadataLine(w, i, 1, p) })
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadHandsOutAScreenfulFirstThenGrowingCatalogs(t *testing.T) {
	defer func(d time.Duration) { emitEvery = d }(emitEvery)
	emitEvery = 0
	path := generated(t, 6000)
	var seen []int
	var first *Catalog
	err := Load(context.Background(), path, Options{}, func(u Update) {
		seen = append(seen, u.Catalog.Len())
		if first == nil {
			first = u.Catalog
		}
		// An earlier catalog still reads the same, while the load goes on.
		if first.Title(0) == "" || first.Len() != seen[0] {
			t.Errorf("the first catalog changed: %d papers", first.Len())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 3 || seen[0] > 100 || seen[len(seen)-1] != 6000 {
		t.Fatalf("catalog sizes handed out: %v", seen)
	}
	for k := 1; k < len(seen); k++ {
		if seen[k] < seen[k-1] {
			t.Fatalf("a catalog shrank: %v", seen)
		}
	}
}

func TestLoadStopsWhenCancelled(t *testing.T) {
	path := generated(t, 3000)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Load(ctx, path, Options{}, func(u Update) {
		n++
		cancel()
		if u.Done {
			t.Error("a cancelled load finished")
		}
	})
	if err == nil || n == 0 {
		t.Errorf("cancelled load: %d updates, error %v", n, err)
	}
}

func TestLongLineIsSkippedAndTheRestRead(t *testing.T) {
	lines := strings.SplitAfter(string(fixtures(t)), "\n")
	long := `{"id": "9999.99999", "title": "` + strings.Repeat("x", maxLine+10) + `", "categories": "cs.LG"}` + "\n"
	c := final(load(t, writeFile(t, []byte(lines[0]+long+lines[1]+lines[2])), ""))
	if c.Len() != 3 || c.ID(1) != "0704.0002" {
		t.Fatalf("%d papers, second %q", c.Len(), c.ID(1))
	}
	if n, why := c.Skipped(); n != 1 || why != "line 2: longer than 16 MB" {
		t.Errorf("skipped %d: %q", n, why)
	}
	if p, err := c.Paper(2); err != nil || p.ID != c.ID(2) {
		t.Errorf("the offsets after a long line are off: %v", err)
	}
}

func TestFilterWithinTheLastKeysMatchesIsFilter(t *testing.T) {
	c := final(load(t, generated(t, 3000), ""))
	for _, typed := range []string{"cat:cs.LG graph neural", "diffusion mod", "efficient trans"} {
		var prevQ *query.Query
		var prev []uint32
		for i := 1; i <= len(typed); i++ {
			q := c.ParseQuery(typed[:i], nil)
			want := c.Filter(context.Background(), q, nil)
			got := want
			if i > 1 && q.Narrows(prevQ) {
				got = c.FilterWithin(context.Background(), q, nil, prev)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%q from %q's matches: %d papers, Filter says %d", typed[:i], typed[:i-1], len(got), len(want))
			}
			prevQ, prev = q, got
		}
	}
	for _, tc := range []struct {
		q, prev string
		want    bool
	}{
		{"graph ne", "graph n", true},
		{"graph", "graph n", false},
		{"neural graph", "gra", true},
		{"cat:cs.LG graph", "graph", false}, // answered whole: cat: qualifiers widen each other
		{"cat:cs.LG graph", "cat:cs.LG gr", true},
	} {
		if got := c.ParseQuery(tc.q, nil).Narrows(c.ParseQuery(tc.prev, nil)); got != tc.want {
			t.Errorf("%q narrows %q: %v", tc.q, tc.prev, got)
		}
	}
}

// sideIndexFile is where the side index of the file at path is kept under
// cacheDir (whether or not there is one).
func sideIndexFile(cacheDir, path string) string {
	return indexPath(cacheDir, Source{Path: path}) + ".idx"
}

func TestSideIndexReadMappedOrCopiedIsTheSame(t *testing.T) {
	path, cache := writeFile(t, fixtures(t)), t.TempDir()
	want := final(load(t, path, cache))
	src, _ := statSource(path)
	for _, mapIt := range []bool{true, false} {
		f, err := os.Open(sideIndexFile(cache, path))
		if err != nil {
			t.Fatal(err)
		}
		var got *Catalog
		done, err := readIndex(context.Background(), newIndexReader(f, mapIt), "", src, func(u Update) { got = u.Catalog })
		f.Close()
		if !done || err != nil || got.Len() != want.Len() {
			t.Fatalf("mapped %v: done %v, %v", mapIt, done, err)
		}
		for i := range want.Len() {
			if got.ID(i) != want.ID(i) || got.Title(i) != want.Title(i) || got.Authors(i) != want.Authors(i) ||
				!reflect.DeepEqual(got.Categories(i), want.Categories(i)) {
				t.Fatalf("mapped %v: paper %d differs", mapIt, i)
			}
		}
		if a, b := got.Filter(context.Background(), got.ParseQuery("cat:hep-th", nil), nil), want.Filter(context.Background(), want.ParseQuery("cat:hep-th", nil), nil); !slices.Equal(a, b) || len(a) == 0 {
			t.Errorf("mapped %v: filter %v, want %v", mapIt, a, b)
		}
	}
}

func TestMappedIndexOutlivesItsFileBeingReplaced(t *testing.T) {
	data := fixtures(t)
	path, cache := writeFile(t, data), t.TempDir()
	load(t, path, cache)
	c := final(load(t, path, cache)) // from the side index
	want := c.Title(5)
	// The file changes: the next open writes a new index over the old.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	load(t, path, cache)
	runtime.GC()
	runtime.GC()
	if got := c.Title(5); got != want {
		t.Errorf("title %q after the index was replaced, want %q", got, want)
	}
	if got := c.Filter(context.Background(), c.ParseQuery(strings.Fields(want)[0], nil), nil); !slices.Contains(got, 5) {
		t.Errorf("the old catalog's filter lost paper 5: %v", got)
	}
}

func TestSideIndexHandsOutCatalogsThatNeverChange(t *testing.T) {
	defer func(d time.Duration) { emitEvery = d }(emitEvery)
	emitEvery = 0
	path, cache := generated(t, 6000), t.TempDir()
	load(t, path, cache)
	ups := load(t, path, cache)
	if !ups[0].FromIndex || len(ups) < 3 {
		t.Fatalf("%d updates, from the index %v", len(ups), ups[0].FromIndex)
	}
	all := final(ups)
	for _, u := range ups {
		c := u.Catalog
		for i := 0; i < c.Len(); i += 97 {
			if c.ID(i) != all.ID(i) || c.Title(i) != all.Title(i) || c.Published(i) != all.Published(i) ||
				!slices.Equal(c.Categories(i), all.Categories(i)) {
				t.Fatalf("paper %d of a catalog of %d differs from the last catalog's", i, c.Len())
			}
		}
	}
}

func TestDoneComesOnceTheSideIndexIsSaved(t *testing.T) {
	path, cache := writeFile(t, fixtures(t)), t.TempDir()
	saved := false
	err := Load(context.Background(), path, Options{CacheDir: cache}, func(u Update) {
		if u.Done {
			_, err := os.Stat(sideIndexFile(cache, path))
			saved = err == nil
		}
	})
	if err != nil || !saved {
		t.Errorf("done before the side index was saved (%v): a reader quit then would index again", err)
	}
}

func TestHalfWrittenCacheFilesOfKilledProcessesAreRemoved(t *testing.T) {
	path, cache := writeFile(t, fixtures(t)), t.TempDir()
	dir := filepath.Join(cache, "catalog")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old, fresh, copied := filepath.Join(dir, ".index-1"), filepath.Join(dir, ".index-2"), filepath.Join(dir, ".copy-3")
	for _, name := range []string{old, fresh, copied} {
		if err := os.WriteFile(name, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	hourAgo := time.Now().Add(-time.Hour)
	os.Chtimes(old, hourAgo, hourAgo)
	os.Chtimes(copied, hourAgo, hourAgo)
	load(t, path, cache)
	for name, want := range map[string]bool{old: false, copied: false, fresh: true} {
		if _, err := os.Stat(name); (err == nil) != want {
			t.Errorf("%s kept %v, want %v (another process may be writing a fresh one)", filepath.Base(name), err == nil, want)
		}
	}
}

// FuzzSideIndex reads a side index whose header is right and whose chunks
// are anything: it is used only when it holds together, and never crashes
// the reader or asks for more memory than the file has.
func FuzzSideIndex(f *testing.F) {
	path, cache := writeFile(f, fixtures(f)), f.TempDir()
	load(f, path, cache)
	good, err := os.ReadFile(sideIndexFile(cache, path))
	if err != nil {
		f.Fatal(err)
	}
	nl := bytes.IndexByte(good, '\n') + 1
	head, body := good[:nl], good[nl:]
	f.Add(body)
	f.Add(body[:len(body)/2])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, chunks []byte) {
		idx := sideIndexFile(cache, path)
		if err := os.WriteFile(idx, append(slices.Clip(head), chunks...), 0o600); err != nil {
			t.Fatal(err)
		}
		src, _ := statSource(path)
		for _, mapIt := range []bool{true, false} {
			file, err := os.Open(idx)
			if err != nil {
				t.Fatal(err)
			}
			var c *Catalog
			done, err := readIndex(context.Background(), newIndexReader(file, mapIt), "", src, func(u Update) { c = u.Catalog })
			file.Close()
			if !done || c == nil {
				continue // not usable: the file is indexed again
			}
			for i := range c.Len() {
				c.Brief(i)
				c.Paper(i) // an error at worst
			}
			c.Filter(context.Background(), c.ParseQuery("cat:hep-th a quantum", nil), nil)
			_ = err
		}
	})
}
