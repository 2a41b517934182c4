package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
)

// A snapshot (Cornell's arXiv metadata, plain or .gz) is listed from its
// catalog (stream.go's catalogFile, the list pane's catalog.go): what the
// catalog does not hold (abstract, comments, every author) is read from
// the file at the paper's offset, in a command, when its detail shows;
// and a timer notices the file changing under the catalog.

// catalogRecordMsg is a snapshot paper's whole record, read by offset.
type catalogRecordMsg struct {
	id    string
	paper model.Paper
	err   error
}

// catalogRecord reads the record of the paper under the cursor when the
// listing is a catalog and its detail lacks what only the file holds.
func (m *App) catalogRecord() tea.Cmd {
	c, pos, ok := m.rows().CatalogSelected()
	if !ok {
		return nil
	}
	if p, _ := m.rows().Selected(); p.Summary != "" {
		return nil // read already
	}
	id := c.ID(pos)
	return func() tea.Msg {
		p, err := c.Paper(pos)
		return catalogRecordMsg{id: id, paper: p, err: err}
	}
}

func (m *App) handleCatalogRecord(msg catalogRecordMsg) tea.Cmd {
	cur, shown := m.detail.Paper()
	if msg.err != nil {
		if shown && cur.ID == msg.id {
			return m.status.Flash(common.Notice, "could not read "+msg.id+" from the file: "+msg.err.Error())
		}
		return nil
	}
	orig, found := m.rows().Find(msg.id)
	if !found {
		return nil
	}
	// Over what the list holds: details fetched meanwhile stay.
	merged := feed.MergePaper(orig, msg.paper)
	merged.ID = orig.ID
	m.details.Merged(merged.ID) // the whole record: the detail renders it anew
	m.rows().UpdatePaper(merged)
	if shown && cur.ID == merged.ID {
		return m.showDetail(merged)
	}
	return nil
}

// catalogWatchEvery is how often the open snapshot is checked for changes.
const catalogWatchEvery = 2 * time.Second

// catalogCheckMsg asks whether the catalog's file changed.
type catalogCheckMsg struct{ cat *catalog.Catalog }

// watchCatalog checks the listed catalog's file now and then.
func (m *App) watchCatalog() tea.Cmd {
	c := m.rows().List().Catalog()
	if c == nil {
		return nil
	}
	return m.tick(catalogWatchEvery, func(time.Time) tea.Msg { return catalogCheckMsg{cat: c} })
}

// handleCatalogCheck says once that the file changed (r reads it again);
// the watch ends with the listing.
func (m *App) handleCatalogCheck(msg catalogCheckMsg) tea.Cmd {
	if m.rows().List().Catalog() != msg.cat {
		return nil
	}
	if msg.cat.Changed() {
		return m.status.Flash(common.Notice, "the file changed since it was opened — r reads it again")
	}
	return m.watchCatalog()
}

// catalogNoSimilar is M's answer on a snapshot: its pool would be every
// paper's record made whole, gigabytes at the size a snapshot has.
const catalogNoSimilar = "papers like this one are not offered over a snapshot: / and cat: narrow it instead"

// sortCatalog orders a snapshot by date, newest first, in a command (a
// counting pass over the catalog's dates); a snapshot has no upvotes (the
// sort goes on to the date), and "for you" over millions is not offered
// (back to the file's order).
func (m *App) sortCatalog(c *catalog.Catalog) tea.Cmd {
	if m.sort.mode == forYou {
		m.sort.mode = byListing
		return m.applySort()
	}
	m.sort.mode = byNewest
	_, gen := m.sort.guard.Begin(m.ctx)
	m.updateStatusListing()
	return func() tea.Msg { return sortedMsg{gen: gen, mode: byNewest, catalog: c.ByDate()} }
}
