package dev.natlint.lsp;

import dev.natlint.bench.ConfigGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures what an editor user waits for on the office-sized export (about 5,100 lines): the first
 * diagnostics after opening it in a freshly started server, and the diagnostics after an edit (the
 * 300 ms typing debounce included). A benchmark, not a test: it prints numbers and asserts nothing.
 * Run with {@code lsp/bench.sh [EDITS] [-- SERVER COMMAND...]}: by default the server runs from the test
 * class path; {@code -- ./natlint lsp} measures the launcher as an editor starts it.
 */
public final class LspLatency {

    private LspLatency() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 && !args[0].equals("--") ? Integer.parseInt(args[0]) : 10;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
        }
        String text = ConfigGenerator.generate(ConfigGenerator.Tier.OFFICE, 1);
        long lines = text.lines().count();
        Path tmp = Files.createTempDirectory("natlint-lsp-bench");
        String uri = tmp.resolve("office.rsc").toUri().toString();
        try (ServerProcess s = command.isEmpty() ? ServerProcess.start(LspMain.class, tmp)
                : ServerProcess.start(command, tmp)) {
            System.out.println("server: " + (command.isEmpty() ? "java -cp <test class path> " + LspMain.class.getName()
                    : String.join(" ", command)));
            long t0 = System.nanoTime();
            s.initialize();
            long t1 = System.nanoTime();
            s.open(uri, 1, text);
            int findings = s.diagnostics(uri, 1).getDiagnostics().size();
            long t2 = System.nanoTime();
            System.out.printf("office export: %d lines, %d diagnostics%n", lines, findings);
            System.out.printf("server start to initialize answered: %d ms%n", (t1 - t0) / 1_000_000);
            System.out.printf("first diagnostics after open (cold server): %d ms%n", (t2 - t1) / 1_000_000);
            List<Long> times = new ArrayList<>();
            for (int v = 2; v < 2 + edits; v++) {
                // an edit in the middle of the script: one more comment line
                int mid = text.indexOf('\n', text.length() / 2) + 1;
                String edited = text.substring(0, mid) + "# edit " + v + "\n" + text.substring(mid);
                long a = System.nanoTime();
                s.change(uri, v, edited);
                s.diagnostics(uri, v);
                times.add((System.nanoTime() - a) / 1_000_000);
            }
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.printf("edit to updated diagnostics (incl. %d ms debounce), %d edits: median %d ms, min %d ms,"
                    + " max %d ms, in order %s%n", Documents.DEBOUNCE_MILLIS, edits, sorted.get(sorted.size() / 2),
                    sorted.get(0), sorted.get(sorted.size() - 1), times);
            s.shutdown();
        }
    }
}
