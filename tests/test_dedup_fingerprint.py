"""Near-duplicate documents: MinHash fingerprints, the similarity and the LSH index."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.dedup import LshIndex, fingerprint, is_near_duplicate, near_duplicate
from frontlines.dedup.fingerprint import DUPLICATE_THRESHOLD, Fingerprint, jaccard, shingles, words

STORY = (
    "Gunmen riding motorcycles attacked the weekly cattle market in the town of Kasuwan Dutse on Thursday afternoon, "
    "killing at least nineteen traders and herders, a local government official said on Friday. The attackers "
    "surrounded the market from three sides and opened fire on the crowd before setting stalls and vehicles alight. "
    "Survivors said the shooting lasted for more than an hour and that security forces arrived only after the gunmen "
    "had left with several hundred head of cattle. The state police command confirmed the attack and said a joint "
    "patrol had been deployed to the area. No group has claimed responsibility, but residents blamed armed bandits "
    "who have raided villages in the district for months and demanded levies from farmers."
)
OTHER_STORY = (
    "Gunmen attacked a police checkpoint outside the town of Gidan Rafi on Sunday night, killing two officers and "
    "seizing their rifles, the state police spokesman said on Monday. He said reinforcements had pursued the "
    "attackers into the forest and recovered a motorcycle. Residents said the checkpoint had been set up only a week "
    "earlier after a wave of kidnappings on the highway. The governor condemned the attack and promised more "
    "patrols, while community leaders called for a curfew in the district until the attackers are caught."
)
BOILERPLATE_A = (
    "Subscribe to our newsletter for the latest news. Copyright 2024 The Daily Courier. All rights reserved."
)
BOILERPLATE_B = "This story was provided by a news agency partner. Follow us on social media. Advertise with us."


def lightly_edited(text: str) -> str:
    return (
        text.replace("nineteen", "twenty-one")
        .replace("on Friday", "on Saturday")
        .replace("more than an hour", "over an hour")
        .replace("several hundred", "hundreds of")
    )


def updated(text: str) -> str:
    return text + " Hospital officials later said the toll had risen as three of the wounded died overnight."


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (STORY, STORY, True),
        (f"{BOILERPLATE_A} {STORY}", f"{STORY} {BOILERPLATE_B}", True),
        (STORY, lightly_edited(STORY), True),
        (STORY, updated(lightly_edited(STORY)), True),
        (STORY, STORY.upper(), True),
        (STORY, OTHER_STORY, False),
        (STORY, "", False),
        (STORY[:300], OTHER_STORY[:300], False),
    ],
    ids=[
        "identical",
        "different-boilerplate",
        "light-edits",
        "update-with-new-paragraph",
        "case",
        "same-topic-different-story",
        "empty",
        "short-different",
    ],
)
def test_near_duplicate_table(a, b, expected):
    assert is_near_duplicate(a, b) is expected
    assert (near_duplicate(a, b) >= DUPLICATE_THRESHOLD) is expected


def test_similarity_orders_copies_above_other_stories():
    assert near_duplicate(STORY, lightly_edited(STORY)) > near_duplicate(STORY, OTHER_STORY) + 0.4
    assert near_duplicate(STORY, OTHER_STORY) < 0.2


def test_short_brief_inside_full_story_counts_as_copy():
    brief = STORY[: STORY.index("Survivors")]
    assert is_near_duplicate(brief, STORY)


def test_digits_fold_so_revised_numbers_keep_the_copy():
    assert words("killing 12 soldiers") == ["killing", "0", "soldiers"]
    assert words("M23 and F-16s") == ["m23", "and", "f", "16s"]  # numbers inside names stay
    assert fingerprint("Troops killed 12 militants near the bridge on Monday") == fingerprint(
        "Troops killed 15 militants near the bridge on Monday"
    )


def test_shingles_of_short_texts():
    assert shingles("") == set()
    assert shingles("two words") == {"two words"}
    assert shingles("one two three four") == {"one two three", "two three four"}


def test_fingerprint_is_deterministic_across_processes():
    code = "from frontlines.dedup import fingerprint; import sys; print(fingerprint(sys.argv[1]).to_bytes().hex())"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, STORY],
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert runs == {fingerprint(STORY).to_bytes().hex()}


def test_fingerprint_bytes_round_trip():
    fp = fingerprint(STORY)
    assert Fingerprint.from_bytes(fp.to_bytes(), shingles=fp.shingles) == fp


def test_index_finds_copies_and_only_copies():
    index = LshIndex()
    index.add("original", fingerprint(STORY))
    index.add("other", fingerprint(OTHER_STORY))
    for n in range(40):  # unrelated filler documents
        index.add(f"filler-{n}", fingerprint(f"filler document number {n} about weather and markets {n * 7}" * 3))
    hits = index.query(fingerprint(f"{BOILERPLATE_A} {lightly_edited(STORY)}"))
    assert [doc_id for doc_id, _ in hits] == ["original"]
    assert hits[0][1] >= DUPLICATE_THRESHOLD
    assert index.query(fingerprint("Nothing like any stored text at all, about a football match.")) == []


def test_index_candidates_touch_only_shared_buckets():
    index = LshIndex.from_items(
        (f"doc-{n}", fingerprint(f"{OTHER_STORY} variant {n} " * (n % 3 + 1))) for n in range(50)
    )
    assert len(index) == 50
    assert index.candidates(fingerprint(STORY)) == set()


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefgh ,.12"), min_size=0, max_size=200))
def test_similarity_is_symmetric_and_bounded(text):
    a, b = fingerprint(text), fingerprint(STORY)
    assert 0.0 <= near_duplicate(a, b) <= 1.0
    assert near_duplicate(a, b) == near_duplicate(b, a)
    assert jaccard(a, a) == (1.0 if a.shingles else 0.0)
