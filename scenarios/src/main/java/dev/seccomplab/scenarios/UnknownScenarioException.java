package dev.seccomplab.scenarios;

import java.util.List;

/** A scenario name that the catalogue does not have; the message lists the ones it has. */
public class UnknownScenarioException extends IllegalArgumentException {

    public UnknownScenarioException(String name, List<String> known) {
        super("unknown scenario '" + name + "'; known scenarios: " + String.join(", ", known));
    }
}
