"""The register: the one aggregate holding every record, and the only way to change them."""
