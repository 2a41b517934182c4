package corpus

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// WriteDailyPapersJSON writes papers as an /api/daily_papers response:
// one item per paper with the nested "paper" object and the fields the
// real API sends beside it (avatars, thumbnails, submitters), so the file
// has the size and shape paperdeck meets on the network.
func WriteDailyPapersJSON(w io.Writer, papers []model.Paper) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i, p := range papers {
		if i > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		if err := enc.Encode(apiItem(p)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]\n")
	return err
}

type apiOrg struct {
	ID       string `json:"_id"`
	Name     string `json:"name"`
	Fullname string `json:"fullname"`
	Avatar   string `json:"avatar"`
}

type apiUser struct {
	ID        string `json:"_id"`
	AvatarURL string `json:"avatarUrl"`
	Fullname  string `json:"fullname"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	IsPro     bool   `json:"isPro"`
}

type apiAuthor struct {
	ID     string `json:"_id"`
	Name   string `json:"name"`
	Hidden bool   `json:"hidden"`
}

type apiPaper struct {
	ID                 string      `json:"id"`
	Authors            []apiAuthor `json:"authors"`
	PublishedAt        string      `json:"publishedAt"`
	SubmittedOnDailyAt string      `json:"submittedOnDailyAt"`
	Title              string      `json:"title"`
	SubmittedOnDailyBy apiUser     `json:"submittedOnDailyBy"`
	Summary            string      `json:"summary"`
	Upvotes            int         `json:"upvotes"`
	DiscussionID       string      `json:"discussionId"`
	GithubRepo         string      `json:"githubRepo,omitempty"`
	ProjectPage        string      `json:"projectPage,omitempty"`
	AISummary          string      `json:"ai_summary,omitempty"`
	AIKeywords         []string    `json:"ai_keywords,omitempty"`
	GithubStars        int         `json:"githubStars,omitempty"`
	Organization       *apiOrg     `json:"organization,omitempty"`
}

type apiItemJSON struct {
	Paper        apiPaper `json:"paper"`
	PublishedAt  string   `json:"publishedAt"`
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	Thumbnail    string   `json:"thumbnail"`
	NumComments  int      `json:"numComments"`
	SubmittedBy  apiUser  `json:"submittedBy"`
	Organization *apiOrg  `json:"organization,omitempty"`
}

func apiItem(p model.Paper) apiItemJSON {
	date := p.Published + "T00:00:00.000Z"
	submitter := apiUser{
		ID:        objectID(p.ID, "user"),
		AvatarURL: "https://cdn-avatars.huggingface.co/v1/production/uploads/" + objectID(p.ID, "avatar") + "/avatar.png",
		Type:      "user",
	}
	if len(p.Authors) > 0 {
		submitter.Fullname = p.Authors[0]
		submitter.Name = strings.ReplaceAll(p.Authors[0], " ", "")
	}
	var org *apiOrg
	if p.Organization != "" {
		org = &apiOrg{
			ID:       objectID(p.Organization, "org"),
			Name:     strings.ToLower(strings.Join(strings.Fields(p.Organization), "-")),
			Fullname: p.Organization,
			Avatar:   "https://cdn-avatars.huggingface.co/v1/production/uploads/" + objectID(p.Organization, "org-avatar") + "/logo.png",
		}
	}
	authors := make([]apiAuthor, len(p.Authors))
	for i, a := range p.Authors {
		authors[i] = apiAuthor{ID: objectID(p.ID, fmt.Sprint("author", i)), Name: a}
	}
	return apiItemJSON{
		Paper: apiPaper{
			ID:                 p.ID,
			Authors:            authors,
			PublishedAt:        date,
			SubmittedOnDailyAt: date,
			Title:              p.Title,
			SubmittedOnDailyBy: submitter,
			Summary:            p.Summary,
			Upvotes:            p.Upvotes,
			DiscussionID:       objectID(p.ID, "discussion"),
			GithubRepo:         p.GitHub,
			ProjectPage:        p.ProjectPage,
			AISummary:          p.AISummary,
			AIKeywords:         p.Keywords,
			GithubStars:        p.GitHubStars,
			Organization:       org,
		},
		PublishedAt:  date,
		Title:        p.Title,
		Summary:      p.Summary,
		Thumbnail:    "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/" + p.ID + ".png",
		NumComments:  p.Comments,
		SubmittedBy:  submitter,
		Organization: org,
	}
}

// objectID makes a stable 24-hex-digit id like the ones the API sends.
func objectID(parts ...string) string {
	h := fnv.New128a()
	for _, p := range parts {
		io.WriteString(h, p)
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:24]
}
