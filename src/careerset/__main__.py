"""`python -m careerset` runs the command line."""

from careerset.cli.main import main

main()
