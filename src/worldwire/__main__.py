"""`python -m worldwire`: the same command line as `worldwire`, for environments without the script."""

from worldwire.interfaces.cli import main

if __name__ == "__main__":
    main()
