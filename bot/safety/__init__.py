"""Recognise a resident in danger, whatever the dialogue model thinks the message means."""
