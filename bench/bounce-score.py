#!/usr/bin/env python3
"""Scores bounce-classify JSON lines (stdin) against a corpus's expected.tsv (argv[1]); see bounce-corpus.sh."""
import csv, json, os, sys
from collections import defaultdict

expected_path = sys.argv[1]
root = os.path.dirname(os.path.abspath(expected_path))
got = defaultdict(list)
for line in sys.stdin:
    line = line.strip()
    if not line.startswith('{'):
        continue
    row = json.loads(line)
    got[os.path.relpath(os.path.abspath(row['file']), root)].append(row)

rows = list(csv.DictReader(open(expected_path, encoding='utf-8'), delimiter='\t'))
total = found = cls_ok = reason_ok = 0
disagreements = []
for r in rows:
    exp_addr = r['recipient_address'].lower()
    results = got.get(r['eml'], [])
    total += 1
    match = next((g for g in results if g.get('recipient') == exp_addr), None)
    if match is None and len(results) == 1 and 'recipient' not in results[0]:
        match = None
    if match is not None:
        found += 1
    # classification and reason: of the matching recipient, else of the file's only/first result
    judged = match or (results[0] if results else {})
    c = judged.get('classification', 'missing')
    reason = judged.get('reason', 'missing')
    if c == r['hard_or_soft']:
        cls_ok += 1
    if reason == r['reason']:
        reason_ok += 1
    if match is None or c != r['hard_or_soft'] or reason != r['reason']:
        disagreements.append((r['eml'], exp_addr, r['hard_or_soft'], r['reason'], r['status_code'],
                              'FOUND' if match else 'NOT-FOUND:' + ','.join(g.get('recipient', '-') for g in results),
                              c, reason, judged.get('status', '')))

print(f"recipients found:          {found}/{total} = {100.0 * found / total:.1f}%")
print(f"classification agreement:  {cls_ok}/{total} = {100.0 * cls_ok / total:.1f}%")
print(f"reason agreement:          {reason_ok}/{total} = {100.0 * reason_ok / total:.1f}%")
print(f"disagreements ({len(disagreements)}): file, expected address, expected class/reason/status -> found?, got class/reason/status")
for d in disagreements:
    print("  %s\t%s\t%s/%s/%s\t-> %s\t%s/%s/%s" % d)
