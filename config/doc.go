// Package config reads paperdeck's config file,
// $XDG_CONFIG_HOME/paperdeck/config.toml (else ~/.config/paperdeck/config.toml;
// see [Path]). The file is optional; `paperdeck config init` writes it with
// every key set to its default and explained.
//
// # Keys
//
// view (default "hf:day"): the listing paperdeck opens on when the command
// line names none. "hf:day" is the latest Hugging Face daily list;
// "hf:week", "hf:month" the current week and month; "hf:trending" the
// trending papers; "arxiv" the first of arxiv_categories; "arxiv:CATEGORY"
// (e.g. "arxiv:cs.LG") that category's new submissions.
//
// arxiv_categories (default ["cs.LG", "cs.CL", "cs.CV", "cs.AI"]): the
// arXiv categories the arxiv action (key a) steps through, in order.
//
// theme (default "auto"): "auto" picks the dark or light colours from the
// terminal's background; "dark" and "light" force them; anything else is
// the path of a glamour style file (JSON, as in glamour's styles folder)
// used for the paper's detail, ~/ expanded and a relative path read from
// the config file's folder. NO_COLOR or --no-color override any theme.
//
// browser (default ""): the command that opens links, split at spaces,
// the link added as its last argument, never run through a shell. Empty
// means $BROWSER, else the system's opener. The program must be in PATH
// (or a full path).
//
// date_format (default "%Y-%m-%d"): how the list writes a paper's date.
// strftime-like, with the date directives %Y (2025), %y (25), %m (01),
// %-m (1), %d (09), %-d (9), %e (" 9"), %b (Jan), %B (January), %a (Thu),
// %A (Thursday), %j (day of the year), %V (ISO week), %G (ISO week's
// year), %F (%Y-%m-%d) and %% (a percent sign).
//
// mouse (default true): the mouse wheel scrolls the pane under it. While
// it is on most terminals need shift held to select text; false leaves the
// mouse to the terminal.
//
// [keys] (default: the keymap below): action = ["key", ...]. Keys are
// written as Bubble Tea reports them: a character ("o", "O", "/"), or a name
// (enter, esc, space, tab, backspace, delete, insert, up, down, left,
// right, home, end, pgup, pgdown, f1 to f24) after optional modifiers
// (ctrl+, alt+, shift+, meta+). "shift+o" is the same as "O". A single
// string is one key; an empty list unbinds the action. An action left out
// keeps its default keys.
//
// # Actions and their default keys
//
//	Anywhere  help ?  quit q  force_quit ctrl+c  messages !
//	Move      up k/up  down j/down  top g/home  bottom G/end
//	          half_page_up ctrl+u  half_page_down ctrl+d
//	          page_up pgup  page_down pgdown/space
//	Listing   open_detail enter  back esc  filter /  search s
//	          previous [  next ]  day d  week w  month m  trending t
//	          arxiv a  refresh r  bookmarks B  sort S
//	Paper     open_page o  open_pdf p  open_code c  links L  full_text f
//	          copy_id y  copy_bibtex Y  bookmark b  tags T  note e  similar M
//	          undo u
//	Detail    find /  next_match n  previous_match N (the full text's too)
//	Full text contents t  next_section }  previous_section {
//
// The link picker's enter, esc and digits 1-9, esc closing the help, and
// enter going to the section chosen in the full text's contents cannot be
// remapped.
//
// # Problems
//
// [Load] never fails: a missing file gives the defaults; a broken one gives
// the defaults for what cannot be used and one [Warning] per problem, a
// single line naming the file, the line and the key:
//
//	~/.config/paperdeck/config.toml:7: theme: want auto, dark, light or a style file (…)
//
// A syntax error keeps every default. A binding that gives an action a
// key another action has in the same pane is refused ([CheckKeys]): the
// warning names both actions, and the action written later keeps its
// default keys, so every key means one thing and none goes dead.
package config
