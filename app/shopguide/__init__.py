"""ShopGuide: the tablet app for in-store shopping guides and its central server."""

__version__ = "0.1.0"
