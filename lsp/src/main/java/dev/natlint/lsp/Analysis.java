package dev.natlint.lsp;

import dev.natlint.diag.Finding;
import dev.natlint.rule.RuleContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;

/**
 * One version of one document, analysed: its findings with the diagnostics published for them, and the
 * model and flows that hovers and jumps read.
 *
 * @param context null when the analysis failed (the single diagnostic then names the exception)
 * @param items   each published diagnostic with the finding it shows, in report order
 */
record Analysis(String uri, int version, SourceMap source, RuleContext context, List<Item> items) {

    Analysis {
        items = List.copyOf(items);
    }

    /** A finding and its diagnostic; {@code finding} is null for diagnostics natlint adds (a cut-off note). */
    record Item(Finding finding, Diagnostic diagnostic) {
    }

    Optional<RuleContext> model() {
        return Optional.ofNullable(context);
    }

    List<Diagnostic> diagnostics() {
        return items.stream().map(Item::diagnostic).toList();
    }
}
