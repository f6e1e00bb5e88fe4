"""Reports people read: the self-contained HTML report (the terminal summary is ``summary``)."""

from .html import render_html, report_filename, write_html
from .index import render_index

__all__ = ["render_html", "render_index", "report_filename", "write_html"]
