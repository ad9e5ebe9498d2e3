"""The official Jupyter kernel conformance suite (jupyter_kernel_test) run on the seccomp-lab kernel.

Skipped on purpose (each test skips itself when its sample is empty):
  test_pager        - Java has no pager payload.
  test_clear_output - the kernel has no clear_output call for cells (yet).
"""
import unittest

import jupyter_kernel_test


class SeccompLabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "seccomp-lab"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Integer.toHexStr", "matches": {"toHexString("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "void f() { }", "%pods"]
    incomplete_code_samples = ["int y = ", "for (int i = 0; i < 3; i++) {", "class A {"]
    invalid_code_samples = ["int z = 1; }", ")"]

    code_generate_error = 'throw new IllegalStateException("expected failure");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"sec" + "comp"', "result": '"seccomp"'},
    ]
    code_display_data = [
        {"code": 'display("hello, display");', "mime": "text/plain"},
        {"code": 'Display.html("<b>bold</b>");', "mime": "text/html"},
        {"code": 'Display.markdown("*lesson*");', "mime": "text/markdown"},
        {"code": 'Display.svg("<svg xmlns=\'http://www.w3.org/2000/svg\'/>");', "mime": "image/svg+xml"},
    ]

    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.abs"


if __name__ == "__main__":
    unittest.main()
