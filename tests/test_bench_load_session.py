"""The load session (``make load``) works end to end on a small kit, and it checks that the
edits it makes are in the file it saves: its stall figures are of a session that worked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from support.examples import ROOT

from bench.kits import load_test_kit
from bench.load_session import Session
from presskit.storage.writer import save_kit


def test_a_small_session_runs_every_step_and_reports_its_figures(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower())
              for kind in ("CONFIG", "DATA", "STATE", "CACHE")},
           "PRESSKIT_ROSTER": str(tmp_path / "roster.yaml")}
    done = subprocess.run([sys.executable, "-m", "bench.load_session", "6", "12"], env=env,
                          capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    steps = [row["step"] for row in result["steps"]]
    assert len(steps) == 11 and steps[-1] == "export the PDF"
    assert all(row["worst_stall"] > 0 for row in result["steps"])
    assert result["experts"] == 6 and result["quotes"] == 12 and result["pages"] > 1
    assert result["peak_mb_app"] > 0 and result["peak_mb_render_process"] > 0


def test_the_session_refuses_a_saved_kit_without_its_edits(tmp_path: Path) -> None:
    kit_path = tmp_path / "load.presskit"
    save_kit(load_test_kit(10, 20, tmp_path), kit_path)
    session = SimpleNamespace(kit_path=kit_path)
    with pytest.raises(SystemExit) as caught:
        Session.check_saved(session, kit_path)  # type: ignore[arg-type]
    assert "the typed quote" in str(caught.value) and "the added expert" in str(caught.value)
