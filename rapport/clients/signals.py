"""Signals that let higher floors keep their summaries of a client current.

Sent inside the writing transaction; receivers run in it too, so a summary is
never out of step with the data it summarises.
"""

from django.dispatch import Signal

# Sent with client=<Client> after any write that can change how a client is doing.
client_changed = Signal()
