"""Open labour-market reference data: O*NET, BLS OEWS wages and ESCO, as a read-only SQLite pack.

Entry points: `query.open_reference()` (installed pack or embedded default) returning a
`query.ReferencePack`; `protocol.Reference` for typing; `install` to build or download a pack.
"""
