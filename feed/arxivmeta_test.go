package feed

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestArxivMetadataSnapshotFieldsAreMapped(t *testing.T) {
	l, err := ParseFile(filepath.Join("..", "testdata", "arxiv_metadata_snapshot_head.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Papers) != 12 || l.Skipped != 0 {
		t.Fatalf("%d papers, %d skipped; want the 12 lines", len(l.Papers), l.Skipped)
	}
	p := l.Papers[0]
	want := model.Paper{
		ID:    "0704.0001",
		Title: "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
		// authors_parsed, not the authors line with its TeX accents.
		Authors:         []string{"C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"},
		AuthorCount:     4,
		Published:       "2007-04-02", // the first version, not the last
		Updated:         "2008-11-26",
		ArxivComments:   "37 pages, 15 figures; published version",
		DOI:             "10.1103/PhysRevD.76.013009",
		JournalRef:      "Phys.Rev.D76:013009,2007",
		PrimaryCategory: "hep-ph",
		Categories:      []string{"hep-ph"},
		URL:             "https://arxiv.org/abs/0704.0001",
		ArxivURL:        "https://arxiv.org/abs/0704.0001",
		PDFURL:          "https://arxiv.org/pdf/0704.0001",
		Source:          model.SourceArxiv,
	}
	got := p
	got.Summary, got.Keywords, got.Links = "", nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("first record\n got %+v\nwant %+v", got, want)
	}
	if !strings.HasPrefix(p.Summary, "A fully differential calculation in perturbative quantum chromodynamics is presented for") ||
		strings.Contains(p.Summary, "\n") {
		t.Errorf("abstract not read as one paragraph: %.100q", p.Summary)
	}
	// Cross-lists follow the primary category.
	if p := l.Papers[1]; p.PrimaryCategory != "math.CO" || !reflect.DeepEqual(p.Categories, []string{"math.CO", "cs.CG"}) {
		t.Errorf("0704.0002 categories %q primary %q", p.Categories, p.PrimaryCategory)
	}
}

func TestArxivMetadataOldIDsHaveArxivLinks(t *testing.T) {
	l, err := Parse(bytes.NewReader(readFixture(t, "arxiv_metadata_abs_files.jsonl")))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]model.Paper{}
	for _, p := range l.Papers {
		byID[p.ID] = p
	}
	old, ok := byID["hep-th/9901001"]
	if !ok {
		t.Fatalf("hep-th/9901001 missing; ids %v", keys(byID))
	}
	if old.ArxivURL != "https://arxiv.org/abs/hep-th/9901001" || old.PDFURL != "https://arxiv.org/pdf/hep-th/9901001" ||
		old.URL != old.ArxivURL {
		t.Errorf("old id links: %q %q %q", old.URL, old.ArxivURL, old.PDFURL)
	}
	if old.Published != "1999-01-01" || old.JournalRef != "Prog.Theor.Phys.101:1155-1164,1999" || old.DOI != "10.1143/PTP.101.1155" {
		t.Errorf("old record: published %q, journal %q, doi %q", old.Published, old.JournalRef, old.DOI)
	}
	// Without authors_parsed the authors line is split, affiliations dropped.
	if p := byID["acc-phys/9411002"]; !reflect.DeepEqual(p.Authors, []string{"Patrick L. Nash"}) ||
		!reflect.DeepEqual(p.Categories, []string{"acc-phys", "physics.acc-ph"}) || p.Published != "1994-11-19" {
		t.Errorf("acc-phys/9411002: authors %q, categories %q, published %q", p.Authors, p.Categories, p.Published)
	}
	if p := byID["cond-mat/9805021"]; !reflect.DeepEqual(p.Authors, []string{"Semjon Stepanow", "Jens-Uwe Sommer", "Igor Ya. Erukhimovich"}) {
		t.Errorf("cond-mat/9805021 authors %q", p.Authors)
	}
	if p := byID["1501.00001"]; p.ArxivURL != "https://arxiv.org/abs/1501.00001" {
		t.Errorf("five-digit new id: %q", p.ArxivURL)
	}
	if len(l.Papers) != 8 {
		t.Errorf("%d papers, want 8", len(l.Papers))
	}
}

func keys(m map[string]model.Paper) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestArxivMetadataCategoriesKeepOnlyArxivNames(t *testing.T) {
	l, err := Parse(bytes.NewReader(readFixture(t, "arxiv_metadata_daily_math_rt.jsonl")))
	if err != nil {
		t.Fatal(err)
	}
	// "math.RT math.RA 16S37 (Primary) 16D90, 18G80, 20C08 (Secondary)"
	p := l.Papers[1]
	if !reflect.DeepEqual(p.Categories, []string{"math.RT", "math.RA"}) {
		t.Errorf("categories %q: MSC classes are not arXiv categories", p.Categories)
	}
	if p.Published != "" || !reflect.DeepEqual(p.Authors, []string{"Gwyn Bellamy", "Simone Castellan", "Isambard Goodbody"}) {
		t.Errorf("versions null: published %q; authors %q", p.Published, p.Authors)
	}
}

func TestArxivMetadataGzipGivesThePlainFilesPapers(t *testing.T) {
	plain, err := ParseFile(filepath.Join("..", "testdata", "arxiv_metadata_snapshot_head.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	gz, err := ParseFile(filepath.Join("..", "testdata", "arxiv_metadata_snapshot_head.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if len(gz.Papers) != 12 || !reflect.DeepEqual(gz.Papers, plain.Papers) {
		t.Errorf("gzip: %d papers, or they differ from the plain file's", len(gz.Papers))
	}
	// The magic bytes tell, not the name.
	data := readFixture(t, "arxiv_metadata_snapshot_head.jsonl.gz")
	path := filepath.Join(t.TempDir(), "snapshot.dat")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if l, err := ParseFile(path); err != nil || len(l.Papers) != 12 {
		t.Errorf("gzip without .gz: %d papers, %v", len(l.Papers), err)
	}
}

func TestArxivMetadataBadLinesAreSkippedAndCounted(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(string(readFixture(t, "arxiv_metadata_snapshot_head.jsonl"))), "\n")
	var b strings.Builder
	b.WriteString(lines[0] + "\n")
	b.WriteString("this line is not JSON\n")
	b.WriteString(lines[1] + "\n")
	b.WriteString(`{"id":"0704.9999","title":["a list, not a title"],"categories":"cs.LG"}` + "\n") // wrong shape
	b.WriteString("\n")                                                                             // blank: not a record, not counted
	b.WriteString(`[1, 2, 3]` + "\n")                                                               // JSON, not an object
	b.WriteString(lines[2] + "\n")
	b.WriteString(lines[3][:len(lines[3])/2]) // the download was cut
	data := []byte(b.String())

	for name, parse := range map[string]func() (model.Listing, []model.Paper, error){
		"Parse": func() (model.Listing, []model.Paper, error) {
			l, err := Parse(bytes.NewReader(data))
			return l, l.Papers, err
		},
		"Stream": func() (model.Listing, []model.Paper, error) {
			var got []model.Paper
			l, err := Stream(context.Background(), bytes.NewReader(data), 2, func(ps []model.Paper) { got = append(got, ps...) })
			return l, got, err
		},
	} {
		l, papers, err := parse()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var ids []string
		for _, p := range papers {
			ids = append(ids, p.ID)
		}
		if want := []string{"0704.0001", "0704.0002", "0704.0003"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("%s: papers %v, want %v", name, ids, want)
		}
		if want := "4 papers skipped (the first, line 2: not JSON, or cut short)"; l.Skipped != 4 || l.SkipNote() != want {
			t.Errorf("%s: %d skipped (%q), want %q", name, l.Skipped, l.SkipNote(), want)
		}
	}
}

func TestArxivMetadataCutGzipKeepsWhatCameBeforeTheCut(t *testing.T) {
	data := readFixture(t, "arxiv_metadata_snapshot_head.jsonl.gz")
	var got []model.Paper
	l, err := Stream(context.Background(), bytes.NewReader(data[:len(data)*2/3]), 100, func(ps []model.Paper) { got = append(got, ps...) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 4 || len(got) >= 12 || l.Skipped != 1 {
		t.Errorf("cut gzip: %d papers, %d skipped; want the lines before the cut and the cut one skipped", len(got), l.Skipped)
	}
}

func TestArxivMetadataFirstLineBrokenStillDetected(t *testing.T) {
	data := append([]byte("{\"id\": \"0704.00\n"), readFixture(t, "arxiv_metadata_snapshot_head.jsonl")...)
	l, err := Parse(bytes.NewReader(data))
	if err != nil || len(l.Papers) != 12 || l.Skipped != 1 {
		t.Errorf("%d papers, %d skipped, %v", len(l.Papers), l.Skipped, err)
	}
}

func TestBriefIsWhatTheWholeRecordSays(t *testing.T) {
	for _, name := range []string{"arxiv_metadata_snapshot_head.jsonl", "arxiv_metadata_abs_files.jsonl", "arxiv_metadata_daily_math_rt.jsonl"} {
		for _, line := range bytes.Split(bytes.TrimSpace(readFixture(t, name)), []byte("\n")) {
			p, err := ParseArxivMetaLine(line)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b, err := BriefArxivMetaLine(line)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			want := ArxivBrief{ID: p.ID, Title: p.Title, Authors: p.Authors[:min(3, len(p.Authors))], AuthorSum: p.AuthorCount,
				Published: p.Published, Categories: p.Categories}
			if !reflect.DeepEqual(b, want) {
				t.Errorf("%s %s: brief %+v, record says %+v", name, p.ID, b, want)
			}
		}
	}
}

func TestIsArxivMetadataFileTellsTheSnapshotFromOtherFiles(t *testing.T) {
	for name, want := range map[string]bool{
		"arxiv_metadata_snapshot_head.jsonl":    true,
		"arxiv_metadata_snapshot_head.jsonl.gz": true,
		"arxiv_metadata_abs_files.jsonl":        true,
		"hf_api_daily_papers_2026-06-12.json":   false,
		"hf_daily_papers_2024-08-01.html":       false,
		"handmade_hf_api_paper_2501.04519.json": false, // one JSON object with an id, not the snapshot's keys
	} {
		got, err := IsArxivMetadataFile(filepath.Join("..", "testdata", name))
		if err != nil || got != want {
			t.Errorf("%s: %v, %v; want %v", name, got, err, want)
		}
	}
	if _, err := IsArxivMetadataFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing file: no error")
	}
}

func TestArxivMetadataAuthorsHaveTheirAccents(t *testing.T) {
	l, err := Parse(bytes.NewReader(readFixture(t, "arxiv_metadata_abs_files.jsonl")))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range l.Papers {
		if p.ID == "0704.0001" {
			// "C. Bal\'azs" in the source's authors line, as authors_parsed has it elsewhere.
			if want := "C. Balázs"; p.Authors[0] != want {
				t.Errorf("first author %q, want %q", p.Authors[0], want)
			}
			return
		}
	}
	t.Fatal("0704.0001 missing")
}
