"""Caption and inbox-message texts for the synthetic data, in English and Bengali.

Texts are built once from small templates (no randomness here): the generator then picks
from these pools by index, so even ten million posts need no per-row Python work.
Inbox messages are built from parts (greeting, body, detail, sign-off) the way people
write them, in English, Bengali and Banglish (Bengali typed in Latin letters).  Bengali
case endings are attached as a Bangladeshi writer would (``bn_case``: মিরপুরে, ঢাকায়,
রাজশাহীতে), and every text is in Unicode NFC.

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

import unicodedata
from functools import cache
from itertools import product

from smm_helpers.datasets.clients import client_profile
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.schema import LANGUAGES, MESSAGE_CATEGORIES

# {x} is filled from _FILLS[(client, language)]["x"]; every combination makes one caption.
# In Bengali, {x_loc} and {x_gen} are the same word with its locative (-এ/-য়/-তে: "in x") or
# genitive (-এর/-র: "of x") ending attached, as a Bangladeshi writer spells it (``bn_case``).
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
        "{area_loc} আমাদের পড়ার সাথি দরকার! সপ্তাহে মাত্র দুই ঘণ্টা, প্রতি {day}। "
        "যোগ দিতে বায়োর লিংকে ক্লিক করুন।",
        "{day} বিকেলে একটু সময় দিতে পারবেন? {area} পাঠচক্রে গল্পপ্রেমী স্বেচ্ছাসেবক খুঁজছি। "
        "#স্বেচ্ছাসেবক",
        "এই {day} {area_loc} স্বেচ্ছাসেবকদের প্রশিক্ষণ। অভিজ্ঞতা লাগবে না, লাগবে ধৈর্য আর হাসি।",
    ),
    ("nonprofit", "fundraising", "bn"): (
        "৳{amount} দিয়ে {area_gen} একটি শিশুর জন্য ছবির বইয়ের সেট কেনা যায়। আজই দান করুন।",
        "{area_loc} নতুন পাঠচক্র খুলতে সাহায্য করুন: প্রতিটি ৳{amount} কাজে লাগবে। #আলো_পাঠচক্র",
        "এ মাসের লক্ষ্য: ২০০ শিশুর হাতে বই। {amount} টাকায় একজনের বই হয়ে যায়। ধন্যবাদ, {area}!",
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
        "এই {day} {area_loc} বইমেলা: একটি বই দিন, একটি বই নিন। #আলো_পাঠচক্র",
        "{day} {area_loc} আমাদের কেন্দ্র সবার জন্য খোলা: এসে দেখে যান শিশুদের, স্বেচ্ছাসেবকদের আর "
        "আমাদের বইগুলো।",
    ),
    # ---- business, English
    ("business", "products", "en"): (
        "New in: handmade {item}, made in {area}. Each one is unique. DM to order. "
        "#NakshiGhor",
        "Our {item} is back in stock: ৳{price}, natural materials, made to last. #Handmade #Dhaka",
        "Meet the {item}: ৳{price}, made by artisans in {area}. #NakshiGhor #MadeInBangladesh",
    ),
    ("business", "behind the scenes", "en"): (
        "A {item} takes {days} days to make. Here is how our artisans in {area} do it. "
        "#BehindTheScenes",
        "Morning at the workshop in {area}: the next {item} is taking shape. #Handmade",
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
        "Care tip: keep your {item} out of strong sun and dust it gently. It will last for "
        "years. #CareTips",
        "How to spot a real handmade {item}: look closely, small irregularities are the maker's "
        "mark. #Handmade",
        "Styling tip: a {item} brightens a plain room in {days} minutes. #HomeDecor",
    ),
    # ---- business, Bengali
    ("business", "products", "bn"): (
        "নতুন এসেছে: {area_gen} কারিগরদের হাতে তৈরি {item}। প্রতিটি আলাদা। অর্ডার করতে "
        "ইনবক্স করুন।",
        "আমাদের {item} আবার পাওয়া যাচ্ছে: ৳{price}, প্রাকৃতিক উপকরণে তৈরি, টেকসই। #নকশী_ঘর",
        "দেখুন আমাদের {item}: ৳{price}, {area_gen} কারিগরদের হাতে তৈরি। #বাংলাদেশে_তৈরি",
    ),
    ("business", "behind the scenes", "bn"): (
        "একটি {item} বানাতে {days} দিন লাগে। দেখুন {area_gen} কারিগররা কীভাবে কাজ করেন।",
        "{area_gen} কর্মশালায় সকাল: পরের {item}টি তৈরি হচ্ছে। #হাতে_তৈরি",
        "প্রতিটি {item} {days} দিনে পাঁচ জোড়া হাত ঘুরে আসে। আমাদের দলের সাথে পরিচিত হোন!",
    ),
    ("business", "customer stories", "bn"): (
        "\"অতিথিরা সবার আগে আমার {item}টির কথাই জিজ্ঞেস করেন।\" ধন্যবাদ, {customer}!",
        "{customer} {area_loc} তাঁর মাকে আমাদের {item} উপহার দিয়েছেন। এমন গল্পই আমাদের অনুপ্রেরণা।",
        "তিন বছর পরও {customer_gen} {item} নতুনের মতো। আপনার ছবিতে আমাদের ট্যাগ করুন!",
    ),
    ("business", "offers", "bn"): (
        "শুধু এই সপ্তাহে: সব {item_loc} {percent}% ছাড়। ঢাকার ভেতরে ফ্রি ডেলিভারি। #অফার",
        "সাপ্তাহিক অফার: একটি {item} কিনলে দ্বিতীয়টিতে {percent}% ছাড়। #নকশী_ঘর",
        "উৎসবের অফার: {day} পর্যন্ত {item_loc} {percent}% ছাড়। #অফার",
    ),
    ("business", "tips", "bn"): (
        "যত্নের টিপস: {item} কড়া রোদ থেকে দূরে রাখুন, আলতো করে ধুলো মুছুন। বহু বছর টিকবে।",
        "আসল হাতে তৈরি {item} চিনবেন কীভাবে? কাছ থেকে দেখুন, ছোটখাটো অসমতাই কারিগরের হাতের "
        "ছাপ।",
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

# ---------------------------------------------------------------------------------------
# Inbox messages, composed from parts like real ones: greeting + body + detail + sign-off.
# Each part is a tuple of templates; the generator picks a template, then one of its
# fill-ins, so a template with many fill-ins is not picked more often than a short one.
# Variants: "en" (English), "bn" (Bengali script) and "banglish" (Bengali written in Latin
# letters, as many Bangladeshis type on phones; labelled "bn" in the language column).
# ---------------------------------------------------------------------------------------

MESSAGE_VARIANTS = ("en", "bn", "banglish")
"""How a message is written: English, Bengali in Bengali script, or Banglish (Bengali in
Latin letters).  The inbox's ``language`` column says ``bn`` for both Bengali variants:
the language is Bengali whatever the script (as ``community.detect_language`` decides)."""

MESSAGE_PARTS = ("greeting", "body", "detail", "signoff")
"""The parts a message is built from, in order; any part but the body may be empty."""

_GREETINGS: dict[str, tuple[str, ...]] = {
    "en": ("", "", "", "", "Hi! ", "Hello! ", "Hi there. ", "Assalamu alaikum. ",
           "Good morning! ", "Salam. "),
    "bn": ("", "", "", "", "আসসালামু আলাইকুম। ", "আপু, ", "ভাইয়া, ", "হ্যালো, ", "শুভ সকাল। ",
           "সালাম। "),
    "banglish": ("", "", "", "", "salam ", "Assalamualaikum apu, ", "apu ", "bhaiya, ",
                 "hello vaiya ", "hi apu "),
}

_SIGNOFFS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "question": ("", "", "", " Thanks.", " Thank you!", " Thanks in advance.", " 🙏",
                     " - {name}", " Please reply soon."),
        "complaint": ("", "", "", " - {name}", " Please reply.", " 😡", " Very disappointed.",
                      " Regards, {name}"),
        "praise": ("", "", " ❤️", " 😊", " 👏👏", " - {name}", " Keep it up!"),
        "spam": ("", "", " 💰💰", " 🔥", " Limited offer!!"),
        "other": ("", "", "", " Thanks.", " - {name}", " 🙂"),
    },
    "bn": {
        "question": ("", "", "", " ধন্যবাদ।", " জানালে উপকার হয়।", " 🙏", " - {name}",
                     " তাড়াতাড়ি জানাবেন।"),
        "complaint": ("", "", "", " - {name}", " উত্তর দিন।", " 😡", " খুব হতাশ হলাম।",
                      " দ্রুত ব্যবস্থা নিন।"),
        "praise": ("", "", " ❤️", " 😊", " শুভকামনা রইল।", " - {name}", " এগিয়ে যান!"),
        "spam": ("", "", " 💰💰", " 🔥", " সীমিত অফার!!"),
        "other": ("", "", "", " ধন্যবাদ।", " - {name}", " 🙂"),
    },
    "banglish": {
        "question": ("", "", "", " thanks", " plz janaben", " 🙏", " - {name}",
                     " taratari janaben"),
        "complaint": ("", "", "", " - {name}", " reply den", " 😡", " khub hotash holam",
                      " eta ki thik?"),
        "praise": ("", "", " ❤️", " 😊", " onek shuvokamona", " - {name}", " egiye jan!"),
        "spam": ("", "", " 💰💰", " 🔥", " limited offer!!"),
        "other": ("", "", "", " thanks", " - {name}", " 🙂"),
    },
}

_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("Rafiq", "Nadia", "Tanvir", "Sumaiya", "Arif", "Mehnaz", "Shuvo", "Farhana"),
    "bn": ("রফিক", "নাদিয়া", "তানভীর", "সুমাইয়া", "আরিফ", "মেহনাজ", "শুভ", "ফারহানা"),
    "banglish": ("Rafiq", "Nadia", "Tanvir", "Sumaiya", "Arif", "Mehnaz", "Shuvo", "Farhana"),
}

_SPAM_FILLS: dict[str, tuple[str, ...]] = {
    "k": ("5", "10", "20", "50"),
    "usd": ("300", "500", "1000"),
    "link": ("bit.ly/3xK9aQ", "tinyurl.com/fb-verify", "meta-support-check.xyz",
             "bit.ly/free-gift-bd"),
}

_MESSAGE_FILLS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("nonprofit", "en"): {
        "area": ("Mirpur", "Korail", "Kamrangirchar", "Mohammadpur", "Rayer Bazar"),
        "wallet": ("bKash", "Nagad", "Rocket", "card"),
        "relative": ("daughter", "son", "niece", "little brother"),
        "adult": ("mother", "aunt", "neighbour"),
        "age": ("6", "8", "11"),
        "amount": ("500", "1,000", "2,000", "5,000"),
        "count": ("20", "35", "60"),
        "weeks": ("two", "three"),
        "day": ("Sunday", "Tuesday", "Thursday"),
        "hours": ("2", "3", "4"),
    },
    ("nonprofit", "bn"): {
        "area": ("মিরপুর", "কড়াইল", "কামরাঙ্গীরচর", "মোহাম্মদপুর", "রায়েরবাজার"),
        "wallet": ("বিকাশ", "নগদ", "রকেট"),
        "relative": ("মেয়ে", "ছেলে", "ভাগ্নি", "ছোট ভাই"),
        "adult": ("মা", "খালা", "শাশুড়ি"),
        "age": ("৬", "৮", "১১"),
        "amount": ("৫০০", "১,০০০", "২,০০০", "৫,০০০"),
        "count": ("২০", "৩৫", "৬০"),
        "weeks": ("দুই", "তিন"),
        "day": ("রবিবার", "মঙ্গলবার", "বৃহস্পতিবার"),
    },
    ("nonprofit", "banglish"): {
        "area": ("Mirpur", "Korail", "Kamrangirchar", "Mohammadpur", "Rayer Bazar"),
        "wallet": ("bkash", "nagad", "rocket"),
        "relative": ("meye", "chele", "bhagni", "choto bhai"),
        "age": ("6", "8", "11"),
        "amount": ("500", "1000", "2000"),
        "count": ("20", "35", "60"),
        "weeks": ("2", "3"),
        "day": ("robibar", "mongolbar", "brihospotibar"),
    },
    ("business", "en"): {
        "item": ("nakshi kantha", "jute bag", "clay vase", "cushion cover", "jute table mat"),
        "city": ("Chittagong", "Sylhet", "Khulna", "Rajshahi", "Cumilla"),
        "area": ("Dhanmondi", "Mirpur", "Uttara", "Gulshan", "Bashundhara"),
        "colour": ("blue", "red", "green", "mustard yellow"),
        "relative": ("mother", "sister", "mother-in-law"),
        "price": ("850", "1,450", "2,900"),
        "fee": ("60", "100", "150"),
        "days": ("5", "7", "10"),
        "qty": ("10", "25", "40"),
        "abroad": ("Toronto", "London", "Kuala Lumpur"),
    },
    ("business", "bn"): {
        "item": ("নকশী কাঁথা", "পাটের ব্যাগ", "মাটির ফুলদানি", "কুশন কভার", "পাটের টেবিল ম্যাট"),
        "city": ("চট্টগ্রাম", "সিলেট", "খুলনা", "রাজশাহী", "কুমিল্লা"),
        "area": ("ধানমন্ডি", "মিরপুর", "উত্তরা", "গুলশান", "বসুন্ধরা"),
        "colour": ("নীল", "লাল", "সবুজ", "হলুদ"),
        "relative": ("মা", "বোন", "শাশুড়ি"),
        "price": ("৮৫০", "১,৪৫০", "২,৯০০"),
        "fee": ("৬০", "১০০", "১৫০"),
        "days": ("৫", "৭", "১০"),
        "qty": ("১০", "২৫", "৪০"),
    },
    ("business", "banglish"): {
        "item": ("nakshi kantha", "jute bag", "matir fuldani", "cushion cover", "table mat"),
        "city": ("Chittagong", "Sylhet", "Khulna", "Rajshahi", "Cumilla"),
        "colour": ("blue", "lal", "sobuj", "holud"),
        "price": ("850", "1450", "2900"),
        "fee": ("60", "100", "150"),
        "days": ("5", "7", "10"),
        "qty": ("10", "25", "40"),
    },
}

_BODIES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("nonprofit", "en"): {
        "question": (
            "How can I volunteer at the {area} circle?",
            "Do you accept donations by {wallet}?",
            "What age groups do your reading circles take? My {relative} is {age}.",
            "Is the story hour in {area} open to everyone?",
            "When does the next volunteer training start?",
            "Can I donate books instead of money? I have about {count} storybooks.",
            "Is there a reading circle near {area}? Which days?",
            "Can I volunteer on {day}s only? I have {hours} hours a week.",
            "How do I get a receipt for my ৳{amount} donation?",
            "Can adults join too? My {adult} never learned to read.",
        ),
        "complaint": (
            "I signed up to volunteer {weeks} weeks ago and nobody called me back.",
            "The donation link in your bio is broken.",
            "The {area} event started an hour late and nobody told us.",
            "I sent ৳{amount} by {wallet} and never received a receipt.",
            "My {relative} was turned away from the {area} circle. Very disappointing.",
            "Your page posted the wrong date for the {area} book fair, we came for nothing.",
            "Please remove the photo of my {relative} from your page. We never gave "
            "permission.",
            "You posted a video of my {relative} without asking us. Take it down.",
        ),
        "praise": (
            "My {relative} loves the {area} reading circle. Thank you!",
            "What you do for the children of {area} is wonderful.",
            "Great event today, well organised!",
            "My {relative} read a whole page to me last night. Thank you, Alo!",
            "Proud to be one of your volunteers.",
            "The volunteers in {area} are so patient with the kids. Thank you.",
            "Lovely story hour on {day}, my kids enjoyed every minute.",
        ),
        "spam": (
            "Get {k}k followers in 24 hours!!! Cheap price, DM now",
            "Congratulations, you won a prize, click here to claim {link}",
            "Earn ${usd} a day from home, message me",
            "Your page will be disabled, verify here {link}",
            "Promote your page to {k}k real people, cheap followers, DM me",
        ),
        "other": (
            "Can I share your post on our school page?",
            "Is this the official page of Alo Reading Circle?",
            "Are you hiring?",
            "Eid Mubarak to the whole Alo team!",
            "I run a small library in {area}. Can we meet some time?",
            "Someone is collecting donations in your name on another page. Is that you?",
            "A man keeps commenting on the photos of the children in {area}. Please check.",
        ),
    },
    ("nonprofit", "bn"): {
        "question": (
            "{area_gen} পাঠচক্রে কীভাবে স্বেচ্ছাসেবক হতে পারি?",
            "{wallet_loc} দান করা যায়?",
            "কোন বয়সের শিশুরা পাঠচক্রে আসতে পারে? আমার {relative_gen} বয়স {age}।",
            "{area_gen} গল্পের আসরে কি সবাই আসতে পারবে?",
            "পরের স্বেচ্ছাসেবক প্রশিক্ষণ কবে?",
            "টাকার বদলে বই দান করা যায়? আমার কাছে {count}টা গল্পের বই আছে।",
            "{area_gen} কাছে কোনো পাঠচক্র আছে? কোন কোন দিন?",
            "৳{amount} দানের রসিদ কীভাবে পাব?",
            "বড়রাও কি যোগ দিতে পারবেন? আমার {adult} পড়তে পারেন না।",
        ),
        "complaint": (
            "{weeks} সপ্তাহ আগে নাম দিয়েছি, কেউ যোগাযোগ করেনি।",
            "বায়োর দানের লিংকটা কাজ করছে না।",
            "{area_gen} অনুষ্ঠান এক ঘণ্টা দেরিতে শুরু হয়েছে, কেউ জানায়নি।",
            "{wallet_loc} ৳{amount} পাঠিয়েছি, কোনো রসিদ পাইনি।",
            "জায়গা নেই বলে {area_gen} পাঠচক্র থেকে আমার {relative_obj} ফিরিয়ে দেওয়া হয়েছে। "
            "খুব খারাপ লাগল।",
            "আমার {relative_gen} ছবি আপনাদের পেজ থেকে সরিয়ে দিন। আমরা অনুমতি দিইনি।",
            "অনুমতি ছাড়া আমার {relative_gen} ভিডিও পোস্ট করেছেন কেন? এখনই সরান।",
        ),
        "praise": (
            "আমার {relative} {area_gen} পাঠচক্র খুব ভালোবাসে। ধন্যবাদ!",
            "{area_gen} শিশুদের জন্য আপনারা অসাধারণ কাজ করছেন।",
            "আজকের অনুষ্ঠান চমৎকার ছিল!",
            "কাল রাতে আমার {relative} পুরো এক পাতা পড়ে শুনিয়েছে। অনেক ধন্যবাদ, আলো!",
            "আপনাদের স্বেচ্ছাসেবক হতে পেরে আমি গর্বিত।",
            "{area_gen} স্বেচ্ছাসেবকেরা খুব ধৈর্য নিয়ে পড়ান। ধন্যবাদ।",
        ),
        "spam": (
            "২৪ ঘণ্টায় ১০ হাজার ফলোয়ার! সস্তায়, এখনই ইনবক্স করুন",
            "অভিনন্দন, আপনি পুরস্কার জিতেছেন, এখানে ক্লিক করুন {link}",
            "ঘরে বসে দিনে ৫০০ ডলার আয় করুন",
            "আপনার পেজ বন্ধ হয়ে যাবে, এখানে যাচাই করুন {link}",
        ),
        "other": (
            "আপনাদের পোস্ট আমাদের স্কুলের পেজে শেয়ার করতে পারি?",
            "আপনারা কি লোক নিচ্ছেন?",
            "ঈদ মোবারক, আলো পাঠচক্রের সবাইকে!",
            "এটা কি আলো পাঠচক্রের আসল পেজ?",
            "আপনাদের নাম করে অন্য একটা পেজ টাকা তুলছে। ওটা কি আপনাদের?",
            "{area_loc} আমার একটা ছোট লাইব্রেরি আছে। একদিন দেখা করা যায়?",
        ),
    },
    ("nonprofit", "banglish"): {
        "question": (
            "{area} er pathchokre kivabe volunteer hote pari?",
            "{wallet} e donate kora jay?",
            "kon boyosher bacchara ashte pare? amar {relative} er boyos {age}",
            "{area} er golper asor e ki sobai ashte parbe?",
            "porer volunteer training kobe?",
            "taka na diye boi donate kora jabe? amar kache {count} ta golper boi ache",
            "{area} er kache kono pathchokro ache? kon kon din?",
            "{amount} taka donate korsi, receipt kivabe pabo?",
        ),
        "complaint": (
            "{weeks} soptaho age nam disi, keu jogajog kore nai",
            "bio te donation link ta kaj kortese na",
            "{area} er program ek ghonta deri te shuru hoise, keu janay nai",
            "{wallet} e {amount} taka pathaisi, kono receipt pai nai",
            "amar {relative} er chobi apnader page theke soriye din, amra permission dei nai",
            "onumoti chara amar {relative} er video post korsen keno? ekhoni remove koren",
        ),
        "praise": (
            "amar {relative} {area} er pathchokro khub valobashe. thank you!",
            "{area} er bacchader jonno apnara osadharon kaj korchen",
            "ajker program ta onek valo chilo!",
            "onek dhonnobad, amar {relative} ekhon nije nije boi pore",
        ),
        "spam": (
            "24 ghontay 10k follower! kom dame, ekhon inbox koren",
            "abhinandon! apni prize jitsen, ekhane click koren {link}",
            "ghore bose dine 500 dollar income koren",
        ),
        "other": (
            "apnader post ta amader school er page e share korte pari?",
            "apnara ki lok nichen?",
            "Eid Mubarak Alo team!",
            "eta ki Alo Reading Circle er official page?",
        ),
    },
    ("business", "en"): {
        "question": (
            "How much is the {item}?",
            "Do you deliver to {city}? How many days?",
            "Is the {item} available in {colour}?",
            "Can I pay cash on delivery?",
            "What are the measurements of the {item}?",
            "Do you have a shop I can visit in {area}?",
            "Can you gift wrap the {item}? It's for my {relative}'s birthday.",
            "Is the {item} in your last post still in stock?",
            "Do you take bKash or Nagad?",
            "I want {qty} pieces of the {item} for office gifts. Any discount?",
            "Do you ship abroad? I live in {abroad}.",
        ),
        "complaint": (
            "My {item} arrived damaged.",
            "I ordered {days} days ago and it still has not arrived.",
            "The colour of the {item} is not like the photo.",
            "I paid ৳{price} by bKash and nobody confirmed my order.",
            "The courier was rude and asked for ৳{fee} extra.",
            "I ordered the {item} in {colour} and got a different colour. I want a refund.",
            "You used my photo in your post without my permission. Please remove it.",
            "A fake Nakshi Ghor page took ৳{price} from me and blocked me. Is this a scam?",
        ),
        "praise": (
            "The {item} is beautiful, thank you!",
            "Fast delivery, great quality.",
            "Bought a {item} for my {relative}, she loves it.",
            "Second order from you and still happy. Will order again!",
            "The work on the {item} is so fine. Worth every taka.",
            "Got my {item} in {city} in {days} days. Great service!",
        ),
        "spam": (
            "Get {k}k followers in 24 hours!!! Cheap price, DM now",
            "Your page will be disabled, verify here {link}",
            "Earn ${usd} a day from home, message me",
            "Congratulations, you won a prize, click here to claim {link}",
            "Cheap likes and followers for your shop, {k}k for ${usd}, whatsapp me",
        ),
        "other": (
            "Do you sell wholesale?",
            "Can we collaborate?",
            "Are you hiring artisans?",
            "Eid Mubarak to the Nakshi Ghor family!",
            "I make jute products in {area}. Would you like to see my samples?",
        ),
    },
    ("business", "bn"): {
        "question": (
            "{item}টির দাম কত?",
            "{city_loc} ডেলিভারি দেন? কয় দিন লাগবে?",
            "{item} কি {colour} রঙে পাওয়া যাবে?",
            "ক্যাশ অন ডেলিভারি আছে?",
            "{item}টির মাপ কত?",
            "{area_loc} আপনাদের কোনো দোকান আছে?",
            "{relative_gen} জন্মদিনের জন্য {item} নেব, গিফট র‍্যাপ করে দেবেন?",
            "আগের পোস্টের {item}টি কি এখনো আছে?",
            "বিকাশ বা নগদে পেমেন্ট করা যাবে?",
            "অফিসের উপহারের জন্য {qty}টা {item} নিতে চাই। কোনো ছাড় আছে?",
        ),
        "complaint": (
            "আমার {item} নষ্ট অবস্থায় এসেছে।",
            "{days} দিন আগে অর্ডার দিয়েছি, এখনো পাইনি।",
            "{item}টির রং ছবির মতো না।",
            "বিকাশে ৳{price} পাঠিয়েছি, কেউ অর্ডার কনফার্ম করেনি।",
            "কুরিয়ারের লোক খারাপ ব্যবহার করেছে, ৳{fee} বেশি চেয়েছে।",
            "{colour} রঙের {item} চেয়েছিলাম, অন্য রং পাঠিয়েছেন। টাকা ফেরত চাই।",
            "অনুমতি ছাড়া আমার ছবি আপনাদের পোস্টে দিয়েছেন। সরিয়ে দিন।",
            "নকশী ঘরের নামে একটা ভুয়া পেজ আমার কাছ থেকে ৳{price} নিয়েছে। এটা কি প্রতারণা?",
        ),
        "praise": (
            "{item}টা খুব সুন্দর, ধন্যবাদ!",
            "দ্রুত ডেলিভারি, দারুণ মান।",
            "{relative_gen} জন্য {item} কিনেছি, উনি খুব খুশি।",
            "দ্বিতীয়বার অর্ডার করলাম, এবারও খুশি। আবার কিনব!",
            "{item_gen} কাজ এত সূক্ষ্ম! দাম পুরোপুরি উশুল।",
            "{days} দিনেই {city_loc} {item} পেয়ে গেছি। দারুণ সার্ভিস!",
        ),
        "spam": (
            "২৪ ঘণ্টায় ১০ হাজার ফলোয়ার! সস্তায়, এখনই ইনবক্স করুন",
            "আপনার পেজ বন্ধ হয়ে যাবে, এখানে যাচাই করুন {link}",
            "ঘরে বসে দিনে ৫০০ ডলার আয় করুন",
            "অভিনন্দন, আপনি পুরস্কার জিতেছেন, এখানে ক্লিক করুন {link}",
        ),
        "other": (
            "পাইকারি বিক্রি করেন?",
            "একসাথে কাজ করা যায়?",
            "ঈদ মোবারক, নকশী ঘরের সবাইকে!",
            "আপনারা কি কারিগর নিচ্ছেন?",
            "{area_loc} আমি পাটের জিনিস বানাই। আমার নমুনা দেখবেন?",
        ),
    },
    ("business", "banglish"): {
        "question": (
            "{item} ta koto?",
            "{city} e delivery den? koydin lagbe?",
            "{item} ta ki {colour} e pawa jabe?",
            "cash on delivery ache?",
            "{item} er size koto?",
            "{item} ta ki ekhono stock e ache?",
            "bkash e payment kora jabe?",
            "office gift er jonno {qty} ta {item} nite chai, discount hobe?",
        ),
        "complaint": (
            "amar {item} nosto obosthay ashche",
            "{days} din age order korsi, ekhono pai nai",
            "{item} er rong chobir moto na",
            "bkash e {price} taka pathaisi, keu confirm kore nai",
            "courier er lok kharap behave korse, {fee} taka beshi chaise",
            "permission chara amar chobi post korsen, please soriye din",
            "apnader name fake page amar theke {price} taka nise, eta ki scam?",
        ),
        "praise": (
            "{item} ta khub sundor, thank you!",
            "fast delivery, onek valo quality",
            "ammur jonno {item} kinsi, ammu onek khushi",
            "2nd time order korlam, ebaro khushi. abar kinbo!",
        ),
        "spam": (
            "24 ghontay 10k follower! kom dame, ekhon inbox koren",
            "apnar page bondho hoye jabe, ekhane verify koren {link}",
            "ghore bose dine 500 dollar income koren",
        ),
        "other": (
            "wholesale koren?",
            "collab kora jabe?",
            "Eid Mubarak apu!",
        ),
    },
}

_DETAILS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "question": ("", "", "", "", " I live nearby.", " Please let me know.",
                     " I also sent an email.", " Need to know by this week."),
        "complaint": ("", "", "", " This is the second time.", " Please look into it.",
                      " I called twice, nobody picked up.", " Not what I expected from you."),
        "praise": ("", "", "", " Will tell my friends.", " You made our week."),
        "spam": ("", "", " 100% guaranteed.", " Only today."),
        "other": ("", "", "", " Please let me know."),
    },
    "bn": {
        "question": ("", "", "", "", " আমি কাছেই থাকি।", " একটু জানাবেন।",
                     " ইমেইলেও লিখেছি।", " এই সপ্তাহের মধ্যে জানা দরকার।"),
        "complaint": ("", "", "", " এ নিয়ে দ্বিতীয়বার হলো।", " বিষয়টা দেখবেন।",
                      " দুবার ফোন করেছি, কেউ ধরেনি।", " আপনাদের কাছে এটা আশা করিনি।"),
        "praise": ("", "", "", " বন্ধুদেরও বলব।", " আমাদের সপ্তাহটাই সুন্দর হয়ে গেল।"),
        "spam": ("", "", " ১০০% গ্যারান্টি।", " শুধু আজকের জন্য।"),
        "other": ("", "", "", " একটু জানাবেন।"),
    },
    "banglish": {
        "question": ("", "", "", "", " ami kachei thaki", " ektu janaben",
                     " email o korsi"),
        "complaint": ("", "", "", " eta niye 2nd time", " bishoy ta dekhben",
                      " 2 bar phone dilam keu dhore nai"),
        "praise": ("", "", "", " friend der o bolbo"),
        "spam": ("", "", " 100% guaranteed", " shudhu ajke"),
        "other": ("", "", "", " ektu janaben"),
    },
}

TYPOS: tuple[tuple[str, str], ...] = (
    ("please", "pls"), ("Please", "Pls"), (" you ", " u "), ("Thank you", "Thanku"),
    ("received", "recieved"), ("delivery", "delivary"), ("available", "availble"),
    ("?", "??"), ("!", "!!"), ("koren", "koren plz"), ("ache?", "ase?"),
)
"""Slips real inbox messages are full of: (text, typed as).  The generator applies some of
them to some Latin-script messages and writes others all in lower case."""


# ---------------------------------------------------------------------------------------
# Bengali case endings
# ---------------------------------------------------------------------------------------
_BN_CASES = ("loc", "gen", "obj")
_BN_VOWEL_SIGNS = set("ািীুূৃেৈোৌ")
_BN_INDEPENDENT_VOWELS = set("অআইঈউঊঋএঐওঔ")
_BN_IRREGULAR = {("মা", "gen"): "মায়ের", ("মা", "loc"): "মায়ে"}


def bn_case(word: str, case: str) -> str:
    """A Bengali word or name with a case ending attached, the way it is written.

    ``case`` is ``"loc"`` (in/at: -এ after a consonant, -য় after আ-কার, -তে after other
    vowel signs, -য়ে after a vowel letter), ``"gen"`` (of: -এর after a consonant or a
    vowel letter, -র after a vowel sign) or ``"obj"`` (-কে).  The ending is joined to the
    word, never hyphenated.  Returns NFC text.

    >>> [bn_case(w, "loc") for w in ("কামরাঙ্গীরচর", "খুলনা", "রাজশাহী", "ধামরাই")]
    ['কামরাঙ্গীরচরে', 'খুলনায়', 'রাজশাহীতে', 'ধামরাইয়ে']
    >>> [bn_case(w, "gen") for w in ("মিরপুর", "পুরান ঢাকা", "মা", "ছোট ভাই")]
    ['মিরপুরের', 'পুরান ঢাকার', 'মায়ের', 'ছোট ভাইয়ের']
    >>> bn_case("কুশন কভার", "loc"), bn_case("মেয়ে", "obj")
    ('কুশন কভারে', 'মেয়েকে')
    >>> bn_case("Mirpur", "loc")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'Mirpur' does not end in a Bengali letter.
    How to fix it: give a word in Bengali script, e.g. bn_case('মিরপুর', 'loc').
    """
    if case not in _BN_CASES:
        raise unknown_choice("Bengali case", case, _BN_CASES)
    word = unicodedata.normalize("NFC", word.strip())
    if (word, case) in _BN_IRREGULAR:
        return unicodedata.normalize("NFC", _BN_IRREGULAR[(word, case)])
    last = word[-1:] or " "
    if not "\u0980" <= last <= "\u09ff" or last.isdigit():
        raise InputError(f"{word!r} does not end in a Bengali letter",
                         fix="give a word in Bengali script, e.g. bn_case('মিরপুর', 'loc')")
    if case == "obj":
        ending = "কে"
    elif last in _BN_INDEPENDENT_VOWELS:
        ending = "য়ে" if case == "loc" else "য়ের"
    elif last == "া":
        ending = "য়" if case == "loc" else "র"
    elif last in _BN_VOWEL_SIGNS:
        ending = "তে" if case == "loc" else "র"
    else:
        if last == "ৎ":  # khanda ta takes its full form before a vowel: ভবিষ্যৎ -> ভবিষ্যতে
            word = word[:-1] + "ত"
        ending = "ে" if case == "loc" else "ের"
    return unicodedata.normalize("NFC", word + ending)


# ---------------------------------------------------------------------------------------
# Expanding templates
# ---------------------------------------------------------------------------------------
def _check_language(language: str, allowed: tuple[str, ...] = LANGUAGES) -> None:
    if language not in allowed:
        raise unknown_choice("language", language, allowed)


def _forms(name: str, value: str) -> dict[str, str]:
    """The fill-in ``{name}`` and, for Bengali words, ``{name_loc}``, ``{name_gen}``..."""
    forms = {name: value}
    if value and "\u0980" <= value[-1] <= "\u09ff" and not value[-1].isdigit():
        forms.update({f"{name}_{case}": bn_case(value, case) for case in _BN_CASES})
    return forms


def _slots(template: str, fills: dict[str, tuple[str, ...]]) -> list[str]:
    return [name for name in fills
            if any("{" + name + suffix + "}" in template
                   for suffix in ("", *(f"_{case}" for case in _BN_CASES)))]


def _expand_one(template: str, fills: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """One template with every combination of the fill-ins it uses, NFC, without repeats."""
    slots = _slots(template, fills)
    texts: dict[str, None] = {}
    for values in product(*(fills[name] for name in slots)):
        forms: dict[str, str] = {}
        for name, value in zip(slots, values, strict=True):
            forms.update(_forms(name, value))
        texts[unicodedata.normalize("NFC", template.format(**forms))] = None
    return tuple(texts)


def _expand(templates: tuple[str, ...], fills: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every template with every combination of the fill-ins it uses, without repeats."""
    texts: dict[str, None] = {}
    for template in templates:
        texts.update(dict.fromkeys(_expand_one(template, fills)))
    return tuple(texts)


# ---------------------------------------------------------------------------------------
# Public pools
# ---------------------------------------------------------------------------------------
@cache
def caption_pool(client: str, pillar: str, language: str) -> tuple[str, ...]:
    """All captions the generator may use for one client, pillar and language.

    >>> caption_pool("business", "offers", "en")[0]
    'This week only: 10% off every nakshi kantha. Free delivery inside Dhaka. #Offer'
    >>> caption_pool("business", "offers", "bn")[0]
    'শুধু এই সপ্তাহে: সব নকশী কাঁথায় ১০% ছাড়। ঢাকার ভেতরে ফ্রি ডেলিভারি। #অফার'
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
    return tuple(unicodedata.normalize("NFC", text)
                 for text in _SPECIAL_DAY_CAPTIONS[(client, language)])


def _check_message_args(client: str, category: str, variant: str) -> None:
    client_profile(client)
    _check_language(variant, MESSAGE_VARIANTS)
    if category not in MESSAGE_CATEGORIES:
        raise unknown_choice("message category", category, MESSAGE_CATEGORIES)


@cache
def message_parts(client: str, category: str, variant: str
                  ) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The parts inbox messages are composed from, for one client, category and variant.

    Returns ``{part: templates}`` for each of ``MESSAGE_PARTS``; each template is a tuple
    of its filled-in texts.  A message is one text of one template of each part, joined.
    ``variant`` is one of ``MESSAGE_VARIANTS`` (``"banglish"``: Bengali in Latin letters).

    >>> parts = message_parts("business", "question", "banglish")
    >>> parts["body"][2][:2]
    ('nakshi kantha ta ki blue e pawa jabe?', 'nakshi kantha ta ki lal e pawa jabe?')
    >>> sorted(parts) == sorted(MESSAGE_PARTS)
    True
    """
    _check_message_args(client, category, variant)
    fills = {**_MESSAGE_FILLS[(client, variant)], **_SPAM_FILLS, "name": _NAMES[variant]}
    greetings = ("",) if category == "spam" else _GREETINGS[variant]
    templates = {
        "greeting": greetings,
        "body": _BODIES[(client, variant)][category],
        "detail": _DETAILS[variant][category],
        "signoff": _SIGNOFFS[variant][category],
    }
    return {part: tuple(_expand_one(t, fills) for t in templates[part])
            for part in MESSAGE_PARTS}


@cache
def message_pool(client: str, category: str, language: str) -> tuple[str, ...]:
    """Every message body for one client, category and variant (no greeting or sign-off).

    ``language`` is ``"en"``, ``"bn"`` or ``"banglish"`` (see ``MESSAGE_VARIANTS``).

    >>> message_pool("business", "question", "en")[:2]
    ('How much is the nakshi kantha?', 'How much is the jute bag?')
    >>> message_pool("nonprofit", "question", "bn")[0]
    'মিরপুরের পাঠচক্রে কীভাবে স্বেচ্ছাসেবক হতে পারি?'
    >>> message_pool("business", "rant", "en")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'rant' is not a message category SMM Lab knows.
    How to fix it: use one of: question, complaint, praise, spam, other.
    """
    return tuple(dict.fromkeys(text for template in
                               message_parts(client, category, language)["body"]
                               for text in template))
