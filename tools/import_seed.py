"""Turn a seed policy text (PDF/HTML extraction) into a clean body for knowledge/policies/.

A thin wrapper over ``navigator.ingest``: the file's type is read from its
content, and only extraction noise is repaired (bold runs printed four times,
sentences broken across lines, page furniture); the wording is untouched.

usage: python tools/import_seed.py FILE [--title TITLE] > body.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from navigator.ingest import IngestError, read_policy_file


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--title", help="the measure's title, to mark '# title' where it starts")
    ap.add_argument("--dedup", action="store_true", help="(kept for old scripts: bold runs are always repaired)")
    a = ap.parse_args(argv)
    try:
        parsed = read_policy_file(a.file, title=a.title)
    except IngestError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if parsed.repaired:
        print(f"repaired: {parsed.repaired}", file=sys.stderr)
    print(parsed.body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
