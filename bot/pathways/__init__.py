"""Which of the council's offers fit a resident, what they are entitled to, and why."""
