package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final long S = 1_000_000_000L;
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final ProgressLine line = new ProgressLine(new PrintWriter(err), now::get, 0);

    @Test
    void aShortRunShowsNothing() {
        now.set(S);
        line.fileDone("a.rsc", 1, 3, 1);
        line.tick();
        now.set(S + S / 2);
        line.fileDone("b.rsc", 2, 3, 1);
        line.fileDone("c.rsc", 3, 3, 1);
        line.clear();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLongRunRedrawsOneLineAndErasesItBeforeTheReport() {
        now.set(3 * S);
        line.fileDone("a.rsc", 1, 3, 1);
        now.set(4 * S);
        line.fileDone("b.rsc", 2, 3, 1);
        line.fileDone("c.rsc", 3, 3, 1); // the last file: the report follows at once, nothing to draw
        now.set(5 * S);
        line.tick();
        line.clear();
        assertThat(err.toString()).isEqualTo("\rnatlint: 1/3 files checked, 3 s\u001b[K"
                + "\rnatlint: 2/3 files checked, 4 s\u001b[K" + "\r\u001b[K");
    }

    @Test
    void aLongScriptShowsHowManyOfItsForwardsAreAnalysedUntilItIsDone() {
        now.set(3 * S);
        line.forwardsAnalysed("big.rsc", 412, 1000);
        line.tick();
        line.forwardsAnalysed("other.rsc", 5, 20);
        line.forwardsAnalysed("big.rsc", 400, 1000); // a slower engine reporting late never goes back
        line.tick();
        line.fileDone("other.rsc", 1, 2, 1);
        now.set(4 * S);
        line.tick();
        line.clear();
        assertThat(err.toString()).isEqualTo("\rnatlint: checking, 412/1000 forwards analysed, 3 s\u001b[K"
                + "\rnatlint: checking, 417/1020 forwards analysed, 3 s\u001b[K"
                + "\rnatlint: 1/2 files checked, 412/1000 forwards analysed, 3 s\u001b[K"
                + "\rnatlint: 1/2 files checked, 412/1000 forwards analysed, 4 s\u001b[K" + "\r\u001b[K");
    }

    @Test
    void oneLongScriptShowsThatItIsStillCheckingBeforeAnyFileFinishes() {
        now.set(S);
        line.tick();
        now.set(2 * S + S / 2);
        line.tick();
        now.set(3 * S + S / 2);
        line.tick();
        line.clear();
        assertThat(err.toString()).isEqualTo("\rnatlint: checking, 2 s\u001b[K\rnatlint: checking, 3 s\u001b[K\r\u001b[K");
    }

    @Test
    void theTickerRedrawsWhileNoFileFinishesAndStopsAtClear() throws Exception {
        now.set(7 * S);
        ProgressLine ticking = new ProgressLine(new PrintWriter(err), now::get, 0).ticking();
        for (int i = 0; i < 200 && err.toString().isEmpty(); i++) {
            Thread.sleep(50);
        }
        ticking.clear();
        String shown = err.toString();
        assertThat(shown).startsWith("\rnatlint: checking, 7 s\u001b[K").endsWith("\r\u001b[K");
        Thread.sleep(1200); // two redraw periods: nothing is drawn after clear
        assertThat(err.toString()).isEqualTo(shown);
    }

    @Test
    void quietAndRedirectedRunsPrintNoProgress() {
        // the tests run without a console and without the launcher's NATLINT_STDERR_TTY
        for (String[] args : new String[][] {{"check", "--quiet", "../examples/hairpin-broken.rsc"},
                {"check", "../examples/hairpin-broken.rsc"}}) {
            StringWriter out = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(args, new PrintWriter(out), new PrintWriter(stderr));
            assertThat(code).isEqualTo(1);
            assertThat(stderr.toString()).isEmpty();
        }
    }
}
