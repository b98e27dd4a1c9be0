"""The Reference protocol and its plain types: what analysis may know of the open data.

A neutral module, so `analysis/` depends on these and never on the reference database code
in `reference/` that implements them.
"""
