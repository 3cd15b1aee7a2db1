"""Where the browser's own files are (canvas, netwerkschema, CSS, icons): the one place that says so.

In the repository they stay in the top-level folder `assets/`; pyproject.toml installs that folder as the package
`app.assets`, so a wheel carries them inside Planbord and an editable install finds them here all the same. Every
path to one of them starts from `DIR`.
"""
from pathlib import Path

DIR = Path(__file__).resolve().parent
