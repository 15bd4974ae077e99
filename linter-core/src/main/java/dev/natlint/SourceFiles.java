package dev.natlint;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Finds the scripts to check: files as given, directories searched recursively for the files their
 * include globs match and their exclude globs do not. Globs are matched against the path relative to
 * the searched directory, case-insensitively, because RouterOS tools and Windows users write
 * {@code .RSC} as often as {@code .rsc}.
 */
public final class SourceFiles {

    /** The include and exclude globs in force, for matching and for messages. */
    public record Filter(List<String> includes, List<String> excludes) {

        public static final Filter DEFAULT = new Filter(List.of("**/*.rsc"), List.of());

        public Filter {
            includes = clean(includes);
            excludes = clean(excludes);
            if (includes.isEmpty()) {
                includes = DEFAULT.includes;
            }
        }

        public static Filter excluding(List<String> excludes) {
            return new Filter(DEFAULT.includes, excludes);
        }

        private static List<String> clean(List<String> globs) {
            return globs == null ? List.of()
                    : globs.stream().filter(g -> g != null && !g.isBlank()).map(g -> g.trim().replace('\\', '/')).toList();
        }

        /** {@code includes **}{@code /*.rsc, excludes none}: said whenever a path yields nothing. */
        public String describe() {
            return "includes " + String.join(", ", includes) + "; excludes "
                    + (excludes.isEmpty() ? "none" : String.join(", ", excludes));
        }

        boolean selects(Path relative) {
            String rel = relative.toString().replace('\\', '/').toLowerCase(Locale.ROOT);
            Path p = Path.of(rel);
            return matchesAny(includes, p) && !matchesAny(excludes, p);
        }

        private static boolean matchesAny(List<String> globs, Path rel) {
            for (String g : globs) {
                for (PathMatcher m : matchers(g.toLowerCase(Locale.ROOT))) {
                    if (m.matches(rel)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Ant-style: a leading {@code **}{@code /} also matches no directory at all. */
        private static List<PathMatcher> matchers(String glob) {
            List<PathMatcher> out = new ArrayList<>();
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
            return out;
        }
    }

    /**
     * What was found: the files, the paths that could not be searched (with why), and the given paths
     * that yielded no script at all.
     */
    public record Found(List<Path> files, List<String> problems, List<Path> empty) {

        public Found {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
            empty = List.copyOf(empty);
        }

        public Found(List<Path> files, List<String> problems) {
            this(files, problems, List.of());
        }
    }

    private SourceFiles() {
    }

    public static Found collect(Collection<Path> paths) throws NatLintException {
        return collect(paths, Filter.DEFAULT);
    }

    /**
     * Files named directly are always taken (the user asked for them); directories are searched with
     * {@code filter}. A path that does not exist is an error.
     */
    public static Found collect(Collection<Path> paths, Filter filter) throws NatLintException {
        TreeSet<Path> files = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<Path> empty = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NatLintException("no such file or directory: " + p);
            }
            if (!Files.isDirectory(p)) {
                files.add(p.normalize());
                continue;
            }
            int before = files.size();
            int problemsBefore = problems.size();
            try {
                Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (attrs.isRegularFile() && filter.selects(p.relativize(file))) {
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
            // a directory whose only yield is an unreadable part is reported through that problem
            if (files.size() == before && problems.size() == problemsBefore) {
                empty.add(p);
            }
        }
        return new Found(List.copyOf(files), problems, empty);
    }

    /**
     * The operating system's reason, without Java's exception class names: {@code permission denied},
     * {@code no such file or directory}, or the message the file system gave.
     */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way (not a directory)";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "is a non-empty directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException fse) {
            // the reason is what the OS said; file names in it are Java's view of the path, left out
            return fse.getReason() != null ? fse.getReason().toLowerCase(Locale.ROOT) : "file system error";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m;
    }
}
