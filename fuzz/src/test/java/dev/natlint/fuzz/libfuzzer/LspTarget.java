package dev.natlint.fuzz.libfuzzer;

import dev.natlint.fuzz.LspFuzzTest;

/**
 * libFuzzer-style entry point for the language server (LspFuzzTest#fuzzLsp: documents in process, or
 * framed JSON-RPC through the launcher), for long campaigns with a dictionary and seed directories
 * (fuzz/run-long.sh); same properties and same byte decoding as the JUnit target.
 */
public final class LspTarget {

    private LspTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        LspFuzzTest.lspProperties(data);
    }
}
