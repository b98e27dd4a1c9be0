"""render layer of careerset (see DESIGN.md)."""
