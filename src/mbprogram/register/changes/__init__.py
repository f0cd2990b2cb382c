"""The register's changes, one module per area: functions of a state that return a new state.

Each function works out what the change does and hands it to
:func:`~mbprogram.register.commit.commit`, the one path that checks the rules
and writes the history; it never changes the state it is given.
"""
