package dev.natlint.fuzz.libfuzzer;

import dev.natlint.fuzz.FuzzInput;
import dev.natlint.fuzz.PipelineFuzzTest;

/**
 * libFuzzer-style entry point for the whole check (PipelineFuzzTest#fuzzPipeline), for long campaigns with a dictionary and seed
 * directories (fuzz/run-long.sh); same properties and same byte decoding as the JUnit target.
 */
public final class PipelineTarget {

    private PipelineTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        PipelineFuzzTest.pipelineProperties(FuzzInput.decode(data));
    }
}
