package dev.natlint;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.report.FileReport;
import dev.natlint.report.Report;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import dev.natlint.rule.Suppressions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one entry point every front end (CLI, Maven plugin, JUnit) uses: read scripts, build the model,
 * run the rules, apply suppressions and the user's rule settings, and return a deterministic report.
 * natlint only reads the scripts it checks; it never writes to them.
 */
public final class NatLint {

    /** Files larger than this are refused with a finding rather than read into memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    public static final String IO_RULE = "io-error";

    private static final RuleInfo IO_INFO = new RuleInfo(IO_RULE, Severity.ERROR, "A file could not be read",
            "natlint could not read the file (permissions, size or a broken link), so nothing in it was checked.",
            "# io-error\n\nnatlint could not read the file, so it checked nothing in it. Fix the permissions or"
                    + " the path; files over 64 MiB are refused.\n");

    /** A bug in natlint while checking one file: reported on that file, so every other file is still checked. */
    public static final String INTERNAL_RULE = "internal-error";

    private static final RuleInfo INTERNAL_INFO = new RuleInfo(INTERNAL_RULE, Severity.ERROR,
            "natlint failed while checking the file",
            "An unexpected error inside natlint stopped part of the analysis of this file, so its findings may be"
                    + " incomplete. Other files are unaffected. Please report it with the file.",
            "# internal-error\n\nnatlint hit a bug while checking this file. The finding names the stage that failed"
                    + " and the exception; the findings of other stages and files are still reported. Please report"
                    + " it together with the file (or a reduced copy that still shows it).\n");

    private final List<Rule> rules;
    private final Set<String> disabled;
    private final Map<String, Severity> severities;
    private final Path baseDirectory;

    private NatLint(Builder b) {
        this.rules = b.rules.stream().sorted(Comparator.comparing(r -> r.info().id())).toList();
        this.disabled = Set.copyOf(b.disabled);
        this.severities = Map.copyOf(b.severities);
        this.baseDirectory = b.baseDirectory.toAbsolutePath().normalize();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Rules found on the class path through {@link ServiceLoader}, sorted by id. */
    public static List<Rule> discoverRules() {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class, NatLint.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(r -> r.info().id()));
        return found;
    }

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = NatLint.class.getResourceAsStream("/dev/natlint/natlint.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    /** Every rule that can report, with the user's severities applied. */
    public List<RuleInfo> activeRules() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!disabled.contains(r.info().id())) {
                out.add(withSeverity(r.info()));
            }
        }
        out.add(withSeverity(IO_INFO));
        out.add(withSeverity(INTERNAL_INFO));
        return out;
    }

    private RuleInfo withSeverity(RuleInfo i) {
        Severity s = severities.getOrDefault(i.id(), i.defaultSeverity());
        return new RuleInfo(i.id(), s, i.summary(), i.description(), i.helpMarkdown());
    }

    /**
     * Checks one script given as text; {@code displayPath} is used in every location. Never throws for
     * a bug inside natlint: a failing stage becomes an {@code internal-error} finding on this file, and
     * every rule that did not fail still reports.
     */
    public FileReport checkText(String displayPath, String text) {
        RuleContext context;
        try {
            context = RuleContext.of(displayPath, text);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileReport(displayPath, internalError(displayPath, "reading the script", e));
        }
        return check(context);
    }

    /**
     * Checks a script already read into a context, for front ends that go on using its model and flows
     * (the language server's hovers and jumps) without analysing the text twice. A failing rule becomes
     * an {@code internal-error} finding, as in {@link #checkText}.
     */
    public FileReport check(RuleContext context) {
        String displayPath = context.file();
        Suppressions suppressions = Suppressions.of(context.script());
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (disabled.contains(rule.info().id())) {
                continue;
            }
            List<Finding> found;
            try {
                found = rule.check(context);
            } catch (RuntimeException | StackOverflowError e) {
                found = internalError(displayPath, "rule " + rule.info().id(), e);
            }
            for (Finding f : found) {
                if (!suppressions.suppresses(f)) {
                    findings.add(f.withSeverity(severities.getOrDefault(f.ruleId(), f.severity())));
                }
            }
        }
        return new FileReport(displayPath, dedupe(findings));
    }

    private List<Finding> internalError(String displayPath, String stage, Throwable e) {
        if (disabled.contains(INTERNAL_RULE)) {
            return List.of();
        }
        String detail = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
        return List.of(new Finding(INTERNAL_RULE, severities.getOrDefault(INTERNAL_RULE, Severity.ERROR),
                new Location(displayPath, 1, 1), "natlint failed while " + stage + " (" + e.getClass().getName()
                + detail + "); findings of this file may be incomplete. Please report this with the file."));
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        return List.copyOf(new TreeSet<>(findings));
    }

    /** Checks one file; an unreadable file gives an {@code io-error} finding. */
    public FileReport checkFile(Path file) {
        String display = displayPath(file);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return ioFinding(display, "file is " + size + " bytes; natlint reads at most " + MAX_FILE_BYTES);
            }
            return checkText(display, decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            return ioFinding(display, "cannot read file: " + SourceFiles.describe(e));
        }
    }

    private FileReport ioFinding(String display, String message) {
        if (disabled.contains(IO_RULE)) {
            return new FileReport(display, List.of());
        }
        return new FileReport(display, List.of(new Finding(IO_RULE,
                severities.getOrDefault(IO_RULE, Severity.ERROR), new Location(display, 1, 1), message)));
    }

    /**
     * Checks files and directories (recursively, {@code *.rsc}) on all cores. The report does not
     * depend on the number of threads or on timing.
     */
    public Report check(Collection<Path> paths) throws NatLintException {
        SourceFiles.Found found = SourceFiles.collect(paths);
        Map<Path, FileReport> results = new LinkedHashMap<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), found.files().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "natlint-check");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Path, Future<FileReport>> futures = new LinkedHashMap<>();
            for (Path f : found.files()) {
                futures.put(f, pool.submit(() -> checkFile(f)));
            }
            for (Map.Entry<Path, Future<FileReport>> e : futures.entrySet()) {
                results.put(e.getKey(), e.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatLintException("interrupted");
        } catch (ExecutionException e) {
            // checkFile turns every failure into a finding; only an Error such as OutOfMemoryError gets here
            throw new IllegalStateException("natlint failed on a file: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<FileReport> files = new ArrayList<>(results.values());
        for (String problem : found.problems()) {
            String path = problem.substring(0, problem.indexOf(": "));
            files.add(ioFinding(displayPath(Path.of(path)), problem.substring(problem.indexOf(": ") + 2)));
        }
        return new Report(files, activeRules());
    }

    /** The path as shown to the user: relative to the base directory when below it, with forward slashes. */
    public String displayPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(baseDirectory) ? baseDirectory.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /** Reads one script for commands that analyse a single file ({@code explain}, {@code trace}). */
    public static String readScript(Path file) throws NatLintException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new NatLintException("no such file: " + file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new NatLintException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new NatLintException("cannot read " + file + ": " + SourceFiles.describe(e));
        }
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 so that no byte is lost. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Configures a {@link NatLint}; by default every discovered rule at its default severity. */
    public static final class Builder {
        private List<Rule> rules;
        private final Set<String> disabled = new TreeSet<>();
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private Path baseDirectory = Path.of("");

        public Builder rules(List<Rule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        public Builder disable(String ruleId) {
            disabled.add(ruleId);
            return this;
        }

        public Builder severity(String ruleId, Severity severity) {
            severities.put(ruleId, severity);
            return this;
        }

        public Builder baseDirectory(Path dir) {
            this.baseDirectory = dir;
            return this;
        }

        /** Fails on rule ids that no rule has, so typos in settings do not silently do nothing. */
        public NatLint build() {
            if (rules == null) {
                rules = discoverRules();
            }
            Set<String> known = new TreeSet<>();
            rules.forEach(r -> known.add(r.info().id()));
            known.add(IO_RULE);
            known.add(INTERNAL_RULE);
            for (String id : disabled) {
                requireKnown(known, id);
            }
            for (String id : severities.keySet()) {
                requireKnown(known, id);
            }
            return new NatLint(this);
        }

        private static void requireKnown(Set<String> known, String id) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown rule id '" + id + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }
}
