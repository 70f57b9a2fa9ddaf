"""Locks on shared folders: ``owner`` (which process, surviving reboots and id reuse),
``file_lock`` (the exclusively created lock file and its staleness rule) and ``kit`` (who has
a kit open). The roster's lock (``library.roster_file``) is a ``file_lock`` too."""
