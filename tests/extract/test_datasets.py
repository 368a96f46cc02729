"""Every labelled article set passes its consistency checker (labels, dates, offsets, size)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = {
    "devset": "check_devset.py",
    "devset2": "check_devset.py",
    "heldout": "check_heldout.py",
    "heldout2": "check_heldout2.py",
    "heldout3": "check_heldout3.py",
}


def _checker(path: Path):
    spec = importlib.util.spec_from_file_location(f"chk_{path.parent.name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", list(SETS))
def test_set_passes_its_checker(name, capsys):
    assert _checker(DATA / name / SETS[name]).main() == 0
    assert "0 problem(s)" in capsys.readouterr().out


def test_checker_finds_a_broken_label(tmp_path, capsys):
    # a copy of a set with one impossible label must fail
    dst = tmp_path / "heldout"
    shutil.copytree(DATA / "heldout", dst)
    shutil.copytree(DATA / "devset", tmp_path / "devset")  # the shared checks
    exp = sorted(dst.glob("*.expected.json"))[0]
    data = json.loads(exp.read_text(encoding="utf-8"))
    (data.get("force_levels") or data["places"]).append({"bogus": True})
    exp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert _checker(dst / SETS["heldout"]).main() == 1
    assert "ERROR" in capsys.readouterr().out
