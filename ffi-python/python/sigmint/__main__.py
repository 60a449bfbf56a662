"""``python -m sigmint``: the ``sigmint`` command (:mod:`sigmint.cli`)."""

import sys

from .cli import main

sys.exit(main())
