package dev.seccomplab.notebook;

/** A lesson's expectation that the kernel did not meet; it makes the cell end in error. */
public final class ExpectationFailed extends RuntimeException {

    public ExpectationFailed(String message) {
        super(message);
    }
}
