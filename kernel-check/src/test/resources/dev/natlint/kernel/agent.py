# A host's agent inside a network namespace: listeners that answer with the host's identity, and
# bounded client connections. Commands arrive on stdin, one per line; answers go to stdout.
import socket
import sys
import threading

out_lock = threading.Lock()


def say(line):
    with out_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def serve_tcp(sock, name):
    while True:
        conn, _ = sock.accept()
        try:
            conn.sendall((name + "\n").encode())
        finally:
            conn.close()


def serve_udp(sock, name):
    while True:
        _, peer = sock.recvfrom(2048)
        sock.sendto((name + "\n").encode(), peer)


def listen(proto, port, name):
    kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
    s = socket.socket(socket.AF_INET, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", port))
    if proto == "tcp":
        s.listen(64)
        threading.Thread(target=serve_tcp, args=(s, name), daemon=True).start()
    else:
        threading.Thread(target=serve_udp, args=(s, name), daemon=True).start()


def connect(ident, proto, src, dst, port, timeout):
    kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
    s = socket.socket(socket.AF_INET, kind)
    s.settimeout(timeout)
    try:
        if src != "-":
            s.bind((src, 0))
        # a connected socket only accepts replies from the address it connected to, as a real client
        s.connect((dst, port))
        if proto == "udp":
            s.send(b"hello\n")
            data = s.recv(2048)
        else:
            data = s.recv(2048)
        say("%s ok %s" % (ident, data.decode().strip()))
    except Exception as e:
        say("%s fail %s" % (ident, type(e).__name__))
    finally:
        s.close()


for line in sys.stdin:
    parts = line.split()
    if not parts:
        continue
    if parts[0] == "listen":
        try:
            listen(parts[1], int(parts[2]), parts[3])
            say("listening %s %s" % (parts[1], parts[2]))
        except Exception as e:
            say("listen-failed %s %s %s" % (parts[1], parts[2], type(e).__name__))
    elif parts[0] == "connect":
        threading.Thread(target=connect, args=(parts[1], parts[2], parts[3], parts[4], int(parts[5]),
                                               float(parts[6])), daemon=True).start()
    elif parts[0] == "quit":
        break
