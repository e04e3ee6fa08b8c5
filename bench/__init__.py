"""The benchmark of issue 7: a synthetic corpus, our build's figures and its peers'."""
