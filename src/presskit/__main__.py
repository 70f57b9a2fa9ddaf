"""``python -m presskit`` runs the command line."""

import sys

from presskit.cli.main import main

sys.exit(main())
