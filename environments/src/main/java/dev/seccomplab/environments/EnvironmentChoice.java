package dev.seccomplab.environments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The environment a user asks for by name, or {@code auto}: the most faithful one that can start
 * here (kind, then cri, then docker), with the reason. Choosing has no side effects.
 */
public final class EnvironmentChoice {

    public static final String AUTO = "auto";

    /** A chosen environment, with the reason it was chosen, to print before a run. */
    public record Selection(LabEnvironment environment, String reason) {
    }

    private EnvironmentChoice() {
    }

    public static List<EnvironmentProvider> providers() {
        return ServiceLoader.load(EnvironmentProvider.class, EnvironmentChoice.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(p -> p.autoRank().orElse(Integer.MAX_VALUE)))
                .toList();
    }

    /** {@code auto} and every provider's name, for help texts and errors. */
    public static List<String> names() {
        return Stream.concat(Stream.of(AUTO), providers().stream().map(EnvironmentProvider::name)).toList();
    }

    /**
     * The name as the lab knows it ({@code auto} or a provider's), checked once for every front end.
     *
     * @throws IllegalArgumentException naming the environments there are
     */
    public static String known(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (!names().contains(wanted)) {
            throw new IllegalArgumentException("unknown environment '" + name + "'; known: " + String.join(", ", names()));
        }
        return wanted;
    }

    public static Selection select(String name, EnvironmentOptions options) {
        String wanted = known(name);
        if (wanted.equals(AUTO)) {
            return auto(options);
        }
        EnvironmentProvider provider = providers().stream().filter(p -> p.name().equals(wanted)).findFirst().orElseThrow();
        return new Selection(provider.create(options), "asked for with --env " + provider.name());
    }

    private static Selection auto(EnvironmentOptions options) {
        AutoPick pick = autoPick(options).orElseThrow(() -> new LabEnvironmentException("No environment can start here. "
                + "'lab doctor' says what each one needs."));
        return new Selection(pick.provider().create(options), pick.reason());
    }

    /** The environment {@code auto} picks, and why the ones before it were passed over. */
    public record AutoPick(EnvironmentProvider provider, String reason) {
    }

    /** What {@code auto} picks here, found without starting anything; empty when nothing can start. */
    public static Optional<AutoPick> autoPick(EnvironmentOptions options) {
        List<String> passedOver = new ArrayList<>();
        for (EnvironmentProvider provider : providers()) {
            if (provider.autoRank().isEmpty()) {
                continue;
            }
            Optional<String> whyNot = provider.whyNotHere(options);
            if (whyNot.isEmpty()) {
                return Optional.of(new AutoPick(provider, "auto: " + provider.name()
                        + (passedOver.isEmpty() ? ", the most faithful environment" : " (" + String.join("; ", passedOver) + ")")));
            }
            passedOver.add("not " + provider.name() + ": " + whyNot.get());
        }
        return Optional.empty();
    }

    /** Every provider's findings, in order of preference: {@code lab doctor}. */
    public static List<Finding> findings(EnvironmentOptions options) {
        return providers().stream().flatMap(p -> p.findings(options).stream()).collect(Collectors.toList());
    }

    /** The images every provider built: {@code lab down --images}. */
    public static List<String> removeImages(Progress progress) {
        return providers().stream().flatMap(p -> p.removeImages(progress).stream()).collect(Collectors.toList());
    }

    /** Everything the lab left in every environment: {@code lab down}. */
    public static List<String> removeAll(EnvironmentOptions options, Progress progress) {
        return providers().stream().flatMap(p -> p.removeAll(options, progress).stream()).collect(Collectors.toList());
    }
}
