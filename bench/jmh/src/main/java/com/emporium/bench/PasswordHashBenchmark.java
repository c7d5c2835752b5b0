package com.emporium.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The time of one Argon2id hash and one verification with user-service's parameters (19 MiB, 2 iterations,
 * 1 lane), and with the other OWASP settings for comparison. A login costs one verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordHashBenchmark {

    /** memoryKib:iterations, as OWASP's Password Storage Cheat Sheet lists them. */
    @Param({"19456:2", "47104:1", "12288:3"})
    public String parameters;

    private Argon2PasswordEncoder encoder;
    private String stored;

    @Setup
    public void setUp() {
        String[] p = parameters.split(":");
        encoder = new Argon2PasswordEncoder(16, 32, 1, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        stored = encoder.encode("a perfectly long password");
    }

    @Benchmark
    public String hash() {
        return encoder.encode("a perfectly long password");
    }

    @Benchmark
    public boolean verify() {
        return encoder.matches("a perfectly long password", stored);
    }
}
