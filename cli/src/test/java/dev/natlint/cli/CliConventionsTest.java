package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty inputs, binary files, suppressions, the rule list, settings files, baselines and formats. */
class CliConventionsTest {

    private static final Path BROKEN = Path.of("../test-configs/scenarios/seed-hairpin-broken.rsc");

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void emptyDirectoryIsExitTwoUnlessAllowed(@TempDir Path dir) throws IOException {
        Run r = run(dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("natlint: nothing to check: no script in " + dir
                + " (includes **/*.rsc; excludes none); pass --allow-empty to accept that\n");
        Run allowed = run("check", "--allow-empty", dir.toString());
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).isEqualTo("no findings in 0 files\n");

        Files.copy(BROKEN, dir.resolve("EDGE.RSC"));
        Run upper = run(dir.toString());
        assertThat(upper.code()).isEqualTo(1);
        assertThat(upper.out()).contains("EDGE.RSC:14:1: error:");
        Run excluded = run("check", "--exclude", "edge.*", dir.toString());
        assertThat(excluded.code()).isEqualTo(2);
        assertThat(excluded.err()).contains("(includes **/*.rsc; excludes edge.*)");
    }

    @Test
    void binaryInputGivesOneFinding(@TempDir Path dir) throws IOException {
        Path ls = dir.resolve("ls.rsc");
        Files.copy(Path.of("/bin/ls"), ls);
        Run r = run(ls.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(ls + ":1:1: error: not a RouterOS script: binary data [syntax]\n"
                + "    see rules/docs/syntax.md\n1 finding (1 error) in 1 file\n");
        Run explain = run("explain", ls.toString());
        assertThat(explain.code()).isEqualTo(2);
        assertThat(explain.err()).isEqualTo("natlint: " + ls + ": not a RouterOS script: binary data\n");
    }

    @Test
    void suppressionsTalkBack(@TempDir Path dir) throws IOException {
        String script = Files.readString(BROKEN);
        String[] lines = script.split("\n", -1);
        lines[13] = "# natlint:ignore hairpin-missing-masquerad\n" + lines[13];
        Path f = dir.resolve("r.rsc");
        Files.writeString(f, String.join("\n", lines));
        Run typo = run(f.toString());
        assertThat(typo.out()).contains(f + ":14:1: warning: unknown rule id 'hairpin-missing-masquerad' in suppression;"
                + " did you mean hairpin-missing-masquerade? [suppression]\n    see rules/docs/suppression.md\n");
        assertThat(typo.out()).contains(f + ":15:1: error:");

        lines = script.split("\n", -1);
        lines[13] = "# natlint:ignore=hairpin-missing-masquerade\n" + lines[13];
        lines[5] = "# natlint:ignore syntax\n" + lines[5];
        Files.writeString(f, String.join("\n", lines));
        assertThat(run(f.toString()).out()).isEqualTo("no findings in 1 file\n");
        Run unused = run("check", "--report-unused-suppressions", f.toString());
        assertThat(unused.code()).isZero();
        assertThat(unused.out()).startsWith(f + ":6:1: warning: suppression of 'syntax' silenced nothing on line 7 [suppression]");
    }

    @Test
    void rulesListsIdsSeveritiesAndSummaries() {
        Run text = run("rules");
        assertThat(text.code()).isZero();
        assertThat(text.out()).containsPattern("\nhairpin-missing-masquerade +error +LAN clients on the server's subnet")
                .containsPattern("\nio-error +error +A file could not be read\n")
                .containsPattern("\nsuppression +warning +A natlint:ignore comment")
                .endsWith(RulesCommand.all().size() + " rules; each explained in rules/docs/<id>.md\n");
        Run json = run("rules", "--format", "json");
        assertThat(json.out()).startsWith("{\n  \"rules\": [\n").contains("\"id\": \"syntax\"")
                .contains("\"doc\": \"rules/docs/syntax.md\"").contains("\"severity\": \"warning\"");
        assertThat(json.out().split("\"id\"", -1)).hasSize(RulesCommand.all().size() + 1);
    }

    @Test
    void settingsFileIsFoundAboveThePathAndFlagsOverrideIt(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("routers/site"));
        Files.copy(BROKEN, sub.resolve("edge.rsc"));
        Files.writeString(dir.resolve("natlint.toml"), "fail-on = \"none\"\n[severity]\nhairpin-missing-masquerade = \"info\"\n");
        Run r = run(sub.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(": info: ");
        assertThat(run("check", "--fail-on", "info", sub.toString()).code()).isEqualTo(1);
        assertThat(run("check", "--severity", "hairpin-missing-masquerade=error", "--fail-on", "error", sub.toString()).code())
                .isEqualTo(1);

        Files.writeString(dir.resolve("natlint.toml"), "fail-on = \"none\"\ndisabled = [\"syntax\"]\n");
        Run bad = run(sub.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("natlint: " + dir.resolve("natlint.toml")
                + ":2: unknown key 'disabled' (known: baseline, disable, exclude, fail-on, severity)\n");

        Path other = dir.resolve("other.toml");
        Files.writeString(other, "disable = [\"hairpin-missing-masquerade\"]\n");
        Run explicit = run("check", "--config", other.toString(), sub.toString());
        assertThat(explicit.code()).isZero();
        assertThat(explicit.out()).isEqualTo("no findings in 1 file\n");
    }

    @Test
    void baselineHidesAcceptedFindingsEvenAfterEditsAbove(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("edge.rsc");
        Files.copy(BROKEN, f);
        Path baseline = dir.resolve("natlint-baseline.json");
        Run write = run("check", "--write-baseline", baseline.toString(), f.toString());
        assertThat(write.code()).isZero();
        assertThat(write.err()).isEqualTo("natlint: wrote 1 finding to " + baseline + "\n");
        assertThat(Files.readString(baseline)).contains("\"ruleId\": \"hairpin-missing-masquerade\"");

        Files.writeString(f, "# added later\n# and more\n" + Files.readString(BROKEN));
        Run again = run("check", "--baseline", baseline.toString(), f.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo("no findings in 1 file\n");
        assertThat(again.err()).isEqualTo("natlint: 1 finding accepted in " + baseline + " not shown\n");

        Run missing = run("check", "--baseline", dir.resolve("nope.json").toString(), f.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("natlint: cannot read baseline " + dir.resolve("nope.json")
                + ": no such file or directory\n");
    }

    @Test
    void moreFormatsAndReportFilesWithOrdinaryPermissions(@TempDir Path dir) throws IOException {
        Run gh = run("check", "--format", "github", BROKEN.toString());
        assertThat(gh.code()).isEqualTo(1);
        assertThat(gh.out()).startsWith("::error file=").contains("/test-configs/scenarios/seed-hairpin-broken.rsc,line=14,col=1,"
                + "title=hairpin-missing-masquerade::LAN client 192.168.1.10 -> 1.1.1.1:80/tcp")
                .contains("%0Afix: masquerade LAN clients").endsWith("\n1 finding (1 error) in 1 file\n");
        Path xml = dir.resolve("out/checkstyle.xml");
        assertThat(run("check", "--format", "checkstyle", "-o", xml.toString(), BROKEN.toString()).code()).isEqualTo(1);
        assertThat(Files.readString(xml)).contains("source=\"natlint.hairpin-missing-masquerade\"");
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(xml)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
        Path junit = dir.resolve("TEST-natlint.xml");
        run("check", "--format", "junit", "-o", junit.toString(), BROKEN.toString());
        assertThat(Files.readString(junit)).contains("seed-hairpin-broken.rsc\" classname=\"natlint\"")
                .contains("<failure message=");

        Run unwritable = run("check", "-o", plain.resolve("x.txt").toString(), BROKEN.toString());
        assertThat(unwritable.code()).isEqualTo(2);
        assertThat(unwritable.err()).isEqualTo("natlint: cannot write " + plain.resolve("x.txt")
                + ": a file is in the way (not a directory)\n");
    }
}
