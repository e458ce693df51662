"""When the grader runs as root: let the sandbox's own user reach the folders it needs.

Running as root, the grader gives each worker's sandbox an unprivileged user
id of its own (so that the process limit applies to it alone). bubblewrap,
started as that user, must reach every folder it mounts by its path, and a
Python installed under a private folder (pyenv under /root is common) is out
of reach, although the files in it are readable.

This helper runs as root in a private mount namespace (`unshare --mount`), so
nothing changes outside it: over each folder on the way that the sandbox user
may not enter, it lays an empty in-memory folder that it may, and mounts back
into it only the folders the sandbox needs. Then it becomes the sandbox user
and starts bubblewrap.

    unshare --mount --propagation private -- python -m civicai.grading.rootview \
        SPEC -- bwrap ...
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def blocking_folders(paths: list[str], uid: int) -> dict[str, list[str]]:
    """{folder the user cannot pass through: [paths below it that the sandbox needs]}."""
    found: dict[str, list[str]] = {}
    for path in paths:
        for ancestor in reversed(Path(path).parents):
            info = ancestor.stat()
            if info.st_uid != uid and not info.st_mode & 0o001:
                found.setdefault(str(ancestor), []).append(path)
                break
    return found


def mount(*arguments: str) -> None:
    subprocess.run(["mount", *arguments], check=True)


def reveal(blocked: dict[str, list[str]]) -> None:
    """Over each blocking folder, an open in-memory folder holding just the needed paths."""
    staging = Path(tempfile.mkdtemp(prefix="civicai-rootview-"))
    mount("-t", "tmpfs", "-o", "mode=0700,size=1m", "civicai-staging", str(staging))
    for number, (folder, paths) in enumerate(blocked.items()):
        staged = []
        for index, path in enumerate(paths):
            place = staging / f"{number}-{index}"
            place.mkdir()
            mount("--bind", path, str(place))
            staged.append((place, path))
        mount("-t", "tmpfs", "-o", "mode=0755,size=1m", "civicai-view", folder)
        for place, path in staged:
            Path(path).mkdir(parents=True, exist_ok=True)
            os.chmod(path, 0o755)
            for parent in Path(path).parents:
                if str(parent).startswith(folder) and parent != Path(folder):
                    os.chmod(parent, 0o755)
            mount("--move", str(place), path)
    subprocess.run(["umount", str(staging)], check=True)
    staging.rmdir()


def main(argv: list[str]) -> None:
    separator = argv.index("--")
    spec, command = json.loads(argv[0]), argv[separator + 1:]
    reveal(spec["reveal"])
    uid = int(spec["uid"])
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
