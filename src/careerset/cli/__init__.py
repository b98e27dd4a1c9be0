"""cli layer of careerset (see DESIGN.md)."""
