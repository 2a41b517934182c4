package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"

	"github.com/paperdeck/paperdeck/ui/common"
)

// asciiGlyphs stand in for the glyphs of our chrome, glamour's and the
// common ones of paper titles, one ASCII character per cell.
var asciiGlyphs = map[rune]byte{
	'…': '.', '▸': '>', '▶': '>', '►': '>', '◂': '<', '◀': '<', '›': '>', '‹': '<', '»': '>', '«': '<',
	'•': '*', '●': '@', '◦': 'o', '○': 'o', '∙': '*', '⋅': '.', '·': '-', '★': '!', '☆': '*', '✦': '*',
	'▲': '^', '△': '^', '▼': 'v', '▽': 'v', '↑': '^', '↓': 'v', '←': '<', '→': '>', '↔': '-',
	'✓': '+', '✔': '+', '✗': 'x', '✘': 'x', '×': 'x', '÷': '/', '±': '+', '−': '-', '–': '-', '—': '-',
	'‐': '-', '‑': '-', '‘': '\'', '’': '\'', '′': '\'', '“': '"', '”': '"', '″': '"', '„': '"',
	'│': '|', '┃': '|', '║': '|', '╎': '|', '┆': '|', '▏': '|', '▕': '|', '▌': '|', '▐': '|',
	'─': '-', '━': '-', '═': '=', '╌': '-', '┄': '-', '┈': '-', '█': '#', '▓': '#', '▒': '#', '░': '#',
	'≤': '<', '≥': '>', '≈': '~', '∼': '~', '°': 'o', '\u00a0': ' ', 'ß': 's', 'æ': 'a', 'Æ': 'A',
	'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'ı': 'i', 'œ': 'o', 'Œ': 'O', 'þ': 'p',
	'α': 'a', 'β': 'b', 'γ': 'g', 'δ': 'd', 'ε': 'e', 'ζ': 'z', 'η': 'n', 'θ': 'o', 'ι': 'i', 'κ': 'k',
	'λ': 'l', 'μ': 'u', 'ν': 'v', 'ξ': 'x', 'π': 'p', 'ρ': 'p', 'σ': 's', 'ς': 's', 'τ': 't', 'υ': 'u',
	'φ': 'f', 'χ': 'x', 'ψ': 'y', 'ω': 'w', 'Γ': 'G', 'Δ': 'D', 'Θ': 'O', 'Λ': 'L', 'Ξ': 'X', 'Π': 'P',
	'Σ': 'S', 'Φ': 'F', 'Ψ': 'Y', 'Ω': 'W', '∑': 'S', '∏': 'P', '∫': 'S', '√': 'V', '∞': '8', '∂': 'd',
	'∈': 'e', '∀': 'A', '∃': 'E', '∇': 'V', '⊕': '+', '⊗': 'x', '∘': 'o',
}

// asciiOnly redraws a screen for a terminal without Unicode (--ascii):
// every other character becomes ASCII in the same number of cells, so the
// layout holds. Escape sequences are ASCII and pass unchanged.
func asciiOnly(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
			i++
			continue
		}
		cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
		if cluster == "" {
			cluster = s[i : i+1]
		}
		i += len(cluster)
		b.WriteString(asciiCluster(cluster, common.CellWidth(cluster)))
	}
	return b.String()
}

// asciiCluster is one character (a grapheme) as w ASCII characters: a
// look-alike, the letter without its accents, else '?'.
func asciiCluster(cluster string, w int) string {
	if w <= 0 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(cluster)
	var out []byte
	switch {
	case asciiGlyphs[r] != 0:
		out = []byte{asciiGlyphs[r]}
	case r >= 0x2800 && r <= 0x28ff:
		// Braille: the spinner's frames; still a turning line.
		out = []byte{`|/-\`[r%4]}
	default:
		for _, c := range []byte(norm.NFKD.String(cluster)) {
			if c >= ' ' && c < 0x7f {
				out = append(out, c)
			}
		}
	}
	if len(out) > w {
		out = out[:w]
	}
	for len(out) < w {
		out = append(out, '?')
	}
	return string(out)
}
