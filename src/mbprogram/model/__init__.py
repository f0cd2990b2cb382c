"""Records and values: each record checks only its own fields. Imports only attrs and the stdlib."""
