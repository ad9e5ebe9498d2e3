"""Protocol points a real client relies on, and what a kernel kill leaves behind, with Debian's jupyter_client."""
import os
import tempfile
import time
import unittest

from kernel_harness import SharedKernel, descendants, execute, reply_for, start


class Protocol(SharedKernel):

    def test_comm_info_reply_has_a_status(self):
        reply = reply_for(self.kc, self.kc.comm_info(), timeout=30)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["comms"], {})

    def test_a_silent_execute_does_not_count_and_publishes_no_input(self):
        counted, _ = execute(self.kc, "1 + 1")
        count = counted["content"]["execution_count"]
        silent_id = self.kc.execute("2 + 2", silent=True)
        silent = reply_for(self.kc, silent_id, timeout=30)
        self.assertEqual(silent["content"]["status"], "ok")
        self.assertEqual(silent["content"]["execution_count"], count)
        inputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != silent_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            inputs.append(msg["msg_type"])
        self.assertNotIn("execute_input", inputs)
        self.assertNotIn("execute_result", inputs)
        after, _ = execute(self.kc, "3 + 3")
        self.assertEqual(after["content"]["execution_count"], count + 1)

    def test_the_cell_jvm_dying_mid_cell_still_gets_a_reply_and_the_kernel_goes_on(self):
        reply, _ = execute(self.kc, "Runtime.getRuntime().halt(7);", timeout=60)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("ended", reply["content"]["evalue"])
        reply, outputs = execute(self.kc, "6 * 7", timeout=60)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "42")

    def test_display_and_render_work_as_in_ijava(self):
        reply, outputs = execute(self.kc, 'display(42); render("<b>x</b>", "text/html");')
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        shown = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
        self.assertEqual(shown[0]["text/plain"], "42")
        self.assertEqual(shown[1]["text/html"], "<b>x</b>")

    def test_lsmagic_lists_the_magics_percent_completes_them_and_a_semicolon_hides_a_value(self):
        reply, outputs = execute(self.kc, "%lsmagic")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertIn("%expect", text)
        self.assertIn("%%manifest", text)
        completion = reply_for(self.kc, self.kc.complete("%sc", 3), timeout=30)["content"]
        self.assertEqual(completion["matches"], ["%scenario", "%scenarios"])
        self.assertEqual((completion["cursor_start"], completion["cursor_end"]), (0, 3))
        _, outputs = execute(self.kc, "6 * 7;")
        self.assertNotIn("execute_result", [m["msg_type"] for m in outputs])

    def test_a_value_its_expression_displayed_is_not_printed_again(self):
        _, outputs = execute(self.kc, '((java.util.function.Supplier<Integer>) () -> { Display.text("shown"); return 42; }).get()')
        types = [m["msg_type"] for m in outputs]
        self.assertIn("display_data", types)
        self.assertNotIn("execute_result", types)
        _, outputs = execute(self.kc, 'Display.text("shown");\n6 * 7')
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])


ON_CRI = unittest.skipUnless(os.geteuid() == 0 and os.path.exists("/usr/bin/containerd"),
                             "needs root and containerd (apt-get install containerd runc) for the cri environment")


class OnCri(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        os.environ["SECCOMP_LAB_STATE_DIR"] = tempfile.mkdtemp(prefix="seccomp-lab-state-")

    @ON_CRI
    def test_a_console_sees_the_expect_table_and_an_exec_as_text_once(self):
        km, kc = start()
        try:
            reply, outputs = execute(kc, "%env cri\n%expect runtime-default", timeout=300)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            text = "\n".join(m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "display_data")
            self.assertRegex(text, r"SCENARIO\s+CHECK\s+EXPECTED\s+OBSERVED\s+VERDICT")
            self.assertRegex(text, r"runtime-default\s+grep Seccomp /proc/1/status\s+Seccomp: 2 \(filter\)\s+Seccomp: 2 \(filter\)\s+PASS")
            self.assertNotIn("(HTML output)", text)
            reply, outputs = execute(kc, 'lab.pod("runtime-default").exec("keyctl show")', timeout=120)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            shown = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "display_data"]
            self.assertEqual(len(shown), 1, "the command and its output as one output")
            self.assertRegex(shown[0], r"(?s)^\$ keyctl show\n.*Operation not permitted.*\n\(exit code 1\)$")
            self.assertNotIn("execute_result", [m["msg_type"] for m in outputs], "the exit code is not printed twice")
            _, outputs = execute(kc, 'var result = lab.pod("runtime-default").exec("keyctl show");\nresult', timeout=120)
            self.assertEqual([m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"], ["exit code 1"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)

    @ON_CRI
    def test_killing_the_kernel_removes_the_pods_it_started(self):
        km, kc = start()
        try:
            reply, _ = execute(kc, '%env cri\nvar pod = lab.apply("unconfined");', timeout=300)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            cell_jvm = [p for p in descendants(km.provisioner.process.pid) if "CellAgent" in cmdline(p)]
            self.assertEqual(len(cell_jvm), 1, "one cell JVM")
            started = [p for p in all_pids() if f"_{cell_jvm[0]}/" in cmdline(p)]
            started += [d for p in started for d in descendants(p)]
            self.assertTrue(any("containerd-shim" in cmdline(p) for p in started), "the pod's shim runs")
            kc.stop_channels()
        finally:
            km.shutdown_kernel(now=True)  # SIGKILL, no shutdown request
        deadline = time.monotonic() + 30
        left = started + cell_jvm
        while time.monotonic() < deadline:
            left = [p for p in left if alive(p)]
            if not left:
                break
            time.sleep(0.5)
        self.assertEqual([cmdline(p) for p in left], [], "left running 30 s after the kernel was killed")


def all_pids():
    return [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


if __name__ == "__main__":
    unittest.main()
