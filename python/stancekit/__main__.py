"""``python -m stancekit``: the same as the ``stancekit`` command."""

from stancekit.cli import main

raise SystemExit(main())
