"""Sample careers shipped with careerset (the demo career)."""
