"""Short, sourced answers to the questions residents and employers ask most, kept per year."""
