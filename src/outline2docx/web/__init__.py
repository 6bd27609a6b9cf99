"""The workbench in the browser (`outline2docx serve`): needs the web extra (Starlette, uvicorn).

``app`` holds the routes, ``service`` the work a request does through the pipeline, ``i18n``
the page's words, ``server`` the running of it; ``static/`` the page itself.
"""

from outline2docx.web.server import run, serve_in_background

__all__ = ["run", "serve_in_background"]
