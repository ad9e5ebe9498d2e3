package dev.seccomplab.environments;

import java.security.SecureRandom;

/** Five characters like the ones Kubernetes appends to pod names: no vowels, no look-alikes. */
public final class RandomSuffix {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSuffix() {
    }

    public static String next() {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
