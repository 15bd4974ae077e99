package dev.natlint.fuzz.libfuzzer;

import dev.natlint.fuzz.FuzzInput;
import dev.natlint.fuzz.PipelineFuzzTest;

/**
 * libFuzzer-style entry point for the parser (PipelineFuzzTest#fuzzParser), for long campaigns with a dictionary and seed
 * directories (fuzz/run-long.sh); same properties and same byte decoding as the JUnit target.
 */
public final class ParserTarget {

    private ParserTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        PipelineFuzzTest.parserProperties(FuzzInput.decode(data));
    }
}
