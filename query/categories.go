package query

import "strings"

// ResolveCategories is which of the known categories cat: names mean (set
// is indexed like known; a paper matches when one of its categories is in
// it: cat: qualifiers widen each other). A name is a category in any case
// (cs.lg), an archive (cs: every cs.*), or one being typed (cs.L: cs.LG,
// cs.LO). missing is a name that means none ("" when each means some).
func ResolveCategories(names, known []string) (set []bool, missing string) {
	set = make([]bool, len(known))
	for _, name := range names {
		found := false
		// An archive names its categories; a name no category has
		// exactly is one being typed.
		for pass := 0; pass < 2 && !found; pass++ {
			for k, have := range known {
				if strings.EqualFold(have, name) ||
					pass == 0 && !strings.Contains(name, ".") && hasPrefixFold(have, name+".") ||
					pass == 1 && hasPrefixFold(have, name) {
					set[k], found = true, true
				}
			}
		}
		if !found && missing == "" {
			missing = name
		}
	}
	return set, missing
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
