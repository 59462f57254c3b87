#!/usr/bin/env python3
"""Evaluates a Kiln FHIRPath workload with fhirpathpy and prints the figures as JSON.

`kiln bench fhirpath` writes the workload (expressions, resources and the (expression, resource)
pairs to evaluate) and runs this script in the same run, so both engines evaluate the same
expressions on the same inputs over the same time budget:

    python3 Benchmarks/fhirpath/fhirpathpy_bench.py WORKLOAD.json --seconds 3

Each expression is compiled once (`fhirpathpy.compile` with the R4 model) before the clock
starts. One unmeasured pass over every pair records each pair's result count (or error) for the
agreement check; the measured pairs are those both engines evaluated without error. After a
warm-up, the measured loop goes round those pairs until the time budget is spent.

Standard output is one JSON object; progress and problems go to standard error. Exit status:
0 done, 2 unreadable workload, 3 fhirpathpy is not installed (the JSON says so).
"""

import argparse
import json
import sys
import time

MISSING_STATUS = 3
BAD_WORKLOAD_STATUS = 2
MAX_REPORTED_ERRORS = 20


def parse_arguments():
    parser = argparse.ArgumentParser(description="Evaluate a Kiln FHIRPath workload with fhirpathpy.")
    parser.add_argument("workload", help="workload JSON written by `kiln bench fhirpath`")
    parser.add_argument("--seconds", type=float, default=3.0, help="length of the measured loop")
    parser.add_argument("--warmup-seconds", type=float, default=1.0, help="unmeasured loop before it")
    return parser.parse_args()


def import_engine():
    """The fhirpathpy module and its R4 model, or None when fhirpathpy is not installed."""
    try:
        import fhirpathpy
    except ImportError as error:
        return None, None, str(error)
    try:
        from fhirpathpy.models import models

        model = models["r4"]
    except (ImportError, KeyError):
        model = None
    return fhirpathpy, model, None


def load_resources(entries):
    """The resources of the workload, read once: whole JSON files, single NDJSON lines, or inline."""
    files = {}
    resources = []
    for entry in entries:
        if "inline" in entry:
            resources.append(entry["inline"])
            continue
        path = entry["file"]
        line = entry.get("line")
        if line is None:
            with open(path, encoding="utf-8") as handle:
                resources.append(json.load(handle))
            continue
        if path not in files:
            with open(path, encoding="utf-8") as handle:
                files[path] = handle.readlines()
        resources.append(json.loads(files[path][line - 1]))
    return resources


def compile_expressions(fhirpathpy, model, expressions):
    """One callable per expression (None when it does not compile) and the compile errors."""
    compiled = []
    errors = []
    can_compile = hasattr(fhirpathpy, "compile")
    for index, entry in enumerate(expressions):
        text = entry["expression"]
        try:
            if can_compile:
                compiled.append(fhirpathpy.compile(text, model))
            else:
                compiled.append(lambda resource, text=text: fhirpathpy.evaluate(resource, text, None, model))
        except Exception as error:  # the engine raises many kinds on expressions it does not accept
            compiled.append(None)
            errors.append({"expression": index, "message": f"{type(error).__name__}: {error}"[:300]})
    return compiled, errors, ("compile" if can_compile else "evaluate")


def check_pass(compiled, resources, evaluations):
    """Evaluates every pair once: its result count, or None when the engine failed on it."""
    counts = []
    errors = []
    reported = set()
    for evaluation in evaluations:
        function = compiled[evaluation["expression"]]
        if function is None:
            counts.append(None)
            continue
        try:
            counts.append(len(function(resources[evaluation["resource"]])))
        except Exception as error:
            counts.append(None)
            if evaluation["expression"] not in reported and len(errors) < MAX_REPORTED_ERRORS:
                reported.add(evaluation["expression"])
                errors.append({
                    "expression": evaluation["expression"],
                    "resource": evaluation["resource"],
                    "message": f"{type(error).__name__}: {error}"[:300],
                })
    return counts, errors


def run_loop(pairs, seconds):
    """Evaluates the pairs round and round for `seconds`.

    Returns (evaluations, elapsed seconds, CPU seconds of this process, failures).
    """
    if not pairs:
        return 0, 0.0, 0.0, 0
    evaluations = 0
    failures = 0
    clock = time.perf_counter
    cpu_start = time.process_time()
    start = clock()
    deadline = start + seconds
    now = start
    while now < deadline:
        for function, resource in pairs:
            try:
                function(resource)
            except Exception:
                failures += 1
            evaluations += 1
            now = clock()
            if now >= deadline:
                break
    return evaluations, now - start, time.process_time() - cpu_start, failures


def main():
    arguments = parse_arguments()
    fhirpathpy, model, import_error = import_engine()
    if fhirpathpy is None:
        print(json.dumps({
            "error": "fhirpathpy-missing",
            "message": f"fhirpathpy is not installed for {sys.executable} ({import_error}); install it with: pip install fhirpathpy",
        }))
        return MISSING_STATUS

    try:
        with open(arguments.workload, encoding="utf-8") as handle:
            workload = json.load(handle)
        resources = load_resources(workload["resources"])
        expressions = workload["expressions"]
        evaluations = workload["evaluations"]
    except (OSError, ValueError, KeyError, IndexError) as error:
        print(json.dumps({"error": "bad-workload", "message": f"cannot read {arguments.workload}: {error}"}))
        return BAD_WORKLOAD_STATUS

    compiled, compile_errors, mode = compile_expressions(fhirpathpy, model, expressions)
    print(f"fhirpathpy: checking {len(evaluations)} pairs…", file=sys.stderr, flush=True)
    check_start = time.perf_counter()
    counts, evaluation_errors = check_pass(compiled, resources, evaluations)
    check_seconds = time.perf_counter() - check_start

    pairs = [
        (compiled[evaluation["expression"]], resources[evaluation["resource"]])
        for evaluation, count in zip(evaluations, counts)
        if count is not None and evaluation.get("kilnResultCount") is not None
    ]
    result = {
        "engine": "fhirpathpy",
        "version": getattr(fhirpathpy, "__version__", "unknown"),
        "python": sys.version.split()[0],
        "model": "r4" if model is not None else None,
        "mode": mode,
        "expressions": len(expressions),
        "compileFailures": sum(1 for function in compiled if function is None),
        "compileErrors": compile_errors[:MAX_REPORTED_ERRORS],
        "evaluationFailures": sum(1 for count in counts if count is None),
        "evaluationErrors": evaluation_errors,
        "resultCounts": counts,
        "checkPassSeconds": check_seconds,
        "measuredPairs": len(pairs),
        "evaluations": 0,
        "seconds": 0.0,
        "cpuSeconds": 0.0,
        "loopFailures": 0,
        "evaluationsPerSecond": 0.0,
    }
    if pairs:
        print(f"fhirpathpy: {arguments.warmup_seconds:g} s warm-up, then {arguments.seconds:g} s measured…", file=sys.stderr, flush=True)
        run_loop(pairs, arguments.warmup_seconds)
        done, elapsed, cpu, failures = run_loop(pairs, arguments.seconds)
        result.update({
            "evaluations": done,
            "seconds": elapsed,
            "cpuSeconds": cpu,
            "loopFailures": failures,
            "evaluationsPerSecond": done / elapsed if elapsed > 0 else 0.0,
        })
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
