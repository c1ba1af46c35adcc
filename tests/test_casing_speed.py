"""casing/proper-noun's fast paths give what the slower ones give."""

from __future__ import annotations


def test_slips_by_lookup_equal_slips_by_frequent_sets(monkeypatch):
    """A cold process looks up a few words' edits in the word counts; later ones use the sets."""
    from newslint.names import frequent_words
    from newslint.rules.casing import forms as casing

    if not frequent_words()[0]:
        return  # no word data installed: both paths find nothing
    words = ["waas", "thier", "skorich", "zelenskyy", "wellknown", "recieve", "palmer", "hte", "teh", "xqzv"]
    found = {}
    from newslint.usercache import LearnedStore

    for way, done in (("lookup", -100), ("sets", 4)):  # the lookups made so far: below 4, one more
        monkeypatch.setattr(casing, "_TYPO_MEMO", {})
        # no answer from an earlier process's store: each way works them out
        monkeypatch.setattr(casing, "_LEARNED", [LearnedStore("casing-test", lambda: (), load_after=10**9)])
        monkeypatch.setattr(casing, "_TYPO_LOOKUPS", [done])
        found[way] = [casing._typo_like(w, floor) for w in words for floor in (1_000_000, 100_000_000)]
    assert found["lookup"] == found["sets"]
    assert found["lookup"][0] and found["lookup"][1]  # "waas": a slip of "was", used over 100 million times
    assert not any(found["lookup"][-2:])  # "xqzv": no slip of a common word
