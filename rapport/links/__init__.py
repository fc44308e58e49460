"""Links sent to clients: a short random token in the message, only its hash in the database.

Above clients and below the capability apps that send such links (appointments' reschedule
link, messaging's unsubscribe link), which decide what a link may do.
"""
