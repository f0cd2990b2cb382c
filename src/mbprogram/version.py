"""The package's version, in a module of its own so that ``mbprogram --version`` reads it at once.

``mbprogram.__version__`` says the same (the package root imports no module of
its own); a test holds both to ``pyproject.toml`` and to the installed metadata.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
