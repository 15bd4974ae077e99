package dev.natlint.lsp;

import dev.natlint.parse.Command;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/** The outline: each run of commands in one menu, and in it each command, named by its comment when it has one. */
final class Symbols {

    private static final List<String> SUMMARY_KEYS = List.of("chain", "action", "name", "address", "list", "interface",
            "dst-address", "dst-port", "to-addresses", "gateway", "dst-address-list", "src-address-list");

    private Symbols() {
    }

    static List<DocumentSymbol> of(Analysis a) {
        List<DocumentSymbol> out = new ArrayList<>();
        if (a.context() == null) {
            return out;
        }
        DocumentSymbol menu = null;
        for (Command c : a.context().script().commands()) {
            if (c.script() || c.conditional()) {
                continue;
            }
            Range r = a.source().statement(c.location().line(), c.location().column());
            if (menu == null || !menu.getName().equals(c.menu())) {
                menu = new DocumentSymbol(c.menu(), SymbolKind.Namespace, r, r, null, new ArrayList<>());
                out.add(menu);
            } else {
                menu.setRange(new Range(menu.getRange().getStart(), r.getEnd()));
            }
            menu.getChildren().add(new DocumentSymbol(name(c), kind(c), r, r, "line " + c.location().line()));
        }
        return out;
    }

    private static SymbolKind kind(Command c) {
        return c.menu().startsWith("/ip firewall") ? SymbolKind.Event : SymbolKind.Object;
    }

    static String name(Command c) {
        String comment = c.property("comment").map(p -> p.value().text().strip()).orElse("");
        if (!comment.isEmpty()) {
            return comment.length() > 80 ? comment.substring(0, 77) + "..." : comment;
        }
        StringBuilder sb = new StringBuilder(c.verb().isEmpty() ? "line " + c.location().line() : c.verb());
        for (String key : SUMMARY_KEYS) {
            c.property(key).ifPresent(p -> sb.append(' ').append(key).append('=').append(p.value().text()));
            if (sb.length() > 80) {
                break;
            }
        }
        return sb.length() > 80 ? sb.substring(0, 77) + "..." : sb.toString();
    }
}
