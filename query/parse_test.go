package query

import (
	"slices"
	"strings"
	"testing"
)

func TestParseReadsEveryQualifier(t *testing.T) {
	q := Parse(`flow -diffusion author:lecun org:"google deepmind" #To-Read -tag:rl note:comp cat:cs.LG -cat:stat is:unread -is:new has:code up:>10 listed:cross`)
	if !slices.Equal(q.Terms, []string{"flow"}) || !slices.Equal(q.Author, []string{"lecun"}) ||
		!slices.Equal(q.Org, []string{"google", "deepmind"}) || !slices.Equal(q.Tags, []string{"to read"}) ||
		!slices.Equal(q.Note, []string{"comp"}) || !slices.Equal(q.Cats, []string{"cs.LG"}) {
		t.Errorf("words and names: %+v", q)
	}
	if q.Need != HasCode|ListedCross || q.Shun != IsRead|IsNew { // is:unread is -is:read
		t.Errorf("flags: need %b shun %b", q.Need, q.Shun)
	}
	kinds := []Kind{}
	for _, g := range q.Not {
		kinds = append(kinds, g.Kind)
	}
	if !slices.Equal(kinds, []Kind{WordGroup, TagGroup, CatGroup}) || q.UpMin != 11 || q.Hint != "" {
		t.Errorf("negations %v, up:>10 from %d, hint %q", kinds, q.UpMin, q.Hint)
	}
}

// A qualifier a listing cannot answer is left out and says why, instead of
// a list emptied or unchanged without a word.
func TestWithinExplainsWhatASourceLacks(t *testing.T) {
	for text, want := range map[string]string{
		"up:>10 vision":   "up: — this snapshot has no upvotes",
		"-has:code model": "has:code — this snapshot has no code links",
		"org:mit":         "org: — this snapshot has no organisations",
		"-org:meta agent": "org: — this snapshot has no organisations",
		"listed:new":      "listed: — this snapshot has no arXiv listing",
	} {
		q := Parse(text)
		q.Within(Categories, "this snapshot")
		if q.Hint != want {
			t.Errorf("%q: hint %q, want %q", text, q.Hint, want)
		}
		if q.Need|q.Shun != 0 || len(q.Org) > 0 || q.UpMin != 0 || len(q.Not) > 0 {
			t.Errorf("%q: kept what the snapshot cannot answer: %+v", text, q)
		}
	}
	q := Parse("cat:cs.LG up:>3")
	q.Within(Everything, "this listing")
	if q.Hint != "" || q.UpMin != 4 || len(q.Cats) != 1 {
		t.Errorf("a listing with everything lost a qualifier: %+v", q)
	}
}

func TestResolveCategories(t *testing.T) {
	known := []string{"cs.LG", "cs.LO", "math-ph", "math.AG", "hep-th"}
	for names, want := range map[string][]string{
		"cs.lg":   {"cs.LG"},
		"cs":      {"cs.LG", "cs.LO"},
		"cs.L":    {"cs.LG", "cs.LO"},
		"math":    {"math.AG"}, // the archive, not math-ph
		"math-":   {"math-ph"},
		"hep-th":  {"hep-th"},
		"cs.LG x": nil,
	} {
		set, missing := ResolveCategories(strings.Fields(names), known)
		var got []string
		for k, in := range set {
			if in {
				got = append(got, known[k])
			}
		}
		if want == nil {
			if missing != "x" {
				t.Errorf("%q: missing %q, want x", names, missing)
			}
			continue
		}
		if !slices.Equal(got, want) || missing != "" {
			t.Errorf("%q: %v (missing %q), want %v", names, got, missing, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"flow ma", `org:"google deep`, "-is:read #rl -", "up:10..", "cat:cs. -cat:", "tag:\"to read\" note:x", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		if !q.Narrows(&q) {
			t.Errorf("%q does not narrow itself", s)
		}
		q.Within(0, "this listing")
		q.ResolveTags(NewLibrary([]Shelved{{ID: "a", Tags: []string{s}, Note: s}}))
		if q.UpMin != 0 || len(q.Cats) != 0 || q.Need&^MarkFlags != 0 {
			t.Errorf("%q: Within(0) kept %+v", s, q)
		}
	})
}
