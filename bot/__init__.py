"""Work Local: a council's conversational front door for employment and skills."""
