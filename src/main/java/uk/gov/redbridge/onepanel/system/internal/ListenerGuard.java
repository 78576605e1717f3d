package uk.gov.redbridge.onepanel.system.internal;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Pointcut;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wraps every listener of a recorded event ({@code @ApplicationModuleListener}), inside Spring Modulith's own
 * interceptor (which marks the publication processing, then completed or failed) and outside the listener's
 * transaction:
 * <ul>
 * <li>the same event is never handled by the same listener on two threads at once: a second delivery while the
 * first runs fails at once (the publication is then retried later, by when the first has finished), so a message
 * that cannot be handled occupies one thread, never more;</li>
 * <li>a transient failure (lock timeout, deadlock, lost connection) runs the listener again at once, in a new
 * transaction, with a short backoff, instead of leaving it to the redelivery of failed publications.</li>
 * </ul>
 */
class ListenerGuard extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    /** Just inside Modulith's CompletionRegisteringMethodInterceptor (HIGHEST_PRECEDENCE + 10). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final transient Interceptor interceptor;

    ListenerGuard(EventSettings.TransientRetry retry) {
        this.interceptor = new Interceptor(new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retry.retries())
                .delay(retry.first())
                .multiplier(3)
                .maxDelay(retry.max())
                .predicate(TransientFailures::isTransient)
                .build()));
        setOrder(ORDER);
    }

    @Override
    public Pointcut getPointcut() {
        return new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                TransactionalEventListener listener = AnnotatedElementUtils.findMergedAnnotation(method,
                        TransactionalEventListener.class);
                return listener != null && listener.phase() == TransactionPhase.AFTER_COMMIT
                        && method.getParameterCount() == 1;
            }
        };
    }

    @Override
    public org.aopalliance.aop.Advice getAdvice() {
        return interceptor;
    }

    int running() {
        return interceptor.running.size();
    }

    /** A second delivery of an event that is being handled right now. */
    static class AlreadyInFlight extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        AlreadyInFlight(String listener) {
            super("the same event is being handled by " + listener + " right now; delivered again later");
        }
    }

    static class Interceptor implements MethodInterceptor {

        private static final Logger log = LoggerFactory.getLogger(ListenerGuard.class);

        private final Set<Running> running = ConcurrentHashMap.newKeySet();
        private final RetryTemplate retry;

        Interceptor(RetryTemplate retry) {
            this.retry = retry;
        }

        private record Running(Method listener, Object event) {
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Running key = new Running(invocation.getMethod(), invocation.getArguments()[0]);
            String name = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                    + invocation.getMethod().getName();
            if (!running.add(key)) {
                log.info("{} is already handling this {}: not run twice at once", name,
                        key.event().getClass().getSimpleName());
                throw new AlreadyInFlight(name);
            }
            try {
                if (!(invocation instanceof ProxyMethodInvocation proxied)) {
                    return invocation.proceed();
                }
                int[] attempt = {0};
                return retry.execute(() -> {
                    if (attempt[0]++ > 0) {
                        log.info("{}: transient failure, running it again (attempt {})", name, attempt[0]);
                    }
                    return proxied.invocableClone().proceed();
                });
            } catch (RetryException e) {
                throw e.getLastException();
            } finally {
                running.remove(key);
            }
        }
    }
}
