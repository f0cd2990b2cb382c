"""The programme's rules as pure functions over records: completion, invariants, hiring, outcomes.

Nothing here imports the register: rules that need many records read them
through the read-only :class:`~mbprogram.rules.view.RegisterView` protocol.
"""
