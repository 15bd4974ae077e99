package dev.natlint.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs system commands (ip, iptables-restore) with a bound on time, failing loudly with their output. */
final class Shell {

    private Shell() {
    }

    record Result(int code, String output) {
    }

    static Result run(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static String must(String... command) {
        return mustIn(null, command);
    }

    static String mustIn(String stdin, String... command) {
        Result r = run(List.of(command), stdin);
        if (r.code() != 0) {
            throw new IllegalStateException("command failed (" + r.code() + "): " + String.join(" ", command) + "\n"
                    + r.output() + (stdin == null ? "" : "\nstdin:\n" + stdin));
        }
        return r.output();
    }

    static String[] inNs(String ns, String... command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(List.of(command));
        return c.toArray(String[]::new);
    }
}
