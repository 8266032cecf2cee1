"""The monitor's measurements: precision, recall and F1 per field (`scoring`), the gold sets (`gold/`)."""
