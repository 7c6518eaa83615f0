"""The management report: contexts, charts and rendering to PDF or HTML."""
