"""Start-up time: launch to a rendered window, from the source checkout and from the built folder.

    python bench/bench_startup.py [--runs 5] [--built dist/Duidu] [--platform offscreen]

What is timed is an upper bound on "launch to first paint": from starting the process until
`--screenshot FILE.png` has written its PNG. That includes settings, the library, the translation,
opening the last speech, a few rounds of queued events, grabbing the window and encoding the PNG.
Each variant gets its own library folder (DUIDU_HOME): the first start imports the bundled corpus
(timed once, shown apart), then RUNS warm starts give the median. Targets: < 1 s from source,
< 2 s built.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"source": 1.0, "built": 2.0}


def built_executable(folder: Path) -> Path | None:
    """The app inside a PyInstaller one-folder build (Linux, Windows) or a macOS .app beside it."""
    for candidate in (folder / "Duidu", folder / "Duidu.exe", folder.parent / "Duidu.app" / "Contents" / "MacOS" / "Duidu"):
        if candidate.is_file():
            return candidate
    return None


def time_launch(command: list[str], env: dict, png: Path, timeout: float = 120.0) -> tuple[float, float]:
    """Seconds until the PNG exists, and until the process has exited."""
    png.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    painted = None
    while process.poll() is None:
        if painted is None and png.is_file() and png.stat().st_size > 0:
            painted = time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            process.kill()
            raise RuntimeError(f"{command[0]} did not finish in {timeout:.0f} s")
        time.sleep(0.005)
    exited = time.perf_counter() - started
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if process.returncode != 0 or not png.is_file():
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {stderr.strip()[-800:]}")
    return (painted if painted is not None else exited), exited


def bench(name: str, command: list[str], runs: int, platform: str) -> dict:
    """One first start on a fresh library, then `runs` warm starts on it."""
    with tempfile.TemporaryDirectory(prefix=f"duidu-bench-{name}-") as folder:
        env = {**os.environ, "DUIDU_HOME": str(Path(folder) / "home"), "QT_QPA_PLATFORM": platform}
        png = Path(folder) / "shot.png"
        full = [*command, "--screenshot", str(png)]
        first, _ = time_launch(full, env, png)
        warm = [time_launch(full, env, png) for _ in range(runs)]
    painted = statistics.median(p for p, _ in warm)
    exited = statistics.median(e for _, e in warm)
    target = TARGETS[name]
    print(f"{name:<7} first start (imports the corpus) {first:6.2f} s | warm: median {painted:5.2f} s to PNG "
          f"(min {min(p for p, _ in warm):.2f}, max {max(p for p, _ in warm):.2f}), {exited:5.2f} s to exit "
          f"| target < {target:.0f} s: {'met' if painted < target else 'MISSED'}")
    return {"first": first, "painted": painted, "exited": exited}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--built", type=Path, default=ROOT / "dist" / "Duidu", help="the built folder")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the runs")
    args = parser.parse_args()
    print(f"launch to --screenshot PNG (an upper bound on first paint), {args.runs} warm runs, "
          f"QT_QPA_PLATFORM={args.platform}, {os.cpu_count()} CPUs")
    bench("source", [sys.executable, "-m", "reader"], args.runs, args.platform)
    executable = built_executable(args.built)
    if executable is None:
        print(f"built   no build in {args.built} (run `pyinstaller build.spec --noconfirm`)")
    else:
        bench("built", [str(executable)], args.runs, args.platform)
    return 0


if __name__ == "__main__":
    sys.exit(main())
