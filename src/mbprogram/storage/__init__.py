"""Adapters that keep and exchange a register's records: documents, stores and imports."""
