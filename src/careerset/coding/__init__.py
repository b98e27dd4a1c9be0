"""coding layer of careerset (see DESIGN.md)."""
