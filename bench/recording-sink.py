#!/usr/bin/env python3
"""An SMTP sink for the crash test: accepts every message on 127.0.0.1:PORT and appends each
recipient to FILE, one line per delivered copy (so duplicates show as repeated lines)."""
import asyncore  # noqa: F401  (smtpd needs it; both ship with Python up to 3.11)
import smtpd
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
out = open(sys.argv[2], "a", buffering=1)


class Recorder(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        for r in rcpttos:
            out.write(r.lower() + "\n")
        return None


Recorder(("127.0.0.1", int(sys.argv[1])), None)
import asyncore as loop  # noqa: E402
loop.loop()
