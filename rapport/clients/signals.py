"""Signals that let higher floors keep their summaries of a client current.

Sent inside the writing transaction; receivers run in it too, so a summary is
never out of step with the data it summarises.
"""

from django.dispatch import Signal

# Sent with client=<Client> after any write that can change how a client is doing.
client_changed = Signal()

# Sent with practice=<Practice>, client_ids=<list of ids> after a write to many clients at once
# that bypasses save() (QuerySet.update): what is kept about each of them is made again.
clients_changed = Signal()
