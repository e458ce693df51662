"""Start JupyterLab in learner or instructor mode for a test, exactly as `make lab` does.

Used by the learner-mode tests and the browser tests. The server listens on
loopback only, on a free port, with a random token, and is stopped afterwards.
"""
from __future__ import annotations

import contextlib
import json
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from civicai import modes


@dataclass
class Lab:
    url: str
    token: str
    log: Path

    def get(self, path: str) -> tuple[int, str]:
        """GET a path; (HTTP status, body). Redirects are not followed."""
        request = urllib.request.Request(self.url + path,
                                         headers={"Authorization": f"token {self.token}"})
        opener = urllib.request.build_opener(_NoRedirect())
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def redirect_target(self, path: str) -> str:
        """Where a GET of `path` redirects to ('' when it does not)."""
        request = urllib.request.Request(self.url + path,
                                         headers={"Authorization": f"token {self.token}"})
        opener = urllib.request.build_opener(_NoRedirect())
        try:
            with opener.open(request, timeout=30):
                return ""
        except urllib.error.HTTPError as error:
            return error.headers.get("Location", "")

    def post(self, path: str, payload: dict, timeout: float = 120) -> dict:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(payload).encode(), method="POST",
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode())

    def page_config(self) -> dict:
        """The JSON configuration JupyterLab embeds in its page."""
        status, page = self.get("/lab")
        assert status == 200, f"/lab answered {status}"
        start = page.index('id="jupyter-config-data"')
        start = page.index(">", start) + 1
        return json.loads(page[start:page.index("</script>", start)])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_lab(mode: str, log_folder: Path, root_dir: Path | None = None,
                environment: dict[str, str] | None = None):
    """JupyterLab in `mode`, started the way `make lab` / `make instructor` start it."""
    token, port = secrets.token_hex(16), free_port()
    extra = [f"--port={port}", "--ip=127.0.0.1", "--no-browser",
             f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False"]
    if root_dir is not None:
        extra.append(f"--ServerApp.root_dir={root_dir}")
    command, env = modes.lab_command(mode, extra)
    env.update(environment or {})
    log = log_folder / f"jupyterlab-{mode}-{port}.log"
    with open(log, "w") as log_file:
        server = subprocess.Popen(command, cwd=root_dir or modes.REPO_ROOT, env=env,
                                  stdout=log_file, stderr=subprocess.STDOUT)
    lab = Lab(f"http://127.0.0.1:{port}", token, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped at start:\n{log.read_text()}")
            with contextlib.suppress(OSError):
                if lab.get("/api/status")[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not answer within 60 s:\n{log.read_text()}")
            time.sleep(0.3)
        yield lab
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
