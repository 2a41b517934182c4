package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// `list FILE --resolve` gives the copied-text papers the arXiv id Hugging
// Face's search matches to their exact title; one request per paper, none
// the second time (cached), none without --resolve.
func TestListResolveFindsIDsByTitle(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/api/papers/search" && r.URL.Query().Get("q") == "Calibrated Uncertainty for Diffusion Policies" {
			// Hand-made, in the shape of /api/papers/search.
			w.Write([]byte(`[{"paper": {"id": "2311.00123", "title": "Calibrated uncertainty for diffusion policies", "upvotes": 5}}]`))
			return
		}
		w.Write([]byte(`[]`))
	}))
	defer srv.Close()
	env := []string{"PAPERDECK_HF_URL=" + srv.URL, "XDG_CACHE_HOME=" + t.TempDir()}
	file := testdata("hf_papers_page_copied_text_sample.txt")

	out, errOut, code := runInProcess(t, env, "list", file, "--resolve", "--json")
	if code != 0 || errOut != "paperdeck: found the arXiv id of 1 of 5 papers without one\n" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	papers := decodePapers(t, out)
	if len(papers) != 5 || papers[2].ID != "2311.00123" || papers[2].URL != "https://huggingface.co/papers/2311.00123" ||
		papers[2].Title != "Calibrated Uncertainty for Diffusion Policies" {
		t.Fatalf("papers %+v", papers)
	}
	if papers[0].ID == "2311.00123" || papers[0].URL != "" {
		t.Errorf("a paper without a match changed: %+v", papers[0])
	}
	if n := requests.Load(); n != 5 {
		t.Errorf("%d requests, want one per paper (5)", n)
	}

	again, _, _ := runInProcess(t, env, "list", file, "--resolve", "--json")
	if again != out || requests.Load() != 5 {
		t.Errorf("second run: %d requests in all, same output %v", requests.Load(), again == out)
	}
	plain, _, _ := runInProcess(t, []string{"PAPERDECK_HF_URL=" + srv.URL, "XDG_CACHE_HOME=" + filepath.Join(t.TempDir(), "c")}, "list", file, "--json")
	if requests.Load() != 5 || len(decodePapers(t, plain)) != 5 || decodePapers(t, plain)[2].ID == "2311.00123" {
		t.Errorf("without --resolve: %d requests in all", requests.Load())
	}
}
