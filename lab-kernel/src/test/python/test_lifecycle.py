"""The kernel's life under real Jupyter clients: interrupts, System.exit, forged messages, binding, memory."""
import json
import os
import subprocess
import tempfile
import time
import unittest
import uuid

import zmq
from jupyter_client.session import Session

from kernel_harness import SharedKernel, execute, reply_for, rss_kib, start


class Lifecycle(SharedKernel):

    def test_interrupt_stops_a_busy_loop_within_a_second_and_the_kernel_stays_usable(self):
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1.0)
        sent = time.monotonic()
        self.km.interrupt_kernel()
        reply = reply_for(self.kc, msg_id, timeout=10)
        self.assertLess(time.monotonic() - sent, 1.0)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        reply, outputs = execute(self.kc, "6 * 7")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "42")

    def test_interrupt_stops_a_blocking_call(self):
        msg_id = self.kc.execute("Thread.sleep(600_000);")
        time.sleep(1.0)
        sent = time.monotonic()
        self.km.interrupt_kernel()
        reply_for(self.kc, msg_id, timeout=10)
        self.assertLess(time.monotonic() - sent, 1.0)

    @unittest.skipUnless(subprocess.run(["docker", "info"], capture_output=True).returncode == 0,
                         "no Docker engine answers: start dockerd to run the pod exec interrupt test")
    def test_interrupt_stops_a_blocking_exec_in_a_pod(self):
        reply, _ = execute(self.kc, '%env docker\nvar sleeper = lab.apply("unconfined");', timeout=300)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        msg_id = self.kc.execute('sleeper.exec("sleep", "600");')
        time.sleep(2.0)
        sent = time.monotonic()
        self.km.interrupt_kernel()
        reply = reply_for(self.kc, msg_id, timeout=10)
        self.assertLess(time.monotonic() - sent, 1.0)
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        reply, _ = execute(self.kc, "lab.close();", timeout=120)
        self.assertEqual(reply["content"]["status"], "ok")

    def test_system_exit_restarts_the_java_side_and_says_so(self):
        execute(self.kc, "int before = 1;")
        reply, outputs = execute(self.kc, "System.exit(3);")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("ended", reply["content"]["evalue"])
        self.assertTrue(self.km.is_alive())
        reply, outputs = execute(self.kc, "1 + 1", timeout=60)
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "2")
        reply, _ = execute(self.kc, "before")
        self.assertEqual(reply["content"]["status"], "error", "earlier variables are gone, as the error said")

    def test_forged_and_unsigned_messages_are_dropped_and_never_run(self):
        marker = os.path.join(tempfile.gettempdir(), "seccomp-lab-forged-" + uuid.uuid4().hex)
        code = f'new java.io.File("{marker}").createNewFile();'
        info = self.km.get_connection_info()
        context = zmq.Context.instance()
        for key in (b"not-the-key", b""):
            socket = context.socket(zmq.DEALER)
            socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
            forger = Session(key=key, username="forger")
            forger.send(socket, "execute_request", {"code": code, "silent": False, "store_history": True,
                                                     "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            self.assertEqual(socket.poll(2000), 0, "a forged message must get no reply")
            socket.close(linger=0)
        self.assertFalse(os.path.exists(marker), "forged code ran")
        reply, outputs = execute(self.kc, "6 * 7")
        self.assertEqual(reply["content"]["status"], "ok", "the kernel still serves signed messages")

    def test_binds_only_where_the_connection_file_says(self):
        with open(self.km.connection_file) as f:
            info = json.load(f)
        ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
        listening = listening_sockets(self.km.provisioner.process.pid)
        self.assertTrue(ports <= {port for _, port in listening}, f"{ports} not all bound: {listening}")
        for address, port in listening:
            if port in ports:
                self.assertEqual(address, info["ip"])
            else:
                # JShell's own link to the JVM that runs cells: loopback only.
                self.assertEqual(address, "127.0.0.1", f"unexpected listener {address}:{port}")

    def test_a_thousand_executes_do_not_grow_memory(self):
        """Kernel and cell JVM together, after a warm-up that lets the JIT and the heaps settle."""
        pid = self.km.provisioner.process.pid
        for _ in range(1000):
            execute(self.kc, "1 + 1")
        before = rss_kib(pid)
        for _ in range(1000):
            execute(self.kc, "1 + 1")
        after = rss_kib(pid)
        print(f"RSS of kernel and cell JVM: {before} KiB after 1000 warm-up executes, {after} KiB after 1000 more")
        self.assertLess(after - before, 32 * 1024, "grew by more than 32 MiB over 1000 executes")


def listening_sockets(pid):
    """(address, port) of TCP sockets in LISTEN state owned by the process, read from /proc."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            next(f)
            for line in f:
                fields = line.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state == "0A" and inode in inodes:
                    hex_ip, hex_port = local.split(":")
                    found.append((decode_ip(hex_ip), int(hex_port, 16)))
    return found


def decode_ip(hex_ip):
    """/proc/net/tcp{,6} addresses: 32-bit words in little-endian; IPv4-mapped IPv6 read as IPv4."""
    if len(hex_ip) == 8:
        return ".".join(str(int(hex_ip[i:i + 2], 16)) for i in (6, 4, 2, 0))
    if hex_ip[:16] == "0" * 16 and hex_ip[16:24] == "FFFF0000":
        return decode_ip(hex_ip[24:])
    return "ipv6:" + hex_ip


if __name__ == "__main__":
    unittest.main()
