package dev.faultline.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/** The Markdown the run prints: the measures against their goals, the rate steps, and notes. */
final class Report {

    private final List<String> measures = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void measure(String name, String value, String goal) {
        measures.add("| " + name + " | " + value + " | " + goal + " |");
        System.err.println("  " + name + ": " + value);
    }

    void step(Sender.Outcome outcome, double digestedPerSecond, long backlog, ProcessMeter.Cpu cpu, boolean passed) {
        String row = String.format("| %,.0f | %,.0f | %,.0f | %d | %s | %s | %,d | %.2f / %.2f / %.2f / %.2f | %s |",
                outcome.offeredPerSecond(), outcome.acceptedPerSecond(), digestedPerSecond,
                outcome.scheduled() - outcome.ok(), ms(outcome.latency(), 50), ms(outcome.latency(), 99), backlog,
                cpu.jvm() / outcome.seconds(), cpu.postgres() / outcome.seconds(), cpu.generator() / outcome.seconds(),
                cpu.others() / outcome.seconds(), passed ? "yes" : "no");
        steps.add(row);
        System.err.println(row);
    }

    void note(String note) {
        notes.add(note);
        System.err.println("  " + note);
    }

    String markdown(String heading) {
        var text = new StringBuilder(heading).append("\n\n| measure | value | goal |\n|---|---|---|\n");
        measures.forEach(row -> text.append(row).append('\n'));
        text.append("\nRate steps (latency from the scheduled send; CPU in cores: server JVM / PostgreSQL / generator / ")
                .append("other processes on the machine):\n\n")
                .append("| offered /s | accepted /s | digested /s | not 2xx | p50 | p99 | backlog after | CPU | kept pace |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        steps.forEach(row -> text.append(row).append('\n'));
        text.append('\n');
        notes.forEach(note -> text.append("- ").append(note).append('\n'));
        return text.toString();
    }

    static String ms(Histogram micros, double percentile) {
        if (micros.getTotalCount() == 0) {
            return "n/a";
        }
        double ms = micros.getValueAtPercentile(percentile) / 1000.0;
        return ms < 10 ? String.format("%.1f ms", ms) : String.format("%,.0f ms", ms);
    }

    static String mb(long bytes) {
        return String.format("%,d MB", bytes / 1_000_000);
    }
}
