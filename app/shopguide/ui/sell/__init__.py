"""The Sell screen: search and scan the catalog, see a product, build the cart."""
