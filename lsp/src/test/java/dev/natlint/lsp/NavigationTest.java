package dev.natlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related lines, names on hover, jumps to definitions and the outline, on one script in one server process. */
class NavigationTest {

    static final String URI = "file:///tmp/natlint-lsp-test/office.rsc";

    static final String TEXT = String.join("\n",
            "/interface bridge add name=bridge",
            "/interface bridge port add bridge=bridge interface=ether2",
            "/interface list add name=WAN",
            "/interface list add name=LAN",
            "/interface list member add interface=ether1 list=WAN",
            "/interface list member add interface=bridge list=LAN",
            "/ip address add address=192.168.88.1/24 interface=bridge",
            "/ip address add address=203.0.113.2/24 interface=ether1",
            "/ip route add gateway=203.0.113.1",
            "/ip firewall address-list add list=admins address=192.168.88.5",
            "/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN comment=\"masquerade to the internet\"",
            "/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp \\",
            "    dst-port=80 action=dst-nat to-addresses=192.168.88.10",
            "/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.10"
                    + " protocol=tcp dst-port=80 out-interface=bridge",
            "/ip firewall filter add chain=forward action=accept connection-state=established,related",
            "/ip firewall filter add chain=forward action=jump jump-target=lan-rules",
            "/ip firewall filter add chain=lan-rules action=accept src-address-list=admins",
            "/ip firewall filter add chain=lan-rules action=drop in-interface=bridge out-interface=bridge",
            "");

    @TempDir
    static Path tmp;

    static ServerProcess server;
    static List<Diagnostic> diagnostics;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(LspMain.class, tmp);
        server.initialize();
        server.open(URI, 7, TEXT);
        diagnostics = server.diagnostics(URI, 7).getDiagnostics();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The position of the {@code nth} occurrence (0-based) of {@code word} inside {@code context}. */
    static Position at(String context, String word) {
        List<String> lines = TEXT.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int c = lines.get(i).indexOf(context);
            if (c >= 0) {
                return new Position(i, c + context.indexOf(word) + 1);
            }
        }
        throw new IllegalArgumentException(context);
    }

    static List<Range> definitions(Position p) throws Exception {
        Either<List<? extends Location>, ?> r = server.server.getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(URI), p))
                .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return r.getLeft().stream().map(l -> {
            assertThat(l.getUri()).isEqualTo(URI);
            return l.getRange();
        }).map(Range.class::cast).toList();
    }

    static String hover(Position p) throws Exception {
        Hover h = server.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI), p))
                .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    static Range line(int index) {
        return new Range(new Position(index, 0), new Position(index, TEXT.lines().toList().get(index).length()));
    }

    @Test
    void findingSpansTheContinuationLineAndNamesTheDropRule() {
        Diagnostic d = diagnostics.stream().filter(x -> x.getCode().getLeft().equals("hairpin-filtered")).findFirst()
                .orElseThrow(() -> new AssertionError("no hairpin-filtered in " + diagnostics));
        assertThat(d.getRange()).isEqualTo(new Range(new Position(11, 0), new Position(12, TEXT.lines().toList().get(12).length())));
        List<DiagnosticRelatedInformation> related = d.getRelatedInformation();
        assertThat(related).hasSize(1);
        assertThat(related.get(0).getLocation().getUri()).isEqualTo(URI);
        assertThat(related.get(0).getLocation().getRange()).isEqualTo(line(17));
        assertThat(related.get(0).getMessage()).isEqualTo("this filter rule drops the connection");
    }

    @Test
    void shadowedHairpinNamesTheEarlierRuleAndTheForward() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("../test-configs/rules/hairpin-masquerade-shadowed/bad-accept-first.rsc")
                .toAbsolutePath().normalize();
        String text = java.nio.file.Files.readString(file);
        List<String> lines = text.lines().toList();
        String uri = file.toUri().toString();
        server.open(uri, 1, text);
        List<Diagnostic> diags = server.diagnostics(uri, 1).getDiagnostics();
        Diagnostic shadowed = diags.stream().filter(d -> d.getCode().getLeft().equals("hairpin-masquerade-shadowed"))
                .findFirst().orElseThrow(() -> new AssertionError(diags.toString()));
        // the hairpin masquerade's command, without its trailing comment
        assertThat(shadowed.getRange()).isEqualTo(new Range(new Position(9, 0),
                new Position(9, lines.get(9).indexOf(" # expect"))));
        assertThat(shadowed.getRelatedInformation()).extracting(r -> r.getLocation().getRange().getStart().getLine(),
                DiagnosticRelatedInformation::getMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, "this earlier srcnat rule takes the connection first"),
                org.assertj.core.groups.Tuple.tuple(11, "the forward whose LAN clients are affected"));
        // one root cause, one finding: nat-rule-unreachable stays quiet about a shadowed hairpin
        assertThat(diags).noneMatch(d -> d.getCode().getLeft().equals("nat-rule-unreachable"));
    }

    @Test
    void unreachableNatRuleNamesTheRuleThatTakesItsPackets() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("../test-configs/rules/nat-rule-unreachable/bad-srcnat-order.rsc")
                .toAbsolutePath().normalize();
        String text = java.nio.file.Files.readString(file);
        List<String> lines = text.lines().toList();
        int taker = taker(lines);
        String uri = file.toUri().toString();
        server.open(uri, 1, text);
        List<Diagnostic> diags = server.diagnostics(uri, 1).getDiagnostics();
        Diagnostic unreachable = diags.stream().filter(d -> d.getCode().getLeft().equals("nat-rule-unreachable"))
                .findFirst().orElseThrow(() -> new AssertionError(diags.toString()));
        assertThat(unreachable.getRelatedInformation()).extracting(r -> r.getLocation().getRange(),
                DiagnosticRelatedInformation::getMessage).containsExactly(org.assertj.core.groups.Tuple.tuple(
                new Range(new Position(taker, 0), new Position(taker, lines.get(taker).length())),
                "this earlier rule takes its packets"));
    }

    /** The 0-based line of the srcnat masquerade that precedes the unreachable src-nat in the test config. */
    private static int taker(List<String> lines) {
        int unreachable = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("# expect: nat-rule-unreachable")) {
                unreachable = i;
            }
        }
        for (int i = unreachable - 1; i >= 0; i--) {
            if (lines.get(i).contains("chain=srcnat")) {
                return i;
            }
        }
        throw new AssertionError("no srcnat rule above the unreachable one");
    }

    @Test
    void jumpsFromUsesToDefinitions() throws Exception {
        assertThat(definitions(at("out-interface-list=WAN", "WAN"))).containsExactly(line(2));
        assertThat(definitions(at("jump-target=lan-rules", "lan-rules"))).containsExactly(line(16));
        assertThat(definitions(at("src-address-list=admins", "admins"))).containsExactly(line(9));
        assertThat(definitions(at("in-interface=bridge", "bridge"))).containsExactly(line(0));
        // the key itself and plain values are not names
        assertThat(definitions(at("in-interface=bridge", "in-interface"))).isEmpty();
        assertThat(definitions(at("gateway=203.0.113.1", "203"))).isEmpty();
    }

    @Test
    void hoverTellsWhatANameIs() throws Exception {
        assertThat(hover(at("in-interface=bridge", "bridge"))).startsWith("**interface** `bridge`: bridge")
                .contains("Defined at line 1.").contains("192.168.88.1/24 (line 7)");
        assertThat(hover(at("list=LAN", "LAN"))).startsWith("**interface list** `LAN`: defined at line 4.")
                .contains("Members: bridge");
        assertThat(hover(at("src-address-list=admins", "admins"))).startsWith("**address list** `admins`: 1 static entry")
                .contains("192.168.88.5");
        assertThat(hover(at("jump-target=lan-rules", "lan-rules")))
                .startsWith("**chain** `lan-rules` of /ip firewall filter: 2 rules, the first at line 17.");
    }

    @Test
    void hoverOnTheContinuedForwardShowsItsFlows() throws Exception {
        String md = hover(new Position(12, 6));
        assertThat(md).contains("forward at line 12").contains("**filtered**").contains("| step |");
    }

    @Test
    void outlineHasMenusAndRulesNamedByComment() throws Exception {
        List<DocumentSymbol> symbols = server.server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI)))
                .get(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream().map(Either::getRight).toList();
        assertThat(symbols).extracting(DocumentSymbol::getName).containsExactly("/interface bridge",
                "/interface bridge port", "/interface list", "/interface list member", "/ip address", "/ip route",
                "/ip firewall address-list", "/ip firewall nat", "/ip firewall filter");
        DocumentSymbol nat = symbols.get(7);
        assertThat(nat.getChildren()).extracting(DocumentSymbol::getName).first().isEqualTo("masquerade to the internet");
        assertThat(nat.getChildren()).hasSize(3);
        assertThat(nat.getChildren().get(1).getName()).startsWith("add chain=dstnat action=dst-nat");
        assertThat(nat.getChildren().get(1).getRange().getEnd().getLine()).isEqualTo(12);
        assertThat(nat.getRange()).isEqualTo(new Range(new Position(10, 0), line(13).getEnd()));
    }
}
