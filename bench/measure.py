"""Run a command; print its wall time and peak RSS (of the command and its children) as JSON."""
import json, resource, subprocess, sys, time

args = sys.argv[1:]
allow_fail = args[:1] == ["--allow-fail"]  # a command whose failure is what is measured
if allow_fail:
    args = args[1:]
start = time.perf_counter()
done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
if done.returncode != 0 and not allow_fail:
    sys.stderr.write(done.stderr.decode(errors="replace"))
    sys.exit(done.returncode)
# ru_maxrss of RUSAGE_CHILDREN: the largest resident set of any waited-for descendant, in KiB on Linux
print(json.dumps({"seconds": seconds, "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
