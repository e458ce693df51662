"""`civicai-notebooks build|keys|check|release [NN-topic ...]`: regenerate notebooks, answer keys, or list
what is stale.

    build   notebooks from their sources, then the answer key and fingerprints of every
            exercise whose instructor source changed (a reference run each)
    keys    the answer keys and fingerprints again, whatever changed (after a change to the
            data or the tools an exercise uses)
    check   what a build would change, learner files holding instructor-only text, and keys
            older than their instructor source
    release the learner versions for a graded cohort, as autograder/nbgrader_config.py says
            (with or without the hints that give the answer), in autograder/work/release/

With module folder names (e.g. `01-automation`), only those modules.
"""
from __future__ import annotations

import sys

from civicai import REPO_ROOT
from civicai.authoring import build, key, leaks


def _keys(modules: tuple[str, ...], force: bool) -> list[str]:
    written = []
    for assignment in key.exercises():
        if modules and assignment not in modules:
            continue
        if force or not key.current(assignment):
            print(f"reference run of {assignment} ...", flush=True)
            written += [str(path.relative_to(REPO_ROOT)) for path in key.write(assignment)]
    return written


def main(argv: list[str] | None = None) -> None:
    command = (argv if argv is not None else sys.argv[1:]) or ["build"]
    modules = tuple(command[1:])
    if command[0] in ("build", "keys"):
        written = [str(path.relative_to(REPO_ROOT)) for path in build.build(modules=modules)] \
            if command[0] == "build" else []
        written += _keys(modules, force=command[0] == "keys")
        for path in written:
            print(f"wrote {path}")
        print(f"{len(written)} file(s) written; everything else was current.")
    elif command[0] == "release":
        from civicai.authoring import release

        for assignment in modules or key.exercises():
            for path in release.release_for_cohort(assignment):
                print(f"wrote {path.relative_to(REPO_ROOT)}")
    elif command[0] == "check":
        problems = build.stale(modules=modules) + leaks.find_leaks(leaks.learner_facing_files())
        problems += [f"stale: the answer key of {assignment} is older than its instructor source "
                     "(run `make notebooks`)" for assignment in key.exercises()
                     if (not modules or assignment in modules) and not key.current(assignment)]
        print("\n".join(problems) or "All generated notebooks and keys are current and leak-free.")
        sys.exit(1 if problems else 0)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
