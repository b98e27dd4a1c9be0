"""web layer of careerset (see DESIGN.md)."""
