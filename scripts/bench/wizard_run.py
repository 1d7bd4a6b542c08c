"""Drives the full-screen wizard through a whole tutorial in a pseudo-terminal, pressing Enter as a
learner would, and prints the peak resident memory (MB) of the process over the run.

usage: wizard_run.py <steps> <command...>
"""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

steps = int(sys.argv[1])
argv = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.environ.setdefault("TERM", "xterm-256color")
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
screen = b""
peak_kb = 0


def sample():
    global peak_kb
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak_kb = max(peak_kb, int(line.split()[1]))
    except OSError:
        pass


def wait_for(text, timeout=60):
    global screen
    deadline = time.time() + timeout
    while time.time() < deadline:
        sample()
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            raise SystemExit("the wizard exited early")
        screen = (screen + ANSI.sub(b"", chunk))[-20000:]
        if text.encode() in screen:
            screen = b""
            return
    raise SystemExit(f"timed out waiting for {text!r}")


def press(key=b"\r"):
    os.write(fd, key)


wait_for("Enter start")
press()
for n in range(1, steps + 1):
    wait_for(f"Step {n}/{steps}")
    press()
    wait_for("Enter/n next", 90)
    press()
wait_for("Summary")
press()
while True:
    sample()
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    try:
        select.select([fd], [], [], 0.05)
        os.read(fd, 65536)
    except OSError:
        pass
code = os.waitstatus_to_exitcode(status)
if code != 0:
    raise SystemExit(f"the wizard exited with {code}")
print(f"{peak_kb / 1024:.1f}")
