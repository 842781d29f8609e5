#!/usr/bin/env python3
"""check_meta.py — META.json (PGXN) against the control file, as TAP lines.

The version lives in arabic_news.control (default_version); PGXN wants a
semantic version, so '0.2' is written '0.2.0' in META.json.  make test runs
this; every line it prints is one test.

Usage: check_meta.py META.json arabic_news.control
"""
import json
import os
import re
import sys

REQUIRED = ["name", "abstract", "version", "maintainer", "license", "provides",
            "prereqs", "resources", "meta-spec"]


def control_version(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^default_version = '([^']*)'", f.read(), re.M)
    if not m:
        sys.exit(f"{path}: no default_version")
    parts = m.group(1).split(".")
    return ".".join(parts + ["0"] * (3 - len(parts)))


def checks(meta_path, control_path):
    """(description, passed) for every property META.json must have."""
    name = os.path.splitext(os.path.basename(control_path))[0]
    try:
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, ValueError) as e:
        yield f"{meta_path} is valid JSON ({e})", False
        return
    version = control_version(control_path)
    ext = meta.get("provides", {}).get(name, {})
    missing = [key for key in REQUIRED if key not in meta]
    yield f"{meta_path} is valid JSON with {', '.join(REQUIRED)}" + \
        (f" (missing: {', '.join(missing)})" if missing else ""), not missing
    yield f"name is {name}", meta.get("name") == name
    yield f"version is {version} (default_version of {control_path})", meta.get("version") == version
    yield f"provides {name} version {version}", ext.get("version") == version
    yield f"provides {name} file {ext.get('file')} exists", os.path.isfile(str(ext.get("file")))
    yield "license is postgresql (LICENSE)", meta.get("license") == "postgresql"


def main(meta_path, control_path):
    for i, (what, ok) in enumerate(checks(meta_path, control_path), 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
