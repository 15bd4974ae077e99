package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void aShortRunShowsNothing() {
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), System.nanoTime());
        line.fileDone("a.rsc", 1, 3, 1);
        line.clear();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLongRunRedrawsOneLineAndErasesItBeforeTheReport() {
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), System.nanoTime() - 3 * ProgressLine.SHOW_AFTER_NANOS);
        line.fileDone("a.rsc", 1, 3, 1);
        line.fileDone("b.rsc", 2, 3, 1);
        line.fileDone("c.rsc", 3, 3, 1); // the last file: the report follows at once, nothing to draw
        line.clear();
        assertThat(err.toString()).isEqualTo("\rnatlint: 1/3 files checked\u001b[K\rnatlint: 2/3 files checked\u001b[K"
                + "\r\u001b[K");
    }

    @Test
    void quietAndRedirectedRunsPrintNoProgress() {
        // the tests run without a console and without the launcher's NATLINT_STDERR_TTY
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", "--quiet", "../examples/hairpin-broken.rsc"}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
    }
}
