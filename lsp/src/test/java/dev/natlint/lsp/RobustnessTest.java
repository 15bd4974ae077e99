package dev.natlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input, failing rules and fast typing: the server answers, stays up, and never publishes stale results. */
class RobustnessTest {

    @TempDir
    Path tmp;

    static final String SEED_URI = LspSessionTest.SEED.toUri().toString();

    private static void assertStillServes(ServerProcess s) throws Exception {
        // a document opened after the bad one is analysed, and a request about it is answered
        String text = Files.readString(LspSessionTest.SEED);
        s.open(SEED_URI, 1, text);
        assertThat(s.diagnostics(SEED_URI, 1).getDiagnostics()).extracting(d -> d.getCode().getLeft())
                .containsExactly("hairpin-missing-masquerade");
        assertThat(s.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(SEED_URI)))
                .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isNotEmpty();
        assertThat(s.process.isAlive()).isTrue();
    }

    private static List<String> codes(PublishDiagnosticsParams p) {
        // the note that diagnostics were cut off has no rule, so no code
        return p.getDiagnostics().stream().filter(d -> d.getCode() != null).map(d -> d.getCode().getLeft()).toList();
    }

    @Test
    void halfTypedLineGivesSyntaxDiagnosticsAndHoverStillAnswers() throws Exception {
        String uri = "file:///tmp/natlint-lsp-test/half.rsc";
        String text = Files.readString(LspSessionTest.SEED) + "add chain=dstnat action=dst-nat to-addresses=\"192.168";
        try (ServerProcess s = ServerProcess.start(LspMain.class, tmp)) {
            s.initialize();
            s.open(uri, 1, text);
            PublishDiagnosticsParams p = s.diagnostics(uri, 1);
            assertThat(codes(p)).contains("syntax");
            Diagnostic syntax = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("syntax")).findFirst().orElseThrow();
            assertThat(syntax.getRange().getStart().getLine()).isEqualTo(15);
            assertThat(syntax.getMessage()).contains("unclosed quote");
            // the line above is still understood
            assertThat(s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(13, 10)))
                    .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS).getContents().getRight().getValue())
                    .contains("forward at line 14");
            assertStillServes(s);
            assertThat(s.shutdown()).isZero();
        }
    }

    @Test
    void binaryPasteGivesSyntaxDiagnostics() throws Exception {
        String uri = "file:///tmp/natlint-lsp-test/binary.rsc";
        byte[] bytes = new byte[64 * 1024];
        new Random(14).nextBytes(bytes);
        // how an editor shows a binary file it could not decode: every byte as a character, NULs included
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        try (ServerProcess s = ServerProcess.start(LspMain.class, tmp)) {
            s.initialize();
            s.open(uri, 1, text);
            PublishDiagnosticsParams p = s.diagnostics(uri, 1);
            assertThat(codes(p)).isNotEmpty().allMatch(c -> c.equals("syntax"));
            assertStillServes(s);
            assertThat(s.shutdown()).isZero();
        }
    }

    @Test
    void fiveMegabytePasteIsAnsweredAndTheServerGoesOn() throws Exception {
        String uri = "file:///tmp/natlint-lsp-test/paste.rsc";
        StringBuilder sb = new StringBuilder();
        Random r = new Random(5);
        while (sb.length() < 5 * 1024 * 1024) {
            // pasted junk (a log, a binary, prose): spaced '=', control characters, words
            switch (r.nextInt(3)) {
                case 0 -> sb.append("add gateway = 10.0.0.").append(r.nextInt(256)).append('\n');
                case 1 -> sb.append("\u0000\u0001\u0002 \u007f pasted ").append(r.nextInt()).append('\n');
                default -> sb.append("lorem ipsum ").append(r.nextInt()).append(" = dolor sit amet\n");
            }
        }
        sb.append(Files.readString(LspSessionTest.SEED));
        try (ServerProcess s = ServerProcess.start(LspMain.class, tmp)) {
            s.initialize();
            s.open(uri, 1, sb.toString());
            PublishDiagnosticsParams p = s.diagnostics(uri, 1, Duration.ofMinutes(3));
            assertThat(codes(p)).contains("syntax");
            assertThat(p.getDiagnostics()).hasSizeLessThanOrEqualTo(Diagnostics.MAX_PER_DOCUMENT + 1);
            Diagnostic last = p.getDiagnostics().get(p.getDiagnostics().size() - 1);
            assertThat(last.getMessage()).contains("more findings are not shown here");
            assertStillServes(s);
            assertThat(s.shutdown()).isZero();
        }
    }

    @Test
    void anErrorEscapingTheCheckGivesOneInternalErrorAndTheServerGoesOn() throws Exception {
        String uri = "file:///tmp/natlint-lsp-test/failing.rsc";
        String good = Files.readString(LspSessionTest.SEED);
        try (ServerProcess s = ServerProcess.start(ServerWithFailingRule.class, tmp)) {
            s.initialize();
            s.open(uri, 1, good + "# " + ServerWithFailingRule.TRIGGER_ERROR + "\n");
            List<Diagnostic> failed = s.diagnostics(uri, 1).getDiagnostics();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).getCode().getLeft()).isEqualTo("internal-error");
            assertThat(failed.get(0).getRange()).isEqualTo(new Range(new Position(0, 0), new Position(0, 0)));
            assertThat(failed.get(0).getMessage()).contains("java.lang.AssertionError");
            s.change(uri, 2, good);
            assertThat(codes(s.diagnostics(uri, 2))).containsExactly("hairpin-missing-masquerade");
            assertStillServes(s);
            assertThat(s.shutdown()).isZero();
            assertThat(s.stderr()).isEmpty();
        }
    }

    @Test
    void aRuleFailingWithAnExceptionIsReportedAndTheOtherRulesStillReport() throws Exception {
        String uri = "file:///tmp/natlint-lsp-test/failing-rule.rsc";
        String good = Files.readString(LspSessionTest.SEED);
        try (ServerProcess s = ServerProcess.start(ServerWithFailingRule.class, tmp)) {
            s.initialize();
            s.open(uri, 1, good + "# " + ServerWithFailingRule.TRIGGER + "\n");
            List<Diagnostic> diags = s.diagnostics(uri, 1).getDiagnostics();
            assertThat(codes(s.all.get(0))).containsExactly("internal-error", "hairpin-missing-masquerade");
            Diagnostic failed = diags.get(0);
            assertThat(failed.getRange().getStart()).isEqualTo(new Position(0, 0));
            assertThat(failed.getMessage()).contains("rule test-failing").contains("java.lang.IllegalStateException");
            assertStillServes(s);
            assertThat(s.shutdown()).isZero();
        }
    }

    @Test
    void fastTypingPublishesOnlyNewerVersionsAndEndsOnTheLast() throws Exception {
        String uri = "file:///tmp/natlint-lsp-test/typing.rsc";
        String base = Files.readString(LspSessionTest.SEED);
        String fixed = Files.readString(LspSessionTest.SEED.resolveSibling("seed-hairpin-fixed.rsc"));
        try (ServerProcess s = ServerProcess.start(LspMain.class, tmp)) {
            s.initialize();
            s.open(uri, 1, base);
            s.diagnostics(uri, 1);
            // keystrokes: versions 2..20 alternate broken and fixed texts; the last one is the fixed text
            for (int v = 2; v <= 20; v++) {
                s.change(uri, v, v % 2 == 0 ? fixed : base + "#" + v + "\n");
            }
            PublishDiagnosticsParams last = s.diagnostics(uri, 20);
            assertThat(last.getDiagnostics()).isEmpty();
            // nothing arrives after it, and versions only ever grew
            Thread.sleep(Documents.DEBOUNCE_MILLIS * 3);
            List<Integer> versions = new ArrayList<>();
            synchronized (s.all) {
                s.all.stream().filter(p -> p.getUri().equals(uri)).forEach(p -> versions.add(p.getVersion()));
            }
            assertThat(versions).isSorted().endsWith(20).doesNotHaveDuplicates();
            assertThat(versions.size()).isLessThan(19);
            assertThat(s.shutdown()).isZero();
        }
    }
}
