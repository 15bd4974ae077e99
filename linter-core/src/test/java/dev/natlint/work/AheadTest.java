package dev.natlint.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Items computed ahead come back in the order asked, each computed once, failures where they are asked for. */
class AheadTest {

    private static void busy(int i) {
        long end = System.nanoTime() + (i % 3) * 200_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void everyItemIsComputedOnceAndComesBackInOrder() {
        for (int threads = 1; threads <= 8; threads++) {
            for (int window : new int[] {1, 2, 5, 100}) {
                AtomicInteger runs = new AtomicInteger();
                Set<String> names = ConcurrentHashMap.newKeySet();
                List<Supplier<Integer>> items = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int k = i;
                    items.add(() -> {
                        runs.incrementAndGet();
                        names.add(Thread.currentThread().getName());
                        busy(k);
                        return k * k;
                    });
                }
                List<Integer> got = new ArrayList<>();
                try (Ahead<Integer> ahead = new Ahead<>(items, threads, window, i -> true, "ahead-test")) {
                    for (int i = 0; i < items.size(); i++) {
                        got.add(ahead.get(i));
                    }
                }
                for (int i = 0; i < items.size(); i++) {
                    assertThat(got.get(i)).isEqualTo(i * i);
                }
                assertThat(runs.get()).as("%d threads, window %d", threads, window).isEqualTo(items.size());
                assertThat(names.size()).isLessThanOrEqualTo(threads);
            }
        }
    }

    @Test
    void aFailureThrowsWhereItsItemIsAskedForAndAnItemNeverAskedForIsDropped() {
        List<Supplier<String>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int k = i;
            items.add(() -> {
                if (k == 7 || k == 20) {
                    throw new IllegalArgumentException("item " + k);
                }
                return "v" + k;
            });
        }
        try (Ahead<String> ahead = new Ahead<>(items, 4, 10, i -> true, "ahead-test")) {
            for (int i = 0; i < 7; i++) {
                assertThat(ahead.get(i)).isEqualTo("v" + i);
            }
            assertThatThrownBy(() -> ahead.get(7)).isInstanceOf(IllegalArgumentException.class).hasMessage("item 7");
            // 20 is skipped: its failure never shows
            for (int i = 8; i < 50; i += i == 19 ? 2 : 1) {
                assertThat(ahead.get(i)).isEqualTo("v" + i);
            }
        }
    }

    @Test
    void itemsNotWorthStartingAreComputedOnlyWhenAskedFor() {
        AtomicInteger runs = new AtomicInteger();
        List<Supplier<Integer>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int k = i;
            items.add(() -> {
                runs.incrementAndGet();
                return k;
            });
        }
        try (Ahead<Integer> ahead = new Ahead<>(items, 3, 40, i -> i < 10, "ahead-test")) {
            for (int i = 0; i < 10; i++) {
                assertThat(ahead.get(i)).isEqualTo(i);
            }
            assertThat(ahead.get(25)).isEqualTo(25); // not started ahead, computed when asked for
            // each item once, in order: a second ask is a bug in the caller, not a second computation
            assertThatThrownBy(() -> ahead.get(25)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ahead.get(3)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(runs.get()).isEqualTo(11);
    }
}
