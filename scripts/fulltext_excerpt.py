#!/usr/bin/env python3
"""Make the full-text test pages in testdata/fulltext/ from the saved pages
in ../shared/testdata/fulltext/ (see testdata/README.md).

The pages stay whole, text and structure, but lose what repeats the
formulas: the MathML inside each <math> (its alttext holds the LaTeX the
reader uses), and the glyph-by-glyph drawing MathJax made beside each
aria-label. That takes them from megabytes to a size a repository keeps.
"""
import re
import sys

def excerpt(s):
    # <math ... alttext="..."> … </math>: keep the element and its
    # attributes, drop its MathML children.
    s = re.sub(r'(<math\b[^>]*\balttext="[^"]*"[^>]*>).*?(</math>)', r'\1\2', s, flags=re.S)
    # MathJax CommonHTML: keep <span class="mjx-math" aria-label="…">,
    # drop the drawing inside it.
    return drop_elements(s, '<span class="mjx-mrow" aria-hidden="true">', "span")


def drop_elements(s, opening, tag):
    """Remove every element that starts with opening, through its matching
    closing tag (nested elements of the same tag counted)."""
    out, i = [], 0
    tags = re.compile(r"<(/?)%s\b[^>]*>" % tag)
    while True:
        j = s.find(opening, i)
        if j < 0:
            out.append(s[i:])
            return "".join(out)
        out.append(s[i:j])
        depth, k = 0, j
        for m in tags.finditer(s, j):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                k = m.end()
                break
        i = k

if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        out = excerpt(f.read())
    with open(dst, "w", encoding="utf-8") as f:
        f.write(out)
