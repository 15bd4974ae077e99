package dev.natlint.maven;

import dev.natlint.NatLint;
import dev.natlint.config.Settings;
import dev.natlint.rule.RuleInfo;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.maven.artifact.Artifact;

/**
 * What a script's report depends on besides its path and text, as one hash: when any part changes,
 * every entry of {@link FindingsCache} stops matching. The parts are natlint's version, the plugin's
 * jars (a rebuilt snapshot or an added rule jar has another size or time), the active rules with their
 * severities (which include natlint.toml's and the POM's disable and severity settings), the settings
 * file's and the baseline's contents, and the plugin parameters that shape the output.
 */
final class CacheKey {

    private final List<String> parts = new ArrayList<>();

    private CacheKey() {
    }

    static String of(NatLint lint, Settings settings, Path baseline, List<String> formats, List<Artifact> jars,
                     List<String> includes, List<String> excludes, boolean reportUnusedSuppressions,
                     boolean printFixes, Path basedir) {
        CacheKey k = new CacheKey();
        k.add("natlint", NatLint.version());
        if (jars != null) {
            jars.stream().map(CacheKey::describe).sorted().forEach(j -> k.add("jar", j));
        }
        for (RuleInfo r : lint.activeRules()) {
            k.add("rule", r.id() + "=" + r.defaultSeverity().label());
        }
        k.add("settings", contents(settings.file()));
        k.add("baseline", contents(baseline));
        k.add("formats", String.join(",", formats));
        k.add("includes", includes == null ? "" : String.join(",", includes));
        k.add("excludes", excludes == null ? "" : String.join(",", excludes));
        k.add("reportUnusedSuppressions", Boolean.toString(reportUnusedSuppressions));
        k.add("printFixes", Boolean.toString(printFixes));
        k.add("basedir", basedir.toAbsolutePath().normalize().toString());
        return k.hash();
    }

    private void add(String name, String value) {
        parts.add(name + "=" + value);
    }

    private String hash() {
        return HexFormat.of().formatHex(FindingsCache.sha256(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
    }

    private static String describe(Artifact a) {
        File f = a.getFile();
        return a.getId() + (f == null ? "" : " " + f.length() + " " + f.lastModified());
    }

    /** The file's path and a hash of its bytes; "none" without a file, "unreadable" when it cannot be read. */
    private static String contents(Path file) {
        if (file == null) {
            return "none";
        }
        try {
            return file.toAbsolutePath().normalize() + " " + HexFormat.of().formatHex(FindingsCache.sha256(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return file + " unreadable";
        }
    }
}
