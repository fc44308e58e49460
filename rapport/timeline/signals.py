"""Signals that let higher floors follow what happens to the timeline.

Sent by timeline.services, not by the model: a mass delete (an erasure, an import
undone, a practice removed) stays a handful of queries instead of loading each row
to tell its receivers.
"""

from django.dispatch import Signal

# Sent with interaction=<Interaction> by interaction_delete, just before it is deleted (an
# email taken back, a touch undone, an item removed from the timeline).
interaction_removing = Signal()
