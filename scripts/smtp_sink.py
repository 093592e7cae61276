#!/usr/bin/env python3
"""A local SMTP sink for `make bench`: accepts every message and counts its recipients.

Usage: smtp_sink.py PORT COUNT_FILE PREFIX[,PREFIX…]. On SIGTERM it writes to COUNT_FILE, for each
prefix, a line: the prefix, how many messages went to addresses starting with it, to how many
distinct such addresses, and how many of those got more than one; then exits.
Speaks just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for lettre's client.
"""
import asyncio
import collections
import signal
import sys

received = collections.Counter()


async def session(reader, writer):
    rcpts = []
    writer.write(b"220 sink ESMTP\r\n")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO",):
                writer.write(b"250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
            elif verb == b"RCPT":
                rcpts.append(line[8:].strip(b" <>\r\n").decode())
                writer.write(b"250 OK\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go on\r\n")
                await writer.drain()
                # The message in one read up to its end, not line by line: a campaign's HTML
                # has hundreds of lines, and the sink must not be what limits the measure.
                try:
                    await reader.readuntil(b"\r\n.\r\n")
                except asyncio.IncompleteReadError:
                    break
                received.update(rcpts)
                rcpts = []
                writer.write(b"250 OK queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            elif verb == b"RSET":
                rcpts = []
                writer.write(b"250 OK\r\n")
            else:
                writer.write(b"250 OK\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    writer.close()


async def main(port, count_file, prefix):
    server = await asyncio.start_server(session, "127.0.0.1", port, limit=16 * 1024 * 1024)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with server:
        await stop.wait()
    with open(count_file, "w") as f:
        for p in prefix.split(","):
            mine = [n for a, n in received.items() if a.startswith(p)]
            f.write(f"{p} {sum(mine)} {len(mine)} {sum(1 for n in mine if n > 1)}\n")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2], sys.argv[3]))
