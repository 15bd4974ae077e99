package dev.natlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natlint.RealCorpus;
import dev.natlint.model.ConfigBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A large script is lexed in pieces and parsed in chunks on several threads. What comes out must be
 * what one thread reads, to the last command, location, finding and comment: the reference here is
 * the reader on one thread (the serial path, which the rest of the suite checks against RouterOS).
 * The pieces are made small so that files of a few lines are cut too, at every kind of place.
 */
class ParallelReadTest {

    /** Threads and smallest piece: many tiny pieces, a few, and more threads than cores. */
    private static final int[][] SETTINGS = {{2, 1}, {2, 64}, {3, 500}, {4, 4096}, {7, 97}};

    /** Reads {@code text} one thread and every parallel way; returns the most pieces any way lexed it in. */
    private static int assertReadsAlike(String name, String text) {
        ParsedScript serial = RouterOsReader.read(name, text, 1, Integer.MAX_VALUE);
        int most = 0;
        for (int[] s : SETTINGS) {
            ParsedScript parallel = RouterOsReader.read(name, text, s[0], s[1]);
            String how = name + " on " + s[0] + " threads, pieces of " + s[1] + "+ characters";
            // field by field first, for a failure that says what differs
            assertThat(parallel.syntaxFindings()).as(how).containsExactlyElementsOf(serial.syntaxFindings());
            assertThat(parallel.commands()).as(how).containsExactlyElementsOf(serial.commands());
            assertThat(parallel.commentsByLine()).as(how).isEqualTo(serial.commentsByLine());
            assertThat(parallel).as(how).isEqualTo(serial);
            most = Math.max(most, RouterOsReader.piecesLexed(text, s[0], s[1]));
        }
        return most;
    }

    @Test
    void theRealExportsReadAlikeOnOneThreadAndOnMany() throws IOException {
        int cut = 0;
        List<Path> files = RealCorpus.files();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            if (assertReadsAlike(f.getFileName().toString(), text) > 1) {
                cut++;
            }
            assertThat(ConfigBuilder.build(RouterOsReader.read("r.rsc", text, 2, 64)))
                    .isEqualTo(ConfigBuilder.build(RouterOsReader.read("r.rsc", text, 1, Integer.MAX_VALUE)));
        }
        // the cuts were made, not refused
        assertThat(cut).isGreaterThan(files.size() * 9 / 10);
    }

    @Test
    void theTestConfigsAndTheFuzzersRegressionInputsReadAlike() throws IOException {
        int files = 0;
        for (String dir : List.of("../test-configs", "../fuzz/src/test/resources")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".java")).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    assertReadsAlike(f.toString(), new String(bytes, StandardCharsets.UTF_8));
                    assertReadsAlike(f + " (Latin-1)", new String(bytes, StandardCharsets.ISO_8859_1));
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThan(100);
    }

    /** An export of {@code forwards} port forwards in the order /export writes, with wrapped lines. */
    private static String export(long seed, int forwards) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder("# nov/30/2026 06:00:00 by RouterOS 7.16.1\n# model = RB5009\n");
        s.append("/interface bridge\nadd name=bridge\n/interface vlan\n");
        for (int v = 0; v < 20; v++) {
            s.append("add interface=bridge name=vlan").append(v).append(" vlan-id=").append(10 + v).append('\n');
        }
        s.append("/ip address\n");
        for (int v = 0; v < 20; v++) {
            s.append("add address=10.0.").append(v).append(".1/24 interface=vlan").append(v).append(" network=10.0.")
                    .append(v).append(".0\n");
        }
        s.append("/ip firewall address-list\n");
        for (int i = 0; i < forwards; i++) {
            s.append("add address=198.51.").append(rnd.nextInt(100)).append('.').append(rnd.nextInt(256))
                    .append(" list=block").append(i % 5).append('\n');
        }
        s.append("/ip firewall filter\n");
        for (int i = 0; i < forwards / 4; i++) {
            s.append("add action=drop chain=forward comment=\"drop ").append(i).append(" from a long list of \\\n")
                    .append("    rules\" dst-port=").append(1000 + i).append(" protocol=tcp src-address-list=block")
                    .append(i % 5).append('\n');
        }
        s.append("/ip firewall nat\n");
        for (int i = 0; i < forwards; i++) {
            s.append("add action=dst-nat chain=dstnat dst-address=203.0.113.2 dst-port=").append(2000 + i)
                    .append(" protocol=tcp \\\n    to-addresses=10.0.").append(rnd.nextInt(20)).append('.')
                    .append(10 + rnd.nextInt(200)).append(" to-ports=").append(80 + i % 3).append('\n');
        }
        s.append("/system script\nadd name=s source=\"/ip address print\\r\\\n    \\n:put \\\"done\\\"\"\n");
        return s.toString();
    }

    @Test
    void aGeneratedExportReadsAlikeAndIsReallyCut() {
        // more than two chunks of statements, so chunks are parsed ahead and walked in order
        String text = export(7, 3000);
        assertThat(text.lines().count()).isGreaterThan(6000);
        assertThat(assertReadsAlike("generated.rsc", text)).isEqualTo(14);
        assertThat(RouterOsReader.piecesLexed(text, 2, RouterOsReader.PARALLEL_CHARS / 2)).isZero(); // too small
        String crlf = text.replace("\n", "\r\n");
        assertReadsAlike("generated-crlf.rsc", crlf);
        assertThat(RouterOsReader.piecesLexed(crlf, 2, 1000)).isGreaterThan(1);
    }

    /** Each hostile block repeated, so that cuts fall before, inside and after it, over several chunks. */
    private static String repeated(String block, int times) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < times; i++) {
            s.append(block.replace("#N", Integer.toString(i)));
        }
        return s.toString();
    }

    @Test
    void hostileScriptsReadAlike() {
        List<String> blocks = List.of(
                // unbalanced brackets, left open across later menu lines and closed too often
                "/ip firewall filter add chain=forward action=drop src-address=[ /ip address get #N\n/ip route\nadd gateway=1.1.1.#N\n",
                "/ip firewall nat add chain=dstnat action=dst-nat to-addresses=10.0.0.#N ]]}\n/ip address add address=10.#N.0.1/24 interface=lan\n",
                "/ip dns { set servers=1.1.1.1\n/ip address add address=10.0.#N.1/24 interface=lan\n",
                "/interface list add name=(x#N\n/ip firewall nat\nadd chain=srcnat action=masquerade\n",
                // '/' inside strings, some spanning raw line breaks
                "/system script add name=s#N source=\"\n/ip address add address=1.2.3.4/24 interface=x\n/ip route add\"\n",
                "/ip firewall filter add chain=forward action=accept comment=\"a/b /c\\\n/d\" \n/ip firewall nat\nadd chain=dstnat action=dst-nat to-addresses=10.0.0.#N dst-port=#N protocol=tcp\n",
                // continuation lines before a '/' line, in a value and between words
                "/ip firewall nat add chain=dstnat \\\n/ip address add address=10.0.0.#N/24\n",
                "/ip firewall nat add chain=dstnat to-addresses=\\\n/10.0.0.#N action=dst-nat\n/ip route add gateway=\\  \n  1.1.1.1\n",
                // scripting blocks spanning menus, variables carried across them
                ":local gw 10.9.#N.1\n:if ($x = 1) do={\n/ip address add address=10.1.#N.1/24 interface=lan\n/ip firewall nat\nadd chain=srcnat action=masquerade\n} else={\n/ip route add gateway=$gw\n}\n/ip route add gateway=$gw\n",
                ":do {\n/ip firewall filter\nadd chain=forward action=drop\n} on-error={ :put \"no\" }\n/ip firewall nat add chain=dstnat\n",
                // a relative command after a cut, in the menu of the line before it
                "/ip firewall nat\nadd chain=dstnat action=dst-nat to-addresses=10.0.0.#N\n/ip address add address=10.2.#N.1/24 interface=lan\nadd address=10.3.#N.1/24 interface=lan\n",
                // errors only the parser or the walker sees, control characters, comments and a prompt
                "/ip route add gateway = 1.1.1.#N\nto-addresses=1.2.3.4\n/ip firewall nat add chain=dstnat \u0001 action=dst-nat\n# /ip comment #N\n[admin@MikroTik] > /export\n",
                "/ip firewall filter add chain=forward dst-port=99999999999999999999 protocol=tcp action=accept\n/ip address add address=300.1.1.1/24\n",
                // a stray backslash and a lone carriage return
                "/ip address add address=10.0.0.1/24 \\ interface=lan\r/ip route add gateway=1.1.1.1\r\n/ip route\nadd gateway=2.2.2.#N\n");
        int cut = 0;
        int whole = 0;
        for (int b = 0; b < blocks.size(); b++) {
            String block = blocks.get(b);
            assertReadsAlike("block " + b, block);
            if (assertReadsAlike("block " + b + " x 1500", repeated(block, 1500)) > 1) {
                cut++;
            } else {
                whole++;
            }
            assertReadsAlike("block " + b + " x 300, CRLF", repeated(block, 300).replace("\n", "\r\n"));
        }
        // both ways were taken: pieces that ended where the next began, and cuts the check refused
        assertThat(cut).isGreaterThan(blocks.size() / 2);
        assertThat(whole).isPositive();
        // all of them mixed, shuffled, several times over
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            mixed.addAll(blocks);
        }
        java.util.Collections.shuffle(mixed, new Random(13));
        assertReadsAlike("mixed", String.join("", mixed));
        // a byte-order mark, a quote never closed (first near the start, then near the end), surrogate pairs
        String body = export(3, 400);
        assertThat(assertReadsAlike("bom", "\uFEFF" + body)).isGreaterThan(1);
        assertReadsAlike("open quote early", "/ip address add comment=\"open\n" + body);
        assertReadsAlike("open quote late", body + "/ip address add comment=\"open\n/ip route add gateway=1.1.1.1\n");
        assertReadsAlike("surrogates", "# \uD83D\uDE00\n" + body + "/ip address add comment=\"\uD83D\uDE00\"\n");
        assertThat(RouterOsReader.piecesLexed("# \uD83D\uDE00\n" + body, 2, 64)).isZero();
        assertReadsAlike("no final line break", body + "/ip route add gateway=1.1.1.1");
        assertReadsAlike("ends in a continuation", body + "/ip route add gateway=\\\n");
    }
}
