"""Use cases: each module takes a store session and/or a Reference plus plain arguments,
composes the layers below and returns analysis results. The CLI and the web app call these
and only parse input and format output, so both always give the same answer."""
