"""Pure extraction pipeline: a document in, events and claims with their evidence out (no Django)."""
