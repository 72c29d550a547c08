"""The resident's personal plan: what fits them, why, what to look at, and what to do next."""
