package dev.natlint.lsp;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Related;
import dev.natlint.parse.RouterOsReader;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Findings as LSP diagnostics, each covering the whole command it is about. */
final class Diagnostics {

    static final String SOURCE = "natlint";
    static final String INTERNAL_ERROR = "internal-error";

    /**
     * Beyond this many diagnostics in one document (a pasted binary file gives one per line) the rest are
     * summarised in one last diagnostic instead: editors slow to a crawl on hundreds of thousands.
     */
    static final int MAX_PER_DOCUMENT = 1_000;

    private final RuleDocs docs;

    Diagnostics(RuleDocs docs) {
        this.docs = docs;
    }

    List<Analysis.Item> of(String uri, SourceMap source, List<Finding> findings) {
        List<Analysis.Item> out = new ArrayList<>();
        for (Finding f : findings) {
            if (out.size() == MAX_PER_DOCUMENT) {
                Diagnostic more = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
                        (findings.size() - MAX_PER_DOCUMENT) + " more findings are not shown here; `natlint check` lists"
                                + " all " + findings.size() + ".", DiagnosticSeverity.Information, SOURCE);
                out.add(new Analysis.Item(null, more));
                break;
            }
            out.add(new Analysis.Item(f, diagnostic(uri, source, f)));
        }
        return out;
    }

    Diagnostic diagnostic(String uri, SourceMap source, Finding f) {
        Range range = range(source, f);
        StringBuilder message = new StringBuilder(f.message());
        // a verdict that rests on something natlint did not analyse says so, as in every other report
        for (dev.natlint.diag.Assumption a : f.assumptions()) {
            message.append("\nassumption: ").append(a.describe());
        }
        Diagnostic d = new Diagnostic(range, message.toString(), severity(f.severity()), SOURCE, f.ruleId());
        docs.href(f.ruleId()).ifPresent(h -> d.setCodeDescription(new DiagnosticCodeDescription(h)));
        if (!f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> rel = new ArrayList<>();
            for (Related r : f.related()) {
                rel.add(new DiagnosticRelatedInformation(new Location(uri, range(source, r.location())), r.message()));
            }
            d.setRelatedInformation(rel);
        }
        return d;
    }

    /** A syntax finding points into a line: from there to its end. Any other finding: its whole command. */
    static Range range(SourceMap source, dev.natlint.diag.Location at) {
        return range(source, at, false);
    }

    private static Range range(SourceMap source, dev.natlint.diag.Location at, boolean syntax) {
        return syntax ? source.restOfLine(at.line(), at.column()) : source.statement(at.line(), at.column());
    }

    static Range range(SourceMap source, Finding f) {
        return range(source, f.location(), f.ruleId().equals(RouterOsReader.SYNTAX_RULE));
    }

    static Diagnostic internalError(Throwable t) {
        return new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
                "natlint failed on this document (" + t.getClass().getName() + "); the other documents are still"
                        + " checked. Please report it with the script that causes it.",
                DiagnosticSeverity.Error, SOURCE, INTERNAL_ERROR);
    }

    static DiagnosticSeverity severity(dev.natlint.diag.Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }
}
