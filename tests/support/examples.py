"""Where the repository's example kits and the seed advisory are, for tests that read them."""

from __future__ import annotations

import shutil
from pathlib import Path

SUPPORT = Path(__file__).resolve().parent
ROOT = SUPPORT.parent.parent
EXAMPLES = ROOT / "examples"
CNAS_KIT = EXAMPLES / "cnas-responds" / "cnas-responds.presskit"
NORTHBRIDGE_KIT = EXAMPLES / "northbridge-briefing" / "northbridge-briefing.presskit"
SEED = ROOT / "tests" / "fixtures" / "cnas-responds-2019-09-20.txt"  # copy of shared/seeds


def copy_folder(source: Path, folder: Path) -> Path:
    """``source`` (an example's folder: kit and assets) copied to ``folder``, without the
    lock file a presskit that has the example open meanwhile keeps beside it."""
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".*.lock"))
    return folder
