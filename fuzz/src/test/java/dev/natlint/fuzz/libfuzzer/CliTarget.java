package dev.natlint.fuzz.libfuzzer;

import dev.natlint.fuzz.CliFuzzTest;

/**
 * libFuzzer-style entry point for explain and trace through the command line (CliFuzzTest#fuzzExplainTrace), for long campaigns with a dictionary and seed
 * directories (fuzz/run-long.sh); same properties and same byte decoding as the JUnit target.
 */
public final class CliTarget {

    private CliTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        CliFuzzTest.cliProperties(data);
    }
}
