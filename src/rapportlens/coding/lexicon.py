"""Word lists the rules share. Written by the project."""

# Emotion words: used to tell a reflection of feeling, and a disclosure of feeling.
EMOTIONS = (
    "afraid", "alone", "angry", "anxious", "ashamed", "betrayed", "bitter", "broken", "confused",
    "crushed", "depressed", "desperate", "devastated", "disappointed", "discouraged", "disgusted",
    "down", "drained", "embarrassed", "empty", "exhausted", "fed up", "foolish", "frightened", "frustrated",
    "furious", "glad", "grief", "guilty", "happy", "heartbroken", "helpless", "hopeful", "hopeless", "humiliated",
    "hurt", "insecure", "irritated", "isolated", "jealous", "let down", "lonely", "lost", "low",
    "mad", "miserable", "nervous", "numb", "overwhelmed", "panicked", "proud", "rejected",
    "relieved", "resentful", "sad", "scared", "shaken", "shocked", "stressed", "stuck", "stupid", "terrified",
    "tired", "torn", "trapped", "uneasy", "unhappy", "unloved", "unwanted", "upset", "useless", "vulnerable", "worn out",
    "worried", "worthless",
)

# Words that mark a disclosure as vulnerable or private (depth 3).
VULNERABLE = (
    "never told", "not told anyone", "haven't told anyone", "havent told anyone", "told no one",
    "told nobody", "ashamed", "secret", "abused", "abuse", "hit me", "raped",
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

# Sensitive subjects a practitioner should let the client open (SPEC section 6, "deep probing
# early"): asking about them before the client has, early in a session, rushes the relationship.
DEEP_SUBJECTS = {
    "childhood": r"childhood|growing up|grew up|upbringing|raised (you|me)|as a (kid|child)|"
                 r"when (you|i|we) (were|was) (a )?(kid|child|little|young)",
    "abuse or trauma": r"abused|abusive|abuser|(sexual|physical|emotional|child) abuse|any abuse|traum\w*|molest\w*|"
                       r"raped?|assault(ed)?|(hit|beat) (you|me)",
    "sexuality": r"sex life|sexual\w*|intimacy|intimate|in bed",
    "shame or secrets": r"ashamed|shame\w*|embarr?ass\w*|humiliat\w*|secrets?|never told",
    "loss": r"died|death|grie(f|ving|ve)|miscarr\w*|funeral|pass(ed|es|ing)? away|passed on|(he|she|they) passed|"
            r"lost (my|our|his|her|your) (mum|mom|mother|dad|father|husband|wife|son|daughter|baby|child|brother|"
            r"sister|partner|aunt|uncle|grandma|grandmother|grandfather|grandpa|granny|cousin|friend|best friend|"
            r"boyfriend|girlfriend|fianc\w*|dog|cat|pet)",
    "what lies beneath": r"deepest|deep down|underneath|at the root|the real reason|really going on|"
                         r"worst (memory|moment|fear)",
}
