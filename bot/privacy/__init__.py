"""Residents' rights over what is held about them: see it, take a copy, have it erased."""
