"""PyInstaller runtime hook: the packaged resources sit beside the executable."""

import os
import sys
from pathlib import Path

base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
os.environ.setdefault("SHOPGUIDE_RESOURCES", str(base / "resources"))
