"""Helpers for ``tests/test_browser.py``: a throw-away JupyterLab server and the page checks.

The server runs on 127.0.0.1 on a free port, with an empty token (loopback only), on a
*copy* of ``notebooks/`` in a temporary directory, with temporary settings, workspaces,
config and runtime directories, so a learner's notebooks and JupyterLab state are never
touched. The settings switch off notebook windowing (every cell stays in the DOM), news,
update checks and autosave.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The notebooks under test: ``notebooks/NN_*.ipynb`` (``$HPOLAB_NOTEBOOKS`` names another folder).
NOTEBOOKS = sorted(Path(os.environ.get("HPOLAB_NOTEBOOKS") or ROOT / "notebooks").glob("[0-9]*.ipynb"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking"]
#: Settings for the temporary JupyterLab, by plugin id.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}


def chromium_path() -> str | None:
    """The Chromium to drive: ``$HPOLAB_CHROMIUM``, Debian's ``/usr/bin/chromium``, or one on PATH."""
    for candidate in (os.environ.get("HPOLAB_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_browser_reason() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package 'playwright' is not installed (pip install playwright)"
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        return "JupyterLab is not installed (pip install -r requirements.txt)"
    if chromium_path() is None:
        return ("no Chromium found at /usr/bin/chromium or on PATH "
                "(apt-get install chromium, or set HPOLAB_CHROMIUM=/path/to/chromium)")
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """JupyterLab on a temporary copy of the notebooks; use as a context manager.

    Attributes
    ----------
    url : str
        Base URL, e.g. ``http://127.0.0.1:8765``.
    root : Path
        The temporary server root; the notebooks are in ``root / "notebooks"``.
    """

    def __init__(self, notebooks: list[Path], startup_timeout: float = 90.0):
        self.tmp = Path(tempfile.mkdtemp(prefix="hpolab-lab-"))
        self.root = self.tmp / "root"
        (self.root / "notebooks").mkdir(parents=True)
        for notebook in notebooks:
            shutil.copy2(notebook, self.root / "notebooks" / notebook.name)
        # Same layout as the repository, for a notebook that reads ../data (read-only use).
        if (ROOT / "data").is_dir():
            (self.root / "data").symlink_to(ROOT / "data")
        settings = self.tmp / "user-settings"
        for plugin, values in LAB_SETTINGS.items():
            package, name = plugin.split(":")
            path = settings / package / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.startup_timeout = startup_timeout
        self.log_path = self.tmp / "jupyterlab.log"
        self.command = [
            sys.executable, "-m", "jupyterlab",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            "--ServerApp.open_browser=False", "--IdentityProvider.token=", "--ServerApp.password=",
            f"--ServerApp.root_dir={self.root}", "--LabApp.expose_app_in_browser=True",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            self.command.append("--allow-root")
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "LabServer":
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(self.tmp / "config"),
                   JUPYTER_RUNTIME_DIR=str(self.tmp / "runtime"))
        env.pop("JUPYTER_TOKEN", None)
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(self.command, cwd=self.root, env=env,
                                        stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"JupyterLab did not answer within {self.startup_timeout:.0f} s:\n{self.log_tail()}")

    def __exit__(self, *exc_info) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if not self._log.closed:
            self._log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the server log."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, path: str, method: str = "GET", body: dict | None = None):
        """Call the server's REST API (with the XSRF cookie a browser would send); the decoded answer."""
        if not hasattr(self, "_xsrf"):
            with urllib.request.urlopen(f"{self.url}/lab", timeout=30) as response:
                cookies = response.headers.get_all("Set-Cookie") or []
            self._xsrf = next(c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("_xsrf="))
        request = urllib.request.Request(
            f"{self.url}/api/{path}", method=method, data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "X-XSRFToken": self._xsrf,
                     "Cookie": f"_xsrf={self._xsrf}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = response.read()
        return json.loads(answer) if answer else None

    def start_kernel(self, notebook: str) -> None:
        """Start the kernel session of ``notebooks/<notebook>`` now, so it boots while the page loads."""
        self.api("sessions", "POST", {"path": f"notebooks/{notebook}", "type": "notebook",
                                      "name": notebook, "kernel": {"name": "python3"}})

    def running_kernels(self) -> list[dict]:
        """The kernels the server runs right now."""
        return self.api("kernels")

    def shutdown_kernels(self) -> None:
        """Shut down every session and kernel (after a notebook that failed half-way)."""
        for session in self.api("sessions"):
            self.api(f"sessions/{session['id']}", "DELETE")
        for kernel in self.api("kernels"):
            self.api(f"kernels/{kernel['id']}", "DELETE")


def committed_figures(notebook: Path) -> list[int]:
    """Number of outputs carrying ``image/png`` in each code cell of the committed notebook."""
    cells = json.loads(notebook.read_text())["cells"]
    return [sum("image/png" in output.get("data", {}) for output in cell.get("outputs", []))
            for cell in cells if cell["cell_type"] == "code"]


# -- what the page shows (JavaScript run in JupyterLab; window.jupyterapp is exposed) ----------
#: The open notebook's kernel state and how many code cells are queued, running or done.
JS_RUN_STATE = """() => {
  const panel = window.jupyterapp && jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
    && panel.sessionContext.session.kernel;
  if (!kernel) return {kernel: 'none', pending: 0, done: 0};
  const code = panel.content.widgets.filter(cell => cell.model.type === 'code');
  const prompt = cell => (cell.node.querySelector('.jp-InputPrompt') || {}).textContent || '';
  return {kernel: kernel.status, pending: code.filter(cell => prompt(cell).includes('*')).length,
          done: code.filter(cell => cell.model.executionCount !== null).length};
}"""

#: Per code cell: its outputs as the kernel sent them (model) and as the page shows them (DOM).
JS_CELLS = """() => {
  const panel = jupyterapp.shell.currentWidget;
  const code = panel.content.widgets.filter(cell => cell.model.type === 'code');
  return code.map((cell, index) => {
    const outputs = [];
    for (let i = 0; i < cell.model.outputs.length; i++) outputs.push(cell.model.outputs.get(i).toJSON());
    const children = [...cell.node.querySelectorAll('.jp-OutputArea-child .jp-OutputArea-output')];
    const loaded = img => img.complete && img.naturalWidth > 0 && img.offsetHeight > 0;
    const scale = img => img.naturalWidth ? img.clientWidth / img.naturalWidth : 1;
    return {
      index, source: cell.model.sharedModel.getSource(), executionCount: cell.model.executionCount,
      outputs: outputs.map((output, i) => {
        const node = children[i];
        const data = output.data || {};
        return {
          type: output.output_type, name: output.name || '',
          text: output.output_type === 'error' ? `${output.ename}: ${output.evalue}`
              : (typeof output.text === 'string' ? output.text : (output.text || []).join('')),
          png: 'image/png' in data, widget: 'application/vnd.jupyter.widget-view+json' in data,
          shown: node ? {
            mime: node.getAttribute('data-mime-type') || '', text: node.innerText.slice(0, 300),
            height: node.offsetHeight, widget: !!node.querySelector('.jupyter-widgets'),
            images: [...node.querySelectorAll('img')].map(loaded),
            scales: [...node.querySelectorAll('img')].map(scale),
            cutLabels: [...node.querySelectorAll('.widget-label')]
              .filter(label => label.offsetParent && label.scrollWidth > label.clientWidth)
              .map(label => label.innerText),
          } : null,
        };
      }),
    };
  });
}"""

#: Mark the notebook's main widget (its first hpolab Explorer) and that widget's first control.
JS_MARK_MAIN = """() => {
  const root = document.querySelector('.jp-NotebookPanel .hpolab-explorer');
  if (!root) return null;
  root.setAttribute('data-hpolab-test', 'main');
  const control = root.querySelector(
    '.widget-slider .noUi-handle, .widget-dropdown select, .widget-toggle-buttons button, .widget-checkbox input');
  if (!control) return {control: null};
  control.setAttribute('data-hpolab-test', 'control');
  const kind = control.matches('.noUi-handle') ? 'slider' : control.matches('select') ? 'dropdown'
    : control.matches('button') ? 'toggle' : 'checkbox';
  const label = control.closest('.jupyter-widgets').querySelector('.widget-label');
  return {control: kind, label: label ? label.innerText : ''};
}"""

#: What the main widget shows, apart from its controls: a digest of each image's bytes, and its text.
JS_MAIN_SNAPSHOT = """async () => {
  const root = document.querySelector('[data-hpolab-test="main"]');
  const digest = async img => {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let hash = 2166136261;
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
    return `${bytes.length}:${hash}`;
  };
  const images = await Promise.all([...root.querySelectorAll('img')].filter(img => img.src).map(digest));
  const text = [...root.querySelectorAll('.widget-html-content, .widget-output, pre')]
    .map(node => node.innerText).join('\\n');
  const control = root.querySelector('[data-hpolab-test="control"]');
  const readout = control.closest('.jupyter-widgets').querySelector('.widget-readout');
  const value = readout ? readout.innerText : control.getAttribute('aria-valuenow') || control.value
    || String(control.checked || control.classList.contains('mod-active'));
  return {images, text, value};
}"""

#: Time the main widget's next response: resolves to the milliseconds from the next key press or
#: selection on the page to a new picture in one of the widget's images (its src changes), or
#: null after 20 s. Kept in window.__hpolabResponse.
JS_WATCH_RESPONSE = """() => {
  const root = document.querySelector('[data-hpolab-test="main"]');
  window.__hpolabResponse = new Promise(resolve => {
    let start = null;
    const begin = () => { if (start === null) start = performance.now(); };
    for (const type of ['keydown', 'change', 'pointerdown']) window.addEventListener(type, begin, {capture: true, once: true});
    const observer = new MutationObserver(() => {
      if (start === null) return;
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(root, {subtree: true, attributes: true, attributeFilter: ['src']});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 20000);
  });
}"""

#: Texts of <summary> elements that start with their own triangle (the browser draws one already).
JS_DOUBLE_MARKERS = """() => [...document.querySelectorAll('.jp-NotebookPanel summary')]
  .map(summary => summary.innerText.trim()).filter(text => /^[\u25b6\u25b8\u25ba\u25b9>]/.test(text))"""

#: Images in markdown cells that did not load (a figure a notebook links to that the page cannot show).
JS_BROKEN_MARKDOWN_IMAGES = """async () => {
  const images = [...document.querySelectorAll('.jp-NotebookPanel .jp-MarkdownOutput img')];
  for (let i = 0; i < 40 && images.some(img => !img.complete); i++) await new Promise(r => setTimeout(r, 250));
  return images.filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.getAttribute('src'));
}"""
