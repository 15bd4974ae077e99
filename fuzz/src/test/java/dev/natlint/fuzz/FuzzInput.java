package dev.natlint.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * How every fuzz target turns its bytes into a script: as natlint reads a file (UTF-8 when valid, else
 * ISO-8859-1, so no byte is lost). The JUnit targets and the libFuzzer targets used by run-long.sh
 * decode the same way, so a crash file found by either reproduces byte for byte in the other.
 */
public final class FuzzInput {

    /** Largest input the JUnit targets read (Jazzer's default of 1000 bytes would cut most seeds). */
    public static final int MAX_BYTES = 1 << 17;

    private FuzzInput() {
    }

    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
