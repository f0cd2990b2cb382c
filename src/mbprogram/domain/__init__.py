"""The pure domain core: records, values and rules. Imports only attrs, dateutil and the stdlib."""
