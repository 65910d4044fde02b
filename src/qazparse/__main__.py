"""``python -m qazparse``: the same as the ``qazparse`` command."""

from .cli import main

raise SystemExit(main())
