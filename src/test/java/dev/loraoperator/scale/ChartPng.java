package dev.loraoperator.scale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Two line charts against the number of jobs, drawn with plain Java2D: staleness of Succeeded (p50, p99, the poll
 * interval) and remote calls per job over their minimum (status, results, all).
 */
final class ChartPng {

    private static final int PANEL_W = 560;
    private static final int H = 380;
    private static final int PAD = 60;

    private ChartPng() {
    }

    record Series(String label, Color color, ToDoubleFunction<RunResult> value, boolean dashed) {
    }

    static void write(Path file, List<RunResult> runs) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * PANEL_W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), H);
        panel(g, 0, runs, "Staleness of Succeeded (s)", List.of(
                new Series("p50", new Color(0x1f77b4), RunResult::stalenessP50, false),
                new Series("p99", new Color(0xd62728), RunResult::stalenessP99, false),
                new Series("poll interval", Color.GRAY, RunResult::pollSeconds, true)));
        panel(g, PANEL_W, runs, "Remote calls per job ÷ minimum", List.of(
                new Series("status", new Color(0x1f77b4), RunResult::statusOverMinimum, false),
                new Series("results (÷ ckpt+1)", new Color(0x2ca02c), RunResult::resultOverBound, false),
                new Series("all calls", new Color(0xd62728), RunResult::callsOverMinimum, false),
                new Series("1.05", Color.GRAY, r -> 1.05, true)));
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void panel(Graphics2D g, int x0, List<RunResult> runs, String title, List<Series> series) {
        double max = 0;
        for (Series s : series) {
            for (RunResult r : runs) {
                double v = s.value().applyAsDouble(r);
                max = Double.isFinite(v) ? Math.max(max, v) : max;
            }
        }
        max = max <= 0 ? 1 : max * 1.15;
        int left = x0 + PAD;
        int right = x0 + PANEL_W - 20;
        int top = 40;
        int bottom = H - PAD;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            int y = bottom - (int) ((bottom - top) * i / 4.0);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), x0 + 8, y + 4);
        }
        for (int i = 0; i < runs.size(); i++) {
            g.drawString(runs.get(i).jobs() + " jobs", xAt(i, runs.size(), left, right) - 18, bottom + 18);
        }
        int legendY = bottom + 40;
        int legendX = left;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(s.dashed() ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {6, 4}, 0) : new BasicStroke(2));
            int px = -1;
            int py = -1;
            for (int i = 0; i < runs.size(); i++) {
                double v = s.value().applyAsDouble(runs.get(i));
                if (!Double.isFinite(v)) {
                    continue;
                }
                int x = xAt(i, runs.size(), left, right);
                int y = bottom - (int) ((bottom - top) * v / max);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.drawLine(legendX, legendY - 4, legendX + 18, legendY - 4);
            g.setStroke(new BasicStroke(1));
            g.drawString(s.label(), legendX + 22, legendY);
            legendX += 30 + g.getFontMetrics().stringWidth(s.label()) + 12;
        }
        g.setColor(Color.BLACK);
    }

    private static int xAt(int i, int count, int left, int right) {
        return count == 1 ? (left + right) / 2 : left + 40 + (right - left - 80) * i / (count - 1);
    }
}
