// Package input is the one-line input above the status bar: the filter,
// a search, the detail's find, a bookmark's tags or note.
package input

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

// Mode is what the line is for.
type Mode int

const (
	Filter  Mode = iota + 1 // filter the loaded list as you type
	Search                  // search Hugging Face on enter
	Find                    // find in the detail's text as you type
	Tags                    // a bookmark's tags
	Note                    // a bookmark's note
	Confirm                 // a yes-or-no question (Ask): y accepts, n or esc declines
)

// Outcome is what the last key did to the input; the root reads it
// right after Update, so typed text reaches the list in the same frame and
// in order.
type Outcome int

const (
	Edited   Outcome = iota // the text may have changed
	Accepted                // enter
	Canceled                // esc
)

type keys struct {
	Accept    key.Binding
	Cancel    key.Binding
	Abstracts key.Binding // the filter line only
	Yes, No   key.Binding // a question only
	Recall    key.Binding // an empty line with a last value shown dimmed (OpenFresh)
}

func (k keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Recall, k.Accept, k.Cancel, k.Abstracts, k.Yes, k.No}
}
func (k keys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is the query line.
type Model struct {
	keys    keys
	styles  common.Styles
	mode    Mode
	ti      textinput.Model
	width   int
	outcome Outcome
	last    Mode // the mode before an accept or cancel closed it
	// abstracts: the filter searches abstracts too (ctrl+a). It outlives
	// the line, as the filter on the list does.
	abstracts bool
	toggled   bool   // the last key switched abstracts
	question  string // what Confirm asks
}

func New(c common.Common) *Model {
	ti := textinput.New()
	ti.CharLimit = 500
	ti.Prompt = ""
	k := keys{
		Accept: c.Keys.Binding("accept", keymap.Input), Cancel: c.Keys.Binding("cancel", keymap.Input),
		Abstracts: c.Keys.Binding("abstracts", keymap.Input),
		Yes:       c.Keys.Binding("yes", keymap.Input), No: c.Keys.Binding("no", keymap.Input),
		Recall: c.Keys.Binding("recall", keymap.Input),
	}
	in := &Model{keys: k, ti: ti, width: c.Width}
	in.SetStyles(c.Styles)
	return in
}

func (in *Model) Keys() common.KeyMap { return in.keys }

// SetSize takes the width; the line is one high.
func (in *Model) SetSize(w, _ int) {
	in.width = w
	in.ti.SetWidth(max(1, w-len(in.prompt())-2))
}

func (in *Model) SetStyles(s common.Styles) {
	in.styles = s
	st := textinput.DefaultStyles(s.Dark)
	st.Cursor.Blink = false // a steady cursor: no timer running while typing
	in.ti.SetStyles(st)
}

// Open starts the input for mode with an initial value.
func (in *Model) Open(mode Mode, value string) tea.Cmd {
	in.mode = mode
	in.keys.Abstracts.SetEnabled(mode == Filter)
	in.keys.Yes.SetEnabled(mode == Confirm)
	in.keys.No.SetEnabled(mode == Confirm)
	in.keys.Accept.SetEnabled(mode != Confirm)
	in.keys.Cancel.SetEnabled(mode != Confirm)
	in.ti.SetValue(value)
	in.ti.CursorEnd()
	in.ti.Placeholder = ""
	in.keys.Recall.SetEnabled(false)
	in.SetSize(in.width, 1)
	return in.ti.Focus()
}

// OpenFresh starts the input for mode empty, last shown dimmed in it:
// what is typed is a new value, never one appended to the last (the
// search's "flow matching" + "diffusion"); the recall key (tab) takes
// last into the line to edit it.
func (in *Model) OpenFresh(mode Mode, last string) tea.Cmd {
	cmd := in.Open(mode, "")
	in.ti.Placeholder = last
	in.keys.Recall.SetEnabled(last != "")
	return cmd
}

// Ask puts a yes-or-no question in the line; nothing is typed, y accepts
// and n or esc declines (Outcome).
func (in *Model) Ask(question string) tea.Cmd {
	in.question = question
	cmd := in.Open(Confirm, "")
	in.ti.Blur() // no cursor: a key answers
	return cmd
}

func (in *Model) Close() {
	in.mode = 0
	in.ti.Blur()
}

// Abstracts reports whether the filter searches abstracts too.
func (in *Model) Abstracts() bool { return in.abstracts }

// SetAbstracts sets the filter's mode (a listing restored with its filter).
func (in *Model) SetAbstracts(on bool) { in.abstracts = on }

// Toggled reports whether the last key switched the filter's mode.
func (in *Model) Toggled() bool { return in.toggled }

func (in *Model) Active() bool { return in.mode != 0 }
func (in *Model) Mode() Mode   { return in.mode }

func (in *Model) prompt() string {
	switch in.mode {
	case Search:
		return "search Hugging Face:"
	case Find:
		return "find:"
	case Tags:
		return "tags (comma or space separated):"
	case Note:
		return "note:"
	case Confirm:
		return in.question + " (y/n)"
	}
	if in.abstracts {
		return "filter (+abstracts):"
	}
	return "filter:"
}

// Update edits the text; enter accepts and esc cancels, both closing the
// input; in the filter, ctrl+a switches abstracts on and off. Outcome and Value tell the root what happened.
func (in *Model) Update(msg tea.Msg) tea.Cmd {
	in.outcome, in.toggled = Edited, false
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case in.mode == Confirm && key.Matches(k, in.keys.Yes):
			in.outcome, in.last = Accepted, in.mode
			in.Close()
			return nil
		case in.mode == Confirm && key.Matches(k, in.keys.No):
			in.outcome, in.last = Canceled, in.mode
			in.Close()
			return nil
		case in.mode == Confirm:
			return nil // only an answer closes the question
		case in.mode == Filter && key.Matches(k, in.keys.Abstracts):
			in.abstracts, in.toggled = !in.abstracts, true
			in.SetSize(in.width, 1) // the prompt changed length
			return nil
		case key.Matches(k, in.keys.Accept):
			in.outcome, in.last = Accepted, in.mode
			in.Close()
			return nil
		case key.Matches(k, in.keys.Cancel):
			in.outcome, in.last = Canceled, in.mode
			in.Close()
			return nil
		case in.keys.Recall.Enabled() && key.Matches(k, in.keys.Recall):
			in.ti.SetValue(in.ti.Placeholder)
			in.ti.CursorEnd()
			in.keys.Recall.SetEnabled(false)
			return nil
		}
	}
	if in.mode == Confirm {
		return nil // a paste or a blink answers nothing
	}
	var cmd tea.Cmd
	in.ti, cmd = in.ti.Update(msg)
	// The last value can be taken while the line is empty (typed away again).
	in.keys.Recall.SetEnabled(in.ti.Placeholder != "" && in.ti.Value() == "")
	return cmd
}

// Outcome is what the last Update did, and for which mode.
func (in *Model) Outcome() (Outcome, Mode) {
	if in.outcome == Edited {
		return Edited, in.mode
	}
	return in.outcome, in.last
}

func (in *Model) Value() string { return in.ti.Value() }

func (in *Model) View() string {
	if !in.Active() {
		return ""
	}
	if in.mode == Confirm {
		// The question gives way (a long title), never the answers.
		const answers = " (y/n)"
		q := common.Truncate(termsafe.Line(in.question), in.width-len(answers))
		return in.styles.Prompt.Render(q + answers)
	}
	return in.styles.Prompt.Render(in.prompt()) + " " + in.ti.View()
}
