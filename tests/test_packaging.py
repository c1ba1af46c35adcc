"""The wheel carries the shipped YAML rules: build it, install it into a fresh venv, list rules from there."""

import subprocess
import sys
import venv

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_wheel_ships_yaml_rules(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = dist.glob("newslint-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    code = (
        "import newslint.registry as r, pathlib, sys;"
        "d = r.shipped_rules_dir(); print(d); sys.exit(0 if pathlib.Path(sys.prefix) in d.parents else 3)"
    )
    where = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert where.returncode == 0, where.stdout + where.stderr
    listed = subprocess.run([str(env_dir / "bin" / "newslint"), "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    shipped = sorted(p.stem for p in (ROOT / "rules").rglob("*.yaml"))
    assert shipped and all(name in listed.stdout for name in shipped)
