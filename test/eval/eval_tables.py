"""eval_tables.py — the TSV files of the judged evaluation sets
(test/eval/pledges/, test/eval/ner_dev/) as rows: shared by their load.py."""


def read_table(path):
    """The rows of a judged-set TSV file as dicts: "#" lines are comments,
    the first other line names the columns; short rows are padded."""
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            rows.append(dict(zip(header, cols + [""] * (len(header) - len(cols)))))
    return rows
