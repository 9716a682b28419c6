#!/usr/bin/env python3
"""Scores bounce-classify JSON lines (stdin) against a corpus's expected.tsv; see bounce-corpus.sh.

Usage: bounce-score.py EXPECTED_TSV [--part all|tune|held-out]   (default all)
       bounce-score.py EXPECTED_TSV --part tune|held-out --list  (prints the part's files, no scoring)

The split into a tuning part and a held-out part is by file, deterministic and stratified by
sisimai_module (the MTA family): within each family the files are ordered by the SHA-256 of their path,
and the first 40% (rounded, at least one when the family has two or more files, never all of them) are
held out. A family with a single file goes to the held-out part when the first byte of that hash is
below 40% of 256. Tune on `--part tune` only; measure `--part held-out` at checkpoints.
"""
import csv, hashlib, json, os, sys
from collections import defaultdict

HELD_OUT_SHARE = 0.4


def split(rows):
    """{eml: 'tune' | 'held-out'} for every file in the rows."""
    family = {}
    for r in rows:
        family.setdefault(r['eml'], r['sisimai_module'])
    by_family = defaultdict(list)
    for eml, fam in family.items():
        by_family[fam].append(eml)
    part = {}
    for fam, files in by_family.items():
        files.sort(key=lambda f: hashlib.sha256(f.encode('utf-8')).hexdigest())
        if len(files) == 1:
            held = 1 if hashlib.sha256(files[0].encode('utf-8')).digest()[0] < HELD_OUT_SHARE * 256 else 0
        else:
            held = min(len(files) - 1, max(1, round(HELD_OUT_SHARE * len(files))))
        for i, f in enumerate(files):
            part[f] = 'held-out' if i < held else 'tune'
    return part


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    wanted = 'all'
    if '--part' in argv:
        wanted = argv[argv.index('--part') + 1]
        args.remove(wanted)
    if wanted not in ('all', 'tune', 'held-out') or len(args) != 1:
        sys.exit(__doc__)
    expected_path = args[0]
    rows = list(csv.DictReader(open(expected_path, encoding='utf-8'), delimiter='\t'))
    parts = split(rows)
    rows = [r for r in rows if wanted == 'all' or parts[r['eml']] == wanted]
    if '--list' in argv:
        for eml in sorted({r['eml'] for r in rows}):
            print(eml)
        return
    root = os.path.dirname(os.path.abspath(expected_path))
    got = defaultdict(list)
    for line in sys.stdin:
        line = line.strip()
        if not line.startswith('{'):
            continue
        row = json.loads(line)
        got[os.path.relpath(os.path.abspath(row['file']), root)].append(row)

    total = found = cls_ok = reason_ok = 0
    disagreements = []
    for r in rows:
        exp_addr = r['recipient_address'].lower()
        results = got.get(r['eml'], [])
        total += 1
        match = next((g for g in results if g.get('recipient') == exp_addr), None)
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

    files = len({r['eml'] for r in rows})
    print(f"part: {wanted} ({files} messages, {total} recipients)")
    print(f"recipients found:          {found}/{total} = {100.0 * found / total:.1f}%")
    print(f"classification agreement:  {cls_ok}/{total} = {100.0 * cls_ok / total:.1f}%")
    print(f"reason agreement:          {reason_ok}/{total} = {100.0 * reason_ok / total:.1f}%")
    print(f"disagreements ({len(disagreements)}): file, expected address, expected class/reason/status -> found?, got class/reason/status")
    for d in disagreements:
        print("  %s\t%s\t%s/%s/%s\t-> %s\t%s/%s/%s" % d)


if __name__ == '__main__':
    main(sys.argv)
