"""presskit's benchmark (``make bench`` / ``python -m bench``): not part of the wheel or the tests.

It times the real command and the real app against budgets from issue 6, next to a plain
ReportLab platypus script and a bare canvas that make the same content, so the headline
figures are ratios that survive a shared, drifting machine.
"""
