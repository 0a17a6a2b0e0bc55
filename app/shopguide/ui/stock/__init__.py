"""The Stock screen: a style here and nearby, reservations, transfers, lost demand, inbox."""
