package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func TestMissingFileIsNoBookmarks(t *testing.T) {
	b := tempBookmarks(t)
	if list := mustLoad(t, b); len(list) != 0 {
		t.Fatalf("want no bookmarks, got %v", ids(list))
	}
	if _, err := os.Stat(b.Path()); !os.IsNotExist(err) {
		t.Fatalf("Load created the file: %v", err)
	}
}

func TestAddListsNewestFirstAndSurvivesReopen(t *testing.T) {
	b := tempBookmarks(t)
	clock(b)
	ps := papers(1, 3)
	if n, err := b.Add(ps[0]); err != nil || n != 1 {
		t.Fatalf("Add = %d, %v", n, err)
	}
	if n, err := b.Add(ps[1], ps[2]); err != nil || n != 2 {
		t.Fatalf("Add = %d, %v", n, err)
	}
	// A second window opening the same file sees the same list.
	list := mustLoad(t, OpenBookmarks(b.Path()))
	want := []string{ps[1].ID, ps[2].ID, ps[0].ID} // a batch keeps its order
	if got := ids(list); !slices.Equal(got, want) {
		t.Fatalf("order = %v, want %v", got, want)
	}
	if list[0].Paper.Summary != ps[1].Summary || list[0].Added.IsZero() {
		t.Fatalf("the whole record and the time added should be kept: %+v", list[0])
	}
	data, _ := os.ReadFile(b.Path())
	if !bytes.Contains(data, []byte("\"version\": 1")) || !bytes.Contains(data, []byte("\n    {")) {
		t.Fatalf("the file should be versioned, indented JSON:\n%s", data[:200])
	}
}

func TestReAddKeepsAddedTimeTagsAndNoteAndRefreshesRecord(t *testing.T) {
	b := tempBookmarks(t)
	clock(b)
	p := papers(1, 1)[0]
	p.GitHub = "https://github.com/acme/flow"
	b.Add(p)
	if err := b.SetTags(p.ID, []string{"flow", " to read ", "flow", ""}); err != nil {
		t.Fatal(err)
	}
	if err := b.SetNote(p.ID, "  compare with DDPM \n"); err != nil {
		t.Fatal(err)
	}
	first := mustLoad(t, b)[0]

	newer := model.Paper{ID: p.ID, Title: "Flow Matching, revised", Upvotes: 42} // a poorer source
	n, err := b.Add(newer)
	if err != nil || n != 0 {
		t.Fatalf("re-Add = %d, %v; want 0 new", n, err)
	}
	got := mustLoad(t, b)
	if len(got) != 1 {
		t.Fatalf("want one bookmark, got %v", ids(got))
	}
	bm := got[0]
	if !bm.Added.Equal(first.Added) {
		t.Errorf("added time changed: %v → %v", first.Added, bm.Added)
	}
	if bm.Paper.Title != "Flow Matching, revised" || bm.Paper.Upvotes != 42 {
		t.Errorf("record not refreshed: %+v", bm.Paper)
	}
	if bm.Paper.GitHub != p.GitHub || len(bm.Paper.Authors) != 2 {
		t.Errorf("fields the newer record lacks were lost: %+v", bm.Paper)
	}
	if !slices.Equal(bm.Tags, []string{"flow", "to read"}) || bm.Note != "compare with DDPM" {
		t.Errorf("tags %q note %q", bm.Tags, bm.Note)
	}
}

func TestRemove(t *testing.T) {
	b := tempBookmarks(t)
	ps := papers(1, 3)
	b.Add(ps...)
	n, err := b.Remove(ps[0].ID, "2401.99999", ps[2].ID)
	if err != nil || n != 2 {
		t.Fatalf("Remove = %d, %v; want 2", n, err)
	}
	if got := ids(mustLoad(t, b)); !slices.Equal(got, []string{ps[1].ID}) {
		t.Fatalf("left %v", got)
	}
}

func TestEditUnknownBookmarkSaysSo(t *testing.T) {
	b := tempBookmarks(t)
	b.Add(papers(1, 1)...)
	err := b.SetNote("2401.99999", "x")
	if err == nil || !strings.Contains(err.Error(), "2401.99999 is not bookmarked") {
		t.Fatalf("SetNote on a missing id: %v", err)
	}
}

func TestAddRejectsPaperWithoutID(t *testing.T) {
	b := tempBookmarks(t)
	if _, err := b.Add(model.Paper{Title: "Nameless"}); err == nil {
		t.Fatal("a paper without an id was bookmarked")
	}
	if _, err := os.Stat(b.Path()); !os.IsNotExist(err) {
		t.Fatal("a failed Add wrote the file")
	}
}

func TestEveryWriteKeepsThePreviousGeneration(t *testing.T) {
	b := tempBookmarks(t)
	ps := papers(1, 2)
	b.Add(ps[0])
	gen1, _ := os.ReadFile(b.Path())
	b.Add(ps[1])
	bak, err := os.ReadFile(b.Path() + ".bak")
	if err != nil || !bytes.Equal(bak, gen1) {
		t.Fatalf(".bak should hold the previous generation (err %v)", err)
	}
	// Nothing left behind but the file, its backup and the lock.
	entries, _ := os.ReadDir(filepath.Dir(b.Path()))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"bookmarks.json", "bookmarks.json.bak", "bookmarks.json.lock"}; !slices.Equal(names, want) {
		t.Fatalf("folder holds %v, want %v", names, want)
	}
}

func TestStaleTempFilesAreCleanedUp(t *testing.T) {
	b := tempBookmarks(t)
	b.Add(papers(1, 1)...)
	dir := filepath.Dir(b.Path())
	stale := filepath.Join(dir, ".bookmarks.json4242")
	other := filepath.Join(dir, ".bookmarks.json.notes")
	os.WriteFile(stale, []byte("{half"), 0o644)
	os.WriteFile(other, []byte("mine"), 0o644)
	b.Add(papers(2, 1)...)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a temporary file left by a killed write was not removed")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a file that is not ours was removed")
	}
}

func TestCorruptFileIsNeverOverwritten(t *testing.T) {
	b := tempBookmarks(t)
	b.Add(papers(1, 1)...)
	b.Add(papers(2, 1)...) // now there is a .bak
	damaged := []byte("{\"version\": 1, \"bookmarks\": [\n  {\"paper\": {\"id\": \"2401.00001\"\n")
	os.WriteFile(b.Path(), damaged, 0o644)
	bakBefore, _ := os.ReadFile(b.Path() + ".bak")

	_, err := b.Load()
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("Load of a damaged file: %v, want *CorruptError", err)
	}
	msg := err.Error()
	for _, want := range []string{"bookmarks.json is damaged", "line 3", "it is left as it was", "a backup is at", "bookmarks.json.bak"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("message is not one line: %q", msg)
	}

	changes := map[string]func() error{
		"Add":     func() error { _, err := b.Add(papers(3, 1)...); return err },
		"Remove":  func() error { _, err := b.Remove("2401.00001"); return err },
		"SetTags": func() error { return b.SetTags("2401.00001", []string{"x"}) },
		"SetNote": func() error { return b.SetNote("2401.00001", "x") },
		"Import":  func() error { _, err := b.Import([]Bookmark{{Paper: papers(4, 1)[0]}}); return err },
	}
	for name, change := range changes {
		if err := change(); !errors.As(err, &ce) {
			t.Errorf("%s on a damaged file: %v, want *CorruptError", name, err)
		}
	}
	if after, _ := os.ReadFile(b.Path()); !bytes.Equal(after, damaged) {
		t.Fatal("the damaged file was changed")
	}
	if after, _ := os.ReadFile(b.Path() + ".bak"); !bytes.Equal(after, bakBefore) {
		t.Fatal("the backup was changed")
	}
}

func TestWrongOrNewerFilesAreNotReplaced(t *testing.T) {
	cases := map[string]struct{ content, says string }{
		"another JSON":    {`{"papers": [{"id": "2401.00001"}]}`, `no "version" field`},
		"newer paperdeck": {`{"version": 2, "bookmarks": []}`, "cannot be read by this paperdeck (written by a newer paperdeck: format version 2, this one reads 1)"},
		"wrong type":      {`{"version": 1, "bookmarks": {"a": 1}}`, "bookmarks holds a JSON object"},
		"no id":           {`{"version": 1, "bookmarks": [{"paper": {"title": "x"}}]}`, "bookmark 1 has no paper id"},
		"not JSON":        {"hello\n", "invalid character 'h'"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b := tempBookmarks(t)
			os.MkdirAll(filepath.Dir(b.Path()), 0o755)
			os.WriteFile(b.Path(), []byte(c.content), 0o644)
			_, err := b.Add(papers(1, 1)...)
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("Add: %v; want it to say %q", err, c.says)
			}
			if !strings.Contains(err.Error(), "there is no backup") {
				t.Errorf("without a .bak the message should say so: %v", err)
			}
			if after, _ := os.ReadFile(b.Path()); string(after) != c.content {
				t.Fatal("the file was changed")
			}
		})
	}
}

func TestBlankFileIsEmpty(t *testing.T) {
	b := tempBookmarks(t)
	os.MkdirAll(filepath.Dir(b.Path()), 0o755)
	os.WriteFile(b.Path(), []byte("\n"), 0o644)
	if n, err := b.Add(papers(1, 1)...); err != nil || n != 1 {
		t.Fatalf("Add to a blank file = %d, %v", n, err)
	}
}

func TestImportRestoresWholeBookmarksAndMerges(t *testing.T) {
	src := tempBookmarks(t)
	clock(src)
	ps := papers(1, 3)
	src.Add(ps[0])
	src.Add(ps[1], ps[2])
	src.SetTags(ps[0].ID, []string{"rl"})
	src.SetNote(ps[1].ID, "read twice")
	exported := mustLoad(t, src)

	dst := tempBookmarks(t)
	clock(dst)
	dst.Add(ps[2])
	dst.SetTags(ps[2].ID, []string{"mine"})
	n, err := dst.Import(exported)
	if err != nil || n != 2 {
		t.Fatalf("Import = %d, %v; want 2 new", n, err)
	}
	got := mustLoad(t, dst)
	if !slices.Equal(ids(got), ids(exported)) {
		t.Fatalf("order %v, want %v", ids(got), ids(exported))
	}
	byID := map[string]Bookmark{}
	for _, bm := range got {
		byID[bm.Paper.ID] = bm
	}
	if !byID[ps[0].ID].Added.Equal(exported[2].Added) || !slices.Equal(byID[ps[0].ID].Tags, []string{"rl"}) {
		t.Errorf("imported bookmark lost its time or tags: %+v", byID[ps[0].ID])
	}
	if byID[ps[1].ID].Note != "read twice" {
		t.Errorf("note lost: %+v", byID[ps[1].ID])
	}
	if !slices.Equal(byID[ps[2].ID].Tags, []string{"mine"}) {
		t.Errorf("an existing bookmark's tags should be kept and joined: %q", byID[ps[2].ID].Tags)
	}
}

func TestFileIsReadableJSONOfWholeRecords(t *testing.T) {
	b := tempBookmarks(t)
	p := papers(1, 1)[0]
	p.Title = "Q&A <with> tags"
	b.Add(p)
	data, _ := os.ReadFile(b.Path())
	if !bytes.Contains(data, []byte(`"title": "Q&A <with> tags"`)) {
		t.Fatalf("titles should be written as they read:\n%s", data)
	}
	var doc struct {
		Version   int
		Bookmarks []Bookmark
	}
	if err := json.Unmarshal(data, &doc); err != nil || doc.Version != 1 || doc.Bookmarks[0].Paper.Summary != p.Summary {
		t.Fatalf("unexpected file: %v %+v", err, doc)
	}
}

func TestAddTaggedJoinsTagsAndSetsTheNote(t *testing.T) {
	b := tempBookmarks(t)
	clock(b)
	ps := papers(1, 2)
	if n, err := b.AddTagged(ps[:1], []string{"rl"}, "first read"); err != nil || n != 1 {
		t.Fatalf("AddTagged = %d, %v", n, err)
	}
	// Re-adding with more tags joins them (RL is rl) and a new note
	// replaces the old; a blank note leaves it.
	if n, err := b.AddTagged(ps, []string{"RL", "agents"}, "  compare with PPO "); err != nil || n != 1 {
		t.Fatalf("AddTagged = %d, %v; want 1 new", n, err)
	}
	if _, err := b.AddTagged(ps[1:], []string{"later"}, "  "); err != nil {
		t.Fatal(err)
	}
	got := map[string]Bookmark{}
	for _, bm := range mustLoad(t, b) {
		got[bm.Paper.ID] = bm
	}
	first, second := got[ps[0].ID], got[ps[1].ID]
	if !slices.Equal(first.Tags, []string{"rl", "agents"}) || first.Note != "compare with PPO" {
		t.Errorf("re-added bookmark: tags %q, note %q", first.Tags, first.Note)
	}
	if !slices.Equal(second.Tags, []string{"RL", "agents", "later"}) || second.Note != "compare with PPO" {
		t.Errorf("new bookmark: tags %q, note %q", second.Tags, second.Note)
	}
}

func TestRetagAddsAndRemovesAndNamesTheMissing(t *testing.T) {
	b := tempBookmarks(t)
	clock(b)
	ps := papers(1, 3)
	b.AddTagged(ps, []string{"To Read", "rl"}, "")
	r, err := b.Retag([]string{ps[0].ID, "2401.99999", ps[1].ID}, []string{"agents", "RL"}, []string{"to  read"})
	if err != nil || r.Changed != 2 || !slices.Equal(r.NotBookmarked, []string{"2401.99999"}) || len(r.Lacking) != 0 {
		t.Fatalf("Retag = %+v, %v", r, err)
	}
	for _, bm := range mustLoad(t, b) {
		want := []string{"To Read", "rl"}
		if bm.Paper.ID != ps[2].ID {
			want = []string{"rl", "agents"}
		}
		if !slices.Equal(bm.Tags, want) {
			t.Errorf("%s: tags %q, want %q", bm.Paper.ID, bm.Tags, want)
		}
	}
	// Nothing to change is no change, and no write; a tag to remove that
	// the bookmark lacks is named.
	r, _ = b.Retag([]string{ps[0].ID}, []string{"agents"}, []string{"absent"})
	if r.Changed != 0 {
		t.Errorf("a retag that changes nothing counted %d", r.Changed)
	}
	if want := []IDTag{{ID: ps[0].ID, Tag: "absent"}}; !slices.Equal(r.Lacking, want) {
		t.Errorf("removing a tag the bookmark lacks: Lacking %v, want %v", r.Lacking, want)
	}
	fresh := tempBookmarks(t)
	if r, err := fresh.Retag([]string{"2401.00001"}, []string{"rl"}, nil); err != nil || len(r.NotBookmarked) != 1 {
		t.Fatalf("Retag of a stranger = %+v, %v", r, err)
	}
	if _, err := os.Stat(fresh.Path()); !os.IsNotExist(err) {
		t.Errorf("a retag that changed nothing wrote the file: %v", err)
	}
}

func TestTaggedAndCountTags(t *testing.T) {
	list := []Bookmark{
		{Paper: model.Paper{ID: "a"}, Tags: []string{"rl", "agents"}},
		{Paper: model.Paper{ID: "b"}, Tags: []string{"Agents"}},
		{Paper: model.Paper{ID: "c"}, Tags: []string{"vision"}},
		{Paper: model.Paper{ID: "d"}},
	}
	if got := ids(Tagged(list, "AGENTS")); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Tagged agents = %v", got)
	}
	want := []TagCount{{"agents", 2}, {"rl", 1}, {"vision", 1}}
	if got := CountTags(list); !slices.Equal(got, want) {
		t.Errorf("CountTags = %v, want %v", got, want)
	}
}

// A tag the filter's tag: takes for one (query.TagKey) is one tag for the
// bookmarks too: B's counts, --tag and tag:"to read" agree.
func TestTagsCompareAsTheFilterDoes(t *testing.T) {
	list := []Bookmark{
		{Paper: model.Paper{ID: "a"}, Tags: []string{"To-Read"}},
		{Paper: model.Paper{ID: "b"}, Tags: []string{"to  read", "Théorie"}},
		{Paper: model.Paper{ID: "c"}, Tags: []string{"theorie", "C++"}},
		{Paper: model.Paper{ID: "d"}, Tags: []string{"++"}},
	}
	want := []TagCount{{"theorie", 2}, {"to read", 2}, {"++", 1}, {"C++", 1}}
	got := CountTags(list)
	// Spelt as first met; compared as the filter compares.
	want[0].Tag, want[1].Tag = "Théorie", "To-Read"
	if !slices.Equal(got, want) {
		t.Errorf("CountTags = %v, want %v", got, want)
	}
	if got := ids(Tagged(list, "to read")); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf(`Tagged "to read" = %v, want a and b`, got)
	}
	if SameTag("++", "C++") {
		t.Error(`"++" and "C++" are two tags`)
	}
}
