"""Planbord's face: NiceGUI pages, the FastAPI routes and the `planbord` command. Kept thin."""
