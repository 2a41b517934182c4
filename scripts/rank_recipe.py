"""arxiv-sanity-lite's recipe, exactly, for the rank scripts: compute.py's
TfidfVectorizer and serve.py's LinearSVC, and the text of a paper."""


def vectorizer():
    """compute.py's TfidfVectorizer (karpathy/arxiv-sanity-lite)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    return TfidfVectorizer(input="content", encoding="utf-8", decode_error="replace", strip_accents="unicode",
                           lowercase=True, analyzer="word", stop_words="english",
                           token_pattern=r"(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b",
                           ngram_range=(1, 2), max_features=10000,
                           norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=True,
                           max_df=0.5, min_df=5)


def classifier():
    """serve.py's LinearSVC."""
    from sklearn import svm
    return svm.LinearSVC(class_weight="balanced", verbose=False, max_iter=10000, tol=1e-6, C=0.01)


def text(title, abstract, authors):
    """compute.py's document: title, abstract and author names."""
    return " ".join([title, abstract, authors])
