"""Input adapters: read files (HTML, text, RSS/Atom, WARC) into plain documents, never touching the network."""
