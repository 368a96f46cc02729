"""Bulk sources (folder, JSON Lines, Parquet) and the generated corpus; no Dask needed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from service.bulk import sources as S
from service.bulk.sources import clean_meta, open_source
from service.errors import InputError


def test_folder_source_reads_files_and_sidecars_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_bytes(b"line one\r\nline two\r\n")
    (tmp_path / "a.meta.yaml").write_text(
        "published: 2024-09-06\noutlet: Wire\nlanguage: en\ntitle: T\n", encoding="utf-8"
    )
    (tmp_path / "b" / "c.html").write_text("<p>نص</p>", encoding="utf-8")
    (tmp_path / "b" / "c.meta.json").write_text(json.dumps({"url": "https://x/c"}))
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "e.md").write_text("not an article")
    (tmp_path / "f.txt").write_text("ok", encoding="utf-8")
    (tmp_path / "f.meta.yaml").write_text("[unclosed", encoding="utf-8")
    src = open_source(tmp_path)
    assert src.kind == "folder" and src.count() == 4
    items = list(src)
    assert [i.ref for i in items] == ["a.txt", "d.txt", "f.txt", "b/c.html"]  # files first
    a, d, f, c = items
    assert a.text == "line one\nline two\n"  # universal newlines, as read_text
    assert a.meta == {"published": "2024-09-06", "outlet": "Wire", "title": "T", "lang": "en"}
    assert c.text == "<p>نص</p>" and c.meta == {"url": "https://x/c"}
    assert d.text is None and "not UTF-8" in d.error and len(d.raw_hash) == 64
    assert f.text is None and "bad metadata sidecar" in f.error


def test_jsonl_source_streams_lines_and_reports_bad_ones(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(
        b'{"text": "one", "published": "2024-01-02T10:00:00Z", "language": "ar"}\n'
        b"\n"
        b'{"text": "two", "outlet": null, "extra": 1}\n'
        b"[1, 2]\n"
        b"{broken\n"
    )
    src = open_source(p)
    assert src.kind == "jsonl" and src.count() == 4
    it = iter(src)
    first = next(it)  # lazily, one line at a time
    assert (first.ref, first.text, first.meta) == (
        "line 1",
        "one",
        {"published": "2024-01-02", "lang": "ar"},
    )
    rest = list(it)
    assert [(i.ref, i.text, i.meta) for i in rest[:1]] == [("line 3", "two", {})]
    assert rest[1].error == "not a JSON object" and rest[2].error.startswith("bad JSON")


def test_parquet_source_reads_record_batches(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {
            "text": f"article {i}",
            "published": dt.date(2024, 1, 1 + i % 28),
            "url": f"https://x/{i}",
            "outlet": None,
            "lang": "en",
        }
        for i in range(25)
    ]
    p = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(rows), p, row_group_size=10)
    monkeypatch.setattr(S, "PARQUET_BATCH_ROWS", 4)
    src = open_source(p)
    assert src.kind == "parquet" and src.count() == 25
    items = list(src)
    assert [i.ref for i in items][:2] == ["row 1", "row 2"] and len(items) == 25
    assert items[3].meta == {"published": dt.date(2024, 1, 4), "url": "https://x/3", "lang": "en"}
    notext = tmp_path / "b.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "x"}]), notext)
    with pytest.raises(InputError, match="no 'text' column"):
        list(open_source(notext))


def test_open_source_rejects_what_it_cannot_read(tmp_path):
    with pytest.raises(InputError, match="not found"):
        open_source(tmp_path / "nope.jsonl")
    (tmp_path / "x.csv").write_text("a")
    with pytest.raises(InputError, match="unsupported source"):
        open_source(tmp_path / "x.csv")
    (tmp_path / "y.parquet").write_text("not parquet")
    with pytest.raises(InputError, match="not a readable Parquet"):
        open_source(tmp_path / "y.parquet").count()


def test_source_identity_is_stable(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("")
    assert open_source(p).key == open_source(str(p)).key
    assert open_source(p).key != open_source(tmp_path).key


def test_clean_meta():
    assert clean_meta(
        {
            "published": dt.datetime(2024, 5, 1, 12),
            "url": 5,
            "title": "",
            "lang": "EN-gb",
            "outlet": float("nan"),
        }
    ) == {"published": dt.date(2024, 5, 1), "url": "5", "lang": "en"}


def test_generated_corpus_is_deterministic_varied_and_extractable(gaz, tmp_path):
    from service.bulk.corpus import generate_articles, write_folder, write_parquet
    from service.extract import extract_article
    from service.store.store import prepare_article

    a = list(generate_articles(60, seed=5, gazetteer=gaz))
    assert a == list(generate_articles(60, seed=5, gazetteer=gaz))
    assert a != list(generate_articles(60, seed=6, gazetteer=gaz))
    assert len({x["text"] for x in a}) == 60
    assert {x["lang"] for x in a} == {"ar", "en"}
    obs = moves = 0
    for x in a:
        prep = prepare_article(
            x["text"],
            published=x["published"],
            url=x["url"],
            outlet=x["outlet"],
            lang=x["lang"],
            extractor=extract_article,
            gazetteer=gaz,
        )
        obs += len(prep.records.observations)
        moves += len(prep.records.moves)
    assert obs > 60 and moves > 20
    assert write_folder(a[:10], tmp_path / "f", html_share=0.5, per_dir=4) == 10
    assert len(list((tmp_path / "f").glob("part*/*.meta.json"))) == 10
    assert len(list((tmp_path / "f").glob("part*"))) == 3
    assert write_parquet(a[:10], tmp_path / "a.parquet", row_group_size=3) == 10
    assert open_source(tmp_path / "a.parquet").count() == 10
