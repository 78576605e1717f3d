package uk.gov.redbridge.onepanel.shared;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 * <p>Each stage that reads messages has a watchdog of its own ({@code StageSettings.Stage#watchdog}: triage's and
 * intake's), so that steps abandoned in one stage never take the threads of another; steps outside the stages
 * (reading header fields while a mailbox is checked) use a shared one ({@link #call}). A watchdog has a fixed number
 * of threads at most: one for each thread that calls it, and room for a few abandoned steps. When all are taken by
 * steps that ignore their interrupt, a new step is refused at once ({@link Busy}): nothing is known about the
 * message, so the caller's work fails and is done again later (an event listener's publication is delivered again
 * with a backoff), instead of the threads growing without bound.
 *
 * <p>Why a thread of its own, when the caller already runs on its stage's thread: only a second thread lets the
 * caller record the message and go on at the limit whatever the step does. The hand-over costs tens of microseconds
 * per message (docs/intake-stages.md); the caller waits parked meanwhile, one caller for one step, never for a
 * shared resource.
 *
 * <p>The step must be pure computation: it runs outside the caller's transaction and security context, and its
 * result is thrown away if it comes late. Side effects (rows, events) belong to the caller, after the step returns.
 */
public final class Watchdog implements AutoCloseable {

    /** Steps outside the stages: one thread per mailbox being checked, and room for abandoned steps. */
    private static final Watchdog SHARED = new Watchdog("bounded-step", 16);
    private static final Set<Step<?>> ABANDONED = ConcurrentHashMap.newKeySet();

    private final String name;
    private final int maxThreads;
    private final ThreadPoolExecutor threads;
    private final AtomicInteger abandonedHere = new AtomicInteger();

    /**
     * @param name       names the threads ({@code name-1}, ...) and the refusals
     * @param maxThreads the most threads its steps may take, running or abandoned
     */
    public Watchdog(String name, int maxThreads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("a watchdog needs at least one thread");
        }
        this.name = name;
        this.maxThreads = maxThreads;
        AtomicInteger number = new AtomicInteger();
        // no queue: a step starts at once on a free thread, or is refused (a waiting step would eat its own limit)
        this.threads = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
     * Every thread of a watchdog is taken (by running steps and abandoned ones that have not ended): the step was
     * not started. Not a fault of the message; the caller's work is done again later.
     */
    public static final class Busy extends RejectedExecutionException {

        private static final long serialVersionUID = 1L;

        Busy(String watchdog, int threads, String step) {
            super(step + " was not started: all " + threads + " threads of " + watchdog + " are taken by steps "
                    + "running or abandoned; it is tried again later");
        }
    }

    /** {@link #run} on the shared watchdog, for steps outside the stages. */
    public static <T> T call(String step, Duration limit, Callable<T> work) {
        return SHARED.run(step, limit, work);
    }

    /**
     * Runs {@code work} and returns its result, or throws {@link TimedOut} after {@code limit}, or {@link Busy} at
     * once when every thread is taken. A runtime exception or error of the step is thrown as it is; a checked one
     * wrapped in an {@link IllegalStateException}.
     */
    public <T> T run(String step, Duration limit, Callable<T> work) {
        Step<T> task = new Step<>(step, work, abandonedHere);
        Future<T> future;
        try {
            future = threads.submit(task);
        } catch (RejectedExecutionException e) {
            throw new Busy(name, maxThreads, step);
        }
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

    /** The most threads this watchdog's steps may take. */
    public int maxThreads() {
        return maxThreads;
    }

    /** Steps of this watchdog abandoned after their limit whose threads have not ended yet. */
    public int abandoned() {
        return abandonedHere.get();
    }

    /** Stops the threads (interrupting the steps still running); the shared watchdog is never closed. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Steps abandoned after their limit whose threads have not ended yet, in every watchdog (each holds one thread). */
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
        private final AtomicInteger abandonedHere;
        private volatile boolean abandoned;
        private volatile boolean done;

        Step(String name, Callable<T> work, AtomicInteger abandonedHere) {
            this.name = name;
            this.work = work;
            this.abandonedHere = abandonedHere;
        }

        @Override
        public T call() throws Exception {
            try {
                return work.call();
            } finally {
                done = true;
                if (abandoned) {
                    forget();
                }
            }
        }

        void abandon() {
            abandoned = true;
            if (ABANDONED.add(this)) {
                abandonedHere.incrementAndGet();
            }
            if (done) {
                forget();
            }
        }

        /** Counted once however abandon and the step's end interleave. */
        private void forget() {
            if (ABANDONED.remove(this)) {
                abandonedHere.decrementAndGet();
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
