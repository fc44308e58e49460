"""Feedback from clients: what would have made a session more helpful, in their own words."""
