#!/usr/bin/env python3
"""Fuzzes the inbound path of a running listserv: mutates hand-written seed messages (a DSN, a Postfix
bounce, an ARF complaint, an auto-reply, posts in text, HTML and quoted-printable, commands, mail to the
owner, a confirmation reply) with truncation, byte flips, broken boundaries, deep nesting, huge headers,
NULs, bad charsets and long runs of address characters, and sends them through the SMTP listener.

Prints one JSON object on stdout: what was sent, what the listener answered, and the errors. The caller
(bench/inbound-fuzz.sh) then reads the database and the log for the final states and timings.

  inbound-fuzz.py --port 2525 --slug fuzz --count 10000 --seed 1
"""
import argparse
import json
import random
import smtplib
import sys
import threading

SEEDS = {}


def seed(name, rcpt, sender):
    def register(fn):
        SEEDS[name] = (fn, rcpt, sender)
        return fn
    return register


@seed("dsn", "{slug}-bounces+{token}@{domain}", "")
def dsn(s):
    return f"""From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
To: {s.slug}-bounces+{s.token}@{s.domain}
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-{s.n}@mx.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-b"

--dsn-b
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.net.

<{s.member}>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <{s.member}>:
    Recipient address rejected: User unknown (in reply to RCPT TO command)

--dsn-b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
Arrival-Date: Tue, 1 Dec 2026 10:00:00 +0000

Final-Recipient: rfc822; {s.member}
Original-Recipient: rfc822;{s.member}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 550 5.1.1 <{s.member}>: Recipient address rejected: User
    unknown

--dsn-b
Content-Type: text/rfc822-headers

From: {s.slug}@{s.domain}
To: {s.member}
Subject: Our newsletter
Message-ID: <orig-{s.n}@{s.domain}>

--dsn-b--
"""


@seed("postfix-text", "{slug}-bounces@{domain}", "")
def postfix_text(s):
    return f"""From: MAILER-DAEMON@mail.example.com
To: {s.slug}-bounces@{s.domain}
Subject: failure notice
Message-ID: <qmail-{s.n}@mail.example.com>

Hi. This is the qmail-send program at mail.example.com.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<{s.member}>:
192.0.2.7 does not like recipient.
Remote host said: 550 5.2.2 Mailbox full
Giving up on 192.0.2.7.

--- Below this line is a copy of the message.

From: {s.slug}@{s.domain}
To: {s.member}
Subject: Our newsletter
"""


@seed("arf", "{slug}-bounces@{domain}", "")
def arf(s):
    return f"""From: staff@feedback.example.net
To: {s.slug}-bounces@{s.domain}
Subject: Abuse report
Message-ID: <arf-{s.n}@feedback.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="arf-b"

--arf-b
Content-Type: text/plain

This is an email abuse report.

--arf-b
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: Fuzz/1.0
Version: 1
Original-Rcpt-To: {s.member}

--arf-b
Content-Type: message/rfc822

From: {s.slug}@{s.domain}
To: {s.member}
Subject: Our newsletter

Hello.
--arf-b--
"""


@seed("vacation", "{slug}-bounces@{domain}", "{member}")
def vacation(s):
    return f"""From: {s.member}
To: {s.slug}-bounces@{s.domain}
Subject: Out of office: Our newsletter
Auto-Submitted: auto-replied
Message-ID: <ooo-{s.n}@example.net>

I am away until Monday.
"""


@seed("post", "{slug}@{domain}", "{member}")
def post(s):
    return f"""From: Member {s.n} <{s.member}>
To: {s.slug}@{s.domain}
Subject: Vigil on Friday {s.n}
Message-ID: <post-{s.n}@example.net>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Friends, the vigil is on Friday at six, in front of the embassy.
Bring candles. Traemos velas.
"""


@seed("post-html", "{slug}@{domain}", "{member}")
def post_html(s):
    return f"""From: {s.member}
To: {s.slug}@{s.domain}
Subject: =?UTF-8?Q?Acci=C3=B3n_urgente?= {s.n}
Message-ID: <html-{s.n}@example.net>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Call your representative =E2=80=94 today.=0A=00 end
--alt
Content-Type: text/html; charset=utf-8

<p>Call your <b>representative</b> today.<script>alert(1)</script></p>
--alt--

--outer
Content-Type: application/pdf; name="flyer.pdf"
Content-Disposition: attachment; filename="flyer.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK
--outer--
"""


@seed("stranger-post", "{slug}@{domain}", "stranger{n}@example.org")
def stranger_post(s):
    return f"""From: stranger{s.n}@example.org
To: {s.slug}@{s.domain}
Subject: Cheap watches {s.n}
Message-ID: <spam-{s.n}@example.org>

Buy now.
"""


@seed("command", "{slug}-request@{domain}", "new{n}@example.org")
def command(s):
    return f"""From: New Person <new{s.n}@example.org>
To: {s.slug}-request@{s.domain}
Subject: subscribe
Message-ID: <cmd-{s.n}@example.org>

subscribe
lists
help
"""


@seed("owner", "{slug}-owner@{domain}", "friend{n}@example.org")
def owner(s):
    return f"""From: A Friend <friend{s.n}@example.org>
To: {s.slug}-owner@{s.domain}
Subject: I would like to get involved
Message-ID: <own-{s.n}@example.org>

Hello, how can I help?
"""


@seed("confirm", "{slug}-confirm+{token32}@{domain}", "new{n}@example.org")
def confirm(s):
    return f"""From: new{s.n}@example.org
To: {s.slug}-confirm+{s.token32}@{s.domain}
Subject: Re: Confirm your subscription
Message-ID: <conf-{s.n}@example.org>

yes
"""


RUN_UNITS = ["a", "a.", "a-", "x@a.", "1.", "5.1.", "550 ", "<a", "user unknown ", "=?", "{{", "\t"]


def run(rnd, size=None):
    unit = rnd.choice(RUN_UNITS)
    return unit * ((size or 200_000) // len(unit))


def split(msg):
    i = msg.find(b"\r\n\r\n")
    return (msg, b"") if i < 0 else (msg[:i + 2], msg[i + 4:])


def m_truncate(rnd, msg):
    return msg[:rnd.randrange(0, max(1, len(msg)))]


def m_flip(rnd, msg):
    b = bytearray(msg)
    for _ in range(rnd.randint(1, 50)):
        if b:
            b[rnd.randrange(len(b))] = rnd.randrange(256)
    return bytes(b)


def m_boundary(rnd, msg):
    choice = rnd.randrange(4)
    if choice == 0:
        return msg.replace(b"--dsn-b--", b"").replace(b"--outer--", b"").replace(b"--alt--", b"").replace(b"--arf-b--", b"")
    if choice == 1:
        return msg.replace(b'boundary="', b'boundary="x', 1)
    if choice == 2:
        return msg.replace(b"\r\n--", b"\r\n--" + b"-" * rnd.randint(1, 5), rnd.randint(1, 3))
    head, body = split(msg)
    return head + b'Content-Type: multipart/mixed; boundary=""\r\n\r\n' + body


def m_nest(rnd, msg):
    depth = rnd.choice([50, 500, 5000, 10000])
    head, body = split(msg)
    head = b"\r\n".join(l for l in head.split(b"\r\n") if not l.lower().startswith(b"content-type")
                        and not l.lower().startswith(b"mime-version"))
    out = [head, b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n"]
    for i in range(depth):
        out.append(b"--n%d\r\nContent-Type: multipart/mixed; boundary=\"n%d\"\r\n\r\n" % (i, i + 1))
    out.append(b"--n%d\r\nContent-Type: text/plain\r\n\r\n" % depth + body + b"\r\n--n%d--\r\n" % depth)
    if rnd.random() < 0.7:
        for i in range(depth - 1, -1, -1):
            out.append(b"--n%d--\r\n" % i)
    return b"".join(out)


def m_huge_header(rnd, msg):
    head, body = split(msg)
    choice = rnd.randrange(4)
    if choice == 0:
        extra = b"X-Huge: " + b"h" * rnd.choice([10_000, 300_000, 1_000_000]) + b"\r\n"
    elif choice == 1:
        extra = b"".join(b"X-Field-%d: value\r\n" % i for i in range(rnd.choice([1000, 20_000])))
    elif choice == 2:
        extra = b"X-Folded: start\r\n" + b" continued\r\n" * rnd.choice([1000, 50_000])
    else:
        extra = b"Subject: " + b"=?utf-8?B?w6k=?= " * 20_000 + b"\r\n"
    return head + extra + b"\r\n" + body


def m_nul(rnd, msg):
    b = bytearray(msg)
    for _ in range(rnd.randint(1, 10)):
        b.insert(rnd.randrange(len(b) + 1), 0)
    if rnd.random() < 0.5:
        b += b"\r\n=00=00 hello=00world\r\n"
    return bytes(b)


def m_charset(rnd, msg):
    choice = rnd.randrange(4)
    if choice == 0:
        return msg.replace(b"charset=utf-8", b'charset="x-bogus-\xff"').replace(b"charset=us-ascii", b"charset=utf-7")
    if choice == 1:
        return msg.replace(b"\r\n\r\n", b"\r\n\r\n\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc\xff\xfe ", 1)
    if choice == 2:
        return msg.replace(b"Subject: ", b"Subject: \xe9t\xe9 \xff\xfe ", 1)
    return msg.replace(b"Subject: ", b"Subject: =?x-unknown?Q?=E9t=E9?= =?utf-8?B?####?= ", 1)


def m_run(rnd, msg):
    r = run(rnd).encode()
    where = rnd.randrange(6)
    if where == 0:
        return msg.replace(b"From: ", b'From: "' + r + b'" <x@example.org>\r\nX-Old-From: ', 1)
    if where == 1:
        return msg.replace(b"Subject: ", b"Subject: " + r + b" ", 1)
    if where == 2:
        return msg.replace(b"\r\n\r\n", b"\r\n\r\n" + r + b"\r\n", 1)
    if where == 3:
        return msg.replace(b"Final-Recipient: rfc822; ", b"Final-Recipient: rfc822; " + r, 1) \
            .replace(b"Remote host said: ", b"Remote host said: " + r, 1)
    if where == 4:
        return msg.replace(b"Diagnostic-Code: smtp; ", b"Diagnostic-Code: smtp; " + r, 1) \
            .replace(b"<", b"<" + r, 1)
    return msg + r.replace(b"\t", b" ") + b"\r\n"


def m_line_ends(rnd, msg):
    return msg.replace(b"\r\n", rnd.choice([b"\n", b"\r", b"\r\r\n"]))


def m_long_line(rnd, msg):
    head, body = split(msg)
    return head + b"\r\n" + b"w" * rnd.choice([100_000, 1_000_000]) + body


def m_base64(rnd, msg):
    head, body = split(msg)
    return head + b"Content-Transfer-Encoding: base64\r\n\r\n" + b"!!!not*base64***" * 500 + body


MUTATORS = [m_truncate, m_flip, m_boundary, m_nest, m_huge_header, m_nul, m_charset, m_run, m_line_ends,
            m_long_line, m_base64]
# the large ones are rarer, so that ten thousand messages stay a few hundred megabytes
WEIGHTS = [10, 10, 8, 2, 2, 8, 8, 3, 6, 1, 5]


class Subst:
    def __init__(self, args, n, rnd):
        self.slug, self.domain, self.n = args.slug, args.domain, n
        self.member = f"member{rnd.randrange(args.members)}@members.example.org"
        self.token = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(20))
        self.token32 = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(32))


def make(args, n):
    rnd = random.Random(args.seed * 1_000_003 + n)
    name = rnd.choice(sorted(SEEDS))
    fn, rcpt, sender = SEEDS[name]
    s = Subst(args, n, rnd)
    fmt = dict(slug=s.slug, domain=s.domain, token=s.token, token32=s.token32, member=s.member, n=n)
    msg = fn(s).replace("\n", "\r\n").encode("utf-8")
    mutations = []
    if rnd.random() < 0.95:
        for _ in range(rnd.choice([1, 1, 1, 2, 3])):
            m = rnd.choices(MUTATORS, WEIGHTS)[0]
            msg = m(rnd, msg)
            mutations.append(m.__name__[2:])
    return name, rcpt.format(**fmt), sender.format(**fmt), msg, mutations


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--slug", default="fuzz")
    p.add_argument("--domain", default="lists.example.org")
    p.add_argument("--members", type=int, default=20)
    p.add_argument("--count", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=4)
    args = p.parse_args()

    lock = threading.Lock()
    stats = {"sent": 0, "accepted": 0, "refused": {}, "errors": {}, "bytes": 0, "seeds": {}, "mutations": {}}
    work = iter(range(args.count))

    def count(key, value, n=1):
        stats[key][value] = stats[key].get(value, 0) + n

    def worker():
        conn = None
        while True:
            with lock:
                n = next(work, None)
            if n is None:
                break
            name, rcpt, sender, msg, mutations = make(args, n)
            for attempt in range(3):
                try:
                    if conn is None:
                        conn = smtplib.SMTP("127.0.0.1", args.port, timeout=120)
                    refused = conn.sendmail(sender, [rcpt], msg)
                    with lock:
                        stats["sent"] += 1
                        stats["bytes"] += len(msg)
                        count("seeds", name)
                        for m in mutations:
                            count("mutations", m)
                        if refused:
                            count("refused", str(list(refused.values())[0][0]))
                        else:
                            stats["accepted"] += 1
                    break
                except smtplib.SMTPResponseException as ex:
                    with lock:
                        stats["sent"] += 1
                        count("refused", f"{ex.smtp_code} {ex.smtp_error.decode(errors='replace')[:60]}")
                    try:
                        conn.rset()
                    except Exception:
                        conn = None
                    break
                except smtplib.SMTPRecipientsRefused as ex:
                    with lock:
                        stats["sent"] += 1
                        count("refused", str(list(ex.recipients.values())[0][0]))
                    break
                except (OSError, smtplib.SMTPException) as ex:
                    with lock:
                        count("errors", type(ex).__name__)
                    try:
                        conn.close()
                    except Exception:
                        pass
                    conn = None
        if conn is not None:
            try:
                conn.quit()
            except Exception:
                pass

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    json.dump(stats, sys.stdout)
    print()


if __name__ == "__main__":
    main()
