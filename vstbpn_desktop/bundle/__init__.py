"""Signed bundles: the district sends, the province verifies, imports and sees who has reported.

One concern per module:
  keys.py       the profile's Ed25519 signing key and its fingerprint
  points.py     strict Ed25519: no small-order keys, canonical signatures only
  sequence.py   the sender's counter, which never goes back (restore, new key, concurrency)
  kept.py       what a restore keeps: revocations, the ledger's high-water marks, the counter
  strictjson.py JSON that refuses duplicate keys, NaN, huge numbers and deep nesting
  format.py     the `.vstb` container: member names, manifest, signature member (docs/bundle-format.md)
  export.py     writing a bundle of the profile's data for a period
  verify.py     reading a bundle safely and checking it against a key
  ledger.py     every query of the ledger of bundles and answers received
  importer.py   the difference against what is held, and the import in one transaction
  answer.py     the parent's signed answer returning a bundle for correction
  trust.py      the parent's register of child keys
  status.py     who has reported: children × periods, deadlines

Long operations take `progress(done, total, stage)` so a window can show a progress bar.
"""
