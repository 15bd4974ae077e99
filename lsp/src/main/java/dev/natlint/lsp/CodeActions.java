package dev.natlint.lsp;

import dev.natlint.NatLint;
import dev.natlint.fix.CombinedFix;
import java.util.function.Function;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Fixes as code actions. Each one appends its snippet to the end of the document through a workspace edit
 * the editor applies, so the change shows up in the buffer, unsaved, and undo takes it back; natlint never
 * writes the file itself.
 */
final class CodeActions {

    static final String APPLY_ALL_TITLE = "natlint: apply all fixes";

    private final boolean documentChanges;
    private final Function<String, NatLint> lintFor;

    /** @param lintFor the linter configured for a document, which the combined fix must also satisfy */
    CodeActions(boolean documentChanges, Function<String, NatLint> lintFor) {
        this.documentChanges = documentChanges;
        this.lintFor = lintFor;
    }

    /** The snippet as appended: its description as a comment line, then the commands. */
    static String block(Fix f) {
        String snippet = f.snippet().endsWith("\n") ? f.snippet() : f.snippet() + "\n";
        return "# natlint fix: " + f.description().replace('\n', ' ').replace('\r', ' ') + "\n" + snippet;
    }

    List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions(Analysis a, Range requested, List<String> only) {
        List<Either<org.eclipse.lsp4j.Command, CodeAction>> out = new ArrayList<>();
        List<Fix> all = new ArrayList<>();
        for (Analysis.Item item : a.items()) {
            Finding f = item.finding();
            if (f == null || f.fix() == null) {
                continue;
            }
            all.add(f.fix());
            if (wants(only, CodeActionKind.QuickFix) && overlaps(item.diagnostic().getRange(), requested)) {
                CodeAction action = new CodeAction("natlint: " + f.fix().description());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(item.diagnostic()));
                action.setIsPreferred(true);
                action.setEdit(append(a, block(f.fix())));
                out.add(Either.forRight(action));
            }
        }
        if (!all.isEmpty() && (wants(only, CodeActionKind.Source) || wants(only, CodeActionKind.SourceFixAll))) {
            CodeAction action = new CodeAction(APPLY_ALL_TITLE);
            action.setKind(CodeActionKind.SourceFixAll);
            // the checked combined fix of the safe-fixes work: de-duplicated, ordered, completed in rounds,
            // with a header that says whether re-analysis proved it
            CombinedFix combined = CombinedFix.of(lintFor.apply(a.uri()), a.uri(), a.source().text());
            action.setEdit(append(a, combined.render(a.uri())));
            out.add(Either.forRight(action));
        }
        return out;
    }

    private static boolean wants(List<String> only, String kind) {
        return only == null || only.isEmpty() || only.stream().anyMatch(o -> kind.equals(o) || kind.startsWith(o + "."));
    }

    private static boolean overlaps(Range a, Range b) {
        return b == null || (SourceMap.compare(a.getStart(), b.getEnd()) <= 0 && SourceMap.compare(b.getStart(), a.getEnd()) <= 0);
    }

    /** Inserts {@code block} at the end of the analysed version, on a line of its own. */
    WorkspaceEdit append(Analysis a, String block) {
        String text = a.source().text();
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        String insert = (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? "" : eol)
                + (eol.equals("\n") ? block : block.replace("\n", eol));
        Position end = a.source().end();
        TextEdit edit = new TextEdit(new Range(end, end), insert);
        if (documentChanges) {
            // versioned: an editor whose buffer moved on since this analysis refuses the edit instead of
            // inserting it in the wrong place
            return new WorkspaceEdit(List.of(Either.forLeft(new TextDocumentEdit(
                    new VersionedTextDocumentIdentifier(a.uri(), a.version()), List.of(edit)))));
        }
        return new WorkspaceEdit(Map.of(a.uri(), List.of(edit)));
    }
}
