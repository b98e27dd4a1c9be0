"""interchange layer of careerset (see DESIGN.md)."""
