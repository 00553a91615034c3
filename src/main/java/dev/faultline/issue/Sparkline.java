package dev.faultline.issue;

import java.util.List;
import java.util.Locale;

/** A trend drawn on the server as the points of an SVG polyline in a 100 × 24 box, highest bucket at the top. */
final class Sparkline {

    static final int WIDTH = 100;
    static final int HEIGHT = 24;

    private Sparkline() {
    }

    static String points(List<IssueStats.Bucket> buckets) {
        long max = buckets.stream().mapToLong(IssueStats.Bucket::count).max().orElse(0);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < buckets.size(); i++) {
            double x = buckets.size() == 1 ? 0 : (double) WIDTH * i / (buckets.size() - 1);
            double y = max == 0 ? HEIGHT - 1 : (HEIGHT - 1) - (HEIGHT - 2) * (double) buckets.get(i).count() / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().strip();
    }
}
