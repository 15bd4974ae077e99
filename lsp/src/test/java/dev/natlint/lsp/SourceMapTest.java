package dev.natlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.parse.Command;
import dev.natlint.parse.RouterOsReader;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Command extents from the parser's own locations, in the editor's UTF-16 coordinates. */
class SourceMapTest {

    /** The text each parsed command's range covers, cut out of the document by LSP positions. */
    private static List<String> commandTexts(String text) {
        SourceMap map = new SourceMap(text);
        List<Command> commands = RouterOsReader.read("t.rsc", text).commands();
        return commands.stream().map(c -> {
            Range r = map.statement(c.location().line(), c.location().column());
            return text.substring(offset(text, r.getStart()), offset(text, r.getEnd()));
        }).toList();
    }

    private static int offset(String text, Position p) {
        return ServerProcess.offset(text, p);
    }

    @Test
    void continuationLinesSemicolonsAndTrailingCommentsAreReadLikeTheParser() {
        String text = "/ip firewall nat\n"
                + "add chain=dstnat action=dst-nat \\\n    to-addresses=10.0.0.2 comment=\"a; b\" # trailing\n"
                + "/ip route add gateway=1.1.1.1; /ip dns set servers=[ :toip \"x\" ]\n";
        assertThat(commandTexts(text)).containsExactly(
                "add chain=dstnat action=dst-nat \\\n    to-addresses=10.0.0.2 comment=\"a; b\"",
                "/ip route add gateway=1.1.1.1",
                "/ip dns set servers=[ :toip \"x\" ]");
    }

    @Test
    void charactersOutsideTheBasicPlaneCountTwiceInLspColumns() {
        // the parser counts code points; LSP counts UTF-16 units, so the emoji shifts the column by one
        String text = ":put \"\uD83D\uDE00x\"; /ip route add gateway=1.1.1.1\n";
        assertThat(commandTexts(text)).containsExactly(":put \"\uD83D\uDE00x\"", "/ip route add gateway=1.1.1.1");
        SourceMap map = new SourceMap(text);
        assertThat(text.indexOf('/')).isEqualTo(12);
        assertThat(text.codePointCount(0, 12)).isEqualTo(11);
        assertThat(map.statement(1, 12).getStart()).isEqualTo(new Position(0, 12));
    }

    @Test
    void anUnclosedQuoteEndsAtItsLine() {
        String text = "/ip address add address=1.1.1.1/24 interface=\"WAN\n/ip route add gateway=1.1.1.254\n";
        SourceMap map = new SourceMap(text);
        assertThat(map.statement(1, 1)).isEqualTo(new Range(new Position(0, 0), new Position(0, text.indexOf('\n'))));
    }

    @Test
    void aLocationWhereNoTokenStartsGetsTheRestOfItsLine() {
        SourceMap map = new SourceMap("   \n/ip route add gateway=1.1.1.1\n");
        assertThat(map.statement(1, 1)).isEqualTo(new Range(new Position(0, 0), new Position(0, 3)));
        assertThat(map.end()).isEqualTo(new Position(2, 0));
    }
}
