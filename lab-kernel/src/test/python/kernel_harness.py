"""Small helpers to drive a kernel with jupyter_client, shared by the lifecycle tests and the benchmark."""
import os
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel


def start(kernel_name="seccomp-lab"):
    return start_new_kernel(kernel_name=kernel_name, startup_timeout=120)


class SharedKernel(unittest.TestCase):
    """Tests that share one kernel, started once for the class."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)


def reply_for(kc, msg_id, timeout):
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def sync_iopub(kc, timeout=60):
    """Waits until IOPub delivers: a SUB socket misses what is published before it has joined.

    Sends kernel_info requests until the status message of one of them arrives on IOPub, as
    jupyter_client's wait_for_ready does.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = kc.kernel_info()
        reply_for(kc, msg_id, timeout)
        try:
            while True:
                msg = kc.get_iopub_msg(timeout=0.5)
                if msg["parent_header"].get("msg_id") == msg_id:
                    return
        except Empty:
            continue
    raise TimeoutError("IOPub delivered nothing")


def execute(kc, code, timeout=60):
    """Runs code; returns (reply, outputs) where outputs are this request's iopub messages up to idle."""
    msg_id = kc.execute(code)
    reply = reply_for(kc, msg_id, timeout)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply, outputs
        if msg["msg_type"] in ("stream", "execute_result", "display_data", "error"):
            outputs.append(msg)


def rss_kib(pid):
    """Resident memory of a process and all its descendants, from /proc."""
    total = 0
    for p in [pid] + descendants(pid):
        try:
            with open(f"/proc/{p}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total


def descendants(pid):
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        children.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                pass
    return children + [d for c in children for d in descendants(c)]
