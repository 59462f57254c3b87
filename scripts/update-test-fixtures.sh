#!/usr/bin/env bash
# Rewrites Tests/Fixtures from a fhir-data folder: the public FHIR test suites, definitions,
# examples and samples the tests read, trimmed to what they use (Tests/Fixtures/README.md
# says what each folder holds, where it comes from and under which licence).
#
# Usage: scripts/update-test-fixtures.sh [FHIR_DATA]
#   FHIR_DATA   the fhir-data folder (default: $KILN_FHIR_DATA). It holds fhirpath/,
#               terminology/ucum/, validator/, us-core/6.1.0/package/, examples/r4-spec/ and
#               synthetic-carebundle/mixed-50-seed7/.
# The tests never run this script; run it when a source changes, then run the tests and
# commit what changed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

source_root="${1:-${KILN_FHIR_DATA:-}}"
if [[ -z "$source_root" ]]; then
    echo "update-test-fixtures.sh: name the fhir-data folder, or set KILN_FHIR_DATA" >&2
    exit 2
fi
if [[ ! -d "$source_root/validator" || ! -d "$source_root/fhirpath" ]]; then
    echo "update-test-fixtures.sh: $source_root is not a fhir-data folder (no validator/ or fhirpath/)" >&2
    exit 2
fi

fixtures=Tests/Fixtures

replace_folder() {
    rm -rf -- "${fixtures:?}/$1"
    mkdir -p "$fixtures/$1"
}

# FHIRPath: the official R4 suite and the JSON form of each input.
replace_folder fhirpath/input-json
cp "$source_root/fhirpath/tests-fhir-r4.xml" "$fixtures/fhirpath/"
cp "$source_root"/fhirpath/input-json/*.json "$fixtures/fhirpath/input-json/"

# UCUM: the essence table the compiler round trip reads and the functional tests.
mkdir -p "$fixtures/ucum"
cp "$source_root/terminology/ucum/ucum-essence.xml" "$source_root/terminology/ucum/UcumFunctionalTests.xml" "$fixtures/ucum/"

# The R4 specification's example resources, byte for byte.
replace_folder examples/r4-spec
cp "$source_root"/examples/r4-spec/*.json "$fixtures/examples/r4-spec/"

python3 - "$source_root" "$fixtures" <<'PYTHON'
import csv, io, json, os, shutil, sys

source, fixtures = sys.argv[1], sys.argv[2]

def clear(target):
    """Empties a fixture folder but keeps its README.md, which is written by hand."""
    os.makedirs(target, exist_ok=True)
    for name in os.listdir(target):
        if name == "README.md":
            continue
        path = os.path.join(target, name)
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)

# The validator suite: the cases Tests/FHIRValidationTests/ValidatorSuite/ValidatorSuiteIndex.swift
# runs (JSON inputs outside the excluded modules, without packages, in use), each with its
# supporting files and reference outcomes, copied byte for byte; the index and the manifest
# trimmed to those cases.
excluded = {"questionnaire", "cdshooks", "json5", "dsig", "shc", "measure", "matchetype"}
suite = os.path.join(source, "validator")
target = os.path.join(fixtures, "validator")
clear(target)
with open(os.path.join(suite, "r4-test-index.csv"), newline="") as handle:
    reader = csv.DictReader(handle)
    header, rows = reader.fieldnames, list(reader)
with open(os.path.join(suite, "manifest.json")) as handle:
    manifest = json.load(handle)
by_name = {case["name"]: case for case in manifest.get("test-cases", [])}
kept_rows, kept_names, files = [], set(), set()
for row in rows:
    if row["module"] in excluded or not row["file"].endswith(".json") or row["packages"] or row["use_test"] != "True":
        continue
    kept_rows.append(row)
    kept_names.add(row["name"])
    entry = by_name.get(row["name"], {})
    referenced = [row["file"], row["profile_source"], row["expected_source"], row["profile_expected_source"]]
    referenced += row["supporting"].split() + entry.get("supporting", []) + entry.get("profiles", [])
    referenced += (entry.get("profile") or {}).get("supporting", [])
    files.update(name for name in referenced if name)
copied = 0
for name in sorted(files):
    path = os.path.join(suite, name)
    if not os.path.isfile(path):
        continue  # canonical URLs, "missing:…" markers and files the suite itself lacks
    os.makedirs(os.path.dirname(os.path.join(target, name)), exist_ok=True)
    shutil.copyfile(path, os.path.join(target, name))
    copied += 1
index = io.StringIO()
writer = csv.DictWriter(index, fieldnames=header, lineterminator="\n")
writer.writeheader()
writer.writerows(kept_rows)
with open(os.path.join(target, "r4-test-index.csv"), "w") as handle:
    handle.write(index.getvalue())
trimmed = dict(manifest)
trimmed["test-cases"] = [case for case in manifest.get("test-cases", []) if case.get("name") in kept_names]
with open(os.path.join(target, "manifest.json"), "w") as handle:
    json.dump(trimmed, handle, indent=1, ensure_ascii=False)
    handle.write("\n")
print(f"validator: {len(kept_rows)} cases, {copied} files")

# US Core 6.1.0: the published StructureDefinitions (differential and snapshot) of the profiles
# Kiln ships, for the snapshot generator's comparison; the narrative (`text`) is left out.
us_core = os.path.join(source, "us-core", "6.1.0", "package")
target = os.path.join(fixtures, "us-core")
clear(target)
with open(os.path.join("fhir-profiles", "us-core", "index.json")) as handle:
    shipped = [entry["url"].rsplit("/", 1)[-1] for entry in json.load(handle)["structures"]]
for identifier in shipped:
    with open(os.path.join(us_core, f"StructureDefinition-{identifier}.json")) as handle:
        definition = json.load(handle)
    definition.pop("text", None)
    with open(os.path.join(target, f"StructureDefinition-{identifier}.json"), "w") as handle:
        json.dump(definition, handle, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")
print(f"us-core: {len(shipped)} StructureDefinitions")

# The synthetic carebundle sample: the first lines of its Patient and Observation files.
sample = os.path.join(source, "synthetic-carebundle", "mixed-50-seed7")
target = os.path.join(fixtures, "carebundle")
os.makedirs(target, exist_ok=True)
for name, count in (("Patient.ndjson", 5), ("Observation.ndjson", 40)):
    with open(os.path.join(sample, name)) as handle:
        lines = [line for line in handle if line.strip()][:count]
    with open(os.path.join(target, name), "w") as handle:
        handle.writelines(lines)
print("carebundle: 5 Patients, 40 Observations")
PYTHON

du -sh "$fixtures"
