"""对读 Duidu: a comparison reader for Chinese official speeches."""

__version__ = "0.1.0"
APP_NAME = "Duidu"
