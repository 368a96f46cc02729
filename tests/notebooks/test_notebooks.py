"""The analyst notebooks run from a clean kernel, offline, and are stored without outputs.

Each notebook runs in a fresh kernel of *this* interpreter (a kernelspec written to a temporary
folder, so a user-level ``python3`` kernel elsewhere cannot be picked up), with ``cwd``
``notebooks/``, its own temporary database (``DATABASE_URL``) and instance folder
(``TPM_INSTANCE_PATH``), ``TPM_OFFLINE=1``, the Agg backend and no network: the kernel runs
``kernel_offline.py`` at start-up, and the proxy variables point at a dead local port so
that HTTP clients outside Python's sockets (GDAL/curl) cannot go out either.  Any failing
cell fails the test (nbclient raises ``CellExecutionError``).

``NOTEBOOK_OUTPUT_DIR=folder`` keeps a copy of each executed notebook there (to look at the
figures); the notebooks in git stay without outputs.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
KERNEL = "tpm-notebook-test"
CELL_TIMEOUT = 600
DEAD_PROXY = "http://127.0.0.1:9"
OFFLINE = Path(__file__).with_name("kernel_offline.py")
#: what each notebook must have shown (mime type → at least this many outputs)
EXPECTED_OUTPUTS = {
    "01_article_to_map.ipynb": {"text/html": 8, "image/png": 1},
    "02_force_timeline.ipynb": {"image/png": 5, "text/html": 4},
    "03_service_client.ipynb": {"text/html": 6},
}


def test_the_notebooks_are_there():
    assert [p.name for p in PATHS] == sorted(EXPECTED_OUTPUTS)


@pytest.fixture(scope="session")
def kernel_spec_manager(tmp_path_factory):
    """A kernelspec that starts ``sys.executable`` (the .venv python) with ipykernel."""
    from jupyter_client.kernelspec import KernelSpecManager

    kernels = tmp_path_factory.mktemp("kernels")
    spec = kernels / KERNEL
    spec.mkdir()
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python (troop-presence map tests)",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    return KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)


def kernel_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TPM_") or k in ("TPM_INDEX_DIR", "TPM_DATA_DIR")
    }
    for key in ("DATABASE_URL", "JUPYTER_PATH", "PYTHONSTARTUP"):
        env.pop(key, None)
    instance = tmp_path / "instance"
    instance.mkdir()
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'tpm.sqlite'}",
            "TPM_INSTANCE_PATH": str(instance),
            "TPM_OFFLINE": "1",
            "TPM_GEOCODER_FALLBACK": "",
            "MPLBACKEND": "Agg",
            "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(
                os.pathsep
            ),
            "TMPDIR": str(tmp_path),  # the notebooks' temporary folders land in the test's
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
    )
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env[var] = DEAD_PROXY
    env["no_proxy"] = env["NO_PROXY"] = "127.0.0.1,localhost,::1"
    return env


def outputs_by_type(nb) -> dict[str, int]:
    counts: dict[str, int] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", ()):
            for mime in out.get("data", {}):
                counts[mime] = counts.get(mime, 0) + 1
    return counts


def run(nb, kernel_spec_manager, tmp_path: Path) -> None:
    """Execute ``nb`` in place in a fresh kernel, as the notebook tests do."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    km = KernelManager(kernel_name=KERNEL, kernel_spec_manager=kernel_spec_manager)
    client = NotebookClient(
        nb,
        km=km,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        startup_timeout=120,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        extra_arguments=[f"--IPKernelApp.exec_files={OFFLINE}"],
    )
    client.execute(env=kernel_env(tmp_path), cwd=str(NOTEBOOKS))


def test_the_kernel_is_offline_and_uses_this_python(kernel_spec_manager, tmp_path):
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(
        cells=[
            new_code_cell(
                "import os, socket, sys\n"
                "print(sys.prefix)\n"
                "print(os.getcwd(), os.environ['TPM_OFFLINE'], os.environ['DATABASE_URL'])\n"
                "try:\n"
                "    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
                "except OSError as exc:\n"
                "    print('blocked:', exc)\n"
                "socket.socket().connect_ex(('127.0.0.1', 9))  # loopback is allowed\n"
            )
        ]
    )
    run(nb, kernel_spec_manager, tmp_path)
    out = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    prefix, where, blocked = out.splitlines()[:3]
    assert prefix == sys.prefix  # the .venv, not whatever "python3" kernel is installed
    assert where.split() == [str(NOTEBOOKS), "1", f"sqlite:///{tmp_path / 'tpm.sqlite'}"]
    assert blocked.startswith("blocked: notebook tried to")


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_runs(path: Path, kernel_spec_manager, tmp_path):
    nb = nbformat.read(path, as_version=4)
    run(nb, kernel_spec_manager, tmp_path)
    keep = os.environ.get("NOTEBOOK_OUTPUT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, Path(keep) / path.name)

    for cell in nb.cells:
        for out in cell.get("outputs", ()):
            assert out.get("output_type") != "error", out
            text = "".join(out.get("text", "")) if out.get("name") == "stderr" else ""
            assert "Traceback" not in text, text[:2000]
    counts = outputs_by_type(nb)
    for mime, least in EXPECTED_OUTPUTS[path.name].items():
        assert counts.get(mime, 0) >= least, (mime, counts)
    html = "".join(
        "".join(out.get("data", {}).get("text/html", ""))
        for cell in nb.cells
        for out in cell.get("outputs", ())
    )
    # maps shown in the notebook load nothing from the internet (no tiles, no CDN assets)
    assert "tile.openstreetmap.org" not in html
    assert not re.search(
        r"(src|href)=(&quot;|\\?[\"'])https?://(?!127\.0\.0\.1)[^\"'&]*"
        r"\.(js|css|png)",
        html,
    )


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_is_stored_without_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [], f"{path.name} cell {i} has outputs"
        assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"
        assert "execution" not in cell.metadata, f"{path.name} cell {i} has timing metadata"
    assert "widgets" not in nb.metadata, f"{path.name} stores widget state"
