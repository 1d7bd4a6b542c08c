# A TCP port on loopback that never answers: it listens with the smallest backlog, and filler
# connections that are never accepted fill that backlog, so the kernel drops every further SYN.
# Prints the port, then holds it until killed.
import socket
import time

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(0)
port = server.getsockname()[1]
fillers = []
for _ in range(4):
    filler = socket.socket()
    filler.setblocking(False)
    try:
        filler.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    fillers.append(filler)
time.sleep(0.3)
print(port, flush=True)
while True:
    time.sleep(60)
