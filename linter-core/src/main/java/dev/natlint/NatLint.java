package dev.natlint;

import dev.natlint.baseline.Baseline;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.report.FileReport;
import dev.natlint.report.Report;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleIds;
import dev.natlint.rule.RuleInfo;
import dev.natlint.rule.RulePattern;
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
import java.util.HashSet;
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
    /** The parser's rule id; also given to files that are not text at all. */
    public static final String SYNTAX_RULE = "syntax";
    public static final String SUPPRESSION_RULE = "suppression";
    public static final String BINARY_MESSAGE = "not a RouterOS script: binary data";

    /** A bug in natlint while checking one file: reported on that file, so every other file is still checked. */
    public static final String INTERNAL_RULE = "internal-error";

    // the engine's own rules have no Rule class; their metadata is declared the same way, on a marker

    @RulePattern(id = IO_RULE, severity = Severity.ERROR, summary = "A file could not be read",
            description = "natlint could not read the file (permissions, size or a broken link), so nothing in it was checked.")
    private interface IoError {
    }

    @RulePattern(id = SUPPRESSION_RULE, severity = Severity.WARNING,
            summary = "A natlint:ignore comment that names an unknown rule or silences nothing",
            description = "A suppression whose rule id no rule has silences nothing, usually because of a typo; with"
                    + " --report-unused-suppressions, so is one that no finding needed.")
    private interface UnknownSuppression {
    }

    @RulePattern(id = INTERNAL_RULE, severity = Severity.ERROR, summary = "natlint failed while checking the file",
            description = "An unexpected error inside natlint stopped part of the analysis of this file, so its findings may be"
                    + " incomplete. Other files are unaffected. Please report it with the file.")
    private interface NatlintFailure {
    }

    private static final RuleInfo IO_INFO = builtIn(IoError.class);
    private static final RuleInfo SUPPRESSION_INFO = builtIn(UnknownSuppression.class);
    private static final RuleInfo INTERNAL_INFO = builtIn(NatlintFailure.class);

    private final List<Rule> rules;
    private final Set<String> disabled;
    private final Map<String, Severity> severities;
    private final Path baseDirectory;
    private final SourceFiles.Filter filter;
    private final boolean allowEmpty;
    private final boolean reportUnusedSuppressions;
    private final Set<String> knownIds;

    private NatLint(Builder b) {
        this.rules = b.rules.stream().sorted(Comparator.comparing(r -> r.info().id())).toList();
        this.disabled = Set.copyOf(b.disabled);
        this.severities = Map.copyOf(b.severities);
        this.baseDirectory = b.baseDirectory.toAbsolutePath().normalize();
        this.filter = new SourceFiles.Filter(b.includes, b.excludes);
        this.allowEmpty = b.allowEmpty;
        this.reportUnusedSuppressions = b.reportUnusedSuppressions;
        this.knownIds = Set.copyOf(knownIds(b.rules));
    }

    /**
     * The rules the engine itself reports ({@code internal-error}, {@code io-error}, {@code suppression}), described like any
     * other rule. Their pages ship in the rules jar; without it the summary stands in.
     */
    public static List<RuleInfo> builtInRules() {
        return List.of(INTERNAL_INFO, IO_INFO, SUPPRESSION_INFO);
    }

    private static RuleInfo builtIn(Class<?> marker) {
        RulePattern p = RuleInfo.patternOf(marker);
        String page;
        try (InputStream in = NatLint.class.getResourceAsStream(RuleInfo.docResource(p.id()))) {
            page = in == null ? "# " + p.id() + "\n\n" + p.description() + "\n" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RuleInfo.of(p, page);
    }

    private static Set<String> knownIds(List<Rule> rules) {
        Set<String> known = new TreeSet<>();
        rules.forEach(r -> known.add(r.info().id()));
        builtInRules().forEach(i -> known.add(i.id()));
        known.add(SYNTAX_RULE);
        return known;
    }

    /** Every rule id this engine knows, registered or built in, sorted. */
    public Set<String> ruleIds() {
        return new TreeSet<>(knownIds);
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
        for (RuleInfo i : builtInRules()) {
            if (!disabled.contains(i.id())) {
                out.add(withSeverity(i));
            }
        }
        return out;
    }

    private RuleInfo withSeverity(RuleInfo i) {
        return i.withSeverity(severities.getOrDefault(i.id(), i.defaultSeverity()));
    }

    /**
     * Checks one script given as text; {@code displayPath} is used in every location. Never throws for
     * a bug inside natlint: a failing stage becomes an {@code internal-error} finding on this file, and
     * every rule that did not fail still reports.
     */
    public FileReport checkText(String displayPath, String text) {
        return checkText(displayPath, text, Progress.NONE);
    }

    private FileReport checkText(String displayPath, String text, Progress progress) {
        if (looksBinary(text)) {
            return binary(displayPath);
        }
        RuleContext context;
        try {
            context = RuleContext.of(displayPath, text);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileReport(displayPath, internalError(displayPath, "reading the script", e));
        }
        context.reportForwardsTo((done, total) -> progress.forwardsAnalysed(displayPath, done, total));
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
        Set<Suppressions.Entry> used = new HashSet<>();
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
                List<Suppressions.Entry> by = suppressions.matching(f);
                if (by.isEmpty()) {
                    findings.add(f.withSeverity(severities.getOrDefault(f.ruleId(), f.severity())));
                } else {
                    used.addAll(by);
                }
            }
        }
        if (!disabled.contains(SUPPRESSION_RULE)) {
            findings.addAll(suppressionFindings(displayPath, suppressions, used));
        }
        List<Finding> unique = dedupe(findings);
        return new FileReport(displayPath, unique, Baseline.fingerprints(unique, context.text()));
    }

    /** Unknown ids always; entries that silenced nothing when asked to. */
    private List<Finding> suppressionFindings(String file, Suppressions suppressions, Set<Suppressions.Entry> used) {
        Severity severity = severities.getOrDefault(SUPPRESSION_RULE, SUPPRESSION_INFO.defaultSeverity());
        List<Finding> out = new ArrayList<>();
        for (Suppressions.Entry e : suppressions.entries()) {
            Location at = new Location(file, e.line(), 1);
            String id = e.ruleId();
            if (!id.equals(Suppressions.ALL) && !knownIds.contains(id)) {
                List<String> close = RuleIds.closeMatches(id, knownIds);
                out.add(new Finding(SUPPRESSION_RULE, severity, at, "unknown rule id '" + id + "' in suppression"
                        + (close.isEmpty() ? "; no rule has a similar id" : "; did you mean " + String.join(", ", close) + "?")));
            } else if (reportUnusedSuppressions && !used.contains(e) && !disabled.contains(id)) {
                out.add(new Finding(SUPPRESSION_RULE, severity, at, e.targetLine() == 0
                        ? "suppression of '" + id + "' applies to no command (no command follows its comment block)"
                        : "suppression of '" + id + "' silenced nothing on line " + e.targetLine()));
            }
        }
        for (Suppressions.Malformed m : suppressions.malformed()) {
            out.add(new Finding(SUPPRESSION_RULE, severity, new Location(file, m.line(), 1),
                    "suppression names no rule: write natlint:ignore <rule-id> or natlint:ignore=<rule-id>[,<rule-id>]"));
        }
        return out;
    }

    private FileReport binary(String displayPath) {
        if (disabled.contains(SYNTAX_RULE)) {
            return new FileReport(displayPath, List.of());
        }
        return new FileReport(displayPath, List.of(new Finding(SYNTAX_RULE,
                severities.getOrDefault(SYNTAX_RULE, Severity.ERROR), new Location(displayPath, 1, 1), BINARY_MESSAGE)));
    }

    /**
     * True for data no one would call a script: a NUL character, or more than a tenth of the text
     * made of control characters other than tab, line feed, carriage return and form feed (C1
     * controls count, which is what bytes that are neither UTF-8 nor Latin-1 text decode to).
     */
    public static boolean looksBinary(String text) {
        if (text.indexOf('\0') >= 0) {
            return true;
        }
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7f && c < 0xa0)) {
                controls++;
            }
        }
        return controls * 10L > text.length();
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
        return checkFile(file, ReportCache.NONE);
    }

    /** As {@link #checkFile(Path)}, taking the report from {@code cache} when it knows this text. */
    public FileReport checkFile(Path file, ReportCache cache) {
        return checkFile(file, cache, Progress.NONE);
    }

    private FileReport checkFile(Path file, ReportCache cache, Progress progress) {
        String display = displayPath(file);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return ioFinding(display, "file is " + size + " bytes; natlint reads at most " + MAX_FILE_BYTES);
            }
            String text = decode(Files.readAllBytes(file));
            FileReport known = cache.lookup(display, text);
            if (known != null && known.path().equals(display)) {
                return known;
            }
            FileReport checked = checkText(display, text, progress);
            cache.store(display, text, checked);
            return checked;
        } catch (IOException e) {
            return ioFinding(display, "cannot read " + display + ": " + SourceFiles.describe(e));
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
        return check(paths, Progress.NONE);
    }

    /** As {@link #check(Collection)}, telling {@code progress} of each file as it finishes. */
    public Report check(Collection<Path> paths, Progress progress) throws NatLintException {
        return check(paths, progress, ReportCache.NONE);
    }

    /**
     * As {@link #check(Collection, Progress)}, reading the report of each script that {@code cache}
     * knows instead of checking it again.
     */
    public Report check(Collection<Path> paths, Progress progress, ReportCache cache) throws NatLintException {
        SourceFiles.Found found = SourceFiles.collect(paths, filter);
        if (!allowEmpty && !found.empty().isEmpty()) {
            Path p = found.empty().get(0);
            throw new NatLintException("nothing to check: no script in " + displayPath(p) + " (" + filter.describe() + ")", true);
        }
        Map<Path, FileReport> results = new LinkedHashMap<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), found.files().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "natlint-check");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Path, Future<FileReport>> futures = new LinkedHashMap<>();
            int total = found.files().size();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            for (Path f : found.files()) {
                futures.put(f, pool.submit(() -> {
                    long start = System.nanoTime();
                    FileReport r = checkFile(f, cache, progress);
                    progress.fileDone(r.path(), done.incrementAndGet(), total, System.nanoTime() - start);
                    return r;
                }));
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
            String text = decode(Files.readAllBytes(file));
            if (looksBinary(text)) {
                throw new NatLintException(file + ": " + BINARY_MESSAGE);
            }
            return text;
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
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private boolean allowEmpty;
        private boolean reportUnusedSuppressions;

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

        /** Globs (relative to each searched directory) of files to check; none given means {@code **}{@code /*.rsc}. */
        public Builder include(String glob) {
            includes.add(glob);
            return this;
        }

        /** Globs (relative to each searched directory) of files not to check. */
        public Builder exclude(String glob) {
            excludes.add(glob);
            return this;
        }

        /** Lets {@link #check} succeed when a path yields no script, instead of failing. */
        public Builder allowEmpty(boolean allow) {
            this.allowEmpty = allow;
            return this;
        }

        /** Also report suppressions that silenced nothing (unknown ids are always reported). */
        public Builder reportUnusedSuppressions(boolean report) {
            this.reportUnusedSuppressions = report;
            return this;
        }

        /** Fails on rule ids that no rule has, so typos in settings do not silently do nothing. */
        public NatLint build() {
            if (rules == null) {
                rules = discoverRules();
            }
            Set<String> known = knownIds(rules);
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
                List<String> close = RuleIds.closeMatches(id, known);
                throw new IllegalArgumentException("unknown rule id '" + id + "'" + (close.isEmpty()
                        ? " (known: " + String.join(", ", known) + ")" : "; did you mean " + String.join(", ", close) + "?"));
            }
        }
    }
}
