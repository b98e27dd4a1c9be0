"""reference layer of careerset (see DESIGN.md)."""
