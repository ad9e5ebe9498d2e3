// Jupyter Notebook 6 loads this from the kernelspec. It highlights a lab magic line (%expect NAME,
// %%manifest) as one piece instead of as Java, where "seccomp-default" reads as a subtraction and
// "default" as a keyword. The kernel still says "java" as its CodeMirror mode, for other front ends.
define(["codemirror/lib/codemirror", "codemirror/mode/clike/clike", "base/js/namespace"], function (CodeMirror, clike, Jupyter) {
    "use strict";
    var MODE = "seccomp-lab-java";

    CodeMirror.defineMode(MODE, function (config) {
        var java = CodeMirror.getMode(config, "text/x-java");
        return {
            startState: function () {
                return {java: CodeMirror.startState(java), magicCell: false, line: 0};
            },
            copyState: function (state) {
                return {java: CodeMirror.copyState(java, state.java), magicCell: state.magicCell, line: state.line};
            },
            token: function (stream, state) {
                if (stream.sol()) {
                    state.line += 1;
                    if (state.line === 1 && stream.match(/^%%/, false)) {
                        state.magicCell = true;
                    }
                    if (stream.match(/^\s*%/, false)) {
                        stream.skipToEnd();
                        return "meta";
                    }
                }
                if (state.magicCell) {
                    // The body of %%manifest is YAML, not Java.
                    stream.skipToEnd();
                    return "string";
                }
                return java.token(stream, state.java);
            },
            indent: function (state, textAfter) {
                return java.indent ? java.indent(state.java, textAfter) : CodeMirror.Pass;
            },
            blankLine: function (state) {
                state.line += 1;
            }
        };
    });

    function isJava(mode) {
        var name = typeof mode === "string" ? mode : mode && mode.name;
        return name === "java" || name === "text/x-java" || name === "text/x-java-source";
    }

    return {
        onload: function () {
            // The notebook object is sealed; its prototype takes the change.
            var notebook = Jupyter.notebook;
            var prototype = Object.getPrototypeOf(notebook);
            var setMode = prototype.set_codemirror_mode;
            prototype.set_codemirror_mode = function (mode) {
                return setMode.call(this, isJava(mode) ? MODE : mode);
            };
            notebook.set_codemirror_mode(MODE);
        }
    };
});
