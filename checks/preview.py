"""`make serve` checks its address first: a busy port gets one sentence naming it and how to pick
another, instead of MkDocs' traceback.

    python -m checks.preview 127.0.0.1:8000
"""

import socket
import sys


def port_free(host: str, port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def main(address: str) -> int:
    host, _, port_text = address.rpartition(":")
    if not (host and port_text.isdigit()):
        print(f"PREVIEW={address} is not a host and port. Write it like PREVIEW=127.0.0.1:8001.")
        return 1
    port = int(port_text)
    if port_free(host, port):
        return 0
    other = next((candidate for candidate in range(port + 1, port + 100) if port_free(host, candidate)), port + 1)
    print(
        f"Port {port} on {host} is already in use (another preview, or another program). Stop that one, "
        f"or preview on another port: make serve PREVIEW={host}:{other}"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:8000"))
