#!/usr/bin/env python3
"""Summarises a Chrome trace from `atelier bench --profile` or bench/profile_reference.py: CPU time per op,
self time (children subtracted), largest first.   python3 bench/profile_summary.py trace.json [top]"""
import json, sys
from collections import defaultdict

def load(path):
    data = json.load(open(path))
    events = data["traceEvents"] if isinstance(data, dict) else data
    return [e for e in events if e.get("ph") == "X" and "dur" in e]

def self_times(events):
    by_thread = defaultdict(list)
    for e in events:
        by_thread[(e.get("pid"), e.get("tid"))].append(e)
    total, self_us, calls = defaultdict(float), defaultdict(float), defaultdict(int)
    for evs in by_thread.values():
        evs.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []
        for e in evs:
            while stack and stack[-1]["ts"] + stack[-1]["dur"] <= e["ts"]:
                stack.pop()
            name = e["name"]
            total[name] += e["dur"]; self_us[name] += e["dur"]; calls[name] += 1
            if stack:
                self_us[stack[-1]["name"]] -= e["dur"]
            stack.append(e)
    return total, self_us, calls

def main():
    events = load(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    total, self_us, calls = self_times(events)
    wall = (max(e["ts"] + e["dur"] for e in events) - min(e["ts"] for e in events)) / 1e3
    all_self = sum(self_us.values()) / 1e3
    print(f"span {wall:.1f} ms; op self time {all_self:.1f} ms")
    print(f"{'op':45s} {'calls':>5s} {'self ms':>9s} {'total ms':>9s}")
    for name in sorted(self_us, key=self_us.get, reverse=True)[:top]:
        print(f"{name[:45]:45s} {calls[name]:5d} {self_us[name]/1e3:9.1f} {total[name]/1e3:9.1f}")

main()
