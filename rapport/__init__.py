"""Rapport: a client book for people whose business is personal service."""
