package dev.natlint.bench;

import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import dev.natlint.parse.RouterOsReader;
import java.util.function.IntFunction;

/**
 * Does the analysis grow linearly? Doubles the forwards (subnets fixed), then the subnets (forwards
 * fixed), and prints the warm analysis time of each step and its ratio to the previous one.
 * A benchmark to run by hand or from bench/run.sh, not a test.
 */
public final class ScalingSeries {

    private ScalingSeries() {
    }

    public static void main(String[] args) {
        System.out.println("series      size  analysis ms  ratio to previous");
        series("forwards", new int[] {125, 250, 500, 1000}, n -> ConfigGenerator.generate("s", n, 20, 1_000, 200, 40, 1));
        series("subnets", new int[] {10, 20, 40, 80}, n -> ConfigGenerator.generate("s", 100, n, 1_000, 200, 40, 1));
    }

    private static void series(String name, int[] sizes, IntFunction<String> config) {
        double previous = 0;
        for (int n : sizes) {
            RouterConfig c = ConfigBuilder.build(RouterOsReader.read("s.rsc", config.apply(n)));
            double ms = best(c);
            System.out.printf("%-9s %6d  %11.1f  %s%n", name, n, ms, previous == 0 ? "-" : String.format("%.2fx", ms / previous));
            previous = ms;
        }
    }

    /**
     * Best of eight warm runs, after four to warm up: the analysis alone, topology included. The
     * project machine is a shared virtual one, and fewer runs gave ratios that moved by half.
     */
    private static double best(RouterConfig c) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            int flows = FlowAnalyzer.of(c).flows().size();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (flows >= 0 && i >= 4) {
                best = Math.min(best, ms);
            }
        }
        return best;
    }
}
