"""Use cases over the register: the repository protocol, the unit of work, imports."""
