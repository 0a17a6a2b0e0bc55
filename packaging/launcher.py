"""Entry point of the packaged tablet app: the same `shopguide` command as when installed."""

import sys

from shopguide.cli import main

sys.exit(main())
