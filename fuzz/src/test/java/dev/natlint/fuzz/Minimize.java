package dev.natlint.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shrinks a crashing input without fuzzing: removes lines, then words, then single characters, keeping
 * each removal after which the target still fails the same way (same exception class thrown from the
 * same natlint method). Usage, with the class path run-long.sh prints:
 *
 * <pre>
 * java -cp CP dev.natlint.fuzz.Minimize dev.natlint.fuzz.libfuzzer.PipelineTarget CRASH-FILE OUT-FILE
 * </pre>
 */
public final class Minimize {

    private final Method target;
    private final String signature;
    private int runs;

    private Minimize(Method target, String signature) {
        this.target = target;
        this.signature = signature;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Minimize TARGET-CLASS CRASH-FILE OUT-FILE");
            System.exit(2);
        }
        Method m = Class.forName(args[0]).getMethod("fuzzerTestOneInput", byte[].class);
        byte[] input = Files.readAllBytes(Path.of(args[1]));
        String sig = failure(m, input);
        if (sig == null) {
            System.err.println("the input does not fail");
            System.exit(1);
        }
        System.err.println("failure: " + sig);
        Minimize min = new Minimize(m, sig);
        String text = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
        String before;
        do {
            before = text;
            text = min.shrink(text, "\n");
            text = min.shrink(text, " ");
            text = min.shrinkChars(text);
        } while (!text.equals(before));
        Files.write(Path.of(args[2]), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        System.err.println(input.length + " -> " + text.length() + " bytes in " + min.runs + " runs");
    }

    /** Exception class and the innermost natlint frame outside the fuzz package, or null when it passes. */
    static String failure(Method m, byte[] input) {
        try {
            m.invoke(null, (Object) input);
            return null;
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            while (t.getCause() != null && t instanceof IllegalStateException) {
                t = t.getCause();
            }
            if (t instanceof AssertionError) {
                // a property that failed: the kind of failure, without the input it quotes
                java.util.regex.Matcher internal = java.util.regex.Pattern.compile("internal error: ([\\w.$]+)")
                        .matcher(String.valueOf(t.getMessage()));
                String what = String.valueOf(t.getMessage()).split("[:\\n]", 2)[0];
                return "property failed: " + (internal.find() ? "internal error " + internal.group(1) : what);
            }
            String where = "";
            for (StackTraceElement f : t.getStackTrace()) {
                if (f.getClassName().startsWith("dev.natlint.") && !f.getClassName().startsWith("dev.natlint.fuzz.")) {
                    where = f.getClassName() + "." + f.getMethodName();
                    break;
                }
            }
            return t.getClass().getName() + " at " + where;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean stillFails(String text) {
        runs++;
        return Objects.equals(signature,
                failure(target, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    /** Removes chunks of pieces (split after each separator), halving the chunk size down to one piece. */
    private String shrink(String text, String sep) {
        List<String> parts = split(text, sep);
        for (int chunk = Math.max(1, parts.size() / 2); chunk >= 1; chunk /= 2) {
            for (int i = 0; i < parts.size(); ) {
                List<String> candidate = new ArrayList<>(parts.subList(0, i));
                candidate.addAll(parts.subList(Math.min(parts.size(), i + chunk), parts.size()));
                if (candidate.size() < parts.size() && stillFails(String.join("", candidate))) {
                    parts = candidate;
                } else {
                    i += chunk;
                }
            }
        }
        return String.join("", parts);
    }

    private String shrinkChars(String text) {
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < b.length(); ) {
            char c = b.charAt(i);
            b.deleteCharAt(i);
            if (!stillFails(b.toString())) {
                b.insert(i, c);
                i++;
            }
        }
        return b.toString();
    }

    private static List<String> split(String text, String sep) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, from)) {
            out.add(text.substring(from, i + sep.length()));
            from = i + sep.length();
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }
}
