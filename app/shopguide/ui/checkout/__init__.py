"""Checkout: the payment QR, its live status, and the receipt."""
