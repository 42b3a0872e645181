"""Benchmark: summarize + best_time_table on 1,000,000 posts against a bare pandas groupby.

Run it with ``python benchmarks/summaries.py`` (``--posts N`` for another size).  It builds
the posts once with ``smm_helpers.datasets.generate``, checks that both ways give the same
numbers, then times each several times in the same run and prints the best times and their
ratio.  Target: SMM Lab within 2x of bare pandas (the price of checks and friendly output).
This is a benchmark, not a test: it prints, it never fails on speed.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from smm_helpers.metrics import best_time_table, summarize

TARGET_RATIO = 2.0


def with_smm_lab(posts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    table = summarize(posts, by=["platform", "week"])
    best = best_time_table(posts)
    return table, best.all_values, best.counts


def with_bare_pandas(posts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The same numbers written directly in pandas, the way an analyst would."""
    local = posts["published_at"].dt.tz_convert("Asia/Dhaka").dt.tz_localize(None)
    engaged = posts["reactions"] + posts["comments"] + posts["shares"] + posts["saves"]
    frame = pd.DataFrame(
        {
            "platform": posts["platform"],
            "week": local.dt.normalize() - pd.to_timedelta(local.dt.day_of_week, unit="D"),
            "impressions": posts["impressions"],
            "reach": posts["reach"],
            "engagements": engaged,
            "link_clicks": posts["link_clicks"],
            "spend": posts["spend"],
            "er_followers": engaged / posts["followers"].where(posts["followers"] != 0),
        }
    )
    groups = frame.groupby(["platform", "week"], observed=True)
    table = groups[["impressions", "reach", "engagements", "link_clicks", "spend"]].sum()
    table.insert(0, "posts", groups.size())
    table["er_reach"] = table["engagements"] / table["reach"]
    table["er_impressions"] = table["engagements"] / table["impressions"]
    table["median_er_followers"] = groups["er_followers"].median()
    table["ctr"] = table["link_clicks"] / table["impressions"]

    er_reach = engaged / posts["reach"].where(posts["reach"] != 0)
    sunday_first = (local.dt.day_of_week + 1) % 7
    cells = er_reach.groupby([sunday_first, local.dt.hour]).agg(["median", "count"])
    every = pd.MultiIndex.from_product([range(7), range(24)])
    cells = cells.reindex(every)
    values = cells["median"].unstack()
    counts = cells["count"].fillna(0).astype("int64").unstack()
    return table, values, counts


def best_of(function: Callable[[pd.DataFrame], object], posts: pd.DataFrame, repeats: int):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function(posts)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from smm_helpers.datasets import generate

    start = time.perf_counter()
    posts = generate(args.posts).posts
    print(f"generated {len(posts):,} posts in {time.perf_counter() - start:.1f} s")

    ours, theirs = with_smm_lab(posts), with_bare_pandas(posts)
    pd.testing.assert_frame_equal(ours[0], theirs[0], check_names=False, check_index_type=False)
    np.testing.assert_allclose(ours[1].to_numpy(), theirs[1].to_numpy(), rtol=1e-12)
    np.testing.assert_array_equal(ours[2].to_numpy(), theirs[2].to_numpy())
    print("both give the same numbers")

    smm = best_of(with_smm_lab, posts, args.repeats)
    bare = best_of(with_bare_pandas, posts, args.repeats)
    ratio = smm / bare
    print(
        f"summarize(by=['platform', 'week']) + best_time_table: {smm:.3f} s (best of "
        f"{args.repeats})"
    )
    print(f"bare pandas groupby, same numbers:                  {bare:.3f} s")
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"ratio {ratio:.2f}x ({verdict} the {TARGET_RATIO:.0f}x target)")


if __name__ == "__main__":
    main()
