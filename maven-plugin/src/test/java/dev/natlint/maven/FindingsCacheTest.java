package dev.natlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.NatLint;
import dev.natlint.Progress;
import dev.natlint.ReportCache;
import dev.natlint.report.JsonReporter;
import dev.natlint.report.Report;
import dev.natlint.report.SarifReporter;
import dev.natlint.report.TextReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsCacheTest {

    /** Every bad and good test config of every rule: findings with fixes, assumptions and related lines. */
    private static final Path CONFIGS = Path.of("../test-configs/rules").toAbsolutePath().normalize();
    private static NatLint lint;
    private static Report uncached;

    @TempDir
    Path work;

    @BeforeAll
    static void checkWithoutCache() throws Exception {
        lint = NatLint.builder().baseDirectory(CONFIGS).build();
        uncached = lint.check(List.of(CONFIGS));
        assertThat(uncached.files()).hasSizeGreaterThan(50);
        assertThat(uncached.allFindings()).anyMatch(f -> f.fix() != null);
        assertThat(uncached.allFindings()).anyMatch(f -> !f.assumptions().isEmpty());
        assertThat(uncached.allFindings()).anyMatch(f -> !f.related().isEmpty());
    }

    private Report check(Path sources, ReportCache cache) throws Exception {
        return NatLint.builder().baseDirectory(sources).build().check(List.of(sources), Progress.NONE, cache);
    }

    private Path copyOfConfigs() throws IOException {
        Path dir = work.resolve("src");
        try (Stream<Path> all = Files.walk(CONFIGS)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(CONFIGS.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        return dir;
    }

    private static void assertSameOutput(Report a, Report b) {
        assertThat(b).isEqualTo(a);
        assertThat(new JsonReporter().render(b)).isEqualTo(new JsonReporter().render(a));
        assertThat(new SarifReporter("test").render(b)).isEqualTo(new SarifReporter("test").render(a));
        assertThat(new TextReporter(false, true).render(b)).isEqualTo(new TextReporter(false, true).render(a));
    }

    @Test
    void aSecondRunReadsEveryReportBackAndReportsTheSame() throws Exception {
        Path cacheDir = work.resolve("cache");
        FindingsCache first = new FindingsCache(cacheDir, "settings-1");
        Report cold = check(CONFIGS, first);
        assertThat(first.reused()).isZero();
        assertThat(first.flush()).isEmpty();
        assertSameOutput(uncached, cold);

        FindingsCache second = new FindingsCache(cacheDir, "settings-1");
        Report warm = check(CONFIGS, second);
        assertThat(second.reused()).isEqualTo(uncached.files().size());
        assertSameOutput(uncached, warm);
        // the baseline's fingerprints come back too
        for (int i = 0; i < warm.files().size(); i++) {
            assertThat(warm.files().get(i).fingerprints()).isEqualTo(uncached.files().get(i).fingerprints());
        }
    }

    @Test
    void anEditedScriptIsCheckedAgainAndOnlyThatOne() throws Exception {
        Path src = copyOfConfigs();
        Path cacheDir = work.resolve("cache");
        FindingsCache first = new FindingsCache(cacheDir, "k");
        check(src, first);
        first.flush();
        Path edited = src.resolve("hairpin-missing-masquerade/bad-single-forward.rsc");
        assertThat(edited).exists();
        // the fix appended: the finding must go away, which a stale entry would keep
        String before = Files.readString(edited);
        Report withFinding = check(src, ReportCache.NONE);
        String fix = withFinding.files().stream().filter(f -> f.path().equals("hairpin-missing-masquerade/bad-single-forward.rsc"))
                .findFirst().orElseThrow().findings().stream().filter(f -> f.ruleId().equals("hairpin-missing-masquerade"))
                .findFirst().orElseThrow().fix().snippet();
        Files.writeString(edited, before + "\n" + fix + "\n");

        FindingsCache second = new FindingsCache(cacheDir, "k");
        Report after = check(src, second);
        assertThat(second.reused()).isEqualTo(uncached.files().size() - 1);
        assertSameOutput(check(src, ReportCache.NONE), after);
        assertThat(after.files().stream().filter(f -> f.path().equals("hairpin-missing-masquerade/bad-single-forward.rsc"))
                .findFirst().orElseThrow().findings()).noneMatch(f -> f.ruleId().equals("hairpin-missing-masquerade"));
    }

    @Test
    void anotherSettingsKeyReusesNothing() throws Exception {
        Path cacheDir = work.resolve("cache");
        FindingsCache first = new FindingsCache(cacheDir, "severities A");
        check(CONFIGS, first);
        first.flush();
        FindingsCache other = new FindingsCache(cacheDir, "severities B");
        assertSameOutput(uncached, check(CONFIGS, other));
        assertThat(other.reused()).isZero();
    }

    @Test
    void damagedEntriesAreIgnoredNeverTrustedAndNeverThrow() throws Exception {
        Path cacheDir = work.resolve("cache");
        FindingsCache first = new FindingsCache(cacheDir, "k");
        check(CONFIGS, first);
        first.flush();
        List<Path> entries;
        try (Stream<Path> s = Files.list(cacheDir)) {
            entries = s.sorted().toList();
        }
        assertThat(entries).hasSize(uncached.files().size());
        // every kind of damage on a different entry: truncated, one byte changed, emptied, garbage,
        // a directory in its place, and a findings count rewritten with its checksum left as it was
        for (int i = 0; i < entries.size(); i++) {
            Path e = entries.get(i);
            byte[] b = Files.readAllBytes(e);
            switch (i % 6) {
                case 0 -> Files.write(e, java.util.Arrays.copyOf(b, b.length * (i % 5 + 1) / 7));
                case 1 -> {
                    b[(int) ((long) b.length * (i % 11 + 1) / 13)] ^= 0x20;
                    Files.write(e, b);
                }
                case 2 -> Files.write(e, new byte[0]);
                case 3 -> Files.writeString(e, "not a cache entry at all\n".repeat(i + 1));
                case 4 -> {
                    Files.delete(e);
                    Files.createDirectory(e);
                }
                default -> {
                    b[b.length - 40] ^= 0x01;
                    Files.write(e, b);
                }
            }
        }
        FindingsCache damaged = new FindingsCache(cacheDir, "k");
        Report again = check(CONFIGS, damaged);
        assertThat(damaged.reused()).isZero();
        assertSameOutput(uncached, again);
    }

    @Test
    void theFixScriptIsKeptWithItsReport() throws Exception {
        Path cacheDir = work.resolve("cache");
        FindingsCache first = new FindingsCache(cacheDir, "k");
        String path = "hairpin-missing-masquerade/bad-single-forward.rsc";
        String text = Files.readString(CONFIGS.resolve(path));
        first.store(path, text, lint.checkText(path, text));
        first.storeFixScript(path, text, "# the combined fix\n/ip firewall nat add chain=srcnat\n", true);
        first.flush();

        FindingsCache second = new FindingsCache(cacheDir, "k");
        assertThat(second.lookup(path, text)).isEqualTo(lint.checkText(path, text));
        assertThat(second.fixScript(path, text))
                .contains(Map.entry("# the combined fix\n/ip firewall nat add chain=srcnat\n", true));
        assertThat(second.fixScript(path, text + "\n# edited")).isEmpty();
        assertThat(new FindingsCache(cacheDir, "k").lookup(path, text + "\n# edited")).isNull();
    }

    @Test
    void entriesOfScriptsThatAreGoneAreRemoved() throws Exception {
        Path cacheDir = work.resolve("cache");
        FindingsCache first = new FindingsCache(cacheDir, "k");
        first.store("a.rsc", "", lint.checkText("a.rsc", ""));
        first.store("b.rsc", "", lint.checkText("b.rsc", ""));
        first.flush();
        FindingsCache second = new FindingsCache(cacheDir, "k");
        assertThat(second.lookup("a.rsc", "")).isNotNull();
        second.flush();
        try (Stream<Path> s = Files.list(cacheDir)) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThat(new FindingsCache(cacheDir, "k").lookup("b.rsc", "")).isNull();
    }
}
