"""Run a Python script (argv[1:]) in this process and print its peak resident memory at exit.

    python bench/peak.py main.py --data-dir PROFILE

Prints `VSTBPN_BENCH_PEAK <kB>`: VmHWM from /proc/self/status, the high-water mark of this process
image alone. ru_maxrss (getrusage / wait4) is not used: on Linux it keeps the parent's resident size
across fork+exec, so a benchmark holding 100,000 rows would report its own size for every child.
"""

import atexit
import runpy
import sys
from pathlib import Path


def peak_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


atexit.register(lambda: print(f"VSTBPN_BENCH_PEAK {peak_kb()}", flush=True))
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path.insert(0, str(Path(script).resolve().parent))
runpy.run_path(script, run_name="__main__")
