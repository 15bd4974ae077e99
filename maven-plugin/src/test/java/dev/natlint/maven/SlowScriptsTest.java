package dev.natlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowScriptsTest {

    @Test
    void onlyScriptsOverTwoSecondsAreNamedOneLineEach() {
        List<String> log = new ArrayList<>();
        SlowScripts slow = new SlowScripts(log::add);
        slow.fileDone("src/main/routeros/a.rsc", 1, 3, 150_000_000L);
        slow.fileDone("src/main/routeros/b.rsc", 2, 3, SlowScripts.SLOW_NANOS);
        slow.fileDone("src/main/routeros/big.rsc", 3, 3, 3_240_000_000L);
        assertThat(log).containsExactly("natlint: src/main/routeros/big.rsc checked in 3.2 s (3/3)");
    }
}
