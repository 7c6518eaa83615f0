"""Widgets a page is built from that are too large to live in the page's own module."""
