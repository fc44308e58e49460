"""A real IMAP server for the tests: Debian's dovecot on 127.0.0.1, in a temporary folder."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DOVECOT = "/usr/sbin/dovecot"


@dataclass
class ImapServer:
    host: str
    port: int
    username: str
    password: str
    folder: Path
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_imap_server() -> ImapServer:
    folder = Path(tempfile.mkdtemp(prefix="rapport-dovecot-"))
    folder.chmod(0o755)  # the mail processes run as nobody and must reach the mail folder
    mail = folder / "mail"
    mail.mkdir()
    mail.chmod(0o777)
    port = _free_port()
    username, password = "practice@example.org", "imap-secret-word"
    (folder / "users").write_text(f"{username}:{{PLAIN}}{password}\n")
    (folder / "dovecot.conf").write_text(
        f"""
protocols = imap
listen = 127.0.0.1
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {folder}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={mail}/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    auto = create
    special_use = \\Sent
  }}
}}
"""
    )
    # In the foreground (-F): it lives exactly as long as this process handle.
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(folder / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return ImapServer("127.0.0.1", port, username, password, folder, process)
        except OSError:
            time.sleep(0.1)
    log = folder / "dovecot.log"
    raise RuntimeError(f"dovecot did not start: {log.read_text() if log.exists() else 'no log'}")


if __name__ == "__main__":  # a manual check: python -m tests.imap_server
    server = start_imap_server()
    import imaplib

    client = imaplib.IMAP4(server.host, server.port)
    print(client.login(server.username, server.password))
    print(client.append("INBOX", "", None, b"From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n"))
    print(client.append("Sent", "", None, b"From: b@example.org\r\nSubject: sent\r\n\r\nhello\r\n"))
    print(client.select("INBOX", readonly=True), client.uid("SEARCH", "UID 1:*"))
    client.logout()
    server.stop()
    print("ok")
