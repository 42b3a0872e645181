"""Rebuild the sample submissions of every assignment from its released notebook.

Run from the repository root:  python course/samples/make_samples.py

Each outcome folder ``<assignment>/<outcome>/`` holds what learner ``sample-<outcome>``
submitted (see course/README.md): the released notebook with that learner's answers typed
in, and ``timestamp.txt`` (when it was submitted, in nbgrader's format).  The released
notebooks are made by nbgrader itself (generate_assignment) in a temporary copy of the
course, so samples always match the source.

Assignment 01 has the whole sample class (ten outcomes, see the README); assignments 02–07
have ``all-correct``, ``late`` (the same answers, after the due date), ``partial`` (one
realistic mistake in one part) and ``blank`` (the released notebook untouched).  Answers are
code that computes from the learner's own data, so each runs for whoever submits it.

Submission times come from ``course/due_dates.csv``: on time is 21:15 Dhaka time the day
before the due date (1 day 2 h 44 min early); late is 1 day 10 h 6 min after it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ASSIGNMENT = "01-platforms-and-planning"
ON_TIME = "2026-09-19 15:15:00.000000 UTC"  # 21:15 in Dhaka, before the 23:59 deadline
LATE = "2026-09-22 04:05:00.000000 UTC"     # 10:05 in Dhaka, two days after
EARLY_BY = dt.timedelta(days=1, hours=2, minutes=44)   # ON_TIME = due - EARLY_BY
LATE_BY = dt.timedelta(days=1, hours=10, minutes=6)    # LATE = due + LATE_BY

CORRECT = {
    "engagement_rate_by_reach_answer": (
        'engaged = charity[["reactions", "comments", "shares", "saves"]].sum(axis=1)\n'
        "totals = (charity.assign(engagements=engaged)\n"
        '          .groupby("platform", observed=True)[["engagements", "reach"]].sum())\n'
        'er_by_platform = totals["engagements"] / totals["reach"]\n'
        "er_by_platform"),
    "best_platform_answer": "best_platform = str(er_by_platform.idxmax())\nbest_platform",
    "smart_goal_answer": (
        'names = {"facebook": "Facebook", "instagram": "Instagram", "x": "X (Twitter)",\n'
        '         "linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok"}\n'
        "smart_goal = (f\"Grow Alo Reading Circle's {names[best_platform]} followers from "
        '5,000 to "\n              "5,600 by 30 June 2027 to recruit volunteers")\n'
        "check_goal(smart_goal).missing"),
    "platform_recommendation": (
        "Focus on our best platform from Part 1 first: it engaged the largest share of the "
        "people it reached. Facebook reached more people but engaged fewer of them. A high "
        "rate on a small audience may still bring few volunteers, so we should track "
        "sign-ups too."),
}


def _friend_answers() -> dict[str, str]:
    """Numbers typed in from a friend's (sample-all-correct's) notebook: not this learner's."""
    from smm_helpers.datasets import generate
    from smm_helpers.metrics import summarize

    posts = generate(n_posts=1_000, learner_id="sample-all-correct").posts
    rates = summarize(posts[posts["client"] == "nonprofit"])["er_reach"]
    typed = ", ".join(f"\"{k}\": {v!r}" for k, v in rates.items())
    return {
        **CORRECT,
        "engagement_rate_by_reach_answer":
            f"er_by_platform = pd.Series({{{typed}}})\ner_by_platform",
    }


ANSWERS: dict[str, dict[str, str] | None] = {
    "all-correct": CORRECT,
    "late": CORRECT,
    "wrong-filename": CORRECT,
    "partial": {  # a mean of per-post rates (passes the visible checks, not the hidden one)
        **CORRECT,
        "engagement_rate_by_reach_answer": (
            'rate = charity[["reactions", "comments", "shares", "saves"]].sum(axis=1) '
            '/ charity["reach"]\n'
            'er_by_platform = rate.groupby(charity["platform"], observed=True).mean()\n'
            "er_by_platform"),
        "best_platform_answer": (
            "from smm_helpers.metrics import summarize\n"
            'best_platform = str(summarize(charity)["er_reach"].idxmax())'),
    },
    "all-wrong": {
        "engagement_rate_by_reach_answer": (
            'totals = charity.groupby("platform", observed=True)[["reactions", "reach"]].sum()\n'
            'er_by_platform = 100 * totals["reactions"] / totals["reach"]  # a percentage'),
        "best_platform_answer": 'best_platform = "myspace"',
        "smart_goal_answer": 'smart_goal = "Get more followers"',
        "platform_recommendation": "Post more.",
    },
    "blank": {},
    "infinite-loop": {
        **CORRECT,
        "engagement_rate_by_reach_answer": (
            "while True:  # waits forever: the grader stops it at the time limit\n"
            "    pass\n" + CORRECT["engagement_rate_by_reach_answer"]),
    },
    "copied": None,  # filled from a friend's numbers below
}


# ------------------------------------------------------------------ assignments 02 to 07
# Each learner's answers are code on their own data; ``partial`` repeats ``all-correct``
# with one realistic mistake in one part (the comment says which parts it costs).

POLICY_02 = {
    "missing_sections_answer": (
        "missing_sections = list(lint_policy(draft).missing)\n"
        "missing_sections"),
    "completed_policy_answer": (
        "my_sections = {\n"
        '    "purpose": "## Why we use social media\\nWe show families what reading changes '
        'and we find volunteers. Every child in Dhaka should be able to read.",\n'
        '    "staff time": "## Social media at work\\nStaff may post for Alo in working '
        'hours. Personal accounts wait for the breaks.",\n'
        '    "spokespeople": "## Who speaks for us\\nThe Director is our only spokesperson. '
        'Pass every media question to her.",\n'
        '    "conversations": "## Answering comments and messages\\nThe Communications '
        'Officer answers the inbox within one working day.",\n'
        '    "tools": "## Tools and accounts\\nWe plan posts in Meta Business Suite. Each '
        'account has two-factor login.",\n'
        '    "escalation": "## When to escalate\\nA threat or a crisis goes to the Director '
        'at once.",\n'
        '    "privacy": "## Privacy and consent\\nWe keep messages confidential. We ask a '
        'parent before we post any photo of a child.",\n'
        '    "review": "## Review\\nThe team reviews this policy every year; next review '
        'date: June 2027.",\n'
        "}\n"
        'added = "\\n\\n".join(my_sections[name] for name in missing_sections)\n'
        'completed_policy = draft + "\\n" + added + "\\n"\n'
        "print(lint_policy(completed_policy))"),
    "promise_hours_answer": (
        'alo_inbox = data.inbox[data.inbox["client"] == "nonprofit"]\n'
        'not_spam = alo_inbox[alo_inbox["category"] != "spam"]\n'
        "summary = metrics.response_summary(not_spam, by=None)\n"
        'promise_hours = math.ceil(summary["p90_hours"].iloc[0])\n'
        "promise_hours"),
    "policy_answers_answer": (
        "answers = PolicyAnswers(\n"
        '    organisation="Alo Reading Circle",\n'
        '    purpose="We help children in Dhaka learn to read; we are honest and kind",\n'
        '    work_hours_use="Staff may post for Alo at work; personal use waits for breaks",\n'
        '    not_allowed=["political opinions on Alo\'s accounts", "a child\'s name or school"],\n'
        '    spokespeople=["Executive Director"],\n'
        '    responders=["Communications Officer"],\n'
        "    response_time_hours=promise_hours,\n"
        '    tools=["Facebook", "Instagram", "Meta Business Suite"],\n'
        '    account_access="Two people hold the passwords, with two-factor login",\n'
        '    escalation_contacts=["Programme Manager"],\n'
        '    crisis_contact="Executive Director",\n'
        '    photo_consent="a parent or guardian signs our consent form",\n'
        '    review_date="2027-06-30",\n'
        ")\n"
        "my_policy = write_policy(answers)\n"
        "print(my_policy)"),
    "social_media_policy_for_alo": (
        "# Alo Reading Circle — our social media policy\n\n"
        "## Why we post\nWe show families and donors what reading changes for children in "
        "Dhaka, and we find volunteers. We are honest and kind, and we protect the children.\n\n"
        "## At work\nStaff post for Alo during working hours from Alo's accounts only. "
        "Personal use waits for breaks. No politics or religion on Alo's accounts.\n\n"
        "## Who speaks for us\nOnly the Executive Director speaks to journalists. Everyone "
        "else passes media questions to her the same day.\n\n"
        "## Tools and accounts\nFacebook, Instagram and Meta Business Suite. The Communications "
        "Officer and the Director hold the passwords; every account has two-factor login.\n\n"
        "## Comments and messages\nThe Communications Officer answers, Sunday to Thursday, "
        "within the hours of our promise in Part 3, in the language the person wrote in.\n\n"
        "## Escalation, privacy and consent\nA threat or anything about a child's safety goes "
        "to the Programme Manager at once. We post a child's photo only with a parent's "
        "signed consent, and never a child's name or school.\n\n"
        "## Review\nThe Director reviews this policy every June."),
}

CONTENT_03 = {
    "x_length_answer": 'x_length = check_post(post_text, "x").length\nx_length',
    "youtube_bytes_answer": 'youtube_bytes = len(post_text.encode("utf-8"))\nyoutube_bytes',
    "hashtag_counts_answer": (
        'instagram = nonprofit[nonprofit["platform"] == "instagram"]\n'
        "tags = Counter()\n"
        'for caption in instagram["caption"]:\n'
        "    tags.update(extract_hashtags(caption))\n"
        "hashtag_counts = dict(tags)\n"
        "sorted(hashtag_counts.items(), key=lambda pair: -pair[1])[:5]"),
    "best_slot_answer": (
        "table = metrics.best_time_table(instagram, min_posts=5)\n"
        "top = table.best(1)\n"
        'best_slot = (str(top["weekday"].iloc[0]), int(top["hour"].iloc[0]))\n'
        "best_slot"),
    "calendar_answer": (
        'calendar = build_calendar(START, weeks=4, platforms=["facebook", "instagram", "x"],\n'
        "                          posts_per_week=POSTS_PER_WEEK)\n"
        'days = calendar.events[calendar.events["kind"] == "special_day"]\n'
        'special_day_names = sorted(days["title"].unique())\n'
        "calendar.post_counts(), special_day_names"),
    "my_x_post_answer": (
        'first_day = days.sort_values("start")["title"].iloc[0]\n'
        'my_x_post = (f"Happy {first_day}! Our reading circle in Korail is reading stories "\n'
        '             "about it all week. Read one with a child today. #AloReads")\n'
        'check_post(my_x_post, "x")'),
    "why_this_slot_and_format": (
        "I would publish the Instagram post for our first special day in our best trusted "
        "slot from Part 4, on the day itself if it falls on that weekday: at least five of "
        "Alo's own posts stand behind that slot, so it is not one lucky post. I would use a "
        "carousel of the children's drawings, because it tells the day's story slide by slide "
        "and carousels engage more than single images. Published best-times studies use US "
        "audiences with a Saturday–Sunday weekend, while Bangladesh's weekend is Friday–"
        "Saturday, so we trust our own data. Instagram allows at most 5 hashtags per post, so "
        "I keep to one or two of Alo's own tags."),
}

COMMUNITY_04 = {
    "response_rate_np_answer": (
        'alo = inbox[(inbox["client"] == "nonprofit") & (inbox["category"] != "spam")]\n'
        "response_rate_np = float(metrics.response_rate(alo))\n"
        "response_rate_np"),
    "median_hours_np_answer": (
        "median_hours_np = float(metrics.response_times(alo).median())\nmedian_hours_np"),
    "queue_ids_answer": (
        'business = inbox[inbox["client"] == "business"]\n'
        'at_now = business[business["received_at"] < NOW].copy()\n'
        'at_now.loc[at_now["responded_at"] > NOW, "responded_at"] = pd.NaT  # not sent yet\n'
        "queue = escalation_queue(at_now, now=NOW)\n"
        'queue_ids = list(queue["message_id"])\n'
        'queue[["message_id", "platform", "age_hours", "urgency_label", "text"]].head()'),
    "classifier_agreement_answer": (
        "first_40 = inbox.head(40)\n"
        'predicted = [classify_message(text).category for text in first_40["text"]]\n'
        'matches = sum(p == label for p, label in zip(predicted, first_40["category"]))\n'
        "agreement = matches / 40\n"
        "agreement"),
    "reply_to_unhappy_customer": (
        "**Reply:** We're sorry your order was not what you expected, and sorry we took so "
        "long to answer — that is our mistake. Please send your order number to our inbox "
        "(not here, and no phone number or address in public). We will write to you there "
        "by 6 pm today with a replacement or a refund.\n\n"
        "**To my manager:** this complaint waited for weeks at NOW because nobody owned "
        "weekend complaints; from now on the Sunday-morning shift opens the escalation queue "
        "first and answers every complaint within 24 hours."),
}

ANALYTICS_05 = {
    "platform_summary_answer": (
        'platform_summary = metrics.summarize(alo_posts, by="platform")\n'
        'platform_summary[["posts", "reach", "engagements", "er_reach"]]'),
    "best_week_answer": (
        'weekly = metrics.summarize(alo_posts, by="week")\n'
        'best_week = weekly["engagements"].idxmax().strftime("%Y-%m-%d")\n'
        "best_week"),
    "ab_test_answer": (
        'links = alo_posts[(alo_posts["platform"] == "facebook")\n'
        '                  & (alo_posts["format"] == "link")]\n'
        'totals = links.groupby("language", observed=True)[["link_clicks", "reach"]].sum()\n'
        'english, bengali = totals.loc["en"], totals.loc["bn"]\n'
        'ab = metrics.ab_test(int(english["link_clicks"]), int(english["reach"]),\n'
        '                     int(bengali["link_clicks"]), int(bengali["reach"]))\n'
        "if ab.significant:\n"
        '    ab_verdict = "A" if ab.rate_a > ab.rate_b else "B"\n'
        "else:\n"
        '    ab_verdict = "no clear winner"\n'
        "print(ab)\n"
        "ab_verdict"),
    "growth_answer": (
        'growth = metrics.follower_growth(followers, freq="M")\n'
        'alo_instagram = growth.loc[("nonprofit", "instagram")]\n'
        'year_gain = int(alo_instagram["gained"].sum())\n'
        'best_growth_month = alo_instagram["growth_rate"].idxmax().strftime("%Y-%m")\n'
        "year_gain, best_growth_month"),
    "client_report_summary": (
        "In 2025 Alo Reading Circle's Instagram gained the followers shown in Part 4, and of "
        "our platforms Instagram had the largest share of people reached who reacted, "
        "commented or shared. Our best week was the one from Part 2, around a special day "
        "people already care about, so posts tied to those days work for us. We compared "
        "English and Bengali captions on our Facebook link posts; the test in Part 3 tells "
        "us honestly whether one is really better or whether there is no clear winner yet. "
        "Next year we recommend preparing every special day's posts a week ahead and putting "
        "more of the team's time into Instagram. One caution: these numbers measure "
        "attention, not donations, and reach counts a person reached twice as two."),
}

BUDGET_06 = {
    "cost_per_result_answer": (
        'by_platform = (alo_campaigns.groupby("platform", observed=True)\n'
        '               [["spend", "conversions"]].sum())\n'
        'with_results = by_platform[by_platform["conversions"] > 0]\n'
        'cost_per_result = (with_results["spend"] / with_results["conversions"]).to_dict()\n'
        "cost_per_result"),
    "split_answer": (
        "split = allocate_budget(TOTAL_BUDGET, list(cost_per_result),\n"
        "                        cost_per_result=cost_per_result, saturation=SATURATION)\n"
        "split"),
    "roi_answer": (
        'donations = alo_campaigns[alo_campaigns["objective"] == "donations"]\n'
        'biggest = donations.sort_values("spend", ascending=False).iloc[0]\n'
        'biggest_roi = roi(value=biggest["conversion_value"], cost=biggest["spend"])\n'
        'average_donation = biggest["conversion_value"] / biggest["conversions"]\n'
        'break_even_donations = break_even(cost=biggest["spend"],\n'
        "                                  value_per_result=average_donation)\n"
        "biggest_roi, break_even_donations"),
    "disclosure_answer": (
        "disclosure_ok = [check_disclosure(post).ok for post in sponsored_posts]\n"
        "n_unsourced = len(unsourced_claims(caption))\n"
        "disclosure_ok, n_unsourced"),
    "bought_followers_answer": (
        "spikes = detect_fake_engagement(suspect_posts, suspect_followers).follower_spikes\n"
        "bought_follower_days = sorted(\n"
        '    (str(row.client), str(row.platform), pd.Timestamp(row.date).strftime("%Y-%m-%d"))\n'
        "    for row in spikes.itertuples())\n"
        "bought_follower_days"),
    "ethics_judgement_on_sponsored_post": (
        "I would not approve the post as it stands. check_disclosure finds no clear label: "
        "\"#collab\" is too vague for the FTC, and it is buried among the hashtags, so people "
        "cannot tell Nakshi Ghor paid for it. unsourced_claims flags \"95% of buyers never need "
        "another\", and \"the strongest bag in Bangladesh\" cannot be proven either; source "
        "article 004 warns against publishing false information. A fixed first line: \"Paid "
        "partnership with Nakshi Ghor: my new jute bag for Eid 🌙\", with Instagram's paid "
        "partnership label switched on too. Say no to the 5,000 followers: the FTC's 2024 rule "
        "(16 CFR 465.8) bans buying fake indicators of influence, bought followers never buy a "
        "bag, and they lower the engagement rate brands judge the account by; traffic won "
        "that way does not last."),
}

CAPSTONE_07 = {
    "baseline_answer": (
        'q4_posts = q4(data.posts, "published_at")\n'
        'q4_instagram = q4_posts[q4_posts["platform"] == "instagram"]\n'
        'engaged = q4_instagram[["reactions", "comments", "shares", "saves"]].sum().sum()\n'
        "baseline = {\n"
        '    "er_reach_instagram": float(engaged / q4_instagram["reach"].sum()),\n'
        '    "median_response_hours":\n'
        '        float(metrics.response_times(q4(data.inbox, "received_at")).median()),\n'
        "}\n"
        "baseline"),
    "plan_answer": (
        "plan = SocialMediaPlan(\n"
        "    goals=[\n"
        '        Target("er_reach", round(baseline["er_reach_instagram"] * 1.2, 4),\n'
        '               platform="instagram"),\n'
        '        Target("median_response_hours",\n'
        '               round(baseline["median_response_hours"] * 0.8, 1)),\n'
        '        Target("posts_per_week", 5, platform="facebook"),\n'
        '        Target("posts_per_week", 4, platform="instagram"),\n'
        "    ],\n"
        '    audience="parents in Dhaka\'s low-income neighbourhoods and young volunteers",\n'
        "    platforms=PLATFORMS,\n"
        '    pillars={"impact stories": 0.3, "volunteer calls": 0.2, "fundraising": 0.15,\n'
        '             "literacy tips": 0.2, "events": 0.15},\n'
        "    budget=BUDGET,\n"
        '    measurement="We review the plan on 1 March 2026 against February\'s data.",\n'
        '    client="nonprofit",\n'
        '    name="Alo Reading Circle, February 2026",\n'
        ")\n"
        "plan"),
    "calendar_answer": (
        'alo_instagram = alo_posts[alo_posts["platform"] == "instagram"]\n'
        "per_week = {t.platform: int(t.target)\n"
        '            for t in plan.goals if t.metric == "posts_per_week"}\n'
        "calendar = build_calendar(\n"
        "    FEBRUARY, weeks=4, platforms=PLATFORMS, posts_per_week=per_week,\n"
        "    pillar_mix=dict(plan.pillars),\n"
        '    best_slots={"instagram": metrics.best_time_table(alo_instagram, min_posts=5)},\n'
        ")\n"
        "calendar.post_counts()"),
    "split_answer": (
        'alo_campaigns = data.campaigns[data.campaigns["client"] == "nonprofit"]\n'
        'totals = (alo_campaigns.groupby("platform", observed=True)\n'
        '          [["spend", "conversions"]].sum())\n'
        "cost_per_result = {p: float(totals.loc[p, \"spend\"] / totals.loc[p, \"conversions\"])\n"
        "                   for p in plan.platforms\n"
        '                   if p in totals.index and totals.loc[p, "conversions"] > 0}\n'
        "split = allocate_budget(plan.budget, plan.platforms, cost_per_result=cost_per_result,\n"
        "                        saturation=SATURATION)\n"
        "split"),
    "capstone_plan_write_up": (
        "## Where we stand\nIn October–December 2025 the baseline of Part 1 shows how many of "
        "the people our Instagram posts reached reacted, commented or shared, and how long a "
        "message waited for an answer.\n\n"
        "## Goals for February 2026\n- Raise Instagram's engagement rate by reach by a fifth "
        "by 28 February, so more parents share our children's stories.\n- Cut the median "
        "wait for an answer by a fifth by 28 February, because a parent who waits a day often "
        "doesn't come.\n- Publish 5 Facebook and 4 Instagram posts every week.\n\n"
        "## Platforms and audience\nParents are on Facebook and our young volunteers are on "
        "Instagram.\n\n"
        "## Content\nImpact stories 30%, literacy tips 20%, volunteer calls 20%, fundraising "
        "15%, events 15%; Pohela Falgun and International Mother Language Day, prepared a "
        "week ahead.\n\n"
        "## When\nInstagram posts go out only in slots backed by at least five of our own "
        "posts; published best times use a Saturday–Sunday weekend, ours is Friday–Saturday.\n\n"
        "## Budget\nThe split of Part 4 makes the next donation cost the same on both "
        "platforms, so moving money would buy fewer donations.\n\n"
        "## Community and ethics\nThe Communications Officer answers messages Sunday to "
        "Thursday; partner posts say \"Paid partnership\" first; no bought followers, no "
        "unsourced numbers.\n\n"
        "## Measurement\nOn 1 March we report each target, met or missed, and change what "
        "missed."),
}

SAMPLES: dict[str, dict[str, dict[str, str]]] = {
    "02-policy": {
        "all-correct": POLICY_02, "late": POLICY_02, "blank": {},
        "partial": {  # a median ("a typical wait") instead of the 90th percentile: Part 3
            **POLICY_02,  # fails, and so does Part 4, whose policy promises that number
            "promise_hours_answer": POLICY_02["promise_hours_answer"].replace(
                '"p90_hours"', '"median_hours"'),
        },
    },
    "03-content-and-scheduling": {
        "all-correct": CONTENT_03, "late": CONTENT_03, "blank": {},
        "partial": {  # counts the hashtags of all Alo's posts, not only Instagram: Part 3
            **CONTENT_03,
            "hashtag_counts_answer": (
                'instagram = nonprofit[nonprofit["platform"] == "instagram"]\n'
                "tags = Counter()\n"
                'for caption in nonprofit["caption"]:\n'
                "    tags.update(extract_hashtags(caption))\n"
                "hashtag_counts = dict(tags)\n"
                "sorted(hashtag_counts.items(), key=lambda pair: -pair[1])[:5]"),
        },
    },
    "04-community": {
        "all-correct": COMMUNITY_04, "late": COMMUNITY_04, "blank": {},
        "partial": {  # the mean wait instead of the median: Part 2
            **COMMUNITY_04,
            "median_hours_np_answer": (
                "median_hours_np = float(metrics.response_times(alo).mean())\nmedian_hours_np"),
        },
    },
    "05-analytics-and-reporting": {
        "all-correct": ANALYTICS_05, "late": ANALYTICS_05, "blank": {},
        "partial": {  # er_reach as the mean of per-post rates, not a ratio of sums: Part 1
            **ANALYTICS_05,
            "platform_summary_answer": (
                'engaged = ["reactions", "comments", "shares", "saves"]\n'
                "engagements = alo_posts[engaged].sum(axis=1)\n"
                'per_post = alo_posts.assign(engagements=engagements,\n'
                '                            er_reach=engagements / alo_posts["reach"])\n'
                'platform_summary = per_post.groupby("platform", observed=True).agg(\n'
                '    posts=("post_id", "count"), reach=("reach", "sum"),\n'
                '    engagements=("engagements", "sum"), er_reach=("er_reach", "mean"))\n'
                'platform_summary[["posts", "reach", "engagements", "er_reach"]]'),
        },
    },
    "06-budget-and-ethics": {
        "all-correct": BUDGET_06, "late": BUDGET_06, "blank": {},
        "partial": {  # the mean of each campaign's cost, not total spend ÷ total conversions:
            **BUDGET_06,  # Part 1 fails, and so does Part 2, which splits by those costs
            "cost_per_result_answer": (
                'converted = alo_campaigns[alo_campaigns["conversions"] > 0]\n'
                'per_campaign = converted["spend"] / converted["conversions"]\n'
                'by_platform = per_campaign.groupby(converted["platform"], observed=True)\n'
                "cost_per_result = by_platform.mean().to_dict()\n"
                "cost_per_result"),
        },
    },
    "07-capstone": {
        "all-correct": CAPSTONE_07, "late": CAPSTONE_07, "blank": {},
        "partial": {  # an over-ambitious target, double the baseline rate: Part 2 only
            **CAPSTONE_07,
            "plan_answer": CAPSTONE_07["plan_answer"].replace(
                'baseline["er_reach_instagram"] * 1.2', 'baseline["er_reach_instagram"] * 2'),
        },
    },
}


def stamps(due: dt.datetime) -> tuple[str, str]:
    """When an on-time and a late learner submitted, in nbgrader's timestamp format.

    >>> stamps(dt.datetime.fromisoformat("2026-09-20T23:59:00+06:00")) == (ON_TIME, LATE)
    True
    """
    def fmt(when: dt.datetime) -> str:
        return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")

    return fmt(due - EARLY_BY), fmt(due + LATE_BY)


def released_notebooks(assignments: list[str]) -> tuple[dict[str, nbformat.NotebookNode],
                                                          dict[str, dt.datetime]]:
    """Each assignment's released notebook (made by nbgrader) and the course's due dates."""
    from smm_helpers.grading.course import open_course

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(REPO / "course", Path(tmp) / "course",
                        ignore=shutil.ignore_patterns("samples", "gradebook.db", "release",
                                                      "exchange", "submitted", "autograded",
                                                      "feedback", "archive", "grades"))
        course = open_course(Path(tmp) / "course")
        templates = {}
        for assignment in assignments:
            shutil.copytree(REPO / "assignments" / assignment,
                            Path(tmp) / "assignments" / assignment)
            result = course.api().generate_assignment(assignment)
            if not result["success"]:
                raise SystemExit(result.get("error") or result.get("log"))
            released = course.path("release") / assignment / f"{assignment}.ipynb"
            templates[assignment] = nbformat.read(released, as_version=4)
        return templates, course.due_dates()


def write_sample(folder: Path, template: nbformat.NotebookNode, filled: dict[str, str] | None,
                 name: str, stamp: str) -> None:
    """The released notebook with ``filled`` answers (by grade_id) typed in, and its time."""
    nb = nbformat.from_dict(template)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if filled and grade_id in filled:
            cell.source = filled[grade_id]
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / name)
    (folder / "timestamp.txt").write_text(stamp + "\n")


def main() -> None:
    templates, due = released_notebooks([ASSIGNMENT, *SAMPLES])
    if stamps(due[ASSIGNMENT]) != (ON_TIME, LATE):
        raise SystemExit(f"due_dates.csv moved {ASSIGNMENT}'s due date; update ON_TIME, LATE")

    answers = dict(ANSWERS, copied=_friend_answers())
    template = templates[ASSIGNMENT]
    out = HERE / ASSIGNMENT
    shutil.rmtree(out, ignore_errors=True)
    for outcome, filled in answers.items():
        name = f"{ASSIGNMENT} (1).ipynb" if outcome == "wrong-filename" else f"{ASSIGNMENT}.ipynb"
        write_sample(out / outcome, template, filled, name,
                     LATE if outcome == "late" else ON_TIME)

    corrupted = out / "corrupted"
    corrupted.mkdir()
    text = nbformat.writes(nbformat.from_dict(template))
    (corrupted / f"{ASSIGNMENT}.ipynb").write_text(text[: len(text) // 2])  # cut mid-save
    (corrupted / "timestamp.txt").write_text(ON_TIME + "\n")

    missing = out / "missing"
    missing.mkdir()
    (missing / "README.md").write_text(
        "sample-missing submitted nothing: no notebook, no timestamp.\n")
    print(f"wrote {len(answers) + 2} samples to {out}")

    for assignment, outcomes in SAMPLES.items():
        on_time, late = stamps(due[assignment])
        out = HERE / assignment
        shutil.rmtree(out, ignore_errors=True)
        for outcome, filled in outcomes.items():
            write_sample(out / outcome, templates[assignment], filled, f"{assignment}.ipynb",
                         late if outcome == "late" else on_time)
        print(f"wrote {len(outcomes)} samples to {out}")


if __name__ == "__main__":
    main()
