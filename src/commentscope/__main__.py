"""`python -m commentscope` runs the command-line interface."""

from commentscope.cli import main

raise SystemExit(main())
