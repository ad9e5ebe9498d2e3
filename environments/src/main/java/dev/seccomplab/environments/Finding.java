package dev.seccomplab.environments;

/** One line of {@code lab doctor}: what was looked at, how it stands, and what to do. */
public record Finding(String subject, Status status, String detail) {

    public enum Status { OK, MISSING, HOST_LIMIT, INFO }

    public static Finding ok(String subject, String detail) {
        return new Finding(subject, Status.OK, detail);
    }

    public static Finding missing(String subject, String whatToDo) {
        return new Finding(subject, Status.MISSING, whatToDo);
    }
}
