"""One module per file format, each turning a file's bytes into a :class:`LoadedDocument`.

``reviewer.analysis.load`` chooses the loader; the loaders raise :class:`LoadError` for what they cannot read.
"""
