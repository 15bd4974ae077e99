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

    private final List<Supplier<T>> items;
    /**
     * The items started and not yet asked for. Each task is made when it starts, not up front: a task
     * made early lives long enough to be moved to the old generation, and from there its result (a
     * parse tree, say) would survive young collections long after it was used.
     */
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
        this.items = List.copyOf(items);
        for (int i = 0; i < items.size(); i++) {
            tasks.add(null);
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

    /**
     * The value of item {@code i}; rethrows what computing it threw. Each item is asked for once at most,
     * in increasing order (the value is not kept: the caller keeps what it needs).
     */
    public T get(int i) {
        FutureTask<T> task;
        boolean started;
        synchronized (this) {
            if (i <= asked) {
                throw new IllegalStateException("item " + i + " asked for after item " + asked);
            }
            asked = i;
            // items skipped on the way (never asked for) stay undone; one asked for later is computed here
            started = next > i && claimed.get(i);
            next = Math.max(next, i + 1);
            task = started ? tasks.get(i) : new FutureTask<>(items.get(i)::get);
            notifyAll();
        }
        // while a helper computes this one, the asking thread takes the next ones rather than wait
        while (started && !task.isDone()) {
            FutureTask<T> other = claim();
            if (other == null) {
                break;
            }
            other.run();
        }
        task.run(); // nothing when it has run or is running (then get waits for it)
        synchronized (this) {
            tasks.set(i, null); // asked for once: let the collector have the value once the caller is done with it
        }
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

    /** The next item worth starting within the window, claimed; null when there is none now. */
    private synchronized FutureTask<T> claim() {
        while (!closed && next < items.size() && next <= asked + window) {
            int j = next++;
            if (worthStarting.test(j)) {
                claimed.set(j);
                FutureTask<T> task = new FutureTask<>(items.get(j)::get);
                tasks.set(j, task);
                return task;
            }
        }
        return null;
    }

    /** A helper thread: computes the items just ahead of the one last asked for, in order. */
    private void help() {
        while (true) {
            FutureTask<T> task;
            synchronized (this) {
                while ((task = claim()) == null) {
                    if (closed || next >= items.size()) {
                        return;
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            task.run();
        }
    }

    /** Lets the helpers go; an item they are computing is finished and dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
