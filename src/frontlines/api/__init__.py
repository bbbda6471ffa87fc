"""The HTTP API (FastAPI) and the offline map page over a store: ``frontlines serve --db DB``.

- ``create_app(store_factory=lambda: open_store("frontlines.db"))`` builds the app; :mod:`frontlines.api.queries`
  holds the answers as plain functions of a store, :mod:`frontlines.api.params` the checked query parameters.
- FastAPI is imported only by :mod:`frontlines.api.app`, so the rest of the package works without it.
"""
