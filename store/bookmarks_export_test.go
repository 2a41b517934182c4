package store

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/outputcheck"
)

// shelved is two bookmarks with tags and notes that Markdown and BibTeX
// would misread if they were not escaped.
func shelved() []Bookmark {
	ps := papers(1, 3)
	at := time.Date(2025, 1, 9, 8, 30, 0, 0, time.UTC)
	return []Bookmark{
		{Paper: ps[0], Added: at, Tags: []string{"rl", "to read", "a, b"}, Note: "compare *this* with [PPO](http://x) <b>\n# not a heading\n- not a list & 50% {brace"},
		{Paper: ps[1], Added: at.Add(-time.Hour), Tags: []string{"vision_2"}},
		{Paper: ps[2], Added: at.Add(-2 * time.Hour)},
	}
}

func TestBookmarksJSONKeepsTagsNoteAndAddedAndReadsBack(t *testing.T) {
	list := shelved()
	var buf bytes.Buffer
	if err := WriteBookmarksJSON(&buf, list); err != nil {
		t.Fatal(err)
	}
	var records []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &records); err != nil {
		t.Fatal(err)
	}
	first := records[0]
	if first["id"] != list[0].Paper.ID || first["title"] != list[0].Paper.Title || first["added"] != "2025-01-09T08:30:00Z" ||
		first["note"] != list[0].Note || len(first["tags"].([]any)) != 3 {
		t.Fatalf("first record: %v", first)
	}
	if _, ok := records[2]["tags"]; ok {
		t.Errorf("a bookmark without tags has a tags field: %v", records[2])
	}
	back, err := ParseBookmarks(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	wj, _ := json.Marshal(list)
	gj, _ := json.Marshal(back)
	if !bytes.Equal(wj, gj) {
		t.Fatalf("read back differs:\n%s\n%s", wj, gj)
	}
	// Still paper records, as `paperdeck list --json` prints them.
	l, err := feed.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil || len(l.Papers) != 3 || l.Papers[0].Title != list[0].Paper.Title {
		t.Fatalf("not read as a listing: %v, %+v", err, l.Papers)
	}
	if _, err := ParseBookmarks([]byte(`[{"title": "no id"}]`)); err == nil {
		t.Error("a record without id was accepted")
	}
}

func TestBookmarksMarkdownShowsTagsAndNoteUnderEachPaper(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBookmarksMarkdown(&buf, "Bookmarks", shelved()); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	// The note's markup shows as text: no link, no HTML, no block of its own.
	if o, err := outputcheck.Markdown(buf.Bytes()); err != nil || o.Headings != 4 || o.Lists != 3 || o.Quotes != 0 {
		t.Fatalf("outline %+v, %v:\n%s", o, err, md)
	}
	sections := strings.Split(md, "\n## ")
	if len(sections) != 4 {
		t.Fatalf("%d sections:\n%s", len(sections)-1, md)
	}
	first := sections[1]
	tags := strings.Index(first, `**Tags:** rl, to read, a, b`)
	note := strings.Index(first, `**Note:** compare \*this\* with [PPO\](http://x) \<b> # not a heading - not a list & 50% {brace`)
	meta, abstract := strings.Index(first, "0 upvotes"), strings.Index(first, "An abstract")
	if tags < 0 || note < 0 || !(meta < tags && tags < note && note < abstract) {
		t.Fatalf("tags (%d) and note (%d) should come under the meta line (%d), before the abstract (%d):\n%s", tags, note, meta, abstract, first)
	}
	if !strings.Contains(sections[2], `**Tags:** vision_2`) || strings.Contains(sections[2], "**Note:**") {
		t.Errorf("second paper:\n%s", sections[2])
	}
	if strings.Contains(sections[3], "**Tags:**") || strings.Contains(sections[3], "**Note:**") {
		t.Errorf("a bookmark without tags or note shows them:\n%s", sections[3])
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "# not") || strings.HasPrefix(line, "- not") {
			t.Errorf("the note starts a line of its own: %q", line)
		}
	}
}

func TestBookmarksBibTeXHasKeywordsAndNote(t *testing.T) {
	list := shelved()
	var buf bytes.Buffer
	if err := WriteBookmarksBibTeX(&buf, list); err != nil {
		t.Fatal(err)
	}
	bib := buf.String()
	entries := strings.Split(bib, "\n@misc")
	if len(entries) != 3 {
		t.Fatalf("%d entries:\n%s", len(entries), bib)
	}
	for _, want := range []string{
		"keywords      = {rl, to read, {a, b}}",
		`note          = {compare *this* with [PPO](http://x) <b> \# not a heading - not a list \& 50\% \textbraceleft{}brace}`,
	} {
		if !strings.Contains(entries[0], want) {
			t.Errorf("first entry lacks %s:\n%s", want, entries[0])
		}
	}
	if !strings.Contains(entries[1], `keywords      = {vision\_2}`) || strings.Contains(entries[1], "note ") {
		t.Errorf("second entry:\n%s", entries[1])
	}
	if strings.Contains(entries[2], "keywords") || strings.Contains(entries[2], "note ") {
		t.Errorf("a bookmark without tags or note has the fields:\n%s", entries[2])
	}
	for _, s := range []string{"}", "{", "}{", "\\", "\\}", "@misc{x,", "x\x00\x1b[31m"} {
		var b bytes.Buffer
		WriteBookmarksBibTeX(&b, []Bookmark{{Paper: list[0].Paper, Tags: []string{s}, Note: s}})
		if !balanced(b.String()) || strings.ContainsAny(b.String(), "\x00\x1b") {
			t.Errorf("tag and note %q: unbalanced or unsafe entry:\n%s", s, b.String())
		}
	}

	bibtool, err := exec.LookPath("bibtool")
	if err != nil {
		t.Skip("bibtool is not installed (apt-get install -y bibtool); skipping the BibTeX parser check")
	}
	path := filepath.Join(t.TempDir(), "bookmarks.bib")
	os.WriteFile(path, buf.Bytes(), 0o644)
	// bibtool rewrites the entries it read: the fields must come out whole.
	out, err := exec.Command(bibtool, "-q", path).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("ERROR")) || bytes.Contains(out, []byte("WARNING")) {
		t.Fatalf("bibtool: %v\n%s", err, out)
	}
	fields := regexp.MustCompile(`(?m)^\s*(keywords|note)\s*=`).FindAllString(string(out), -1)
	if n := len(fields); n != 3 || !slices.ContainsFunc(fields, func(f string) bool { return strings.Contains(f, "note") }) {
		t.Fatalf("bibtool read %d keywords/note fields, want 3:\n%s", n, out)
	}
}
