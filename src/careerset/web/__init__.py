"""The local web app: `create_app` in `app`, one route module per page, templates and static files."""
