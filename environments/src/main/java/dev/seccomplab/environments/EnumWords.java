package dev.seccomplab.environments;

import java.util.Locale;

/** An enum constant as the lab's tables and messages write it: {@code NOT_ALLOWED} is "not allowed". */
public final class EnumWords {

    private EnumWords() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
