"""Pure domain code shared by the tablet and the server: no Qt, no SQL, no HTTP."""
