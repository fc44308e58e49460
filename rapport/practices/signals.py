"""Signals that let higher floors follow a change to the practice itself.

Sent inside the writing transaction; receivers run in it too.
"""

from django.dispatch import Signal

# Sent with practice=<Practice> after its time zone changed: months and due days counted
# where the practice is must be counted again.
practice_time_zone_changed = Signal()
