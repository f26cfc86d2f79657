"""The report in a real headless browser: injected markup stays inert, the page renders.

CI installs Chromium (`apt-get install -y chromium`); without it these tests are skipped.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from commentscope import charts, report
from report_fixtures import make_analysis

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def find_chromium() -> str | None:
    return next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_chromium() is None,
                       reason="Chromium not found (apt-get install -y chromium); CI installs it"),
]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return report.write_report(make_analysis(), tmp_path_factory.mktemp("report"))


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(find_chromium()), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args,
               page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def test_injected_markup_does_not_run(page: Path, tmp_path: Path) -> None:
    dom = chromium(page, tmp_path / "profile", "--dump-dom").stdout
    assert "<title>commentscope report</title>" in dom
    assert "pwned</title>" not in dom
    assert '<section id="faq-gaps">' in dom
    assert dom.count('<img class="chart"') == len(charts.CHARTS)
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom


def test_screenshot_shows_a_rendered_page(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000")
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG")
    assert struct.unpack(">II", png[16:24]) == (1280, 2000)
    assert len(png) > 50_000  # a blank or error page compresses to a few kilobytes
