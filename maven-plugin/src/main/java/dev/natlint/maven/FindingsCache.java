package dev.natlint.maven;

import dev.natlint.ReportCache;
import dev.natlint.diag.Assumption;
import dev.natlint.diag.Certainty;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Location;
import dev.natlint.diag.Related;
import dev.natlint.diag.Severity;
import dev.natlint.report.FileReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reports of the last build, one file per script under {@code target/natlint/cache}, so that a
 * script that did not change is read back instead of analysed again (most of what {@code natlint:check}
 * costs in a cold JVM). An entry is used only when its key is this run's key: a hash of the script's
 * path and exact text together with the settings key, which the mojo makes from everything else a
 * report depends on (natlint's version and jars, the active rules and their severities, the settings).
 * An entry that cannot be read, fails its checksum or has another key is ignored: the script is then
 * checked as if there were no cache, so a broken cache costs time, never a wrong report.
 */
final class FindingsCache implements ReportCache {

    private static final String MAGIC = "natlint findings cache 1";
    private static final String SUFFIX = ".entry";

    /** A script's report and, once computed, its combined fix script. */
    private record Entry(String key, FileReport report, String fixScript, boolean fixProven) {
    }

    private final Path dir;
    private final String settingsKey;
    /** This run's entries by display path: read back or computed, written by {@link #flush}. */
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> fromCache = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();

    FindingsCache(Path dir, String settingsKey) {
        this.dir = dir;
        this.settingsKey = settingsKey;
    }

    /** How many scripts' reports this run read back. */
    int reused() {
        return reused.get();
    }

    @Override
    public FileReport lookup(String displayPath, String text) {
        String key = key(displayPath, text);
        try {
            Path file = file(displayPath);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            Entry e = read(Files.readAllBytes(file));
            if (e == null || !e.key().equals(key) || !e.report().path().equals(displayPath)) {
                return null;
            }
            entries.put(displayPath, e);
            fromCache.put(displayPath, true);
            reused.incrementAndGet();
            return e.report();
        } catch (IOException | RuntimeException e) {
            // unreadable or damaged: the script is checked again, as without a cache
            return null;
        }
    }

    @Override
    public void store(String displayPath, String text, FileReport report) {
        entries.put(displayPath, new Entry(key(displayPath, text), report, null, false));
        fromCache.remove(displayPath);
    }

    /** The fix script kept with this text's report: its text and whether it was proven. */
    Optional<Map.Entry<String, Boolean>> fixScript(String displayPath, String text) {
        Entry e = entries.get(displayPath);
        if (e == null || e.fixScript() == null || !e.key().equals(key(displayPath, text))) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(e.fixScript(), e.fixProven()));
    }

    /** Keeps the fix script computed for this text with its report. */
    void storeFixScript(String displayPath, String text, String script, boolean proven) {
        String key = key(displayPath, text);
        entries.computeIfPresent(displayPath, (p, e) -> e.key().equals(key)
                ? new Entry(key, e.report(), script, proven) : e);
        fromCache.remove(displayPath);
    }

    /**
     * Writes this run's entries that changed and removes entries of scripts this run did not see.
     * Failures are returned as messages, not thrown: a cache that cannot be written only costs the
     * next build time.
     */
    List<String> flush() {
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Map<String, String> keep = new LinkedHashMap<>();
            for (String path : entries.keySet()) {
                keep.put(fileName(path), path);
            }
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                if (fromCache.containsKey(e.getKey())) {
                    continue;
                }
                Path target = file(e.getKey());
                Path tmp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                try {
                    Files.write(tmp, write(e.getValue()));
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | RuntimeException x) {
                    problems.add("cannot write " + target + ": " + x);
                    Files.deleteIfExists(tmp);
                }
            }
            try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path f : all) {
                    if (!keep.containsKey(f.getFileName().toString())) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException | RuntimeException x) {
            problems.add("cannot update " + dir + ": " + x);
        }
        return problems;
    }

    private Path file(String displayPath) {
        return dir.resolve(fileName(displayPath));
    }

    private static String fileName(String displayPath) {
        return HexFormat.of().formatHex(sha256(displayPath.getBytes(StandardCharsets.UTF_8)), 0, 16) + SUFFIX;
    }

    private String key(String displayPath, String text) {
        MessageDigest d = digest();
        d.update(settingsKey.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(displayPath.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // ---- the entry file: header, body, SHA-256 of the body ------------------------------------------

    private static byte[] write(Entry e) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        FileReport r = e.report();
        string(out, r.path());
        out.writeInt(r.findings().size());
        for (Finding f : r.findings()) {
            string(out, f.ruleId());
            string(out, f.severity().name());
            location(out, f.location());
            string(out, f.message());
            out.writeBoolean(f.fix() != null);
            if (f.fix() != null) {
                string(out, f.fix().description());
                string(out, f.fix().snippet());
            }
            out.writeInt(f.assumptions().size());
            for (Assumption a : f.assumptions()) {
                out.writeInt(a.line());
                string(out, a.reason());
                string(out, a.certainty().name());
            }
            out.writeInt(f.related().size());
            for (Related x : f.related()) {
                location(out, x.location());
                string(out, x.message());
            }
            string(out, r.fingerprints().get(f));
        }
        string(out, e.fixScript());
        out.writeBoolean(e.fixProven());
        out.flush();
        byte[] b = body.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream(b.length + 200);
        DataOutputStream head = new DataOutputStream(file);
        string(head, MAGIC);
        string(head, e.key());
        head.writeInt(b.length);
        head.write(b);
        head.write(sha256(b));
        head.flush();
        return file.toByteArray();
    }

    /** The entry in {@code bytes}, or null when it is not an intact entry of this format. */
    static Entry read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (!MAGIC.equals(string(in, bytes.length))) {
            return null;
        }
        String key = string(in, bytes.length);
        int length = in.readInt();
        if (key == null || length < 0 || length > in.available() - 32) {
            return null;
        }
        byte[] body = in.readNBytes(length);
        byte[] sum = in.readNBytes(32);
        if (in.available() != 0 || !Arrays.equals(sum, sha256(body))) {
            return null;
        }
        DataInputStream b = new DataInputStream(new ByteArrayInputStream(body));
        String path = string(b, length);
        int n = count(b, length);
        List<Finding> findings = new ArrayList<>(n);
        Map<Finding, String> fingerprints = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String rule = string(b, length);
            Severity severity = Severity.valueOf(string(b, length));
            Location at = location(b, length);
            String message = string(b, length);
            Fix fix = b.readBoolean() ? new Fix(string(b, length), string(b, length)) : null;
            int na = count(b, length);
            List<Assumption> assumptions = new ArrayList<>(na);
            for (int j = 0; j < na; j++) {
                assumptions.add(new Assumption(b.readInt(), string(b, length), Certainty.valueOf(string(b, length))));
            }
            int nr = count(b, length);
            List<Related> related = new ArrayList<>(nr);
            for (int j = 0; j < nr; j++) {
                related.add(new Related(location(b, length), string(b, length)));
            }
            Finding f = new Finding(rule, severity, at, message, fix, assumptions, related);
            findings.add(f);
            String fingerprint = string(b, length);
            if (fingerprint != null) {
                fingerprints.put(f, fingerprint);
            }
        }
        String fixScript = string(b, length);
        boolean proven = b.readBoolean();
        if (b.available() != 0 || path == null) {
            return null;
        }
        return new Entry(key, new FileReport(path, findings, fingerprints), fixScript, proven);
    }

    private static void location(DataOutputStream out, Location l) throws IOException {
        string(out, l.file());
        out.writeInt(l.line());
        out.writeInt(l.column());
    }

    private static Location location(DataInputStream in, int limit) throws IOException {
        return new Location(string(in, limit), in.readInt(), in.readInt());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in, int limit) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > limit) {
            throw new IOException("damaged entry: string of " + n + " bytes");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in, int limit) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > limit) {
            throw new IOException("damaged entry: " + n + " items");
        }
        return n;
    }
}
