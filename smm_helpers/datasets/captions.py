"""Caption and inbox-message texts for the synthetic data, in English and Bengali.

Texts are built once from small templates (no randomness here): the generator then picks
from these pools by index, so even ten million posts need no per-row Python work.

>>> pool = caption_pool("nonprofit", "fundraising", "en")
>>> len(pool) > 10, len(set(pool)) == len(pool)
(True, True)
>>> any("৳" in text for text in caption_pool("nonprofit", "fundraising", "bn"))
True
>>> caption_pool("nonprofit", "recipes", "en")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'recipes' is not a pillar of the nonprofit SMM Lab knows.
How to fix it: use one of: impact stories, volunteer calls, fundraising, literacy tips, events.
"""

from __future__ import annotations

from functools import cache
from itertools import product

from smm_helpers.datasets.clients import client_profile
from smm_helpers.errors import unknown_choice
from smm_helpers.schema import LANGUAGES, MESSAGE_CATEGORIES

# {x} is filled from FILLS[(client, language)]["x"]; every combination makes one caption.
_CAPTIONS: dict[tuple[str, str, str], tuple[str, ...]] = {
    # ---- nonprofit, English
    ("nonprofit", "impact stories", "en"): (
        "Meet {child}: six months ago she could not read a word. Today she reads to her little "
        "brother every night. #AloReads",
        "{child} finished her first storybook in our {area} circle this week. This is what your "
        "support does. #AloReads #Literacy",
        "From the {area} reading circle: {child} now helps her mother read the bus signs. "
        "#EveryChildReads",
    ),
    ("nonprofit", "volunteer calls", "en"): (
        "We need reading buddies in {area}! Two hours a week on {day}s changes a child's year. "
        "Sign up via the link in bio. #Volunteer",
        "Can you spare a {day} afternoon? Our {area} circle is looking for volunteers who love "
        "stories. #VolunteerDhaka",
        "Volunteer training this {day} in {area}. No experience needed, just patience and a "
        "smile. #AloReads",
    ),
    ("nonprofit", "fundraising", "en"): (
        "৳{amount} buys a set of picture books for one child in {area}. Donate today. "
        "#GiveLiteracy",
        "Help us open a new reading circle in {area}: every ৳{amount} counts. Link in bio. "
        "#AloReads",
        "This month's goal: books for 200 children. ৳{amount} covers one. Thank you, {area}! "
        "#GiveLiteracy",
    ),
    ("nonprofit", "literacy tips", "en"): (
        "Tip for parents: read aloud for {minutes} minutes a day and ask one question about the "
        "story. #ReadingTips",
        "Let children choose the book. {minutes} minutes of a story they love beats an hour of "
        "one they don't. #ReadingTips",
        "Point at the words as you read: it helps new readers connect sounds and letters. "
        "Try it for {minutes} minutes tonight. #Literacy",
    ),
    ("nonprofit", "events", "en"): (
        "Story hour this {day} at our {area} centre, 4 pm. Bring the whole family! #AloEvents",
        "Book fair in {area} this {day}: swap a book, take a book. #AloEvents #Dhaka",
        "Join our open day in {area} on {day}: meet the children, the volunteers and the books. "
        "#AloReads",
    ),
    # ---- nonprofit, Bengali
    ("nonprofit", "impact stories", "bn"): (
        "ছয় মাস আগে {child} একটি শব্দও পড়তে পারত না। আজ সে প্রতি রাতে ছোট ভাইকে গল্প পড়ে শোনায়। "
        "#আলো_পাঠচক্র",
        "{area} পাঠচক্রে {child} এই সপ্তাহে তার প্রথম গল্পের বই শেষ করেছে। আপনার সহায়তায় এটা সম্ভব "
        "হয়েছে।",
        "{area} থেকে সুখবর: {child} এখন মাকে বাসের সাইনবোর্ড পড়ে শোনায়। #সবাই_পড়বে",
    ),
    ("nonprofit", "volunteer calls", "bn"): (
        "{area}-এ আমাদের পড়ার সাথি দরকার! সপ্তাহে মাত্র দুই ঘণ্টা, প্রতি {day}। "
        "যোগ দিতে বায়োর লিংকে ক্লিক করুন।",
        "{day} বিকেলে একটু সময় দিতে পারবেন? {area} পাঠচক্রে গল্পপ্রেমী স্বেচ্ছাসেবক খুঁজছি। "
        "#স্বেচ্ছাসেবক",
        "এই {day} {area}-এ স্বেচ্ছাসেবক প্রশিক্ষণ। অভিজ্ঞতা লাগবে না, লাগবে ধৈর্য আর হাসি।",
    ),
    ("nonprofit", "fundraising", "bn"): (
        "৳{amount} দিয়ে {area}-এর একটি শিশুর জন্য ছবির বইয়ের সেট কেনা যায়। আজই দান করুন।",
        "{area}-এ নতুন পাঠচক্র খুলতে সাহায্য করুন: প্রতিটি ৳{amount} গুরুত্বপূর্ণ। #আলো_পাঠচক্র",
        "এ মাসের লক্ষ্য: ২০০ শিশুর হাতে বই। ৳{amount}-এ একজনের বই হয়ে যায়। ধন্যবাদ, {area}!",
    ),
    ("nonprofit", "literacy tips", "bn"): (
        "অভিভাবকদের জন্য পরামর্শ: প্রতিদিন {minutes} মিনিট জোরে গল্প পড়ুন, তারপর গল্প নিয়ে একটি প্রশ্ন "
        "করুন।",
        "বই বাছাই করতে দিন শিশুকেই। পছন্দের গল্পে {minutes} মিনিট অনেক বেশি কাজের। #পড়ার_টিপস",
        "পড়ার সময় আঙুল দিয়ে শব্দ দেখান: নতুন পাঠক অক্ষর আর ধ্বনি মেলাতে শেখে। আজ রাতে {minutes} "
        "মিনিট চেষ্টা করুন।",
    ),
    ("nonprofit", "events", "bn"): (
        "এই {day} বিকেল ৪টায় {area} কেন্দ্রে গল্পের আসর। পরিবারের সবাইকে নিয়ে আসুন!",
        "এই {day} {area}-এ বই মেলা: একটি বই দিন, একটি বই নিন। #আলো_পাঠচক্র",
        "{day} {area}-এ আমাদের খোলা দিবসে আসুন: শিশু, স্বেচ্ছাসেবক আর বইয়ের সাথে দেখা করুন।",
    ),
    # ---- business, English
    ("business", "products", "en"): (
        "New in: hand-stitched {item}, made in {area}. Each one is unique. DM to order. "
        "#NakshiGhor",
        "Our {item} is back in stock: ৳{price}, natural dyes, made to last. #Handmade #Dhaka",
        "Meet the {item}: ৳{price}, stitched by artisans in {area}. #NakshiGhor #MadeInBangladesh",
    ),
    ("business", "behind the scenes", "en"): (
        "A {item} takes {days} days to stitch. Here is how our artisans in {area} do it. "
        "#BehindTheScenes",
        "Morning at the workshop in {area}: dyeing thread for the next {item}. #Handmade",
        "Every {item} passes through five pairs of hands over {days} days. Meet the team! "
        "#NakshiGhor",
    ),
    ("business", "customer stories", "en"): (
        "\"My {item} is the first thing guests ask about.\" Thank you, {customer}! "
        "#HappyCustomer",
        "{customer} gifted our {item} to her mother in {area}. Stories like this make our day. "
        "#NakshiGhor",
        "Three years on, {customer}'s {item} still looks new. Tag us in your photos! "
        "#HappyCustomer",
    ),
    ("business", "offers", "en"): (
        "This week only: {percent}% off every {item}. Free delivery inside Dhaka. #Offer",
        "Weekend deal: buy a {item}, get {percent}% off the second. Shop via the link. "
        "#NakshiGhor",
        "Festival offer: {percent}% off {item}s until {day}. #Offer #Handmade",
    ),
    ("business", "tips", "en"): (
        "Care tip: wash your {item} in cold water and dry it in the shade. It will last for "
        "years. #CareTips",
        "How to spot a real handmade {item}: look at the back, the stitches are never perfect. "
        "#Handmade",
        "Styling tip: a {item} brightens a plain room in {days} minutes. #HomeDecor",
    ),
    # ---- business, Bengali
    ("business", "products", "bn"): (
        "নতুন এসেছে: {area}-এ হাতে সেলাই করা {item}। প্রতিটি আলাদা। অর্ডার করতে ইনবক্স করুন।",
        "আমাদের {item} আবার পাওয়া যাচ্ছে: ৳{price}, প্রাকৃতিক রঙ, টেকসই। #নকশী_ঘর",
        "দেখুন আমাদের {item}: ৳{price}, {area}-এর কারিগরদের হাতে তৈরি। #বাংলাদেশে_তৈরি",
    ),
    ("business", "behind the scenes", "bn"): (
        "একটি {item} সেলাই করতে {days} দিন লাগে। দেখুন {area}-এর কারিগররা কীভাবে কাজ করেন।",
        "{area}-এর কর্মশালায় সকাল: পরের {item}টির জন্য সুতা রাঙানো হচ্ছে। #হাতে_তৈরি",
        "প্রতিটি {item} {days} দিনে পাঁচ জোড়া হাত ঘুরে আসে। আমাদের দলের সাথে পরিচিত হোন!",
    ),
    ("business", "customer stories", "bn"): (
        "\"অতিথিরা সবার আগে আমার {item}টির কথাই জিজ্ঞেস করেন।\" ধন্যবাদ, {customer}!",
        "{customer} {area}-এ তাঁর মাকে আমাদের {item} উপহার দিয়েছেন। এমন গল্পই আমাদের অনুপ্রেরণা।",
        "তিন বছর পরও {customer}-এর {item} নতুনের মতো। আপনার ছবিতে আমাদের ট্যাগ করুন!",
    ),
    ("business", "offers", "bn"): (
        "শুধু এই সপ্তাহে: সব {item}-এ {percent}% ছাড়। ঢাকার ভেতরে ফ্রি ডেলিভারি। #অফার",
        "সাপ্তাহিক অফার: একটি {item} কিনলে দ্বিতীয়টিতে {percent}% ছাড়। #নকশী_ঘর",
        "উৎসবের অফার: {day} পর্যন্ত {item}-এ {percent}% ছাড়। #অফার",
    ),
    ("business", "tips", "bn"): (
        "যত্নের টিপস: {item} ঠান্ডা পানিতে ধুয়ে ছায়ায় শুকান। বহু বছর টিকবে।",
        "আসল হাতে তৈরি {item} চিনবেন কীভাবে? উল্টো দিকটা দেখুন, সেলাই কখনো নিখুঁত হয় না।",
        "সাজের টিপস: একটি {item} {days} মিনিটে সাদামাটা ঘর উজ্জ্বল করে তোলে। #ঘর_সাজানো",
    ),
}

_FILLS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("nonprofit", "en"): {
        "child": ("Rumana", "Tania", "Mitu", "Shapla"),
        "area": ("Mirpur", "Korail", "Kamrangirchar", "Mohammadpur"),
        "day": ("Sunday", "Tuesday", "Thursday"),
        "amount": ("500", "1,000", "2,000"),
        "minutes": ("10", "15", "20"),
    },
    ("nonprofit", "bn"): {
        "child": ("রুমানা", "তানিয়া", "মিতু", "শাপলা"),
        "area": ("মিরপুর", "কড়াইল", "কামরাঙ্গীরচর", "মোহাম্মদপুর"),
        "day": ("রবিবার", "মঙ্গলবার", "বৃহস্পতিবার"),
        "amount": ("৫০০", "১,০০০", "২,০০০"),
        "minutes": ("১০", "১৫", "২০"),
    },
    ("business", "en"): {
        "item": ("nakshi kantha", "jute bag", "clay vase", "cushion cover"),
        "area": ("Jamalpur", "Old Dhaka", "Rajshahi", "Dhamrai"),
        "price": ("850", "1,450", "2,900"),
        "days": ("3", "10", "21"),
        "customer": ("Farzana", "Nusrat", "Ayesha"),
        "percent": ("10", "15", "20"),
        "day": ("Thursday", "Saturday", "the end of the month"),
    },
    ("business", "bn"): {
        "item": ("নকশী কাঁথা", "পাটের ব্যাগ", "মাটির ফুলদানি", "কুশন কভার"),
        "area": ("জামালপুর", "পুরান ঢাকা", "রাজশাহী", "ধামরাই"),
        "price": ("৮৫০", "১,৪৫০", "২,৯০০"),
        "days": ("৩", "১০", "২১"),
        "customer": ("ফারজানা", "নুসরাত", "আয়েশা"),
        "percent": ("১০", "১৫", "২০"),
        "day": ("বৃহস্পতিবার", "শনিবার", "মাসের শেষ"),
    },
}

_SPECIAL_DAY_CAPTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("nonprofit", "en"): (
        "On International Mother Language Day we read in Bangla, the language people gave "
        "their lives for. #21February #AmarEkusheFebruary",
        "Happy Independence Day! A free country deserves children who can read. "
        "#IndependenceDay #AloReads",
        "Shubho Noboborsho! Start the new year with a new book. #PohelaBoishakh #AloReads",
        "On Victory Day we remember, and we read. #VictoryDay #16December",
    ),
    ("nonprofit", "bn"): (
        "আন্তর্জাতিক মাতৃভাষা দিবসে আমরা বাংলায় পড়ি, যে ভাষার জন্য মানুষ প্রাণ দিয়েছে। "
        "#অমর_একুশে",
        "স্বাধীনতা দিবসের শুভেচ্ছা! স্বাধীন দেশের প্রতিটি শিশু পড়তে শিখুক। #স্বাধীনতা_দিবস",
        "শুভ নববর্ষ! নতুন বছর শুরু হোক নতুন বইয়ে। #পহেলা_বৈশাখ",
        "বিজয় দিবসে আমরা স্মরণ করি, আর পড়ি। #বিজয়_দিবস",
    ),
    ("business", "en"): (
        "Amar Ekushe: our Ekushe kantha, stitched with the Bangla alphabet. #21February",
        "Happy Independence Day from all of us at Nakshi Ghor! #IndependenceDay #MadeInBangladesh",
        "Shubho Noboborsho! Our red-and-white Boishakh collection is here. #PohelaBoishakh",
        "Victory Day: 16% off everything green and red, today only. #VictoryDay",
    ),
    ("business", "bn"): (
        "অমর একুশে: বাংলা বর্ণমালায় সেলাই করা আমাদের একুশের কাঁথা। #অমর_একুশে",
        "নকশী ঘরের পক্ষ থেকে স্বাধীনতা দিবসের শুভেচ্ছা! #স্বাধীনতা_দিবস",
        "শুভ নববর্ষ! এসে গেছে আমাদের লাল-সাদা বৈশাখী কালেকশন। #পহেলা_বৈশাখ",
        "বিজয় দিবসে সব লাল-সবুজ পণ্যে ১৬% ছাড়, শুধু আজ। #বিজয়_দিবস",
    ),
}
"""One caption per special day, in ``calibration.SPECIAL_DAYS`` order."""

_MESSAGES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("nonprofit", "en"): {
        "question": ("How can I volunteer at the {area} circle?",
                     "Do you accept donations by bKash?",
                     "What age groups do your reading circles take?",
                     "Is the story hour in {area} open to everyone?"),
        "complaint": ("I signed up to volunteer two weeks ago and nobody called me back.",
                      "The donation link in your bio is broken.",
                      "The {area} event started an hour late."),
        "praise": ("My daughter loves the {area} reading circle. Thank you!",
                   "What you do for the children of {area} is wonderful.",
                   "Great event today, well organised!"),
        "spam": ("Get 10k followers in 24 hours!!! Cheap price, DM now",
                 "Congratulations, you won a prize, click here to claim",
                 "Earn $500 a day from home, message me"),
        "other": ("Can I share your post on our school page?",
                  "Hello", "Are you hiring?"),
    },
    ("nonprofit", "bn"): {
        "question": ("{area} পাঠচক্রে কীভাবে স্বেচ্ছাসেবক হতে পারি?",
                     "বিকাশে দান করা যায়?",
                     "কোন বয়সের শিশুরা পাঠচক্রে আসতে পারে?",
                     "{area}-এর গল্পের আসরে কি সবাই আসতে পারবে?"),
        "complaint": ("দুই সপ্তাহ আগে নাম দিয়েছি, কেউ যোগাযোগ করেনি।",
                      "বায়োর দানের লিংকটা কাজ করছে না।",
                      "{area}-এর অনুষ্ঠান এক ঘণ্টা দেরিতে শুরু হয়েছে।"),
        "praise": ("আমার মেয়ে {area} পাঠচক্র খুব ভালোবাসে। ধন্যবাদ!",
                   "{area}-এর শিশুদের জন্য আপনারা অসাধারণ কাজ করছেন।",
                   "আজকের অনুষ্ঠান চমৎকার ছিল!"),
        "spam": ("২৪ ঘণ্টায় ১০ হাজার ফলোয়ার! সস্তায়, এখনই ইনবক্স করুন",
                 "অভিনন্দন, আপনি পুরস্কার জিতেছেন, এখানে ক্লিক করুন",
                 "ঘরে বসে দিনে ৫০০ ডলার আয় করুন"),
        "other": ("আপনাদের পোস্ট আমাদের স্কুলের পেজে শেয়ার করতে পারি?",
                  "হ্যালো", "আপনারা কি লোক নিচ্ছেন?"),
    },
    ("business", "en"): {
        "question": ("How much is the {item}?", "Do you deliver outside Dhaka?",
                     "Is the {item} available in blue?", "Can I pay cash on delivery?"),
        "complaint": ("My {item} arrived damaged.", "I ordered a week ago and it has not come.",
                      "The colour of the {item} is not like the photo."),
        "praise": ("The {item} is beautiful, thank you!", "Fast delivery, great quality.",
                   "Bought a {item} for my mother, she loves it."),
        "spam": ("Get 10k followers in 24 hours!!! Cheap price, DM now",
                 "Your page will be disabled, verify here",
                 "Earn $500 a day from home, message me"),
        "other": ("Do you sell wholesale?", "Hi", "Can we collaborate?"),
    },
    ("business", "bn"): {
        "question": ("{item}টির দাম কত?", "ঢাকার বাইরে ডেলিভারি দেন?",
                     "{item} কি নীল রঙে পাওয়া যাবে?", "ক্যাশ অন ডেলিভারি আছে?"),
        "complaint": ("আমার {item} ভাঙা অবস্থায় এসেছে।", "এক সপ্তাহ আগে অর্ডার দিয়েছি, এখনো পাইনি।",
                      "{item}টির রঙ ছবির মতো না।"),
        "praise": ("{item}টা খুব সুন্দর, ধন্যবাদ!", "দ্রুত ডেলিভারি, দারুণ মান।",
                   "মায়ের জন্য {item} কিনেছি, উনি খুব খুশি।"),
        "spam": ("২৪ ঘণ্টায় ১০ হাজার ফলোয়ার! সস্তায়, এখনই ইনবক্স করুন",
                 "আপনার পেজ বন্ধ হয়ে যাবে, এখানে যাচাই করুন",
                 "ঘরে বসে দিনে ৫০০ ডলার আয় করুন"),
        "other": ("পাইকারি বিক্রি করেন?", "হাই", "একসাথে কাজ করা যায়?"),
    },
}


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise unknown_choice("language", language, LANGUAGES)


def _expand(templates: tuple[str, ...], fills: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every template with every combination of the fill-ins it uses, without repeats."""
    texts: dict[str, None] = {}
    for template in templates:
        slots = [name for name in fills if "{" + name + "}" in template]
        for values in product(*(fills[name] for name in slots)):
            texts[template.format(**dict(zip(slots, values, strict=True)))] = None
    return tuple(texts)


@cache
def caption_pool(client: str, pillar: str, language: str) -> tuple[str, ...]:
    """All captions the generator may use for one client, pillar and language.

    >>> caption_pool("business", "offers", "en")[0]
    'This week only: 10% off every nakshi kantha. Free delivery inside Dhaka. #Offer'
    >>> caption_pool("business", "offers", "fr")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'fr' is not a language SMM Lab knows.
    How to fix it: use one of: en, bn.
    """
    profile = client_profile(client)
    _check_language(language)
    if pillar not in profile.pillars:
        raise unknown_choice(f"pillar of the {client}", pillar, profile.pillars)
    return _expand(_CAPTIONS[(client, pillar, language)], _FILLS[(client, language)])


def special_day_captions(client: str, language: str) -> tuple[str, ...]:
    """One caption per special day (``calibration.SPECIAL_DAYS`` order), for a client.

    >>> special_day_captions("nonprofit", "en")[2]
    'Shubho Noboborsho! Start the new year with a new book. #PohelaBoishakh #AloReads'
    >>> special_day_captions("nonprofit", "de")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'de' is not a language SMM Lab knows.
    How to fix it: use one of: en, bn.
    """
    client_profile(client)
    _check_language(language)
    return _SPECIAL_DAY_CAPTIONS[(client, language)]


@cache
def message_pool(client: str, category: str, language: str) -> tuple[str, ...]:
    """All inbox messages the generator may use for one client, category and language.

    >>> message_pool("business", "question", "en")[:2]
    ('How much is the nakshi kantha?', 'How much is the jute bag?')
    >>> message_pool("business", "rant", "en")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'rant' is not a message category SMM Lab knows.
    How to fix it: use one of: question, complaint, praise, spam, other.
    """
    client_profile(client)
    _check_language(language)
    if category not in MESSAGE_CATEGORIES:
        raise unknown_choice("message category", category, MESSAGE_CATEGORIES)
    fills = _FILLS[(client, language)]
    return _expand(_MESSAGES[(client, language)][category], fills)
