"""Time from process start to the first rendered screen, in a pseudo-terminal.

usage: first_screen.py <marker> <command...>
Prints the milliseconds until <marker> appears on the terminal, then stops the program.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

marker = sys.argv[1].encode()
argv = sys.argv[2:]
start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    os.environ.setdefault("TERM", "xterm-256color")
    os.execvp(argv[0], argv)

# A real terminal size (100 columns, 30 rows), as a user's window would have.
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

seen = b""
elapsed = None
deadline = start + 30
while time.perf_counter() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if not ready:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    if marker in seen:
        elapsed = (time.perf_counter() - start) * 1000
        break
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
if elapsed is None:
    sys.stderr.write("marker not seen; output was:\n" + seen.decode(errors="replace")[-2000:] + "\n")
    sys.exit(1)
print(f"{elapsed:.1f}")
