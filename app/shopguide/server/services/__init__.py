"""Business logic behind the routes; each function takes a Session and plain values."""
