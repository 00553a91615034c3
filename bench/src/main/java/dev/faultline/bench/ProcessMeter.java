package dev.faultline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Memory and CPU of the server's JVM, of its PostgreSQL (the postmaster and its children), of this generator and of
 * the whole machine, read from /proc. PostgreSQL's RSS counts its shared buffers in every process; PSS shares them
 * out and is the fairer figure.
 */
final class ProcessMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /** CPU seconds so far: the server's JVM, PostgreSQL (with its exited backends), this generator, all busy CPUs. */
    record Cpu(double jvm, double postgres, double generator, double machine) {

        Cpu minus(Cpu earlier) {
            return new Cpu(jvm - earlier.jvm, postgres - earlier.postgres, generator - earlier.generator,
                    machine - earlier.machine);
        }

        double others() {
            return Math.max(0, machine - jvm - postgres - generator);
        }
    }

    record Memory(long jvmRss, long postgresRss, long postgresPss) {
    }

    private final long jvmPid;
    private final long postmasterPid;
    private volatile Memory peak = new Memory(0, 0, 0);
    private Thread sampler;

    ProcessMeter(long jvmPid, Path dataDirectory) throws IOException {
        this.jvmPid = jvmPid;
        this.postmasterPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).getFirst().strip());
    }

    Memory memory() throws IOException {
        long postgresRss = 0;
        long postgresPss = 0;
        for (long pid : postgresPids()) {
            for (String line : readLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Rss:")) {
                    postgresRss += kib(line);
                }
                else if (line.startsWith("Pss:")) {
                    postgresPss += kib(line);
                }
            }
        }
        long jvmRss = readLines(Path.of("/proc", Long.toString(jvmPid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).mapToLong(ProcessMeter::kib).sum();
        return new Memory(jvmRss, postgresRss, postgresPss);
    }

    Cpu cpu() throws IOException {
        double postgres = ticks(postmasterPid, true);
        for (long pid : postgresPids()) {
            if (pid != postmasterPid) {
                postgres += ticks(pid, false);
            }
        }
        String[] all = readLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        double busy = 0;
        for (int i = 1; i < all.length; i++) {
            if (i != 4 && i != 5) { // idle and iowait
                busy += Double.parseDouble(all[i]);
            }
        }
        return new Cpu(ticks(jvmPid, false) / TICKS_PER_SECOND, postgres / TICKS_PER_SECOND,
                ticks(ProcessHandle.current().pid(), false) / TICKS_PER_SECOND, busy / TICKS_PER_SECOND);
    }

    /** Samples memory twice a second, keeping the highest figures, until {@link #stopPeaks()}. */
    void startPeaks() {
        peak = new Memory(0, 0, 0);
        sampler = Thread.ofPlatform().daemon().name("memory-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Memory now = memory();
                    Memory was = peak;
                    peak = new Memory(Math.max(was.jvmRss(), now.jvmRss()), Math.max(was.postgresRss(), now.postgresRss()),
                            Math.max(was.postgresPss(), now.postgresPss()));
                    Thread.sleep(500);
                }
                catch (IOException e) {
                    // a backend exited while being read: the next sample counts again
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    Memory stopPeaks() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        return peak;
    }

    private List<Long> postgresPids() throws IOException {
        List<Long> pids = new ArrayList<>(List.of(postmasterPid));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(Long.parseLong(process.getFileName().toString()));
                if (stat != null && Long.parseLong(stat[1]) == postmasterPid) {
                    pids.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        }
        return pids;
    }

    /** utime + stime, and with {@code reaped} the children's it has waited for (PostgreSQL's exited backends). */
    private static double ticks(long pid, boolean reaped) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        double ticks = Double.parseDouble(stat[11]) + Double.parseDouble(stat[12]);
        return reaped ? ticks + Double.parseDouble(stat[13]) + Double.parseDouble(stat[14]) : ticks;
    }

    /** The fields of /proc/pid/stat after the command name, from the state on (state is [0], ppid [1]). */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }
        catch (IOException e) {
            return null;
        }
    }

    private static List<String> readLines(Path path) throws IOException {
        return Files.readAllLines(path);
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
    }
}
