package dev.natlint.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Work items that do not depend on each other, used in a fixed order by one thread: each is computed
 * ahead of its use on the other cores, at most {@code window} items beyond the last one asked for, and
 * the asking thread computes an item itself when no helper has started it (and, while a helper
 * computes the one it waits for, takes the next). Results are used in the order asked, so what the
 * user of the items produces does not depend on the number of threads or on timing. An item that
 * throws rethrows where it is asked for; one never asked for is dropped, failure and all.
 */
public final class Ahead<T> implements AutoCloseable {

    private final List<FutureTask<T>> tasks = new ArrayList<>();
    /** Whether item {@code i} may still be asked for, asked before it is started ahead. */
    private final IntPredicate worthStarting;
    /** How far beyond the item last asked for an item may be started. */
    private final int window;
    /** The highest item asked for so far, -1 before the first. */
    private int asked = -1;
    /** The first item no thread has claimed. */
    private int next;
    /** The items a thread claimed to compute (the others below {@code next} were not worth starting). */
    private final java.util.BitSet claimed = new java.util.BitSet();
    private boolean closed;

    /**
     * @param items         in the order they will be asked for
     * @param threads       threads to compute them on, the asking one included (1: each where asked)
     * @param window        how many items beyond the last one asked for may be started
     * @param worthStarting false for an item that surely will not be asked for, asked before starting it ahead
     * @param name          the helper threads' name
     */
    public Ahead(List<? extends Supplier<T>> items, int threads, int window, IntPredicate worthStarting, String name) {
        for (Supplier<T> c : items) {
            tasks.add(new FutureTask<>(c::get));
        }
        this.worthStarting = worthStarting;
        this.window = window;
        int helpers = items.size() < 2 ? 0 : Math.min(threads - 1, items.size() - 1);
        for (int k = 1; k <= helpers; k++) {
            // the same stack as the flow engines' threads: items may read deeply nested scripts
            Thread t = new Thread(null, this::help, name + "-" + k, 64L << 20);
            t.setDaemon(true);
            t.start();
        }
    }

    /** The threads worth using: the cores, at most. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The value of item {@code i}; rethrows what computing it threw. Items are asked for in increasing order. */
    public T get(int i) {
        FutureTask<T> task = tasks.get(i);
        boolean started;
        synchronized (this) {
            asked = Math.max(asked, i);
            // items skipped on the way (never asked for) stay undone; one asked for later is computed here
            started = next > i && claimed.get(i);
            next = Math.max(next, i + 1);
            notifyAll();
        }
        // while a helper computes this one, the asking thread takes the next ones rather than wait
        while (started && !task.isDone()) {
            int j = claim();
            if (j < 0) {
                break;
            }
            tasks.get(j).run();
        }
        task.run(); // nothing when it has run or is running (then get waits for it)
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The next item worth starting within the window, claimed; -1 when there is none now. */
    private synchronized int claim() {
        while (!closed && next < tasks.size() && next <= asked + window) {
            int j = next++;
            if (worthStarting.test(j)) {
                claimed.set(j);
                return j;
            }
        }
        return -1;
    }

    /** A helper thread: computes the items just ahead of the one last asked for, in order. */
    private void help() {
        while (true) {
            int j;
            synchronized (this) {
                while ((j = claim()) < 0) {
                    if (closed || next >= tasks.size()) {
                        return;
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            tasks.get(j).run();
        }
    }

    /** Lets the helpers go; an item they are computing is finished and dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
