package latex

// Tables for latex.go: what each LaTeX command or script character reads
// as in plain Unicode.

// symbols are the commands that stand for one character or word.
var symbols = map[string]string{
	// Greek, lower case (\epsilon and \phi are the lunate and closed forms
	// LaTeX draws; the var- forms are the curly ones).
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
	"varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
	"varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
	"upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "digamma": "ϝ",
	// Greek, upper case.
	"Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Epsilon": "Ε", "Zeta": "Ζ", "Eta": "Η",
	"Theta": "Θ", "Iota": "Ι", "Kappa": "Κ", "Lambda": "Λ", "Mu": "Μ", "Nu": "Ν", "Xi": "Ξ",
	"Omicron": "Ο", "Pi": "Π", "Rho": "Ρ", "Sigma": "Σ", "Tau": "Τ", "Upsilon": "Υ", "Phi": "Φ",
	"Chi": "Χ", "Psi": "Ψ", "Omega": "Ω",
	"varGamma": "Γ", "varDelta": "Δ", "varTheta": "Θ", "varLambda": "Λ", "varPi": "Π",
	"varSigma": "Σ", "varPhi": "Φ", "varPsi": "Ψ", "varOmega": "Ω",
	// Relations.
	"leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
	"sim": "∼", "simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫",
	"leqslant": "⩽", "geqslant": "⩾", "lesssim": "≲", "gtrsim": "≳", "prec": "≺", "succ": "≻",
	"preceq": "⪯", "succeq": "⪰", "doteq": "≐", "triangleq": "≜", "coloneqq": "≔", "coloneq": "≔",
	"in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
	"supseteq": "⊇", "perp": "⊥", "parallel": "∥", "mid": "∣", "models": "⊨", "vdash": "⊢",
	// Arrows.
	"rightarrow": "→", "to": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒",
	"Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔", "iff": "⟺",
	"implies": "⟹", "impliedby": "⟸", "mapsto": "↦", "longrightarrow": "⟶",
	"longleftarrow": "⟵", "Longrightarrow": "⟹", "uparrow": "↑", "downarrow": "↓",
	"updownarrow": "↕", "hookrightarrow": "↪", "rightleftharpoons": "⇌", "nearrow": "↗",
	"searrow": "↘",
	// Operators.
	"times": "×", "div": "÷", "cdot": "·", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
	"circ": "∘", "bullet": "•", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "odot": "⊙",
	"cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
	"neg": "¬", "lnot": "¬", "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬",
	"oint": "∮", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
	"bigwedge": "⋀", "bigvee": "⋁", "sqcup": "⊔", "sqcap": "⊓", "dagger": "†", "ddagger": "‡",
	"amalg": "⨿", "wr": "≀", "diamond": "⋄",
	// Letter-like and miscellaneous.
	"infty": "∞", "partial": "∂", "nabla": "∇", "forall": "∀", "exists": "∃", "nexists": "∄",
	"emptyset": "∅", "varnothing": "∅", "ell": "ℓ", "hbar": "ℏ", "Re": "ℜ", "Im": "ℑ",
	"aleph": "ℵ", "wp": "℘", "top": "⊤", "bot": "⊥", "angle": "∠", "triangle": "△",
	"square": "□", "Box": "□", "checkmark": "✓", "degree": "°", "prime": "′", "surd": "√",
	"ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "dotsc": "…",
	"dotsb": "⋯", "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊",
	"rfloor": "⌋", "lvert": "|", "rvert": "|", "vert": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖",
	"backslash": "\\", "S": "§", "P": "¶", "copyright": "©", "dag": "†", "ddag": "‡",
	"textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textbar": "|",
	"textless": "<", "textgreater": ">", "textendash": "–", "textemdash": "—",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"textdegree": "°", "texttimes": "×", "textregistered": "®", "texttrademark": "™",
	"euro": "€", "pounds": "£", "cents": "¢", "yen": "¥",
	"lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]", "colon": ":",
	"bmod": "mod", "LaTeX": "LaTeX", "TeX": "TeX",
	// Letters with marks written as commands.
	"i": "ı", "j": "ȷ", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
	// Spacing.
	"quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", "medspace": " ",
	"thickspace": " ", "space": " ", "nobreakspace": " ", "hfill": " ", "newline": " ",
	"linebreak": " ", "par": " ", "noindent": "", "negthinspace": "",
}

// letterLike are the symbols that read as part of the word after them in
// math ("\partial L" is ∂L), so the space TeX would swallow is dropped.
var letterLike = map[string]bool{"partial": true, "nabla": true, "ell": true, "hbar": true}

// dropped commands print nothing; the ones in droppedWithArg swallow
// their argument too (a citation key is noise in an abstract).
var dropped = map[string]bool{
	"left": true, "right": true, "big": true, "Big": true, "bigg": true, "Bigg": true,
	"bigl": true, "bigr": true, "Bigl": true, "Bigr": true, "biggl": true, "biggr": true,
	"Biggl": true, "Biggr": true, "middle": true, "displaystyle": true, "textstyle": true,
	"scriptstyle": true, "limits": true, "nolimits": true, "nonumber": true, "notag": true,
	"centering": true, "small": true, "footnotesize": true, "large": true, "Large": true,
	"normalsize": true, "protect": true, "relax": true, "xspace": true, "boldmath": true,
	"unboldmath": true, "hline": true, "leavevmode": true, "nobreak": true, "allowbreak": true,
	"scriptscriptstyle": true, "hfill": true, "noindent": true, "strut": true, "mathstrut": true,
}

var droppedWithArg = map[string]bool{
	"cite": true, "citep": true, "citet": true, "citealp": true, "citeauthor": true,
	"ref": true, "eqref": true, "autoref": true, "cref": true, "Cref": true, "label": true,
	"begin": true, "end": true, "color": true, "vspace": true, "hspace": true, "phantom": true,
}

// plainFonts print their argument as is: a terminal has one font.
var plainFonts = map[string]bool{
	"mathrm": true, "mathbf": true, "mathit": true, "mathsf": true, "mathtt": true,
	"boldsymbol": true, "bm": true, "mathnormal": true, "operatorname": true, "mathfrak": true,
	"text": true, "textrm": true, "textnormal": true, "texttt": true, "textsf": true,
	"textsc": true, "textup": true, "textmd": true, "mbox": true, "hbox": true, "url": true,
	"underline": true, "uline": true, "mathring": true, "ensuremath": true, "underbrace": true, "overbrace": true,
	"boxed": true, "mathop": true, "mathrel": true, "mathbin": true,
}

// textArgs are the fonts whose argument is text even inside math.
var textArgs = map[string]bool{
	"text": true, "textrm": true, "textnormal": true, "texttt": true, "textsf": true,
	"textsc": true, "textup": true, "textmd": true, "mbox": true, "hbox": true, "url": true,
	"textbf": true, "textit": true, "emph": true, "textsl": true,
}

// boldCmds and italicCmds take an argument; the switches apply to the
// rest of their group ({\bf x}).
var (
	boldCmds     = map[string]bool{"textbf": true}
	italicCmds   = map[string]bool{"textit": true, "emph": true, "textsl": true}
	boldSwitch   = map[string]bool{"bf": true, "bfseries": true}
	italicSwitch = map[string]bool{"it": true, "em": true, "itshape": true, "sl": true, "slshape": true}
	plainSwitch  = map[string]bool{"rm": true, "tt": true, "sf": true, "sc": true, "rmfamily": true, "ttfamily": true, "sffamily": true, "scshape": true, "normalfont": true, "upshape": true, "mdseries": true}
)

// accents map an accent command to the combining mark it puts on a single
// letter; the result is NFC-normalised, so \"o becomes ö.
var accents = map[string]rune{
	"hat": '\u0302', "widehat": '\u0302', "tilde": '\u0303', "widetilde": '\u0303',
	"bar": '\u0304', "overline": '\u0304', "vec": '\u20d7', "overrightarrow": '\u20d7',
	"dot": '\u0307', "ddot": '\u0308', "breve": '\u0306', "check": '\u030c', "acute": '\u0301',
	"grave": '\u0300',
	// Text accents with a letter name: \v{c}, \c{c}, \H{o}…
	// (\b, \d and \t are left out: a stray "\t" in scraped text is likelier a tab.)
	"v": '\u030c', "u": '\u0306', "H": '\u030b', "c": '\u0327', "k": '\u0328', "r": '\u030a',
}

// symbolAccents are the text accents written with a symbol: \'e, \"o…
var symbolAccents = map[byte]rune{
	'\'': '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304',
	'.': '\u0307',
}

// calligraphic (\mathcal, \mathscr) and double-struck (\mathbb) letters.
var (
	calligraphic = mapRunes("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵")
	doubleStruck = mapRunes("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789k", "𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁𝕂𝕃𝕄ℕ𝕆ℙℚℝ𝕊𝕋𝕌𝕍𝕎𝕏𝕐ℤ𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡𝕜")
)

// superscript and subscript forms that Unicode has. Characters already in
// script form map to themselves so nested scripts survive.
var (
	superscripts = mapRunes(
		"0123456789+-−=()nijkabcdefghlmoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεϵθφϕχ⊤′*∗†‡∘"+
			"⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ",
		"⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱʲᵏᵃᵇᶜᵈᵉᶠᵍʰˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᵋᶿᵠᵠᵡᵀ′*∗†‡°"+
			"⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
	subscripts = mapRunes(
		"0123456789+-−=()aehijklmnoprstuvxβγρφϕχ"+"₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎",
		"₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵩᵪ"+"₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
)

func mapRunes(from, to string) map[rune]rune {
	f, t := []rune(from), []rune(to)
	if len(f) != len(t) {
		panic("latex: script table lengths differ") // a typo in this file, caught by any test
	}
	m := make(map[rune]rune, len(f))
	for i, r := range f {
		m[r] = t[i]
	}
	return m
}
