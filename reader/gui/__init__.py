"""The Qt layer: shows and edits what reader.core computes."""
