package dev.natlint.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.EngineConventionsTest;
import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.report.FileReport;
import dev.natlint.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static final NatLint LINT = NatLint.builder().rules(List.of(new EngineConventionsTest.EveryNatRule())).build();
    private static final String NAT_A = "/ip firewall nat add chain=srcnat action=masquerade out-interface=wan\n";
    private static final String NAT_B = "/ip firewall nat add chain=dstnat action=dst-nat to-addresses=10.0.0.2\n";

    private static Report report(String text) {
        return new Report(List.of(LINT.checkText("r.rsc", text)), List.of());
    }

    @Test
    void acceptedFindingsStayAcceptedWhenLinesMoveAndNewOnesShow(@TempDir Path dir) throws Exception {
        Baseline written = Baseline.of(report(NAT_A));
        Path file = dir.resolve("natlint-baseline.json");
        Files.writeString(file, written.render());
        Baseline read = Baseline.read(file);
        assertThat(read.entries()).isEqualTo(written.entries());

        // three lines inserted above, and a new problem below
        Report later = report("# new header\n/ip address add address=10.0.0.1/24 interface=lan\n\n" + NAT_A + NAT_B);
        Baseline.Filtered f = read.filter(later);
        assertThat(f.accepted()).isEqualTo(1);
        List<FileReport> files = f.report().files();
        assertThat(files.get(0).findings()).hasSize(1);
        assertThat(files.get(0).findings().get(0).location().line()).isEqualTo(5);

        // a second copy of an accepted command is new
        assertThat(read.filter(report(NAT_A + NAT_A)).report().allFindings()).hasSize(1);
        // the same text in another file is not accepted there
        Report other = new Report(List.of(LINT.checkText("other.rsc", NAT_A)), List.of());
        assertThat(read.filter(other).accepted()).isZero();
    }

    @Test
    void writingIsDeterministic() {
        assertThat(Baseline.of(report(NAT_A + NAT_B)).render()).isEqualTo(Baseline.of(report(NAT_A + NAT_B)).render())
                .startsWith("{\n  \"version\": 1,\n  \"findings\": [\n");
    }

    @Test
    void fingerprintIgnoresSpacingButNotTheCommandOrRule() {
        String a = Baseline.fingerprint("r", "/ip  firewall nat add");
        assertThat(Baseline.fingerprint("r", " /ip firewall nat add ")).isEqualTo(a);
        assertThat(Baseline.fingerprint("r", "/ip firewall nat add x=1")).isNotEqualTo(a);
        assertThat(Baseline.fingerprint("other", "/ip  firewall nat add")).isNotEqualTo(a);
    }

    @Test
    void unreadableFilesAreMatchedByMessageWithoutLineNumbers() {
        dev.natlint.diag.Finding io = new dev.natlint.diag.Finding("io-error", dev.natlint.diag.Severity.ERROR,
                new dev.natlint.diag.Location("x.rsc", 0, 0), "cannot read x.rsc: permission denied");
        Report r = new Report(List.of(new FileReport("x.rsc", List.of(io))), List.of());
        assertThat(Baseline.of(r).filter(r).accepted()).isEqualTo(1);
    }

    @Test
    void badFilesAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.json");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(NatLintException.class)
                .hasMessage("cannot read baseline " + file + ": no such file or directory");
        Files.writeString(file, "{\n  \"version\": 1,\n  \"findings\": [\n    {\"ruleId\": \"x\",}\n");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageStartingWith(file + ":4: not valid JSON");
        Files.writeString(file, "{\"findings\": []}");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessage(file + ": not a natlint baseline (expected \"version\": 1)");
        Files.writeString(file, "{\"version\": 1, \"findings\": [\n{\"ruleId\": \"x\"}]}");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessage(file + ":2: baseline entry without file, fingerprint");
    }

    @Test
    void linesAreTheLinesOfTheTextSplitAtEveryKindOfLineBreak() {
        // the reference: the whole text split as the fingerprints once did it
        for (String text : List.of("", "a", "a\n", "a\r\nb\rc\nd", "\r\r\n\n\r", "x\ry\r", "one\n\ntwo\r\n\r\nthree")) {
            String[] split = text.split("\r\n|\r|\n", -1);
            java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>(List.of(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            java.util.Map<Integer, String> lines = Baseline.lines(text, wanted);
            for (int l : wanted) {
                assertThat(lines.get(l)).as("line %d of %s", l, text.replace("\r", "\\r").replace("\n", "\\n"))
                        .isEqualTo(l >= 1 && l <= split.length ? split[l - 1] : null);
            }
            // asking for one line reads up to it only, and gives the same text
            assertThat(Baseline.lines(text, new java.util.TreeSet<>(List.of(2)))).isEqualTo(
                    split.length >= 2 ? java.util.Map.of(2, split[1]) : java.util.Map.of());
        }
    }
}
