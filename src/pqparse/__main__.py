"""``python -m pqparse`` runs the command line."""

import sys

from pqparse.cli import main

sys.exit(main())
