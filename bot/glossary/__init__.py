"""Plain-English explanations of the words residents meet in employment and skills."""
