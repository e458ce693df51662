"""Run a JupyterLab server for a test or a tool, on loopback, and talk to it.

Every launch the tests and tools need (learner mode, instructor mode, the
Binder-like launch, a lab with an extension switched off) differs only in its
command and environment; this module adds what they share: a free loopback
port, a random token, a log file, waiting until the server answers, and
stopping it (with any process it started) afterwards.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

#: How long a server may take to answer after it starts (2 busy cores, cold caches).
START_TIMEOUT = 90


@dataclass
class Lab:
    """A running JupyterLab: its address, token and log, with a small REST client."""

    url: str
    token: str
    log: Path
    pid: int = 0  #: the server's process (its kernels are its children)

    def _request(self, method: str, path: str, payload: dict | None = None):
        data = json.dumps(payload).encode() if payload is not None else None
        headers = {"Authorization": f"token {self.token}"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        return urllib.request.Request(self.url + path, data=data, method=method, headers=headers)

    def get(self, path: str) -> tuple[int, str]:
        """GET a path; (HTTP status, body). Redirects are not followed."""
        opener = urllib.request.build_opener(_NoRedirect())
        try:
            with opener.open(self._request("GET", path), timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def redirect_target(self, path: str) -> str:
        """Where a GET of `path` redirects to ('' when it does not)."""
        opener = urllib.request.build_opener(_NoRedirect())
        try:
            with opener.open(self._request("GET", path), timeout=30):
                return ""
        except urllib.error.HTTPError as error:
            return error.headers.get("Location", "")

    def post(self, path: str, payload: dict, timeout: float = 120) -> dict:
        with urllib.request.urlopen(self._request("POST", path, payload),
                                    timeout=timeout) as response:
            return json.loads(response.read().decode())

    def delete(self, path: str) -> int:
        try:
            with urllib.request.urlopen(self._request("DELETE", path), timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def page_config(self) -> dict:
        """The JSON configuration JupyterLab embeds in its page."""
        status, page = self.get("/lab")
        assert status == 200, f"/lab answered {status}"
        start = page.index('id="jupyter-config-data"')
        start = page.index(">", start) + 1
        return json.loads(page[start:page.index("</script>", start)])

    def browser_url(self, path: str) -> str:
        """The address a person opens: `path` with the token, as the server prints it."""
        separator = "&" if "?" in path else "?"
        return f"{self.url}{path}{separator}token={self.token}"

    def forget_sessions(self) -> None:
        """Shut down every kernel and forget the saved layouts, so the next visitor
        starts as a new learner would (closing a browser tab keeps its kernel running)."""
        status, body = self.get("/api/sessions")
        for session in json.loads(body) if status == 200 else []:
            self.delete(f"/api/sessions/{session['id']}")
        status, body = self.get("/api/kernels")
        for kernel in json.loads(body) if status == 200 else []:
            self.delete(f"/api/kernels/{kernel['id']}")
        status, body = self.get("/lab/api/workspaces")
        if status == 200:
            for workspace in json.loads(body).get("workspaces", {}).get("ids", []):
                self.delete(f"/lab/api/workspaces/{workspace}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_jupyter(command: list[str], *, cwd: Path, env: dict[str, str], log_folder: Path,
                    name: str = "jupyterlab"):
    """Start `command` (a `jupyter lab` or `python -m civicai.modes start ...` command line)
    on loopback with a fresh token, yield a `Lab` once it answers, stop it afterwards.

    The server runs in its own process group, so a wrapper (civicai.modes starts
    jupyter as a child) is stopped together with the server it started.
    """
    token, port = secrets.token_hex(16), free_port()
    options = [f"--port={port}", "--ip=127.0.0.1", "--no-browser",
               f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False"]
    log_folder.mkdir(parents=True, exist_ok=True)
    log = log_folder / f"{name}-{port}.log"
    with open(log, "w") as log_file:
        server = subprocess.Popen([*command, *options], cwd=cwd, env=env, stdout=log_file,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    lab = Lab(f"http://127.0.0.1:{port}", token, log, server.pid)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped at start:\n{log.read_text()}")
            with contextlib.suppress(OSError):
                if lab.get("/api/status")[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"JupyterLab did not answer within {START_TIMEOUT} s:\n{log.read_text()}")
            time.sleep(0.3)
        yield lab
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM the server's process group, then SIGKILL whatever is left after 20 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    server.wait()
