package dev.rightsdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP load generator for the intake: open loop at a fixed rate (latency measured from the moment each
 * request was due, so a stalled server is not hidden by a stalled client: no coordinated omission), or closed loop
 * with a fixed number of concurrent clients to find the sustained maximum.
 */
final class LoadGenerator {

    /** What a run measured. Latencies in milliseconds. */
    record Result(int requests, int errors, double seconds, double p50, double p99, double max) {
        double rate() {
            return (requests - errors) / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d requests (%d errors) in %.1f s = %.0f req/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    requests, errors, seconds, rate(), p50, p99, max);
        }
    }

    private final URI uri;
    private final HttpClient http;

    LoadGenerator(String url) {
        this.uri = URI.create(url);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
    }

    private HttpRequest request(int i) {
        String body = "{\"type\": \"ACCESS\", \"subject\": {\"email\": \"bench" + i + "@example.org\", \"name\": \"Bench\","
                + " \"identifiers\": {\"customerId\": \"B-" + i + "\"}}, \"details\": {}, \"locale\": \"en\"}";
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** What an open-loop run measured: accepted submissions (202) and shed ones (503) apart. */
    record OpenResult(int sent, double seconds, Result accepted, Result shed, int failed) {
        @Override
        public String toString() {
            return String.format("%d sent in %.1f s; accepted (202) %d = %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                    + " shed (503 + Retry-After) %d, p99 %.1f ms; other errors or timeouts %d", sent, seconds,
                    accepted.requests(), accepted.requests() / seconds, accepted.p50(), accepted.p99(), accepted.max(),
                    shed.requests(), shed.p99(), failed);
        }
    }

    /** Sends {@code rate} requests per second for {@code duration}, each at its due time, whatever the answers do. */
    OpenResult openLoop(int rate, Duration duration) throws Exception {
        int total = (int) (rate * duration.toMillis() / 1000);
        long[] latencies = new long[total];
        int[] status = new int[total];
        List<CompletableFuture<Void>> all = new ArrayList<>(total);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            all.add(http.sendAsync(request(i), HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                latencies[n] = System.nanoTime() - due;
                status[n] = e != null ? -1 : r.statusCode();
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new OpenResult(total, seconds, summarise(select(latencies, status, 202), 0, seconds),
                summarise(select(latencies, status, 503), 0, seconds),
                (int) Arrays.stream(status).filter(c -> c != 202 && c != 503).count());
    }

    private static long[] select(long[] latencies, int[] status, int code) {
        return java.util.stream.IntStream.range(0, latencies.length).filter(i -> status[i] == code)
                .mapToLong(i -> latencies[i]).toArray();
    }

    /** {@code clients} concurrent clients, each sending its next request as soon as the last was answered. */
    Result closedLoop(int clients, Duration duration) throws Exception {
        return closedLoop(clients, duration, Integer.MAX_VALUE);
    }

    /** As {@link #closedLoop(int, Duration)}, stopping after {@code maxRequests} requests in all. */
    Result closedLoop(int clients, Duration duration, int maxRequests) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<long[]> perClient = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong started = new AtomicLong(System.nanoTime());
        List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[200_000];
                int k = 0;
                while (System.nanoTime() < end && k < mine.length) {
                    int n = counter.incrementAndGet();
                    if (n > maxRequests) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    try {
                        if (http.send(request(n), HttpResponse.BodyHandlers.discarding()).statusCode() != 202) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[k++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(mine, k);
            }));
        }
        for (var f : futures) {
            perClient.add(f.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started.get()) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
        return summarise(all, errors.get(), seconds);
    }

    private static Result summarise(long[] nanos, int errors, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Result(sorted.length, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
