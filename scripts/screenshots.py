#!/usr/bin/python3
"""Runs lessons in a real Jupyter Notebook 6, in headless Chromium, and saves full-page screenshots.

    scripts/screenshots.py [--out DIR] [NOTEBOOK ...]     default: screenshots/ and lessons 00, 03, 05

What a trainee sees, with the installed seccomp-lab kernel: Notebook 6 opens each lesson, runs
every cell ("Run All"), and the whole page is captured once the kernel is idle. Needs Debian's
jupyter-notebook, chromium, chromium-driver and python3-selenium, and the lab built (./lab --version).
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "lab-kernel" / "target" / "lab.jar"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise SystemExit(f"screenshots: {what} did not happen within {timeout} s")


def screenshot(driver, base_url, notebook, out, timeout):
    driver.get(f"{base_url}/notebooks/{notebook.name}")
    wait_for(lambda: driver.execute_script(
        "return typeof Jupyter !== 'undefined' && Jupyter.notebook && Jupyter.notebook.kernel"
        " && Jupyter.notebook.kernel.is_connected()"), 120, f"{notebook.name}: the kernel's start")
    driver.execute_script("Jupyter.notebook.execute_all_cells();")
    # A cell still queued or running shows "In [*]"; the run is over when none does.
    wait_for(lambda: driver.execute_script(
        "return Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || "
        "!c.element[0].querySelector('.input_prompt').textContent.includes('*'))"
        " && Jupyter.notebook.kernel_busy === false"), timeout, f"{notebook.name}: Run All")
    errors = driver.execute_script("return document.querySelectorAll('.output_error').length")
    # Notebook 6 scrolls inside #site: the window must be as tall as the notebook to capture it whole.
    height = driver.execute_script(
        "return document.getElementById('header').offsetHeight + document.getElementById('notebook').scrollHeight")
    driver.set_window_size(1280, min(height + 40, 30000))
    driver.execute_script("document.getElementById('site').scrollTop = 0; Jupyter.notebook.select(0);")
    time.sleep(1)
    target = out / f"{notebook.stem}.png"
    driver.save_screenshot(str(target))
    driver.set_window_size(1280, 1000)
    print(f"[screenshots] {notebook.stem}: {target} ({height} px, {errors} error output(s))", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--timeout", type=int, default=900, help="seconds for one notebook's Run All")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args()
    notebooks = [Path(n).resolve() for n in args.notebooks] or sorted(
        p for p in (ROOT / "notebooks").glob("0[035]-*.ipynb"))
    if not JAR.is_file():
        raise SystemExit(f"screenshots: {JAR} is missing; build the lab first: ./lab --version")
    try:
        from selenium import webdriver
    except ImportError:
        raise SystemExit("screenshots: needs python3-selenium (apt-get install python3-selenium chromium-driver)")
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    directory = notebooks[0].parent
    with tempfile.TemporaryDirectory() as home:
        subprocess.run(["java", "-jar", str(JAR), "kernel", "install", "--prefix", home], check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, JUPYTER_PATH=f"{home}/share/jupyter", JUPYTER_RUNTIME_DIR=f"{home}/runtime",
                   JUPYTER_CONFIG_DIR=f"{home}/config", PYDEVD_DISABLE_FILE_VALIDATION="1",
                   TESTCONTAINERS_RYUK_DISABLED="true")
        port = free_port()
        # A copy of each lesson, so that outputs and the trust database never touch the course.
        work = Path(home) / "lessons"
        work.mkdir()
        for notebook in notebooks:
            (work / notebook.name).write_bytes(notebook.read_bytes())
        for extra in directory.iterdir():
            if extra.is_dir() and not extra.name.startswith("."):
                os.symlink(extra, work / extra.name)
        server = subprocess.Popen(
            ["jupyter", "notebook", "--no-browser", f"--port={port}", "--ip=127.0.0.1", "--NotebookApp.token=",
             "--NotebookApp.password=", f"--notebook-dir={work}", "--allow-root"],
            env=env, stdout=subprocess.DEVNULL, stderr=open(out / "jupyter-notebook.log", "w"))
        options = webdriver.ChromeOptions()
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1000"):
            options.add_argument(flag)
        driver = None
        try:
            wait_for(lambda: socket.socket().connect_ex(("127.0.0.1", port)) == 0, 60, "Jupyter Notebook's start")
            driver = webdriver.Chrome(options=options)
            for notebook in notebooks:
                print(f"[screenshots] {notebook.stem}: Run All in Jupyter Notebook 6", flush=True)
                screenshot(driver, f"http://127.0.0.1:{port}", work / notebook.name, out, args.timeout)
                driver.execute_script("Jupyter.notebook.session.delete();")
        finally:
            if driver:
                driver.quit()
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    sys.exit(main())
