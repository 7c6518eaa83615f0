"""Content: the checklist model, loading the YAML files and checking them."""
