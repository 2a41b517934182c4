package latex

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLaTeX(t *testing.T) {
	tests := []struct{ in, want string }{
		// The forms the detail pane promises.
		{`a $2\times$ speedup`, "a 2× speedup"},
		{`O(n^2) memory`, "O(n²) memory"},
		{`$x^2 + y^{10}$`, "x² + y¹⁰"},
		{`$x_2$ and $h_{t-1}$`, "x₂ and hₜ₋₁"},
		{`$\alpha$, $\beta$, $\Gamma$, $\omega$, $\varepsilon$`, "α, β, Γ, ω, ε"},
		{`$\mathcal{O}(n \log n)$`, "𝒪(n log n)"},
		{`$\mathbb{R}^d$`, "ℝᵈ"},
		{`$\mathbb{E}_{x}$`, "𝔼ₓ"},
		{`$A_{I}\equiv{\cal L}({\cal H}^{A_{I}})$`, "A_I≡ℒ(ℋ^(A_I))"}, // plain TeX's font switch
		{`$\Bbb R^n$`, "ℝⁿ"},
		{`\textbf{SOTA} results`, "**SOTA** results"},
		{`an \textit{open} model`, "an *open* model"},
		{`\emph{not} this`, "*not* this"},
		{`{\bf bold} text`, " **bold** text"},
		{`$\frac{a}{b}$`, "a/b"},
		{`$\frac{n+1}{2}$`, "(n+1)/2"},
		{`$\frac{\partial L}{\partial w}$`, "∂L/∂w"},
		{`$\sqrt{x}$ and $\sqrt{x+1}$`, "√x and √(x+1)"},
		{`$\sqrt[3]{x}$`, "³√x"},
		{`$a \leq b \geq c \neq d \approx e$`, "a ≤ b ≥ c ≠ d ≈ e"},
		{`$\infty \cdot \rightarrow \sim \pm$`, "∞ · → ∼ ±"},
		{`$a \to b$, $A \subseteq B$, $x \in X$`, "a → b, A ⊆ B, x ∈ X"},
		{`$\not= \not\in$`, "≠ ∉"},
		{`$10^{-3}$ and 10^{-3}`, "10⁻³ and 10⁻³"},
		{`$W^T$ $x^{\top}$`, "Wᵀ xᵀ"},
		{`$90^\circ$`, "90°"},
		{`$f'(x)$`, "f′(x)"},
		{`$\hat{y}$`, "ŷ"},
		{`$\bar{x}$`, "x̄"},
		{`$\text{softmax}(x)$`, "softmax(x)"},
		{`$\mathrm{ReLU}$`, "ReLU"},
		{`$\operatorname{argmax}_i$`, "argmaxᵢ"},
		{`$\left( x \right)$`, "( x )"},
		{`$\{a, b\}$`, "{a, b}"},
		{`$$E = mc^2$$`, "E = mc²"},
		{`\(a^2\) and \[b_1\]`, "a² and b₁"},
		{`$\pi_0$`, "π₀"},
		{`$x_{max}$`, "xₘₐₓ"},
		{`$W_{QK}$`, "W_QK"},          // no capital subscripts in Unicode
		{`$x^{a b}$`, "x^(a b)"},      // a space has no superscript
		{`$x_{i,j}$`, "x_(i,j)"},      // nor has a comma
		{`$\binom{n}{k}$`, "C(n, k)"}, //
		// Text escapes and ties.
		{`50\% of`, "50% of"},
		{`R\&D, \$5, \#1, a\_b`, "R&D, $5, #1, a_b"},
		{`Fig.~1`, "Fig. 1"},
		{"``quoted''", "“quoted”"},
		{`\LaTeX{} is`, "LaTeX is"},
		{`Sch\"olkopf, Fran\c{c}ois, G\'eron, \v{C}ech`, "Schölkopf, François, Géron, Čech"},
		{`see \cite{vaswani2017} and Sec.~\ref{sec:x}`, "see  and Sec. "},
		{`\href{https://example.com}{our site}`, "our site (https://example.com)"},
		{`\url{https://example.com}`, "https://example.com"},
		// Left alone: prose that only looks like LaTeX.
		{`costs $5 or $10`, "costs $5 or $10"},
		{`~10% faster`, "~10% faster"},
		{`snake_case and foo^bar`, "snake_case and foo^bar"},
		{`a $ b`, "a $ b"},
		{`no latex at all`, "no latex at all"},
		{`{"json": 1}`, `{"json": 1}`},
		// Broken input ends cleanly.
		{`$\frac{a`, "$a/"},
		{`$x^$`, "x^"},
		{`\`, ""},
		{`$\mathcal{`, "$"},
		{`\textbf{}`, ""},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLaTeXAllGreek(t *testing.T) {
	lower := `\alpha \beta \gamma \delta \epsilon \zeta \eta \theta \iota \kappa \lambda \mu \nu \xi \omicron \pi \rho \sigma \tau \upsilon \phi \chi \psi \omega`
	upper := `\Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma \Upsilon \Phi \Psi \Omega`
	if got, want := Text("$"+lower+"$"), "α β γ δ ϵ ζ η θ ι κ λ μ ν ξ ο π ρ σ τ υ ϕ χ ψ ω"; got != want {
		t.Errorf("lower-case Greek = %q, want %q", got, want)
	}
	if got, want := Text("$"+upper+"$"), "Γ Δ Θ Λ Ξ Π Σ Υ Φ Ψ Ω"; got != want {
		t.Errorf("upper-case Greek = %q, want %q", got, want)
	}
}

// Deep nesting and long inputs end quickly and keep their words.
func TestLaTeXHostileShapes(t *testing.T) {
	deep := strings.Repeat("{", 5000) + "x" + strings.Repeat("}", 5000)
	if got := Text("$" + deep + "$"); !strings.Contains(got, "x") {
		t.Errorf("deep nesting lost its content: %.40q", got)
	}
	dollars := strings.Repeat("$a ", 20000)
	if got := Text(dollars); !strings.Contains(got, "a") {
		t.Error("many dollars lost the text")
	}
	cmds := strings.Repeat(`\frac`, 10000)
	_ = Text("$" + cmds + "$")
	_ = Text(strings.Repeat(`\sqrt[`, 10000))
	_ = Text(strings.Repeat(`x^{`, 10000))
}

// Formulas from LaTeXML's alttext: math throughout, no delimiters, the
// comment LaTeXML adds to break long lines gone.
func TestMath(t *testing.T) {
	tests := []struct{ in, want string }{
		{`C\in\mathbb{R}^{H}`, "C∈ℝᴴ"},
		{`l_{0}\times\frac{a^{2}(z)}{a^{2}_{0}%
_{0}},`, "l₀×a²(z)/a²₀₀,"},
		{`\mathbb{E}[T]=1+\sum_{\ell=0}^{n}{p^{0}(\ell)}`, "𝔼[T]=1+∑_(ℓ=0)ⁿp⁰(ℓ)"},
		{`x_{i}`, "xᵢ"},
		{`a b  c`, "a b c"},
		{`\textbf{v}`, "v"},
	}
	for _, tt := range tests {
		if got := Math(tt.in); got != tt.want {
			t.Errorf("Math(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// In TeX source (an arXiv title or abstract) -- and --- are the dashes TeX
// prints; where they open an option or sit in a URL they are not.
func TestTeXDashes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`Grothendieck--Teichmüller Symmetries`, "Grothendieck–Teichmüller Symmetries"},
		{`the Grothendieck--Teichm\"uller group`, "the Grothendieck–Teichmüller group"},
		{`between Artin--Tits groups.`, "between Artin–Tits groups."},
		{`Harish-Chandra--Howe coefficients`, "Harish-Chandra–Howe coefficients"},
		{`pages 10--20`, "pages 10–20"},
		{`Cayley--Hamilton: a proof`, "Cayley–Hamilton: a proof"},
		{`that -- up to isomorphism -- different`, "that – up to isomorphism – different"},
		{`a proof---or a sketch---of it`, "a proof—or a sketch—of it"},
		{`a proof --- or a sketch`, "a proof — or a sketch"},
		{`$a--b$ in math`, "a--b in math"},
		{`run it with --fast or --no-cache`, "run it with --fast or --no-cache"},
		{`see https://github.com/a/b--c now`, "see https://github.com/a/b--c now"},
		{`see www.example.org/x--y`, "see www.example.org/x--y"},
		{`mail a--b@example.org`, "mail a--b@example.org"},
		{`x----y and a-- b`, "x----y and a-- b"},
		{`a plain - hyphen-ated title`, "a plain - hyphen-ated title"},
	}
	for _, tt := range tests {
		if got := TeXMarked(tt.in, "**", "*"); got != tt.want {
			t.Errorf("TeXMarked(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := TextMarked(tt.in, "**", "*"); strings.Contains(tt.in, "--") && !strings.Contains(got, "--") {
			t.Errorf("TextMarked(%q) = %q: text that is not TeX lost its --", tt.in, got)
		}
	}
}

// FuzzTeXMarked: whatever a TeX field holds, it reads without a panic, as
// valid text, and only its dashes set it apart from TextMarked.
func FuzzTeXMarked(f *testing.F) {
	f.Add(`Grothendieck--Teichm\"uller $a--b$ x---y -- https://a.org/b--c --flag`)
	f.Add("--")
	f.Fuzz(func(t *testing.T, s string) {
		got := TeXMarked(s, "**", "*")
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("TeXMarked(%q) = %q, not valid UTF-8", s, got)
		}
		if !strings.Contains(s, "--") && got != TextMarked(s, "**", "*") {
			t.Fatalf("TeXMarked(%q) = %q differs from TextMarked without a --", s, got)
		}
	})
}
