package rank

import (
	"context"
	"math"
	"math/rand/v2"
)

// Loss is the SVM's loss on a paper on the wrong side of the margin.
type Loss int

const (
	// SquaredHinge is max(0, 1 − y·w·x)², scikit-learn LinearSVC's default and
	// so arxiv-sanity-lite's.
	SquaredHinge Loss = iota
	// Hinge is max(0, 1 − y·w·x), the classic SVM.
	Hinge
)

// SVMOptions are those of arxiv-sanity-lite's serve.py:
// LinearSVC(class_weight='balanced', max_iter=10000, tol=1e-6, C=0.01).
type SVMOptions struct {
	C         float64
	Loss      Loss
	Balanced  bool    // weigh each class by n / (2 · its size), as class_weight='balanced'
	Tol       float64 // stop when the projected gradients span less than this
	MaxEpochs int
	Bias      float64 // the constant feature that carries the intercept (LinearSVC's intercept_scaling)
	// MaxNegatives bounds the negatives a model learns from (0: all): Train
	// takes every k-th of a larger collection.
	MaxNegatives int
}

// RecipeSVMOptions are serve.py's.
func RecipeSVMOptions() SVMOptions {
	return SVMOptions{C: 0.01, Loss: SquaredHinge, Balanced: true, Tol: 1e-6, MaxEpochs: 10000, Bias: 1}
}

// DefaultSVMOptions are serve.py's, made to train in about a second on
// 100,000 papers: the solver stops at scikit-learn's default tolerance
// (1e-4) rather than serve.py's 1e-6 (no change to the quality test's
// average precision), and learns from at most 20,000 negatives (at 100,000
// papers, 87 to 93 of the 100 best of a 1,000-paper listing stay the same;
// on the quality test half the negatives cost 0.004 of mean AP, see
// rankeval's TestSampledNegativesRankAlmostAsWell).
func DefaultSVMOptions() SVMOptions {
	o := RecipeSVMOptions()
	o.Tol = 1e-4
	o.MaxNegatives = 20000
	return o
}

// Linear is a trained linear model: score(x) = W·x + B.
type Linear struct {
	W []float64
	B float64
}

// Score is the model's decision value for x.
func (m *Linear) Score(x Vector) float64 {
	s := m.B
	for k, j := range x.Cols {
		s += m.W[j] * float64(x.Vals[k])
	}
	return s
}

// TrainSVM fits an L2-regularised linear SVM to rows of X labelled positive
// (pos[i]) or negative, by LIBLINEAR's dual coordinate descent with
// shrinking (Hsieh et al., ICML 2008; LIBLINEAR's solve_l2r_l1l2_svc):
//
//	min ½‖w‖² + Σᵢ Cᵢ loss(yᵢ (w·xᵢ + b·Bias))
//
// where the intercept b is regularised like any weight, as in LIBLINEAR and
// scikit-learn. cols is the number of columns. The random order of each
// pass is seeded, so the same problem gives the same model.
func TrainSVM(ctx context.Context, X *Matrix, cols int, pos []bool, opt SVMOptions) (*Linear, error) {
	n := X.Len()
	var nPos int
	for _, p := range pos {
		if p {
			nPos++
		}
	}
	cPos, cNeg := opt.C, opt.C
	if opt.Balanced && nPos > 0 && nPos < n {
		cPos = opt.C * float64(n) / (2 * float64(nPos))
		cNeg = opt.C * float64(n) / (2 * float64(n-nPos))
	}
	// The two losses differ only in the dual's diagonal and upper bound.
	diag := func(c float64) float64 { return 0 }
	upper := func(c float64) float64 { return c }
	if opt.Loss == SquaredHinge {
		diag = func(c float64) float64 { return 0.5 / c }
		upper = func(float64) float64 { return math.Inf(1) }
	}
	w := make([]float64, cols)
	var b float64 // the weight of the bias feature
	alpha := make([]float64, n)
	y := make([]float64, n)
	qd := make([]float64, n)
	dg := make([]float64, n)
	ub := make([]float64, n)
	index := make([]int, n)
	for i := range n {
		c := cNeg
		y[i] = -1
		if pos[i] {
			c = cPos
			y[i] = 1
		}
		dg[i], ub[i] = diag(c), upper(c)
		qd[i] = dg[i] + opt.Bias*opt.Bias
		for _, v := range X.Row(i).Vals {
			qd[i] += float64(v) * float64(v)
		}
		index[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	active := n
	pgMaxOld, pgMinOld := math.Inf(1), math.Inf(-1)
	for epoch := 0; epoch < opt.MaxEpochs; epoch++ {
		if epoch%8 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		pgMax, pgMin := math.Inf(-1), math.Inf(1)
		for s := 0; s < active; s++ {
			j := s + rng.IntN(active-s)
			index[s], index[j] = index[j], index[s]
		}
		for s := 0; s < active; s++ {
			i := index[s]
			x := X.Row(i)
			g := b * opt.Bias
			for k, j := range x.Cols {
				g += w[j] * float64(x.Vals[k])
			}
			g = y[i]*g - 1 + alpha[i]*dg[i]
			pg := 0.0
			switch {
			case alpha[i] == 0:
				if g > pgMaxOld { // shrink: stays at its bound
					active--
					index[s], index[active] = index[active], index[s]
					s--
					continue
				}
				pg = min(g, 0)
			case alpha[i] == ub[i]:
				if g < pgMinOld {
					active--
					index[s], index[active] = index[active], index[s]
					s--
					continue
				}
				pg = max(g, 0)
			default:
				pg = g
			}
			pgMax, pgMin = max(pgMax, pg), min(pgMin, pg)
			if math.Abs(pg) > 1e-12 {
				old := alpha[i]
				alpha[i] = min(max(alpha[i]-g/qd[i], 0), ub[i])
				d := (alpha[i] - old) * y[i]
				for k, j := range x.Cols {
					w[j] += d * float64(x.Vals[k])
				}
				b += d * opt.Bias
			}
		}
		if pgMax-pgMin <= opt.Tol {
			if active == n {
				break
			}
			// Converged on the active set: check every paper once more.
			active = n
			pgMaxOld, pgMinOld = math.Inf(1), math.Inf(-1)
			continue
		}
		pgMaxOld, pgMinOld = pgMax, pgMin
		if pgMaxOld <= 0 {
			pgMaxOld = math.Inf(1)
		}
		if pgMinOld >= 0 {
			pgMinOld = math.Inf(-1)
		}
	}
	return &Linear{W: w, B: b * opt.Bias}, nil
}
