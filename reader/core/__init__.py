"""The pure layer: loading, cleaning, outlines, matching, storage and export. Never imports Qt widgets."""
