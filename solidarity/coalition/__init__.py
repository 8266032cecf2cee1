"""The coalition registry: taxonomies, member organizations, delegates and representation."""
