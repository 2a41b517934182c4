package rank

import (
	"context"
	"math"
	"testing"
)

// matrix builds a Matrix from dense rows.
func matrix(rows ...[]float32) *Matrix {
	m := &Matrix{Start: []int{0}}
	for _, r := range rows {
		for j, v := range r {
			if v != 0 {
				m.Cols = append(m.Cols, int32(j))
				m.Vals = append(m.Vals, v)
			}
		}
		m.Start = append(m.Start, len(m.Cols))
	}
	return m
}

// Two papers, x = +1 (positive) and x = −1 (negative), no intercept: the
// primal is ½w² + C·Σ loss(w), solved by hand.
//
//	hinge:          w − 2C = 0 below the margin  → w = min(1, 2C)
//	squared hinge:  w − 4C(1 − w) = 0            → w = 4C / (1 + 4C)
//
// With class weights a (positive) and b (negative) each C becomes C·a, C·b:
// hinge w = min(1, C(a+b)), squared hinge w = 2C(a+b) / (1 + 2C(a+b)).
func TestTrainSVMSolvesTinyProblemsByHand(t *testing.T) {
	x := matrix([]float32{1}, []float32{-1})
	pos := []bool{true, false}
	cases := []struct {
		name string
		loss Loss
		c    float64
		want float64
	}{
		{"hinge, margin not reached", Hinge, 0.25, 0.5},
		{"hinge, margin reached", Hinge, 2, 1},
		{"squared hinge", SquaredHinge, 0.25, 0.5},
		{"squared hinge, C = 0.01", SquaredHinge, 0.01, 0.04 / 1.04},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opt := SVMOptions{C: tc.c, Loss: tc.loss, Tol: 1e-9, MaxEpochs: 10000}
			m, err := TrainSVM(context.Background(), x, 1, pos, opt)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(m.W[0]-tc.want) > 1e-6 || m.B != 0 {
				t.Errorf("w = %v, b = %v; want w = %v, b = 0", m.W[0], m.B, tc.want)
			}
		})
	}
}

// Balanced weights with one positive at x = 1 and three negatives at
// x = −2: n/(2·count) gives a = 2 and b = 2/3. Hinge loss, C = 0.05, every
// constraint active (w < ½): w = C·(a·1 + 3·b·2) = 0.05·6 = 0.3, where
// unweighted it is C·(1 + 6) = 0.35.
func TestTrainSVMWeighsClassesByTheirSize(t *testing.T) {
	x := matrix([]float32{1}, []float32{-2}, []float32{-2}, []float32{-2})
	pos := []bool{true, false, false, false}
	for _, tc := range []struct {
		balanced bool
		want     float64
	}{{true, 0.3}, {false, 0.35}} {
		opt := SVMOptions{C: 0.05, Loss: Hinge, Balanced: tc.balanced, Tol: 1e-9, MaxEpochs: 10000}
		m, err := TrainSVM(context.Background(), x, 1, pos, opt)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(m.W[0]-tc.want) > 1e-6 {
			t.Errorf("balanced %v: w = %v, want %v", tc.balanced, m.W[0], tc.want)
		}
	}
}

// With the bias feature the intercept is learnt (and regularised, as in
// LIBLINEAR): two positives at x = 2 and two negatives at x = 0 with hinge
// loss and a large C give the hard margin: w·2 + b = 1, w·0 + b = −1, the
// smallest ‖(w, b)‖ being w = 1, b = −1.
func TestTrainSVMLearnsTheIntercept(t *testing.T) {
	x := matrix([]float32{2}, []float32{2}, []float32{0}, []float32{0})
	pos := []bool{true, true, false, false}
	opt := SVMOptions{C: 100, Loss: Hinge, Tol: 1e-9, MaxEpochs: 100000, Bias: 1}
	m, err := TrainSVM(context.Background(), x, 1, pos, opt)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(m.W[0]-1) > 1e-4 || math.Abs(m.B+1) > 1e-4 {
		t.Errorf("w = %v, b = %v; want 1, −1", m.W[0], m.B)
	}
	if s := m.Score(Vector{Cols: []int32{0}, Vals: []float32{2}}); s < 0.99 {
		t.Errorf("a positive scores %v, want ≥ 1 (on the margin)", s)
	}
}

func TestTrainSVMStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	x := matrix([]float32{1}, []float32{-1})
	_, err := TrainSVM(ctx, x, 1, []bool{true, false}, DefaultSVMOptions())
	if err == nil {
		t.Fatal("a cancelled training returned a model")
	}
}
