package com.emporium.platform.events.bench;

import java.time.Duration;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.emporium.platform.events.outbox.OutboxRelay;
import com.emporium.platform.events.sample.DepositEffects;
import com.emporium.platform.events.sample.Deposits;
import com.emporium.platform.events.sample.SampleApplication;
import com.emporium.test.amqp.TestBroker;
import com.emporium.test.db.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Events per second through outbox → relay → RabbitMQ → consumer with its effect committed, and the delay from the
 * writer's commit to the effect's commit, on the machine's PostgreSQL and RabbitMQ (a database and vhost of its
 * own). Two runs: writers as fast as they can (throughput), then a fixed offered rate (delay at that rate).
 * Figures go to standard output; nothing is asserted. {@code bench/event-backbone.sh} runs it.
 */
public final class EventBackboneBench {

    private final Deposits deposits;
    private final Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<UUID, Long> delays = new ConcurrentHashMap<>();
    private final AtomicLong effects = new AtomicLong();

    private final OutboxRelay relay;

    private EventBackboneBench(ConfigurableApplicationContext service) {
        this.deposits = service.getBean(Deposits.class);
        this.relay = service.getBean(OutboxRelay.class);
        service.getBean(DepositEffects.class).onCommitted(eventId -> {
            long now = System.nanoTime();
            Long written = committedAt.remove(eventId);
            if (written != null) {
                delays.put(eventId, now - written);
            }
            effects.incrementAndGet();
        });
    }

    public static void main(String[] args) throws Exception {
        int writers = Integer.getInteger("writers", 4);
        Duration length = Duration.ofSeconds(Long.getLong("seconds", 20));
        int rate = Integer.getInteger("rate", 2000);
        TestDatabase database = TestDatabase.shared("bench_events");
        TestBroker broker = TestBroker.shared("bench_events");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SampleApplication.class).run(
                "--server.port=0",
                "--emporium.database.url=" + database.appUrl(),
                "--emporium.database.migration-url=" + database.ownerUrl(),
                "--DATABASE_POOL_SIZE=" + (writers + 4),
                "--RABBITMQ_URL=" + broker.url(),
                "--emporium.security.jwt.jwk-set-uri=http://127.0.0.1:9/unused",
                "--TRACING_SAMPLING_PROBABILITY=0",
                "--logging.level.root=WARN")) {
            EventBackboneBench bench = new EventBackboneBench(service);
            System.out.printf(Locale.ROOT, "event backbone: %d writers, %s per run, %d cores%n", writers, length,
                    Runtime.getRuntime().availableProcessors());
            bench.run("warm-up (discarded)", writers, Duration.ofSeconds(10), 0);
            bench.backlog(Integer.getInteger("backlog", 20_000), writers);
            bench.run("as fast as the writers go", writers, length, 0);
            bench.run("offered " + rate + " events/s", writers, length, rate);
        }
    }

    /**
     * The backbone alone: {@code events} are committed while the relay is stopped, then it starts and the time
     * until the last effect has committed gives events per second through relay, broker and consumer.
     */
    private void backlog(int events, int writers) throws InterruptedException {
        relay.stop();
        long effectsBefore = effects.get();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().start(() -> {
                UUID account = UUID.randomUUID();
                for (int i = writer; i < events; i += writers) {
                    if (i % 100 == writer) {
                        account = UUID.randomUUID();
                    }
                    deposits.deposit(account, 1);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long start = System.nanoTime();
        relay.start();
        while (effects.get() - effectsBefore < events) {
            Thread.sleep(2);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-28s events %7d | relayed, consumed and committed in %5.2f s: %7.0f events/s%n",
                "backlog (relay started)", events, seconds, events / seconds);
    }

    /** Writes for {@code length} ({@code rate} 0: unpaced), then waits for every effect and prints the figures. */
    private void run(String name, int writers, Duration length, int rate) throws InterruptedException {
        delays.clear();
        committedAt.clear();
        long effectsBefore = effects.get();
        AtomicLong written = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        CountDownLatch done = new CountDownLatch(writers);
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            accounts.add(UUID.randomUUID());
        }
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread.ofPlatform().name("writer-" + w).start(() -> {
                long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * writers / rate;
                long next = System.nanoTime();
                int i = writer;
                while (System.nanoTime() < end) {
                    if (interval > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        next += interval;
                    }
                    UUID eventId = deposits.deposit(accounts.get(i % accounts.size()), 1).eventId();
                    committedAt.put(eventId, System.nanoTime());
                    written.incrementAndGet();
                    i += writers;
                }
                done.countDown();
            });
        }
        done.await();
        long writeEnd = System.nanoTime();
        while (effects.get() - effectsBefore < written.get()) {
            Thread.sleep(5);
        }
        long drained = System.nanoTime();
        long[] sorted = delays.values().stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = (drained - start) / 1e9;
        System.out.printf(Locale.ROOT,
                "%-28s events %7d | written %7.0f/s | through to effect %7.0f/s | drained %5.2f s after the "
                        + "last write | commit→effect ms p50 %6.1f p95 %6.1f p99 %6.1f max %6.1f%n",
                name, written.get(), written.get() / ((writeEnd - start) / 1e9), written.get() / seconds,
                (drained - writeEnd) / 1e9, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

}
