package filter

import (
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// shelfLibrary is what the bookmarks of shelf() say: p1 is tagged rl and
// "To Read", p2 rlhf, p4 robotics with a note, p5 only a note.
func shelfLibrary() []Shelved {
	return []Shelved{
		{ID: "p1", Tags: []string{"rl", "To Read"}},
		{ID: "p2", Tags: []string{"RLHF"}, Note: "compare with RAFT"},
		{ID: "p4", Tags: []string{"robotics"}, Note: "petal dataset; compare stems"},
		{ID: "p5", Note: "ask Chen about the code"},
		{ID: "elsewhere", Tags: []string{"vision"}}, // a bookmark not in this listing
	}
}

func TestTagAndNoteQualifiers(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	marks := Marks{Library: NewLibrary(shelfLibrary())}
	tests := []queryCase{
		{"tag:rl", []string{"p1"}}, // the tag rl, not rlhf
		{"#rl", []string{"p1"}},
		{"TAG:RL", []string{"p1"}},
		{"#rlhf", []string{"p2"}},
		{"tag:r", []string{"p1", "p2", "p4"}}, // still being typed: every tag starting with r
		{"tag:rlh", []string{"p2"}},
		{`tag:"to read"`, []string{"p1"}},
		{"tag:to-read", []string{"p1"}},
		{"#robotics flow", []string{"p4"}},
		{"#rl #to", []string{"p1"}},
		{"#rl #robotics", nil},
		{"note:compare", []string{"p2", "p4"}},
		{"note:comp note:stem", []string{"p4"}},
		{`note:"compare raft"`, []string{"p2"}},
		{"note:flow", nil}, // a title word is not a note word
		// Plain words find tags and notes too, after the title matches.
		{"rlhf", []string{"p2"}},
		{"robot", []string{"p4"}},
		{"flow robotics", []string{"p4"}},
		{"raft", []string{"p2"}},
		{"chen", []string{"p5", "p0"}}, // p5 by its title; p0 by an author
		// Negated.
		{"-tag:rl", []string{"p0", "p2", "p3", "p4", "p5"}},
		{"-#robotics flow", []string{"p0", "p2", "p5", "p1"}},
		{"-note:compare", []string{"p0", "p1", "p3", "p5"}},
		{"tag:r -tag:rlhf", []string{"p1", "p4"}},
	}
	checkQueries(t, ix, papers, marks, tests)
}

func TestTagNoBookmarkCarriesSaysSo(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	for _, lib := range []*Library{nil, NewLibrary(shelfLibrary())} {
		res := ix.Query("flow #gans", nil, Marks{Library: lib})
		if len(res.Matches) != 0 || res.Hint != `no bookmark is tagged "gans"` {
			t.Errorf("#gans (library %v): %v, hint %q", lib != nil, ids(papers, res.Matches), res.Hint)
		}
	}
	for _, q := range []string{"tag:", "#", `tag:""`} {
		res := ix.Query("flow "+q, nil, Marks{Library: NewLibrary(shelfLibrary())})
		if !strings.HasPrefix(res.Hint, "tag: wants a tag") || len(res.Matches) != 5 {
			t.Errorf("%q: %d matches, hint %q; want flow's 5 and a hint", q, len(res.Matches), res.Hint)
		}
	}
}

func TestNegationAndIsNew(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	read := map[string]bool{"p0": true, "p2": true}
	marked := map[string]bool{"p2": true, "p5": true}
	fresh := map[string]bool{"p3": true, "p4": true}
	marks := Marks{
		Read:       func(id string) bool { return read[id] },
		Bookmarked: func(id string) bool { return marked[id] },
		New:        func(id string) bool { return fresh[id] },
	}
	tests := []queryCase{
		{"-has:code", []string{"p0", "p2", "p3", "p4", "p5"}},
		{"-has:code has:code", nil},
		{"-is:read", []string{"p1", "p3", "p4", "p5"}},
		{"-is:unread", []string{"p0", "p2"}},
		{"-is:bookmarked flow", []string{"p0", "p4", "p1"}},
		{"is:new", []string{"p3", "p4"}},
		{"-is:new -is:read", []string{"p1", "p5"}},
		{"flow -optical", []string{"p0", "p4", "p5", "p1"}},
		{"-flow", []string{"p3"}},
		{"-flow -unrelated", nil},
		{"-org:meta", []string{"p0", "p1", "p2", "p3", "p5"}},
		{"flow -author:chen", []string{"p4", "p2", "p5", "p1"}},
		{"-", []string{"p0", "p1", "p2", "p3", "p4", "p5"}}, // a lone dash is not a word
	}
	checkQueries(t, ix, papers, marks, tests)
	if res := ix.Query("-up:>5", nil, marks); !strings.Contains(res.Hint, "up:<N") {
		t.Errorf("-up: hint %q", res.Hint)
	}
}

func TestOrgMatchesInitialsAndWordPrefixes(t *testing.T) {
	papers := []model.Paper{
		{ID: "mit", Title: "A", Organization: "Massachusetts Institute of Technology"},
		{ID: "cmu", Title: "B", Organization: "Carnegie Mellon University"},
		{ID: "hkust", Title: "C", Organization: "The Hong Kong University of Science and Technology"},
		{ID: "gdm", Title: "D", Organization: "Google DeepMind"},
		{ID: "meta", Title: "E", Organization: "Meta AI"},
		{ID: "sjtu", Title: "F", Organization: "Shanghai Jiao Tong University"},
		{ID: "none", Title: "Mit dem Fahrrad"},
	}
	ix := New(papers)
	tests := []struct {
		query string
		want  []string
	}{
		{"org:mit", []string{"mit"}},
		{"org:MIT", []string{"mit"}},
		{"org:miot", []string{"mit"}}, // small words kept, too
		{"org:massa", []string{"mit"}},
		{"org:cmu", []string{"cmu"}},
		{"org:hkust", []string{"hkust"}},
		{"org:gdm", []string{"gdm"}},
		{"org:deepmind", []string{"gdm"}},
		{"org:sjtu", []string{"sjtu"}},
		{"org:meta", []string{"meta"}},
		{"org:m", []string{"mit", "cmu", "meta"}},
		{"-org:mit", []string{"cmu", "hkust", "gdm", "meta", "sjtu", "none"}},
		// Initials are for org: only: a plain word finds titles.
		{"mit", []string{"none"}},
		{"cmu", nil},
	}
	for _, tt := range tests {
		if got := ids(papers, ix.Query(tt.query, nil, Marks{}).Matches); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestUnknownQualifierSaysSoAndSearchesWords(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	res := ix.Query("optical:flow", nil, Marks{})
	if got := ids(papers, res.Matches); !slices.Equal(got, []string{"p2"}) {
		t.Errorf("optical:flow: got %v, want the papers with both words", got)
	}
	if !strings.HasPrefix(res.Hint, "optical: is not a qualifier") || !strings.Contains(res.Hint, "tag:") {
		t.Errorf("optical:flow: hint %q", res.Hint)
	}
	// Not a qualifier by its looks: a time, a ratio.
	for _, q := range []string{"10:30", "2:1"} {
		if res := ix.Query(q, nil, Marks{}); res.Hint != "" {
			t.Errorf("%q: hint %q", q, res.Hint)
		}
	}
}

func TestAResultIsNotReusedWithAnotherLibrary(t *testing.T) {
	ix := New(shelf())
	before := NewLibrary(shelfLibrary())
	prev := ix.Query("tag:rl", nil, Marks{Library: before})
	after := NewLibrary(append(shelfLibrary(), Shelved{ID: "p3", Tags: []string{"rl"}}))
	res := ix.Query("tag:rl flow", prev, Marks{Library: after})
	if res.reused {
		t.Error("a result from before the bookmarks changed was narrowed")
	}
	if !ix.Query("tag:rl up:>1", prev, Marks{Library: before}).reused {
		t.Error("the same library: the result should be narrowed")
	}
	if got := ix.Query("#rl", nil, Marks{Library: after}).Matches; len(got) != 2 {
		t.Errorf("after tagging p3: %v", got)
	}
}

func TestOrgInitials(t *testing.T) {
	for name, want := range map[string][]string{
		"Massachusetts Institute of Technology": {"miot", "mit"},
		"Google DeepMind":                       {"gdm"},
		"Meta":                                  nil,
		"DeepMind":                              {"dm"},
		"ETH Zürich":                            {"ez"},
		"":                                      nil,
		"The Lab":                               {"tl"},
	} {
		if got := orgInitials(name); !slices.Equal(got, want) {
			t.Errorf("orgInitials(%q) = %q, want %q", name, got, want)
		}
	}
}
