package dev.natlint;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/** Finds the scripts to check: files as given, directories searched recursively for {@code *.rsc}. */
public final class SourceFiles {

    /** What was found: the files, and the paths that could not be searched (with why). */
    public record Found(List<Path> files, List<String> problems) {
    }

    private SourceFiles() {
    }

    public static Found collect(Collection<Path> paths) throws NatLintException {
        TreeSet<Path> files = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NatLintException("no such file or directory: " + p);
            }
            if (!Files.isDirectory(p)) {
                files.add(p.normalize());
                continue;
            }
            try {
                Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".rsc")) {
                                    files.add(file.normalize());
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                // symlink loops and unreadable directories are reported, not fatal
                                problems.add(file + ": " + (e instanceof FileSystemLoopException
                                        ? "symbolic link loop, not followed" : describe(e)));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                problems.add(p + ": " + describe(e));
            }
        }
        return new Found(List.copyOf(files), List.copyOf(problems));
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
        return m == null ? kind : kind + " (" + m + ")";
    }
}
