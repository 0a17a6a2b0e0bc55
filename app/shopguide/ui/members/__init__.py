"""Members: find a member by phone, card or their phone's code; their card; the cart's member."""
