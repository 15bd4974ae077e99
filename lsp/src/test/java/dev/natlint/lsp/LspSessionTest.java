package dev.natlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed scenario as an editor lives it: diagnostic, quick fix, clean buffer, flow table on hover. */
class LspSessionTest {

    static final Path SEED = Path.of("../test-configs/scenarios/seed-hairpin-broken.rsc").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void seedHairpinFromDiagnosticToFixedBuffer() throws Exception {
        byte[] before = Files.readAllBytes(SEED);
        String text = Files.readString(SEED);
        String uri = SEED.toUri().toString();
        String forwardLine = text.lines().toList().get(13);
        assertThat(forwardLine).startsWith("add chain=dstnat");
        try (ServerProcess s = ServerProcess.start(LspMain.class, tmp)) {
            s.initialize();
            s.open(uri, 1, text);

            List<Diagnostic> diags = s.diagnostics(uri, 1).getDiagnostics();
            assertThat(diags).hasSize(1);
            Diagnostic d = diags.get(0);
            assertThat(d.getCode().getLeft()).isEqualTo("hairpin-missing-masquerade");
            assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(d.getSource()).isEqualTo("natlint");
            // the whole forward, not just its first column
            assertThat(d.getRange()).isEqualTo(new Range(new Position(13, 0), new Position(13, forwardLine.length())));
            assertThat(d.getMessage()).startsWith("LAN client 192.168.1.10 -> 1.1.1.1:80/tcp");
            String href = d.getCodeDescription().getHref();
            assertThat(href).endsWith("rules/docs/hairpin-missing-masquerade.md");
            assertThat(Files.readString(Path.of(URI.create(href)))).contains("hairpin");

            Hover hover = s.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(13, 10)))
                    .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String md = hover.getContents().getRight().getValue();
            assertThat(hover.getContents().getRight().getKind()).isEqualTo("markdown");
            assertThat(md).contains("forward at line 14").contains("**reply-bypasses-router**").contains("| ok |")
                    .contains("| step | source | destination | what happened |")
                    .contains("| 1 | 192.168.1.10:50000 | 1.1.1.1:80 | client sends to the public address, tcp/80 |")
                    .contains("| 3 | 192.168.1.2:80 | 192.168.1.10:50000 | server replies directly");
            assertThat(hover.getRange()).isEqualTo(d.getRange());

            CodeActionParams ask = new CodeActionParams(new TextDocumentIdentifier(uri), d.getRange(),
                    new CodeActionContext(List.of(d)));
            List<CodeAction> actions = s.server.getTextDocumentService().codeAction(ask)
                    .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream().map(Either::getRight).toList();
            CodeAction quick = actions.stream().filter(a -> CodeActionKind.QuickFix.equals(a.getKind())).findFirst()
                    .orElseThrow();
            assertThat(quick.getTitle()).startsWith("natlint: masquerade LAN clients of 192.168.1.0/24");
            assertThat(quick.getDiagnostics()).containsExactly(d);
            assertThat(actions).anyMatch(a -> a.getTitle().equals(CodeActions.APPLY_ALL_TITLE)
                    && CodeActionKind.SourceFixAll.equals(a.getKind()));
            TextDocumentEdit edit = quick.getEdit().getDocumentChanges().get(0).getLeft();
            assertThat(edit.getTextDocument().getVersion()).isEqualTo(1);
            String fixed = ServerProcess.apply(text, edit.getEdits());
            assertThat(fixed).startsWith(text).contains("\n/ip firewall nat add action=masquerade chain=srcnat");

            s.change(uri, 2, fixed);
            PublishDiagnosticsParams after = s.diagnostics(uri, 2);
            assertThat(after.getDiagnostics()).isEmpty();
            // saving publishes the current version's diagnostics again, without a new analysis
            s.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
            assertThat(s.diagnostics(uri, 2).getDiagnostics()).isEmpty();

            Hover fine = s.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(13, 10)))
                    .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(fine.getContents().getRight().getValue()).contains("forward at line 14")
                    .doesNotContain("reply-bypasses-router").doesNotContain("| step |");

            assertThat(s.shutdown()).isZero();
            assertThat(s.stderr()).isEmpty();
        }
        assertThat(Files.readAllBytes(SEED)).isEqualTo(before);
    }

    @Test
    void applyAllFixesClearsEveryFixableFindingInOneEdit() throws Exception {
        Path file = Path.of("../test-configs/rules/hairpin-missing-masquerade/bad-two-forwards.rsc").toAbsolutePath().normalize();
        String text = Files.readString(file);
        String uri = file.toUri().toString();
        try (ServerProcess s = ServerProcess.start(LspMain.class, tmp)) {
            s.initialize();
            s.open(uri, 1, text);
            assertThat(s.diagnostics(uri, 1).getDiagnostics()).hasSize(2);
            CodeActionContext only = new CodeActionContext(List.of());
            only.setOnly(List.of(CodeActionKind.SourceFixAll));
            List<CodeAction> actions = s.server.getTextDocumentService().codeAction(new CodeActionParams(
                            new TextDocumentIdentifier(uri), new Range(new Position(0, 0), new Position(0, 0)), only))
                    .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream().map(Either::getRight).toList();
            assertThat(actions).extracting(CodeAction::getTitle).containsExactly(CodeActions.APPLY_ALL_TITLE);
            TextDocumentEdit edit = actions.get(0).getEdit().getDocumentChanges().get(0).getLeft();
            assertThat(edit.getEdits()).hasSize(1);
            String fixed = ServerProcess.apply(text, edit.getEdits());
            // the checked combined fix: one header saying it is proven, then both hairpin rules once each
            assertThat(fixed).contains("# natlint: every fix for " + uri + " (2 findings)").doesNotContain("NOT PROVEN");
            assertThat(fixed.split("add action=masquerade chain=srcnat src-address=192.168.88.0/24", -1)).hasSize(3);
            s.change(uri, 2, fixed);
            assertThat(s.diagnostics(uri, 2).getDiagnostics()).isEmpty();
            assertThat(s.shutdown()).isZero();
        }
    }
}
