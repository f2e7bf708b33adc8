#!/usr/bin/env python3
"""Benchmark the app as its users meet it; print a Markdown table.

usage: python tools/bench_app.py [--repeat N] [--keep DIR]

Each figure is measured on the real server, started as ``scripts/app.sh`` starts
it (``python -m navigator.serve``: index and models first, then Streamlit), in
a temporary data directory:

* **cold start**: from launching the server on an empty data directory until it
  answers its health check (the index is built before the server listens);
* **restart**: the same on the built index;
* **first answer after a restart**: in Chromium, from the loaded chat page to the
  first answer on screen (the models were loaded before the server listened);
* **page switches**: from a click in the sidebar to the new page drawn, median
  and slowest over every page, N rounds (default 3).

Browser figures need Debian's ``chromium`` (``/usr/bin/chromium``); without it
they are reported as not measured. ``main()`` returns the figures as a dict.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
QUESTION = "伊春上云补助比例是多少？"
PAGES = ["政策匹配", "现在可申报", "补贴测算", "政策对比", "政策原文", "坐席工作台", "智能咨询"]
START_TIMEOUT_S = 600
STEP_MS = 120_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``python -m navigator.serve`` on a free port with its own data directory."""

    def __init__(self, data_dir: Path, log_path: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "NAVIGATOR_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
        env.pop("NAVIGATOR_DATABASE_URL", None)
        self.log = log_path.open("w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "navigator.serve", "--server.port", str(self.port), "--server.address", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self) -> float:
        """Seconds from launch to the first healthy answer."""
        deadline = self.started + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started
            except OSError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"the app did not start; see {self.log.name}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def browser_figures(url: str, repeat: int) -> dict[str, float]:
    """First answer after the page loads, and sidebar page switches, in Chromium."""
    from playwright.sync_api import expect, sync_playwright

    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
            t0 = time.monotonic()
            page.goto(f"{url}/ask")
            box = page.get_by_test_id("stChatInputTextArea")
            expect(box).to_be_visible(timeout=STEP_MS)
            out["page_load_s"] = time.monotonic() - t0
            t0 = time.monotonic()
            box.fill(QUESTION)
            box.press("Enter")
            expect(page.get_by_test_id("stChatMessage").last).to_contain_text("50%", timeout=STEP_MS)
            out["first_answer_s"] = time.monotonic() - t0
            switches = []
            for _ in range(repeat):
                for title in PAGES:
                    t0 = time.monotonic()
                    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
                    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=STEP_MS)
                    page.wait_for_function("() => !document.querySelector("
                                           "'[data-testid=\"stStatusWidgetRunningIcon\"]')", timeout=STEP_MS)
                    switches.append(time.monotonic() - t0)
            out["switch_median_s"] = statistics.median(switches)
            out["switch_max_s"] = max(switches)
            out["switches"] = len(switches)
        finally:
            browser.close()
    return out


def table(f: dict[str, float]) -> str:
    def s(key: str) -> str:
        return f"{f[key]:.1f}" if key in f else "not measured"

    rows = [
        ("Cold start: empty data dir → server healthy (index built first) (s)", s("cold_start_s")),
        ("Restart on the built index → server healthy (s)", s("restart_s")),
        ("Chat page loaded in the browser (s)", s("page_load_s")),
        ("First answer after a restart, from the loaded page (s)", s("first_answer_s")),
        (f"Page switch, median of {int(f.get('switches', 0))} (s)", s("switch_median_s")),
        ("Page switch, slowest (s)", s("switch_max_s")),
    ]
    lines = ["| App figure | Value |", "|---|---:|"] + [f"| {a} | {b} |" for a, b in rows]
    lines.append("")
    lines.append(f"- {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
                 "server started as scripts/app.sh starts it; Chromium at 1440×900.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Measure, print the table, return the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds of page switches (default 3)")
    parser.add_argument("--keep", type=Path, help="keep the data directory and server logs here")
    a = parser.parse_args(argv)
    if a.repeat < 1:
        raise SystemExit("bench_app: --repeat must be at least 1")
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="navigator-bench-app-") as tmp:
        work = a.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        data = work / "data"
        print("cold start (builds the index) ...", file=sys.stderr)
        server = Server(data, work / "cold.log")
        try:
            figures["cold_start_s"] = server.wait_healthy()
        finally:
            server.stop()
        print("restart on the built index ...", file=sys.stderr)
        server = Server(data, work / "restart.log")
        try:
            figures["restart_s"] = server.wait_healthy()
            if CHROMIUM.exists():
                print("first answer and page switches in Chromium ...", file=sys.stderr)
                figures.update(browser_figures(server.url, a.repeat))
            else:
                print("no /usr/bin/chromium: browser figures not measured", file=sys.stderr)
        finally:
            server.stop()
    print(table(figures))
    return figures


if __name__ == "__main__":
    main()
