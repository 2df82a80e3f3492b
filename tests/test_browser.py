"""Every notebook the way a learner uses it: JupyterLab in a real (headless) browser.

nbval runs cells in a kernel without a front end, so it cannot see a widget that fails to
render, a figure that never appears or a slider that does nothing. This test starts
JupyterLab on a temporary copy of ``notebooks/``, opens each notebook in headless Chromium
(Python ``playwright`` driving Debian's ``/usr/bin/chromium``), clicks Run > Run All Cells,
waits for the kernel to go idle, and checks that

* every code cell ran and no cell shows an error;
* every widget is rendered (not "Loading widget..." or a plain-text ``VBox(...)`` fallback);
* every figure appears, as many per cell as in the committed notebook;
* moving the first control of the notebook's main widget (its first ``hpolab`` Explorer)
  with the keyboard changes what the widget shows (figure bytes or text).

It also prints how long the main widget takes, in the browser, from a key press on its control
to its new figure (median of a few moves): the learner's view of the widget timings that
``python -m hpolab.benchmarks widgets`` measures in the kernel. That figure is reported, not
asserted: it depends on the machine.

Screenshots (the whole notebook after run-all, and the main widget after the interaction) go to
``$HPOLAB_SCREENSHOTS`` or a fresh temporary folder; the path is printed.

Skipped when playwright, JupyterLab or Chromium is missing, unless ``HPOLAB_REQUIRE_BROWSER=1``
(set by ``.ci/run``), which turns the skip into a failure. Run only this test with
``python -m pytest tests/test_browser.py -s``.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest

try:
    from . import browser_support as support
except ImportError:
    import browser_support as support

VIEWPORT = {"width": 1366, "height": 900}
RUN_ALL_TIMEOUT = 240.0  # s; a notebook should finish in 30 s, this only bounds a hung run
WIDGET_FALLBACK = re.compile(r"^\s*[A-Z]\w*\((children|value|options|description|layout)=")
NOT_RENDERED = ("Loading widget", "Error displaying widget", "Error rendering output")


@pytest.fixture(scope="module")
def screenshot_dir(request) -> Path:
    """Where screenshots go: ``$HPOLAB_SCREENSHOTS`` or a fresh temporary folder (printed)."""
    folder = Path(os.environ.get("HPOLAB_SCREENSHOTS") or tempfile.mkdtemp(prefix="hpolab-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    _say(request, f"browser test screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def lab(request):
    """One JupyterLab server for the whole module, on a temporary copy of the notebooks."""
    reason = support.missing_browser_reason()
    if reason is not None:
        if os.environ.get("HPOLAB_REQUIRE_BROWSER") == "1":
            pytest.fail(f"HPOLAB_REQUIRE_BROWSER=1 but the browser test cannot run: {reason}")
        pytest.skip(f"browser test skipped: {reason}")
    with support.LabServer(support.NOTEBOOKS) as server:
        yield server


@pytest.fixture(scope="module")
def browser(lab):
    """One headless Chromium for the whole module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=support.chromium_path(),
                                              args=support.CHROMIUM_ARGS, headless=True)
        yield chromium.new_context(viewport=VIEWPORT)
        chromium.close()


@pytest.fixture(scope="module")
def lab_page(lab, browser):
    """A JupyterLab page, loaded once and reused for the next notebook while things go well.

    Booting JupyterLab costs ~5-15 s, so notebooks open one after the other in the same page
    (each one closed, and its kernel shut down, before the next). After a failed notebook the
    next one gets a freshly loaded page, so one broken notebook cannot spoil the others.
    """
    pages = []

    def get(fresh: bool = False):
        if pages and fresh:
            pages.pop().close()
            lab.shutdown_kernels()
        if not pages:
            page = browser.new_page()
            # A new, empty workspace: nothing a previous page had open comes back.
            page.goto(f"{lab.url}/lab/workspaces/hpolab-browser-test-{time.monotonic_ns()}?reset")
            page.wait_for_function("() => window.jupyterapp && jupyterapp.started", timeout=90_000)
            page.evaluate("() => jupyterapp.restored")
            pages.append(page)
        return pages[0]

    get.spoiled = False
    yield get
    for page in pages:
        page.close()


@pytest.mark.parametrize("notebook", support.NOTEBOOKS, ids=[nb.stem for nb in support.NOTEBOOKS])
def test_notebook_in_browser(notebook, lab, lab_page, screenshot_dir, request):
    start = time.monotonic()
    page = lab_page(fresh=lab_page.spoiled)
    lab_page.spoiled = True  # until this notebook finishes cleanly
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    problems: list[str] = []
    phases = {}
    try:
        open_notebook(page, lab, notebook)
        phases["open"] = time.monotonic()
        kernels = lab.running_kernels()
        assert len(kernels) == 1, f"expected the notebook's one kernel, the server runs {kernels}"
        run_all(page, lab)
        phases["run all"] = time.monotonic()
        cells = page.evaluate(support.JS_CELLS)
        found, warnings = cell_problems(cells, support.committed_figures(notebook))
        problems += found
        problems += [f"an image in a markdown cell does not load: {src.split('?')[0]}"
                     for src in page.evaluate(support.JS_BROKEN_MARKDOWN_IMAGES)]
        warnings += [f"a <summary> brings its own triangle, so the page shows two: {text!r}"
                     for text in page.evaluate(support.JS_DOUBLE_MARKERS)]
        shot = screenshot_dir / f"{notebook.stem}_1_run_all.jpg"
        screenshot_notebook(page, shot)
        phases["screenshot"] = time.monotonic()
        problems += interaction_problems(page, screenshot_dir / f"{notebook.stem}_2_after_interaction.png")
        phases["interaction"] = time.monotonic()
        responses = [] if problems else response_times(page)
    finally:
        close_notebook(page)
    if lab.running_kernels():
        problems.append(f"the kernel still runs after shutdown: {lab.running_kernels()}")
    lab_page.spoiled = bool(problems or page_errors)
    seconds = time.monotonic() - start
    steps = ", ".join(f"{name} {end - begin:.1f} s" for (name, end), begin
                      in zip(phases.items(), [start, *phases.values()]))
    _say(request, f"  {notebook.name}: {seconds:.1f} s in the browser ({steps})")
    if responses:
        finished = sorted(ms for ms in responses if ms is not None)
        median = f"median {finished[len(finished) // 2]:.0f} ms" if finished else "no new figure within 20 s"
        _say(request, f"    key press -> new figure of the main widget: {median} "
                      f"(each: {', '.join('-' if ms is None else f'{ms:.0f}' for ms in responses)} ms)")
    for warning in warnings:
        _say(request, f"    looks wrong: {warning}")
    if page_errors:
        print("JavaScript errors on the page:\n  " + "\n  ".join(page_errors))
    if problems:
        pytest.fail(f"{notebook.name} in JupyterLab (screenshots in {screenshot_dir}):\n- "
                    + "\n- ".join(problems), pytrace=False)


# -- steps -------------------------------------------------------------------------------------
def open_notebook(page, lab, notebook: Path) -> None:
    """Open the notebook (File > Open, through its command) and wait until its kernel is idle."""
    lab.start_kernel(notebook.name)  # a fresh kernel, booting while the document opens
    page.evaluate("""async path => {
      const panel = await jupyterapp.commands.execute('docmanager:open', {path});
      await panel.context.ready; await panel.sessionContext.ready;
    }""", f"notebooks/{notebook.name}")
    page.wait_for_function(f"() => ({support.JS_RUN_STATE})().kernel === 'idle'", timeout=90_000)


def close_notebook(page) -> None:
    """Shut the notebook's kernel down and close its tab without saving (the files are copies anyway)."""
    try:
        page.evaluate("""async () => {
          const panel = jupyterapp.shell.currentWidget;
          if (!panel || !panel.sessionContext) return;
          await panel.sessionContext.shutdown();
          panel.dispose();
        }""")
    except Exception as error:  # a broken page gets replaced; the server cleans up at the end
        print(f"could not close the notebook: {error}")


def run_all(page, lab) -> None:
    """Click Run > Run All Cells, then wait until nothing is queued and the kernel stays idle."""
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    deadline = time.monotonic() + RUN_ALL_TIMEOUT
    quiet_since = None
    while time.monotonic() < deadline:
        state = page.evaluate(support.JS_RUN_STATE)
        if state["kernel"] == "idle" and state["pending"] == 0 and state["done"] > 0:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 1.5:
                break
        else:
            quiet_since = None
        time.sleep(0.25)
    else:
        raise AssertionError(f"run-all did not finish within {RUN_ALL_TIMEOUT:.0f} s; last state {state};"
                             f" server log:\n{lab.log_tail()}")
    # Give widget views a moment to finish rendering ("Loading widget..." placeholders).
    try:
        page.wait_for_function(
            "() => ![...document.querySelectorAll('.jp-OutputArea-output')]"
            ".some(node => node.innerText.includes('Loading widget'))", timeout=20_000)
    except Exception:
        pass  # reported per cell by cell_problems


def cell_problems(cells: list[dict], committed: list[int]) -> tuple[list[str], list[str]]:
    """What a learner would see go wrong in the cells after run-all: (problems, warnings)."""
    problems, warnings = [], []
    for cell in cells:
        where = f"cell {cell['index'] + 1} ({_first_line(cell['source'])})"
        if cell["source"].strip() and cell["executionCount"] is None:
            problems.append(f"{where} did not run")
        figures = 0
        for output in cell["outputs"]:
            shown = output["shown"] or {}
            text = shown.get("text", "")
            if output["type"] == "error":
                problems.append(f"{where} shows an error: {output['text']}")
            elif output["type"] == "stream" and output["name"] == "stderr":
                (problems if "Traceback" in output["text"] else warnings).append(
                    f"{where} writes to stderr: {output['text'][:300]}")
            if output["widget"] and (not shown.get("widget") or shown.get("height", 0) == 0
                                     or any(marker in text for marker in NOT_RENDERED)):
                problems.append(f"{where}: a widget is not rendered; the page shows {text[:120]!r}")
            elif WIDGET_FALLBACK.match(text):
                problems.append(f"{where} shows a widget as plain text: {text[:120]!r}")
            if output["png"]:
                figures += 1
                if not shown.get("images"):
                    problems.append(f"{where}: a figure (image/png output) is not shown")
            if not all(shown.get("images", [])):
                problems.append(f"{where}: an image did not load (empty or broken <img>)")
            if shown.get("cutLabels"):
                warnings.append(f"{where}: widget labels cut off: {shown['cutLabels']} (use "
                                "style={'description_width': 'initial'} or a shorter description)")
            if any(scale > 1.25 for scale in shown.get("scales", [])):
                warnings.append(f"{where}: an image is stretched to {max(shown['scales']):.1f}x its pixel "
                                "width, so it looks blurry")
        if len(committed) == len(cells) and figures != committed[cell["index"]]:
            problems.append(f"{where} shows {figures} figure(s); the committed notebook has "
                            f"{committed[cell['index']]}")
    if len(committed) != len(cells):
        problems.append(f"the page has {len(cells)} code cells, the notebook file {len(committed)}")
    return problems, warnings


def interaction_problems(page, screenshot: Path) -> list[str]:
    """Move the first control of the main widget with the keyboard; its figure or text must change."""
    found = page.evaluate(support.JS_MARK_MAIN)
    if found is None:
        return ["no hpolab Explorer (CSS class .hpolab-explorer) on the page: every notebook needs a "
                "widget experiment built on hpolab.widgets.Explorer"]
    if found["control"] is None:
        return ["the main widget (first .hpolab-explorer) has no slider, dropdown, toggle or checkbox"]
    main = page.locator('[data-hpolab-test="main"]')
    main.scroll_into_view_if_needed()
    before = page.evaluate(support.JS_MAIN_SNAPSHOT)
    move_control(page, found["control"])
    after = before
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        after = page.evaluate(support.JS_MAIN_SNAPSHOT)
        if after["value"] != before["value"] and (after["images"], after["text"]) != (before["images"],
                                                                                     before["text"]):
            break
        time.sleep(0.25)
    page.evaluate("() => document.querySelector('[data-hpolab-test=\"main\"]').scrollIntoView()")
    page.screenshot(path=str(screenshot))
    what = f"the {found['control']} {found['label']!r} of the main widget"
    if after["value"] == before["value"]:
        return [f"could not move {what} (value stays {before['value']}); see {screenshot}"]
    if (after["images"], after["text"]) == (before["images"], before["text"]):
        return [f"moving {what} from {before['value']} to {after['value']} changed neither its figure "
                f"nor its text within 20 s (is the widget's callback broken?); see {screenshot}"]
    return []


def response_times(page, moves: int = 5) -> list[float | None]:
    """Milliseconds from moving the main widget's control (as :func:`move_control` does) to its new figure."""
    kind = page.evaluate(support.JS_MARK_MAIN)["control"]
    times = []
    for _ in range(moves):
        page.evaluate(support.JS_WATCH_RESPONSE)
        move_control(page, kind)
        times.append(page.evaluate("() => window.__hpolabResponse"))
    return times


def move_control(page, kind: str) -> None:
    """Change the marked control as a learner would: arrow key on a slider, pick another option..."""
    control = page.locator('[data-hpolab-test="control"]')
    if kind == "slider":
        now, top = (float(control.get_attribute(name)) for name in ("aria-valuenow", "aria-valuemax"))
        control.focus()
        page.keyboard.press("ArrowLeft" if now >= top else "ArrowRight")
    elif kind == "dropdown":
        options = control.locator("option")
        current = control.evaluate("select => select.selectedIndex")
        control.select_option(index=1 if current == 0 and options.count() > 1 else 0)
    elif kind == "toggle":
        page.locator('[data-hpolab-test="main"] .widget-toggle-buttons button:not(.mod-active)').first.click()
    else:
        control.click()


def screenshot_notebook(page, path: Path) -> None:
    """One screenshot of the whole notebook: the window is made as tall as the notebook for a moment."""
    scroller = "document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')"
    # The content ends at the last cell (JupyterLab adds blank space to scroll past the end).
    bottom, view = page.evaluate(f"""() => {{
      const scroller = {scroller}, cells = scroller.querySelectorAll('.jp-Cell');
      const last = cells[cells.length - 1].getBoundingClientRect().bottom;
      return [last - scroller.getBoundingClientRect().top + scroller.scrollTop, scroller.clientHeight];
    }}""")
    height = min(int(bottom) + VIEWPORT["height"] - view + 20, 16_000)  # Chromium's limit is ~16k px
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    try:
        page.evaluate(f"() => {{ {scroller}.scrollTop = 0; }}")
        page.wait_for_timeout(200)
        page.screenshot(path=str(path), type="jpeg", quality=85)
    finally:
        page.set_viewport_size(VIEWPORT)


# -- small helpers -------------------------------------------------------------------------------
def _first_line(source: str) -> str:
    lines = [line for line in source.splitlines() if line.strip() and not line.startswith("# NBVAL")]
    return (lines[0][:60] if lines else "empty").strip()


def _say(request, line: str) -> None:
    """Write a line to the terminal even while pytest captures output."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():  # else fd capture swallows it (as in `.ci/run`)
        reporter.write_line(line)
