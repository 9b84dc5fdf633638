"""Issue 14: a source that is a copy on a third-party site or an encyclopedia says so wherever it
is cited, so a reader knows which facts rest on it."""

from __future__ import annotations

from atlas import i18n, texts


def test_copies_and_encyclopedias_are_marked_in_citations(real_atlas):
    links = texts.source_links(real_atlas)
    assert links["comesa-edocr-wiki"].endswith("(a copy on a third-party site)")
    assert links["comesa-zh-wikipedia"].endswith("(encyclopedia)")
    assert "third-party" not in links["comesa-court-faqs"]


def test_the_sources_list_marks_them_too_in_the_reader_language(real_atlas):
    sources = real_atlas.sources[real_atlas.sources.source_id.isin(
        ["comesa-edocr-wiki", "comesa-court-faqs"])]
    english = texts.sources_markdown(i18n.translator("en"), sources)
    french = texts.sources_markdown(i18n.translator("fr"), sources)
    assert english.count("(a copy on a third-party site)") == 1
    assert "(a copy on a third-party site)" not in french
