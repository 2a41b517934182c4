package termsafe

import "github.com/paperdeck/paperdeck/model"

// Paper is p with every text field cleaned, for what is built from a whole
// record rather than drawn field by field (a BibTeX entry, an export): a
// sequence goes whole, not just its ESC. One-line fields lose their line
// breaks; the abstracts keep theirs.
func Paper(p model.Paper) model.Paper {
	lines := func(in []string) []string {
		if in == nil {
			return nil
		}
		out := make([]string, len(in))
		for i, s := range in {
			out[i] = Line(s)
		}
		return out
	}
	p.ID, p.Title, p.Organization, p.Published = Line(p.ID), Line(p.Title), Line(p.Organization), Line(p.Published)
	p.Summary, p.AISummary = Text(p.Summary), Text(p.AISummary)
	p.Authors, p.Keywords, p.Links = lines(p.Authors), lines(p.Keywords), lines(p.Links)
	p.GitHub, p.ProjectPage, p.URL, p.ArxivURL, p.PDFURL = Line(p.GitHub), Line(p.ProjectPage), Line(p.URL), Line(p.ArxivURL), Line(p.PDFURL)
	p.PrimaryCategory = Line(p.PrimaryCategory)
	p.LinkedModels, p.LinkedDatasets, p.LinkedSpaces = lines(p.LinkedModels), lines(p.LinkedDatasets), lines(p.LinkedSpaces)
	return p
}
