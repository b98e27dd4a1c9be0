"""One module per page of the web app; each defines a `router`."""
