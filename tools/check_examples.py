#!/usr/bin/env python3
"""check_examples.py — the SQL examples of the documentation still print
what the documentation says, as TAP lines (make test runs it).

An example is a SELECT in a ```sql block followed by its output (psql's
aligned format, no row-count footer).  Each one is run with psql against
the database given (PGHOST / PGPORT / PGUSER from the environment) and its
output compared line by line, trailing blanks ignored.  A block that
creates a table and shows output (a walk-through) runs whole, in order, in a database of its
own copied from DATABASE; elsewhere examples over a user table (news …) and
outputs shortened with a "…" row are skipped.

Usage: check_examples.py DATABASE FILE.md ...
"""
import re
import subprocess
import sys

STATEMENT = re.compile(r"(SELECT|EXPLAIN)\b")
NOT_OUTPUT = re.compile(r"(SELECT|EXPLAIN|CREATE|INSERT|ALTER|UPDATE|REFRESH|--)\b")
RULE = re.compile(r"^-+(\+-+)*$")
USER_TABLE = re.compile(r"\b(news|news_\w+|user_entities)\b")


def statements(block):
    """(statement, expected output or "") of one ```sql block, in order."""
    lines = block.split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("--"):
            i += 1
            continue
        stmt = [lines[i]]
        while not stmt[-1].rstrip().endswith(";") and i + 1 < len(lines):
            i += 1
            stmt.append(lines[i])
        i += 1
        out = []
        while i < len(lines) and lines[i].strip() and not NOT_OUTPUT.match(lines[i]):
            out.append(lines[i].rstrip())
            i += 1
        # psql's aligned output: a header, then a rule of dashes
        is_output = len(out) >= 2 and RULE.match(out[1].strip())
        yield "\n".join(stmt), "\n".join(out) if is_output else ""


def blocks(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r"```sql\n(.*?)```", f.read(), re.S)


def run(db, statement):
    r = subprocess.run(["psql", "-X", "-q", "-d", db, "-P", "footer=off", "-c", statement],
                       capture_output=True, text=True)
    return r.returncode, "\n".join(l.rstrip() for l in (r.stdout + r.stderr).rstrip("\n").split("\n"))


class Tap:
    def __init__(self):
        self.n = 0

    def check(self, label, want, got):
        self.n += 1
        if got == want:
            print(f"ok {self.n} - {label}")
            return
        print(f"not ok {self.n} - {label}")
        for line in ("documented:\n" + want + "\nprinted:\n" + got).split("\n"):
            print("#   " + line)


def walk_through(tap, db, path, block, k):
    """Every statement of a block that creates tables, in a database of its own."""
    scratch = f"{db}_walk{k}"
    run("postgres", f"CREATE DATABASE {scratch} TEMPLATE {db}")
    for stmt, want in statements(block):
        rc, got = run(scratch, stmt)
        label = f"{path}: {' '.join(stmt.split())[:60]}"
        if want:
            tap.check(label, want, got)
        elif rc != 0:
            tap.check(label, "(runs)", got)
    run("postgres", f"DROP DATABASE {scratch}")


def main(db, paths):
    tap = Tap()
    k = 0
    for path in paths:
        for block in blocks(path):
            if re.search(r"^CREATE TABLE", block, re.M) and any(w for _s, w in statements(block)):
                k += 1
                walk_through(tap, db, path, block, k)
                continue
            for stmt, want in statements(block):
                if not want or not STATEMENT.match(stmt):
                    continue
                label = f"{path}: {' '.join(stmt.split())[:60]}"
                if USER_TABLE.search(stmt) or re.search(r"^\s*…\s*$", want, re.M):
                    print(f"# skipped (user table or shortened output) {label}")
                    continue
                tap.check(label, want, run(db, stmt)[1])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
