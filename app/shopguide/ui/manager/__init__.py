"""The Manager screen: low stock, restock by size curve, lost demand, guides' sales."""
