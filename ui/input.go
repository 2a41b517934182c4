package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// inputMode is what the one-line input is for.
type inputMode int

const (
	inputFilter inputMode = iota + 1 // filter the loaded list as you type
	inputSearch                      // search Hugging Face on enter
	inputFind                        // find in the detail's text as you type
	inputTags                        // a bookmark's tags
	inputNote                        // a bookmark's note
)

// inputOutcome is what the last key did to the input; the root reads it
// right after Update, so typed text reaches the list in the same frame and
// in order.
type inputOutcome int

const (
	inputEdited   inputOutcome = iota // the text may have changed
	inputAccepted                     // enter
	inputCanceled                     // esc
)

// inputPane is the query line shown above the status bar.
type inputPane struct {
	keys    inputKeys
	styles  Styles
	mode    inputMode
	ti      textinput.Model
	width   int
	outcome inputOutcome
	last    inputMode // the mode before an accept or cancel closed it
	// abstracts: the filter searches abstracts too (ctrl+a). It outlives
	// the line, as the filter on the list does.
	abstracts bool
	toggled   bool // the last key switched abstracts
}

func newInputPane(styles Styles) inputPane {
	ti := textinput.New()
	ti.CharLimit = 500
	ti.Prompt = ""
	in := inputPane{keys: newInputKeys(), ti: ti}
	in.SetStyles(styles)
	return in
}

func (in *inputPane) SetSize(w int) {
	in.width = w
	in.ti.SetWidth(max(1, w-len(in.prompt())-2))
}

func (in *inputPane) SetStyles(s Styles) {
	in.styles = s
	st := textinput.DefaultStyles(s.Dark)
	st.Cursor.Blink = false // a steady cursor: no timer running while typing
	in.ti.SetStyles(st)
}

// Open starts the input for mode with an initial value.
func (in *inputPane) Open(mode inputMode, value string) tea.Cmd {
	in.mode = mode
	in.keys.Abstracts.SetEnabled(mode == inputFilter)
	in.ti.SetValue(value)
	in.ti.CursorEnd()
	in.SetSize(in.width)
	return in.ti.Focus()
}

func (in *inputPane) Close() {
	in.mode = 0
	in.ti.Blur()
}

// Abstracts reports whether the filter searches abstracts too.
func (in inputPane) Abstracts() bool { return in.abstracts }

// SetAbstracts sets the filter's mode (a listing restored with its filter).
func (in *inputPane) SetAbstracts(on bool) { in.abstracts = on }

// Toggled reports whether the last key switched the filter's mode.
func (in inputPane) Toggled() bool { return in.toggled }

func (in inputPane) Active() bool    { return in.mode != 0 }
func (in inputPane) Mode() inputMode { return in.mode }

func (in inputPane) prompt() string {
	switch in.mode {
	case inputSearch:
		return "search Hugging Face:"
	case inputFind:
		return "find:"
	case inputTags:
		return "tags (comma or space separated):"
	case inputNote:
		return "note:"
	}
	if in.abstracts {
		return "filter (+abstracts):"
	}
	return "filter:"
}

// Update edits the text; enter accepts and esc cancels, both closing the
// input; in the filter, ctrl+a switches abstracts on and off. Outcome and Value tell the root what happened.
func (in inputPane) Update(msg tea.Msg) (inputPane, tea.Cmd) {
	in.outcome, in.toggled = inputEdited, false
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case in.mode == inputFilter && key.Matches(k, in.keys.Abstracts):
			in.abstracts, in.toggled = !in.abstracts, true
			in.SetSize(in.width) // the prompt changed length
			return in, nil
		case key.Matches(k, in.keys.Accept):
			in.outcome, in.last = inputAccepted, in.mode
			in.Close()
			return in, nil
		case key.Matches(k, in.keys.Cancel):
			in.outcome, in.last = inputCanceled, in.mode
			in.Close()
			return in, nil
		}
	}
	var cmd tea.Cmd
	in.ti, cmd = in.ti.Update(msg)
	return in, cmd
}

// Outcome is what the last Update did, and for which mode.
func (in inputPane) Outcome() (inputOutcome, inputMode) {
	if in.outcome == inputEdited {
		return inputEdited, in.mode
	}
	return in.outcome, in.last
}

func (in inputPane) Value() string { return in.ti.Value() }

func (in inputPane) View() string {
	if !in.Active() {
		return ""
	}
	return in.styles.Prompt.Render(in.prompt()) + " " + in.ti.View()
}
