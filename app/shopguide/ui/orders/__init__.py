"""The Orders screen: the store's recent orders, their payment state, retry and receipts."""
