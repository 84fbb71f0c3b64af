"""Turning .doc, .wps, .odt and .rtf files into .docx with an office suite found on this machine.

One interface, :class:`~reviewer.analysis.convert.base.Converter`: a converter is a program run on a copy of
the file in a temporary folder, under a time limit (its whole process tree is killed when it runs over),
that leaves a .docx there. :mod:`.libreoffice` runs ``soffice --headless`` (Linux, Windows, macOS);
:mod:`.office_com` drives Microsoft Word or WPS Office through COM automation (Windows only).
:func:`.runner.convert_to_docx` tries the converters in turn; :func:`.found.available_converters` says which
ones this machine has. The original file is never touched: the converters only ever see a copy.
"""
