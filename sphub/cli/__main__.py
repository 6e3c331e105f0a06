"""`python -m sphub.cli`: the `sphub` command."""

import sys

from sphub.cli import main

sys.exit(main())
