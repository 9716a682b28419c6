#!/usr/bin/env python3
"""A do-nothing SMTP server for benchmarks: accepts every message on 127.0.0.1:PORT and drops it."""
import asyncore  # noqa: F401  (smtpd needs it; both ship with Python up to 3.11)
import smtpd
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        return None


Sink(("127.0.0.1", int(sys.argv[1])), None)
import asyncore as loop  # noqa: E402
loop.loop()
