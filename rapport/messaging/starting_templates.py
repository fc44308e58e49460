"""The templates every practice starts with: plain, warm, short, and theirs to change.

Placeholders the app cannot fill ({{what you are thanking them for}}) are left on
purpose: the checker will not let the message go until the provider writes them.
"""

from __future__ import annotations

from rapport.messaging.models import Purpose

STARTING_TEMPLATES: list[tuple[str, str, str, str, bool]] = [
    # (name, purpose, subject, body, essential)
    (
        "Welcome",
        Purpose.WELCOME,
        "Welcome, {{preferred_name}}",
        "Hi {{preferred_name}},\n\nThank you for choosing to work with me. "
        "I'm glad you're here.\n\n"
        "What matters to me in how I work:\n{{practice_values}}\n\n"
        "If anything is unclear, or you'd like something done differently, just tell me. "
        "I would much rather know.\n\nSpeak soon,\n{{provider_name}}",
        False,
    ),
    (
        "Thinking of you",
        Purpose.CHECKIN,
        "How are things?",
        "Hi {{preferred_name}},\n\nYou came to mind today and I wanted to ask how things are "
        "going. No need for a long reply, and no need to reply at all if now isn't a good "
        "time.\n\n"
        "{{provider_name}}",
        False,
    ),
    (
        "Thank you",
        Purpose.THANK_YOU,
        "Thank you",
        "Hi {{preferred_name}},\n\nThank you for {{what you are thanking them for}}. "
        "It made a real difference to me.\n\n{{provider_name}}",
        False,
    ),
    (
        "Running late",
        Purpose.RUNNING_LATE,
        "Running a little late",
        "Hi {{preferred_name}},\n\nI'm sorry: I'm running about {{minutes}} minutes late for "
        "our appointment. I expect to be with you at {{new time}}.\n\n{{provider_name}}",
        True,
    ),
    (
        "Offer to reschedule",
        Purpose.RESCHEDULE,
        "Running late: would another time suit you better?",
        "Hi {{preferred_name}},\n\nI'm sorry: I'm running more than ten minutes late and I don't "
        "want to waste your time. I can be with you at {{new time}}, or you can choose another "
        "time that suits you better here: {{reschedule link}}\n\nEither is completely fine.\n\n"
        "{{provider_name}}",
        True,
    ),
    (
        "Reminder",
        Purpose.REMINDER,
        "See you {{appointment time}}",
        "Hi {{preferred_name}},\n\nA short reminder that we're meeting {{appointment details}}."
        "\n\nIf the time no longer suits you, just reply and we'll find "
        "another.\n\n{{provider_name}}",
        True,
    ),
    (
        "What would have helped?",
        Purpose.FEEDBACK,
        "One question, if you have a minute",
        "Hi {{preferred_name}},\n\nNow that we've finished {{what you worked on together}}, may I "
        "ask you one thing: what would have made it more helpful for you?\n\nWhatever you say, "
        "it helps me do better for the next person.\n\nThank you,\n{{provider_name}}",
        False,
    ),
    (
        "Introduction",
        Purpose.REFERRAL,
        "An introduction: {{partner name}}",
        "Hi {{preferred_name}},\n\nAs promised, I'd like to introduce you to {{partner name}}, "
        "who {{why they are the right person}}. I've shared a little of your story with them, "
        "with your permission, so you won't have to start from the beginning.\n\n"
        "I'll check in with you both in a couple of weeks to see how it's going.\n\n"
        "{{provider_name}}",
        False,
    ),
]
