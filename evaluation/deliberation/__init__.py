"""The common-ground engine measured against Pol.is's own groups on real exports (`scoring`)."""
