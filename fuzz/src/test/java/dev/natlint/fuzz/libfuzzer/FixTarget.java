package dev.natlint.fuzz.libfuzzer;

import dev.natlint.fuzz.FixFuzzTest;
import dev.natlint.fuzz.FuzzInput;

/**
 * libFuzzer-style entry point for fix application (FixFuzzTest#fuzzFixes), for long campaigns with a dictionary and seed
 * directories (fuzz/run-long.sh); same properties and same byte decoding as the JUnit target.
 */
public final class FixTarget {

    private FixTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        FixFuzzTest.fixProperties(FuzzInput.decode(data));
    }
}
