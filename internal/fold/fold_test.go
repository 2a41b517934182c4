package fold

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"Rafał Jóźwiak":  "rafal jozwiak",
		"Müller":         "muller",
		"Straße":         "strasse",
		"ØRSTED Łódź":    "orsted lodz",
		"Þór Ævar Œuvre": "thor aevar oeuvre",
		"ﬁne-tuning":     "fine-tuning",
		"Ħal":            "hal",
		"plain ascii":    "plain ascii",
		"漢字":             "漢字",
		"ȺȾ lower grows": "ⱥⱦ lower grows",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
		if got := string(Bytes([]byte(in))); got != want {
			t.Errorf("Bytes(%q) = %q, want %q", in, got, want)
		}
	}
}
