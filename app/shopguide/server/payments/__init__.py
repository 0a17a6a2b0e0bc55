"""Payment intents for orders and the providers that collect them (DESIGN.md, Payments).

Success is decided here, on the server, from the provider's word (a
notification, or the sandbox wallet's Pay button); the tablet only ever
learns of it.
"""
