"""Word lists the rules share. Written by the project."""

# Emotion words: used to tell a reflection of feeling, and a disclosure of feeling.
EMOTIONS = (
    "afraid", "alone", "angry", "anxious", "ashamed", "betrayed", "bitter", "broken", "confused",
    "crushed", "depressed", "desperate", "devastated", "disappointed", "discouraged", "disgusted",
    "down", "drained", "embarrassed", "empty", "exhausted", "fed up", "frightened", "frustrated",
    "furious", "glad", "grief", "guilty", "happy", "heartbroken", "helpless", "hopeful", "hopeless",
    "hurt", "insecure", "irritated", "isolated", "jealous", "let down", "lonely", "lost", "low",
    "mad", "miserable", "nervous", "numb", "overwhelmed", "panicked", "proud", "rejected",
    "relieved", "resentful", "sad", "scared", "shaken", "shocked", "stressed", "stuck", "terrified",
    "tired", "torn", "trapped", "uneasy", "unhappy", "upset", "useless", "vulnerable", "worn out",
    "worried", "worthless",
)

# Words that mark a disclosure as vulnerable or private (depth 3).
VULNERABLE = (
    "never told", "not told anyone", "ashamed", "secret", "abused", "abuse", "hit me", "raped",
    "assaulted", "suicid", "kill myself", "self-harm", "self harm", "cut myself", "hurt myself",
    "hate myself", "worthless", "affair", "addicted", "relapsed", "cry myself", "can't go on",
)

# What a situation does to someone ("That sounds unsettling."): a feeling named through what
# happened rather than through "you feel".
SITUATIONS = (
    "confusing", "devastating", "disappointing", "discouraging", "distressing", "draining",
    "exhausting", "frightening", "frustrating", "heartbreaking", "humiliating", "hurtful",
    "infuriating", "isolating", "lonely", "overwhelming", "painful", "scary", "stressful",
    "terrifying", "unsettling", "upsetting", "worrying",
)

SITUATION_FEELING = "|".join(sorted(SITUATIONS, key=len, reverse=True))
FEELING = "|".join(sorted(EMOTIONS, key=len, reverse=True))
