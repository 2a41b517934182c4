package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
)

// collect streams data and returns the batches emitted.
func collect(t *testing.T, data []byte, batch int) ([][]model.Paper, model.Listing, error) {
	t.Helper()
	var batches [][]model.Paper
	l, err := Stream(context.Background(), bytes.NewReader(data), batch, func(ps []model.Paper) {
		batches = append(batches, ps)
	})
	return batches, l, err
}

func flatten(batches [][]model.Paper) []model.Paper {
	var out []model.Paper
	for _, b := range batches {
		out = append(out, b...)
	}
	return out
}

func TestStreamGivesWhatParseGivesForEveryFixture(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*")
	hostile, _ := filepath.Glob("../testdata/hostile/*")
	for _, f := range append(files, hostile...) {
		if st, err := os.Stat(f); strings.HasSuffix(f, ".md") || err == nil && st.IsDir() {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := Parse(bytes.NewReader(data))
		batches, got, err := collect(t, data, 7)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%s: stream error %v, parse error %v", f, err, wantErr)
			continue
		}
		if papers := flatten(batches); !reflect.DeepEqual(papers, want.Papers) && len(want.Papers)+len(papers) > 0 {
			t.Errorf("%s: streamed %d papers, parsed %d, or they differ", f, len(papers), len(want.Papers))
		}
		want.Papers = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: listing %+v, want %+v", f, got, want)
		}
	}
}

func TestStreamGivesWhatParseGivesForLargeLists(t *testing.T) {
	papers := corpus.Generate(1500, 5)
	papers[3].Title, papers[3].ID = "", "not-an-id" // dropped by both
	records, err := json.Marshal(papers)
	if err != nil {
		t.Fatal(err)
	}
	var api bytes.Buffer
	if err := corpus.WriteDailyPapersJSON(&api, papers); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"--json": records, "API": api.Bytes()} {
		want, err := Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		batches, l, err := collect(t, data, 500)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := flatten(batches); !reflect.DeepEqual(got, want.Papers) || len(got) != 1499 {
			t.Fatalf("%s: streamed %d papers, parsed %d, or they differ", name, len(got), len(want.Papers))
		}
		if l.Source != want.Source {
			t.Errorf("%s: source %q, want %q", name, l.Source, want.Source)
		}
		// A screenful first, then full batches, then the rest.
		sizes := []int{}
		for _, b := range batches {
			sizes = append(sizes, len(b))
		}
		if want := []int{64, 500, 500, 435}; !reflect.DeepEqual(sizes, want) {
			t.Errorf("%s: batch sizes %v, want %v", name, sizes, want)
		}
	}
}

func TestFirstBatchArrivesBeforeTheInputEnds(t *testing.T) {
	var api bytes.Buffer
	if err := corpus.WriteDailyPapersJSON(&api, corpus.Generate(300, 1)); err != nil {
		t.Fatal(err)
	}
	data := api.Bytes()
	// The writer sends the first 100 papers' worth of bytes, then holds
	// the rest back until the first batch has been emitted.
	cut := bytes.Index(data, []byte(`{"paper"`))
	for range 100 {
		cut += 1 + bytes.Index(data[cut+1:], []byte(`{"paper"`))
	}
	pr, pw := io.Pipe()
	firstSeen := make(chan struct{})
	go func() {
		pw.Write(data[:cut])
		select {
		case <-firstSeen:
		case <-time.After(10 * time.Second):
		}
		pw.Write(data[cut:])
		pw.Close()
	}()
	var total int
	var firstAt int
	_, err := Stream(context.Background(), pr, 1000, func(ps []model.Paper) {
		if total == 0 {
			firstAt = len(ps)
			close(firstSeen)
		}
		total += len(ps)
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-firstSeen:
	default:
		t.Fatal("nothing emitted")
	}
	if firstAt != 64 || total != 300 {
		t.Fatalf("first batch %d papers, %d in all; want 64 then 300", firstAt, total)
	}
}

func TestStreamStopsWhenCancelled(t *testing.T) {
	data, _ := json.Marshal(corpus.Generate(400, 2))
	ctx, cancel := context.WithCancel(context.Background())
	got := 0
	_, err := Stream(ctx, bytes.NewReader(data), 100, func(ps []model.Paper) {
		got += len(ps)
		cancel() // the user moved on
	})
	if !errors.Is(err, context.Canceled) || got >= 400 {
		t.Fatalf("after cancelling: %d papers, err %v", got, err)
	}
}

func TestStreamBrokenInput(t *testing.T) {
	papers := corpus.Generate(200, 3)
	data, _ := json.Marshal(papers)
	head, _ := json.Marshal(papers[:150])
	next, _ := json.Marshal(papers[150])
	truncated := string(head[:len(head)-1]) + "," + string(next[:len(next)/2])
	tests := []struct {
		name, input string
		papers      int
		says        string
	}{
		{"truncated", truncated, 150, "after 150 papers: truncated"},
		{"trailing data", string(data) + `{"x":1}`, 200, "more data after the JSON list"},
		{"not papers", `[1, 2, 3]`, 0, "not papers"},
		{"objects that are not papers", `[{"name": "x"}]`, 0, "not papers"},
		{"only bad elements", `[{"id":"2401.00001","title":["A"],"author_count":1}, 7]`, 0, "JSON that does not fit"},
		{"empty", "  \n", 0, "empty input"},
		{"binary", "\x00\x01\x02", 0, "binary data"},
	}
	for _, tt := range tests {
		batches, _, err := collect(t, []byte(tt.input), 100)
		if err == nil || !strings.Contains(err.Error(), tt.says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line saying %q", tt.name, err, tt.says)
		}
		if n := len(flatten(batches)); n != tt.papers {
			t.Errorf("%s: %d papers emitted before the error, want %d", tt.name, n, tt.papers)
		}
	}
	if batches, l, err := collect(t, []byte("\xef\xbb\xbf [ ]"), 10); err != nil || len(batches) != 0 || l.Source != "" {
		t.Errorf("empty list: %v %v %v", batches, l, err)
	}
}

func TestStreamRefusesAHugeElement(t *testing.T) {
	huge := `[{"id":"2401.00001","title":"A","author_count":1},{"id":"2401.00002","author_count":1,"title":"` + strings.Repeat("x", maxItem+1024) + `"}]`
	batches, _, err := collect(t, []byte(huge), 10)
	if err == nil || !strings.Contains(err.Error(), "more than 16 MB") {
		t.Fatalf("error %v, want the element refused", err)
	}
	if n := len(flatten(batches)); n != 1 {
		t.Errorf("%d papers before the huge one, want 1", n)
	}
}

func TestStreamFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "day.json")
	data, _ := json.Marshal(corpus.Generate(10, 1))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	n := 0
	l, err := StreamFile(context.Background(), path, 4, func(ps []model.Paper) { n += len(ps) })
	if err != nil || n != 10 || l.Period != (model.Period{Kind: model.File, Value: path}) {
		t.Fatalf("StreamFile: %d papers, listing %+v, err %v", n, l, err)
	}
	for _, p := range []string{filepath.Join(dir, "missing.json"), dir} {
		_, err := StreamFile(context.Background(), p, 4, func([]model.Paper) {})
		if err == nil || !strings.HasPrefix(err.Error(), "cannot read "+p) && !strings.HasPrefix(err.Error(), p+" is a directory") {
			t.Errorf("%s: error %v", p, err)
		}
	}
}

// FuzzStreamMatchesParse: whatever the input, Stream emits the papers
// Parse returns, and fails when Parse fails.
func FuzzStreamMatchesParse(f *testing.F) {
	for _, name := range []string{"hf_api_daily_papers_2026-08-03.json", "handmade_hf_api_papers_search.json", "handmade_hf_week_2025-W02.html", "handmade_hf_empty_day_2025-01-11.html"} {
		data, err := os.ReadFile(filepath.Join("../testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`[{"id":"2401.00001","title":"A","author_count":1}, null]`))
	f.Add([]byte(`<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[]}"></div>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantErr := Parse(bytes.NewReader(data))
		batches, _, err := collect(t, data, 3)
		got := flatten(batches)
		if wantErr != nil {
			if err == nil {
				t.Fatalf("Parse fails (%v), Stream does not", wantErr)
			}
			return
		}
		if err != nil {
			t.Fatalf("Stream fails (%v), Parse does not", err)
		}
		if len(got) != len(want.Papers) || len(got) > 0 && !reflect.DeepEqual(got, want.Papers) {
			t.Fatalf("Stream gave %d papers, Parse %d, or they differ", len(got), len(want.Papers))
		}
	})
}
