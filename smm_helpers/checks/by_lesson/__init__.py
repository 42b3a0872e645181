"""One module per lesson, each defining ``QUESTIONS``: a list of ``Question``.

Name a module after its lesson (``l03_platforms.py`` for ``03-platforms``); the registry
finds every module here.
"""
