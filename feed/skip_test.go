package feed

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// spoil decodes a JSON list, lets bad damage its third element and
// encodes it again.
func spoil(t *testing.T, data []byte, bad func(item map[string]any)) (spoiled []byte, n int) {
	t.Helper()
	var items []map[string]any
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	bad(items[2])
	out, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	return out, len(items)
}

func titleIsANumber(item map[string]any) {
	if p, ok := item["paper"].(map[string]any); ok {
		p["title"] = 123
		return
	}
	item["title"] = 123
}

// wantOneSkipped checks what a user sees: every other paper listed, and a
// notice naming the item and the field.
func wantOneSkipped(t *testing.T, what string, l model.Listing, all int) {
	t.Helper()
	if len(l.Papers) != all-1 {
		t.Errorf("%s: %d papers listed, want the %d others", what, len(l.Papers), all-1)
	}
	note := l.SkipNote()
	if !strings.HasPrefix(note, "1 paper skipped: item 3: ") || !strings.Contains(note, "title is a JSON number, not a string") {
		t.Errorf("%s: notice %q", what, note)
	}
}

func TestOneMalformedItemIsSkippedAndCounted(t *testing.T) {
	api, n := spoil(t, readTestdata(t, api2026), titleIsANumber)

	l, err := Parse(bytes.NewReader(api))
	if err != nil {
		t.Fatalf("API list: %v", err)
	}
	wantOneSkipped(t, "API list (Parse)", l, n)

	batches, l, err := collect(t, api, 10)
	if err != nil {
		t.Fatalf("API list streamed: %v", err)
	}
	l.Papers = flatten(batches)
	wantOneSkipped(t, "API list (Stream)", l, n)

	// The bare paper objects /api/papers/search sometimes returns.
	var items []map[string]any
	json.Unmarshal(readTestdata(t, api2026), &items)
	bare := make([]any, len(items))
	for i, it := range items {
		bare[i] = it["paper"]
	}
	bareJSON, _ := json.Marshal(bare)
	bareJSON, _ = spoil(t, bareJSON, titleIsANumber)
	if l, err = Parse(bytes.NewReader(bareJSON)); err != nil {
		t.Fatalf("bare papers: %v", err)
	}
	wantOneSkipped(t, "bare papers", l, n)

	// The same items inside a listing page's hydration props.
	props := `{"dailyPapers":` + string(api) + `,"date":"2026-06-12"}`
	page := `<html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="` +
		html.EscapeString(props) + `"></div></body></html>`
	if l, err = Parse(strings.NewReader(page)); err != nil {
		t.Fatalf("page props: %v", err)
	}
	wantOneSkipped(t, "page props", l, n)
	if l.Period.Value != "2026-06-12" {
		t.Errorf("page props: period %v, the page's date is kept", l.Period)
	}
}

func TestOneMalformedRecordInJSONOutputIsSkipped(t *testing.T) {
	good := parseTestdata(t, api2026)
	records, _ := json.Marshal(good.Papers)
	records, n := spoil(t, records, titleIsANumber)

	l, err := Parse(bytes.NewReader(records))
	if err != nil {
		t.Fatalf("--json file: %v", err)
	}
	wantOneSkipped(t, "--json file (Parse)", l, n)
	if l.Papers[2].ID != good.Papers[3].ID {
		t.Errorf("the papers after the bad one keep their order: %s, want %s", l.Papers[2].ID, good.Papers[3].ID)
	}

	batches, l, err := collect(t, records, 2)
	if err != nil {
		t.Fatalf("--json file streamed: %v", err)
	}
	l.Papers = flatten(batches)
	wantOneSkipped(t, "--json file (Stream)", l, n)

	// A bookmarks file holds the same records.
	var bms []map[string]any
	var recs []map[string]any
	json.Unmarshal(records, &recs)
	for _, r := range recs {
		bms = append(bms, map[string]any{"paper": r})
	}
	doc, _ := json.Marshal(map[string]any{"version": 1, "bookmarks": bms})
	if l, err = Parse(bytes.NewReader(doc)); err != nil {
		t.Fatalf("bookmarks file: %v", err)
	}
	if len(l.Papers) != n-1 || !strings.Contains(l.SkipNote(), "item 3: paper.title is a JSON number") {
		t.Errorf("bookmarks file: %d papers, notice %q", len(l.Papers), l.SkipNote())
	}
}

func TestManyMalformedItemsAreCountedOnce(t *testing.T) {
	in := `[{"paper":{"id":"2401.00001","title":"A"}},{"paper":{"id":"2401.00002","title":1}},{"paper":{"id":"2401.00003","upvotes":{},"title":["x"]}}]`
	l, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Papers) != 1 || l.SkipNote() != "2 papers skipped (the first, item 2: paper.title is a JSON number, not a string)" {
		t.Errorf("%d papers, notice %q", len(l.Papers), l.SkipNote())
	}
}

// BenchmarkLenientList: decoding the real API list all at once (the
// baseline, which one bad item would fail) beside decodeList, on the
// sound list (the same cost) and on one with a bad item (read twice).
func BenchmarkLenientList(b *testing.B) {
	sound := readTestdata(b, api2026)
	var items []map[string]any
	json.Unmarshal(sound, &items)
	items[2]["paper"].(map[string]any)["title"] = 123
	spoiled, _ := json.Marshal(items)
	b.Run("strict", func(b *testing.B) {
		b.SetBytes(int64(len(sound)))
		for b.Loop() {
			var all []hfItem
			if err := json.Unmarshal(sound, &all); err != nil {
				b.Fatal(err)
			}
		}
	})
	for name, data := range map[string][]byte{"lenient": sound, "lenient-one-bad": spoiled} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := decodeList[hfItem](data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
