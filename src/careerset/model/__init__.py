"""model layer of careerset (see DESIGN.md)."""
