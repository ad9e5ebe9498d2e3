package dev.seccomplab.environments.host;

import dev.seccomplab.environments.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/** One lab process at a time makes what a folder holds; a second one waits, then finds it made. */
public final class FolderLock {

    private FolderLock() {
    }

    /** @param what in words, e.g. {@code the Kubernetes binaries} */
    public static <T> T whileHeld(Path folder, String what, Progress progress, Supplier<T> work) {
        Path lockFile = folder.resolve(".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                progress.step("another lab process is making " + what + " in " + folder + "; waiting for it");
                lock = channel.lock();
            }
            try (FileLock held = lock) {
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
    }
}
