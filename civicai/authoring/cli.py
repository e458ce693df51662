"""`civicai-notebooks build|check [NN-topic ...]`: regenerate notebooks, or list what is stale.

With module folder names (e.g. `01-automation`), only those modules are built or checked.
"""
from __future__ import annotations

import sys

from civicai import REPO_ROOT
from civicai.authoring import build, leaks


def main(argv: list[str] | None = None) -> None:
    command = (argv if argv is not None else sys.argv[1:]) or ["build"]
    modules = tuple(command[1:])
    if command[0] == "build":
        written = build.build(modules=modules)
        for path in written:
            print(f"wrote {path.relative_to(REPO_ROOT)}")
        print(f"{len(written)} file(s) written; everything else was current.")
    elif command[0] == "check":
        problems = build.stale(modules=modules) + leaks.find_leaks(leaks.learner_facing_files())
        print("\n".join(problems) or "All generated notebooks are current and leak-free.")
        sys.exit(1 if problems else 0)
    else:
        raise SystemExit("usage: civicai-notebooks build|check [NN-topic ...]")


if __name__ == "__main__":
    main()
