package dev.natlint.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.natlint.NatLintException;
import dev.natlint.SourceFiles;
import dev.natlint.diag.Finding;
import dev.natlint.report.FileReport;
import dev.natlint.report.Json;
import dev.natlint.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Findings accepted as they are, so that a project adopting natlint sees only new ones. A finding is
 * matched by rule id, file and a fingerprint of the text of the command it points at (spaces
 * normalised), never its line number: adding or removing lines above it does not make an old finding
 * new, and neither does a reworded message in a newer natlint. Findings are counted per fingerprint,
 * so a second copy of an accepted problem is new. A finding without a line (an unreadable file) is
 * fingerprinted by its message, with line numbers in it left out.
 *
 * <p>The file is JSON: {@code {"version":1,"findings":[{"ruleId","file","fingerprint","line","message"}]}};
 * {@code line} and {@code message} are there for readers and are not used for matching.
 */
public final class Baseline {

    public static final int VERSION = 1;
    private static final Pattern LINE_REFERENCE = Pattern.compile("\\b(lines?) \\d+(?:\\s*(?:-|and|to)\\s*\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One accepted finding. */
    public record Entry(String ruleId, String file, String fingerprint, int line, String message) {
    }

    /** A report with the accepted findings taken out, and how many were. */
    public record Filtered(Report report, int accepted) {
    }

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The fingerprint of each finding of one file, from the file's text. */
    public static Map<Finding, String> fingerprints(List<Finding> findings, String text) {
        java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
        findings.forEach(f -> wanted.add(f.location().line()));
        Map<Integer, String> lines = lines(text, wanted);
        Map<Finding, String> out = new HashMap<>();
        for (Finding f : findings) {
            String line = lines.get(f.location().line());
            out.put(f, line != null ? fingerprint(f.ruleId(), line) : messageFingerprint(f));
        }
        return out;
    }

    /**
     * The text of each wanted line (numbered from 1; a line ends at CR LF, CR or LF), read up to the
     * last one wanted; a number past the last line has none. Splitting a 100,000-line file whole, for
     * each file checked, cost more than every fingerprint together.
     */
    static Map<Integer, String> lines(String text, java.util.NavigableSet<Integer> wanted) {
        Map<Integer, String> out = new HashMap<>();
        if (wanted.isEmpty() || wanted.last() < 1) {
            return out;
        }
        int last = wanted.last();
        int line = 1;
        int start = 0;
        for (int i = 0; i < text.length() && line <= last; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (wanted.contains(line)) {
                    out.put(line, text.substring(start, i));
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = i + 1;
            }
        }
        if (line <= last && wanted.contains(line)) {
            out.put(line, text.substring(start));
        }
        return out;
    }

    /** A hash of the rule id and the command's text with its spaces normalised. */
    public static String fingerprint(String ruleId, String lineText) {
        return hash(ruleId + "\ncommand\n" + SPACES.matcher(lineText.strip()).replaceAll(" "));
    }

    private static String messageFingerprint(Finding f) {
        return hash(f.ruleId() + "\nmessage\n" + LINE_REFERENCE.matcher(f.message()).replaceAll("$1 _"));
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String hash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(24);
            for (int i = 0; i < 12; i++) {
                sb.append(HEX[(h[i] >> 4) & 0xf]).append(HEX[h[i] & 0xf]);
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Every finding of the report, accepted. */
    public static Baseline of(Report report) {
        List<Entry> out = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                out.add(new Entry(f.ruleId(), file.path(), fingerprintOf(file, f), f.location().line(), f.message()));
            }
        }
        return new Baseline(out);
    }

    private static String fingerprintOf(FileReport file, Finding f) {
        String fp = file.fingerprints().get(f);
        // findings without the file's text (io-error) are fingerprinted by their message
        return fp != null ? fp : messageFingerprint(f);
    }

    /** The report without the findings this baseline accepts. */
    public Filtered filter(Report report) {
        Map<String, Integer> remaining = new TreeMap<>();
        for (Entry e : entries) {
            remaining.merge(key(e.ruleId(), e.file(), e.fingerprint()), 1, Integer::sum);
        }
        int accepted = 0;
        List<FileReport> files = new ArrayList<>();
        for (FileReport file : report.files()) {
            List<Finding> kept = new ArrayList<>();
            for (Finding f : file.findings()) {
                String k = key(f.ruleId(), file.path(), fingerprintOf(file, f));
                Integer n = remaining.get(k);
                if (n != null && n > 0) {
                    remaining.put(k, n - 1);
                    accepted++;
                } else {
                    kept.add(f);
                }
            }
            files.add(new FileReport(file.path(), kept, file.fingerprints()));
        }
        return new Filtered(new Report(files, report.rules()), accepted);
    }

    private static String key(String ruleId, String file, String fingerprint) {
        return ruleId + "\u0000" + file + "\u0000" + fingerprint;
    }

    /** The baseline as JSON, entries in report order, so rewriting an unchanged project changes no byte. */
    public String render() {
        List<Object> findings = new ArrayList<>();
        for (Entry e : entries) {
            findings.add(Json.obj().put("ruleId", e.ruleId()).put("file", e.file()).put("fingerprint", e.fingerprint())
                    .put("line", e.line()).put("message", e.message()));
        }
        return Json.write(Json.obj().put("version", VERSION).put("findings", findings));
    }

    /** Reads a baseline file; any problem names the file and, for bad JSON, the line. */
    public static Baseline read(Path file) throws NatLintException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NatLintException("cannot read baseline " + file + ": " + SourceFiles.describe(e));
        }
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            List<Entry> out = new ArrayList<>();
            expect(p, p.nextToken(), JsonToken.START_OBJECT, file);
            Integer version = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("version")) {
                    expect(p, t, JsonToken.VALUE_NUMBER_INT, file);
                    version = p.getIntValue();
                } else if (name.equals("findings")) {
                    expect(p, t, JsonToken.START_ARRAY, file);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        out.add(entry(p, file));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (version == null || version != VERSION) {
                throw new NatLintException(file + ": not a natlint baseline (expected \"version\": " + VERSION + ")");
            }
            return new Baseline(out);
        } catch (JsonProcessingException e) {
            throw new NatLintException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new NatLintException("cannot read baseline " + file + ": " + SourceFiles.describe(e));
        }
    }

    private static Entry entry(JsonParser p, Path file) throws IOException, NatLintException {
        Map<String, String> fields = new HashMap<>();
        int line = 0;
        int at = p.currentLocation().getLineNr();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING) {
                fields.put(name, p.getText());
            } else if (t == JsonToken.VALUE_NUMBER_INT && name.equals("line")) {
                line = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
        Set<String> missing = new HashSet<>(List.of("ruleId", "file", "fingerprint"));
        missing.removeAll(fields.keySet());
        if (!missing.isEmpty()) {
            throw new NatLintException(file + ":" + at + ": baseline entry without " + String.join(", ", new java.util.TreeSet<>(missing)));
        }
        return new Entry(fields.get("ruleId"), fields.get("file"), fields.get("fingerprint"), line,
                fields.getOrDefault("message", ""));
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken want, Path file) throws NatLintException {
        if (got != want) {
            throw new NatLintException(file + ":" + p.currentLocation().getLineNr() + ": not a natlint baseline (expected "
                    + (want == JsonToken.START_OBJECT ? "an object" : want == JsonToken.START_ARRAY ? "an array" : "a number")
                    + ")");
        }
    }
}
