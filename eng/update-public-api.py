#!/usr/bin/env python3
"""Adds every new public symbol to its project's PublicAPI.Unshipped.txt and removes every symbol that is gone.

Run from the repository root after changing public API, then review the diff:
    python3 eng/update-public-api.py [project-or-solution]
It builds with the public-API diagnostics reported as warnings, reads RS0016 (undeclared) and RS0017 (removed),
and edits the files. Run it again until it reports no changes.
"""
import os, re, subprocess, sys

target = sys.argv[1] if len(sys.argv) > 1 else "ContactKit.sln"
out = subprocess.run(
    ["dotnet", "build", target, "--no-incremental", "-p:TreatWarningsAsErrors=false"],
    capture_output=True, text=True).stdout
added, removed = {}, {}
for line in out.splitlines():
    m = re.search(r"(RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*\.csproj)\]", line)
    if not m:
        continue
    code, symbol, project = m.groups()
    api = os.path.join(os.path.dirname(project), "PublicAPI.Unshipped.txt")
    (added if code == "RS0016" else removed).setdefault(api, set()).add(symbol)
for api in set(added) | set(removed):
    lines = [l for l in open(api).read().splitlines() if l and not l.startswith("#nullable")]
    lines = sorted((set(lines) | added.get(api, set())) - removed.get(api, set()), key=lambda s: s.lstrip("~"))
    with open(api, "w") as f:
        f.write("#nullable enable\n" + "".join(l + "\n" for l in lines))
    print(f"{api}: +{len(added.get(api, ()))} -{len(removed.get(api, ()))}")
if not added and not removed:
    errors = [l for l in out.splitlines() if " error " in l]
    print("no public API changes" if not errors else "\n".join(sorted(set(errors))[:40]))
