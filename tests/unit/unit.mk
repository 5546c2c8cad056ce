# Owned by its part of the tree; see docs/testing.md.
