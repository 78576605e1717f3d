package uk.gov.redbridge.onepanel.shared;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one step on untrusted input (reading a message's headers, triage, intake) with a time limit. The step runs on
 * a thread of its own; when it does not return in time it is interrupted and abandoned, and the caller gets
 * {@link TimedOut} at once, so it can record the message as too complex and move on. The abandoned step holds its
 * one thread until it notices the interrupt or ends (the caller never starts the same message again), and is counted
 * in {@link #abandonedStillRunning()} meanwhile.
 *
 * <p>The step must be pure computation: it runs outside the caller's transaction and security context, and its
 * result is thrown away if it comes late. Side effects (rows, events) belong to the caller, after the step returns.
 */
public final class Watchdog {

    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bounded-step-" + NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final Set<Step<?>> ABANDONED = ConcurrentHashMap.newKeySet();

    private Watchdog() {
    }

    /** A step ran past its limit and was abandoned. The message carries the step's name and limit only. */
    public static final class TimedOut extends RuntimeException {

        private final String step;
        private final Duration limit;

        TimedOut(String step, Duration limit) {
            super(step + " did not finish within " + limit.toMillis() + " ms");
            this.step = step;
            this.limit = limit;
        }

        public String step() {
            return step;
        }

        public Duration limit() {
            return limit;
        }
    }

    /**
     * Runs {@code work} and returns its result, or throws {@link TimedOut} after {@code limit}. A runtime exception
     * or error of the step is thrown as it is; a checked one wrapped in an {@link IllegalStateException}.
     */
    public static <T> T call(String step, Duration limit, Callable<T> work) {
        Step<T> task = new Step<>(step, work);
        Future<T> future = THREADS.submit(task);
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.abandon();
            future.cancel(true);
            throw new TimedOut(step, limit);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + step, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(step + " failed", cause);
        }
    }

    /** Steps abandoned after their limit whose threads have not ended yet (each holds one thread). */
    public static int abandonedStillRunning() {
        return ABANDONED.size();
    }

    /**
     * A view of a text for regular expressions run inside a step: once the step's thread is interrupted (abandoned),
     * the next character read throws, so even a backtracking pattern gives its thread back.
     */
    public static CharSequence interruptible(CharSequence text) {
        return new Interruptible(text);
    }

    private static final class Step<T> implements Callable<T> {
        private final String name;
        private final Callable<T> work;
        private volatile boolean abandoned;
        private volatile boolean done;

        Step(String name, Callable<T> work) {
            this.name = name;
            this.work = work;
        }

        @Override
        public T call() throws Exception {
            try {
                return work.call();
            } finally {
                done = true;
                if (abandoned) {
                    ABANDONED.remove(this);
                }
            }
        }

        void abandon() {
            abandoned = true;
            ABANDONED.add(this);
            if (done) {
                ABANDONED.remove(this);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Interruptible(CharSequence text) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TimedOut("a pattern match", Duration.ZERO);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Interruptible(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
