package dev.natlint.config;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.SourceFiles;
import dev.natlint.diag.Severity;
import dev.natlint.rule.RuleIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The project's {@code natlint.toml}, shared by the command line, the Maven plugin and the JUnit API:
 *
 * <pre>
 * disable = ["nat-rule-unreachable"]          # rule ids
 * fail-on = "warning"                          # error | warning | info | none
 * exclude = ["lab/**", "**&#47;old-*.rsc"]       # globs, relative to each checked directory
 * baseline = "natlint-baseline.json"           # relative to this file
 *
 * [severity]
 * masquerade-unrestricted = "error"
 * </pre>
 *
 * Anything else (an unknown key, an unknown rule id, a bad level, a wrong type) is an error that names
 * the file and line, because a setting that silently does nothing is worse than none.
 *
 * @param file     the file read, or null for {@link #NONE}
 * @param failOn   the threshold as written (lower case), or null when not set
 * @param baseline resolved against the file's directory, or null when not set
 */
public record Settings(Path file, List<String> disable, Map<String, Severity> severity, String failOn,
                       List<String> exclude, Path baseline) {

    public static final String FILE_NAME = "natlint.toml";
    public static final Settings NONE = new Settings(null, List.of(), Map.of(), null, List.of(), null);
    private static final Set<String> KEYS = Set.of("disable", "severity", "fail-on", "exclude", "baseline");

    public Settings {
        disable = List.copyOf(disable);
        severity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(severity));
        exclude = List.copyOf(exclude);
    }

    /** The nearest {@code natlint.toml} in {@code start} (a file's directory if it is a file) or above it. */
    public static Optional<Path> find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Reads {@code file}, checking rule ids against those the default engine knows. */
    public static Settings load(Path file) throws NatLintException {
        return load(file, NatLint.builder().build().ruleIds());
    }

    public static Settings load(Path file, Collection<String> knownRuleIds) throws NatLintException {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new NatLintException(file + ": not UTF-8 text (TOML files are UTF-8)");
        } catch (IOException e) {
            throw new NatLintException("cannot read " + file + ": " + SourceFiles.describe(e));
        }
        return parse(file, text, knownRuleIds);
    }

    /** Parses the text of a settings file; {@code file} names it in messages and anchors relative paths. */
    public static Settings parse(Path file, String text, Collection<String> knownRuleIds) throws NatLintException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError e = toml.errors().get(0);
            throw new NatLintException(file + ":" + e.position().line() + ": " + e.getMessage()
                    .replaceAll(" \\(line \\d+, column \\d+\\)$", ""));
        }
        Reader r = new Reader(file, toml, knownRuleIds);
        for (String key : toml.keySet()) {
            if (!KEYS.contains(key)) {
                throw r.error(List.of(key), "unknown key '" + key + "' (known: baseline, disable, exclude, fail-on, severity)");
            }
        }
        List<String> disable = r.ruleIds("disable");
        Map<String, Severity> severity = r.severities();
        String failOn = r.failOn();
        List<String> exclude = r.strings("exclude");
        String baseline = r.string("baseline");
        Path base = file.toAbsolutePath().getParent();
        return new Settings(file, disable, severity, failOn, exclude, baseline == null ? null : base.resolve(baseline).normalize());
    }

    /** Puts the file's rule settings and excludes into {@code b}; call before the command line's own. */
    public NatLint.Builder applyTo(NatLint.Builder b) {
        disable.forEach(b::disable);
        severity.forEach(b::severity);
        exclude.forEach(b::exclude);
        return b;
    }

    /** The threshold: {@code commandLine} when given, else the file's, else {@code error}; null is none. */
    public Severity threshold(String commandLine) {
        String level = commandLine != null ? commandLine : failOn != null ? failOn : "error";
        return level.equalsIgnoreCase("none") ? null : Severity.parse(level);
    }

    private record Reader(Path file, TomlParseResult toml, Collection<String> known) {

        NatLintException error(List<String> path, String message) {
            TomlPosition at = toml.inputPositionOf(path);
            return new NatLintException(file + (at == null ? "" : ":" + at.line()) + ": " + message);
        }

        List<String> strings(String key) throws NatLintException {
            if (!toml.contains(List.of(key))) {
                return List.of();
            }
            if (!toml.isArray(List.of(key))) {
                throw error(List.of(key), "'" + key + "' must be a list of strings, e.g. " + key + " = [\"...\"]");
            }
            TomlArray a = toml.getArray(List.of(key));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!(a.get(i) instanceof String s)) {
                    throw error(List.of(key), "'" + key + "' must be a list of strings");
                }
                out.add(s);
            }
            return out;
        }

        String string(String key) throws NatLintException {
            if (!toml.contains(List.of(key))) {
                return null;
            }
            if (!toml.isString(List.of(key))) {
                throw error(List.of(key), "'" + key + "' must be a string");
            }
            return toml.getString(List.of(key));
        }

        List<String> ruleIds(String key) throws NatLintException {
            List<String> ids = strings(key);
            for (String id : ids) {
                requireKnown(List.of(key), id);
            }
            return ids;
        }

        void requireKnown(List<String> path, String id) throws NatLintException {
            if (!known.contains(id)) {
                List<String> close = RuleIds.closeMatches(id, known);
                throw error(path, "unknown rule id '" + id + "'" + (close.isEmpty() ? ""
                        : "; did you mean " + String.join(", ", close) + "?"));
            }
        }

        Map<String, Severity> severities() throws NatLintException {
            if (!toml.contains(List.of("severity"))) {
                return Map.of();
            }
            if (!toml.isTable(List.of("severity"))) {
                throw error(List.of("severity"), "'severity' must be a table of rule id = \"error\" | \"warning\" | \"info\"");
            }
            TomlTable t = toml.getTable(List.of("severity"));
            Map<String, Severity> out = new LinkedHashMap<>();
            for (String id : new TreeSet<>(t.keySet())) {
                List<String> path = List.of("severity", id);
                requireKnown(path, id);
                Object v = t.get(List.of(id));
                try {
                    if (!(v instanceof String s)) {
                        throw new IllegalArgumentException("a severity must be a string");
                    }
                    out.put(id, Severity.parse(s));
                } catch (IllegalArgumentException e) {
                    throw error(path, "severity of '" + id + "': " + e.getMessage());
                }
            }
            return out;
        }

        String failOn() throws NatLintException {
            String v = string("fail-on");
            if (v == null) {
                return null;
            }
            String level = v.trim().toLowerCase(Locale.ROOT);
            if (!Set.of("error", "warning", "info", "none").contains(level)) {
                throw error(List.of("fail-on"), "'fail-on' must be error, warning, info or none, not '" + v + "'");
            }
            return level;
        }
    }
}
