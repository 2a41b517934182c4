package feed

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

const (
	fixturePaperAPI  = "handmade_hf_api_paper_2501.04519.json"
	fixtureSearchAPI = "handmade_hf_api_papers_search.json"
)

func TestPaperMergesTheDetailsIntoTheListedRecord(t *testing.T) {
	m := newMirror(t)
	m.serve("/api/papers/search", ctJSON, fixture(t, fixtureSearchAPI))
	m.serve("/api/papers/2501.04519", ctJSON, fixture(t, fixturePaperAPI))
	c := testClient(t, m.URL(), newFakeClock())
	if _, err := c.Load(context.Background(), Request{Period: model.Period{Kind: model.Search, Value: "rstar"}}); err != nil {
		t.Fatal(err)
	}

	p, err := c.Paper(context.Background(), "2501.04519v2")
	if err != nil {
		t.Fatal(err)
	}
	if p.GitHub != "https://github.com/microsoft/rStar" || p.GitHubStars != 1200 || p.ProjectPage != "https://rstar.example.org" {
		t.Errorf("code %q ★%d, project %q", p.GitHub, p.GitHubStars, p.ProjectPage)
	}
	if fmt.Sprint(p.LinkedModels) != "[microsoft/rStar-Math-7B]" || len(p.LinkedDatasets) != 2 || len(p.LinkedSpaces) != 0 {
		t.Errorf("linked: %v %v %v", p.LinkedModels, p.LinkedDatasets, p.LinkedSpaces)
	}
	if !strings.HasPrefix(p.AISummary, "Small language models") || len(p.Keywords) != 2 {
		t.Errorf("AI summary %q, keywords %v", p.AISummary, p.Keywords)
	}
	// Known only from the listing item: the organisation.
	if p.Organization != "Microsoft" || p.Comments != 11 {
		t.Errorf("organisation %q, comments %d: the listing's fields were lost", p.Organization, p.Comments)
	}
	if p.URL != "https://huggingface.co/papers/2501.04519" {
		t.Errorf("url %q", p.URL)
	}
}

func TestPaperDetailsAreCachedForOfflineReading(t *testing.T) {
	m := newMirror(t)
	m.serve("/api/papers/2501.04519", ctJSON, fixture(t, fixturePaperAPI))
	cacheDir := t.TempDir()
	online := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir })
	if _, err := online.Paper(context.Background(), "2501.04519"); err != nil {
		t.Fatal(err)
	}
	// Within 15 minutes: no second request.
	if _, err := online.Paper(context.Background(), "2501.04519"); err != nil || m.count("/api/papers/2501.04519") != 1 {
		t.Errorf("%d requests, %v", m.count("/api/papers/2501.04519"), err)
	}
	m.srv.Close()

	for name, tweak := range map[string]func(*Config){
		"network down": func(cfg *Config) { cfg.CacheDir = cacheDir },
		"--offline":    func(cfg *Config) { cfg.CacheDir = cacheDir; cfg.Offline = true },
	} {
		later := newFakeClock()
		later.Advance(time.Hour) // the cached details are stale: the network is tried
		c := testClient(t, m.URL(), later, tweak)
		p, err := c.Paper(context.Background(), "2501.04519")
		if err != nil || p.GitHubStars != 1200 {
			t.Errorf("%s: ★%d, %v", name, p.GitHubStars, err)
		}
	}
}

func TestPaperErrors(t *testing.T) {
	m := newMirror(t)
	c := testClient(t, m.URL(), newFakeClock())
	if _, err := c.Paper(context.Background(), "title-abc123"); err == nil || !strings.Contains(err.Error(), "not an arXiv id") {
		t.Errorf("err = %v", err)
	}
	if _, err := c.Paper(context.Background(), "2501.00001"); err == nil || !strings.Contains(err.Error(), "the details of 2501.00001") || !strings.Contains(err.Error(), "404") {
		t.Errorf("err = %v", err)
	}
	// The 404 sent paperdeck to the arXiv API (a 404 too): two requests.
	off := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.Offline = true })
	if _, err := off.Paper(context.Background(), "2501.00001"); err == nil || len(m.served()) != 2 {
		t.Errorf("offline without a cached copy: %v, %d requests", err, len(m.served()))
	}
}

func TestMergePaperKeepsTheListingsFieldsWhereTheDetailsAreSilent(t *testing.T) {
	listed := model.Paper{ID: "1", Title: "T", Comments: 4, Upvotes: 10, Organization: "Org", Source: model.SourceHF, Links: []string{"https://a"}}
	details := model.Paper{ID: "1", Title: "T", Upvotes: 12, GitHub: "https://github.com/x/y", Links: []string{"https://github.com/x/y"}}
	got := MergePaper(listed, details)
	if got.Comments != 4 || got.Upvotes != 12 || got.Organization != "Org" || got.GitHub != "https://github.com/x/y" || len(got.Links) != 2 {
		t.Errorf("%+v", got)
	}
}
