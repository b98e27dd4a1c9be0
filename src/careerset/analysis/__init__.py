"""analysis layer of careerset (see DESIGN.md)."""
