"""Build glue pyproject.toml cannot express: ship the top-level `seeds/` inside the package.

`seeds/` stays at the top of the repository (the bundled default library) and is installed
as `tui/seeds/`, so a wheel or pipx install opens the same articles a clone does.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["tui", "tui.*"]), "tui.seeds"],
    package_dir={"tui.seeds": "seeds"},
)
