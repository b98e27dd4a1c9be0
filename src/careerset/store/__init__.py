"""store layer of careerset (see DESIGN.md)."""
