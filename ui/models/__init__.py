"""Qt item models and delegates over the computed result."""
