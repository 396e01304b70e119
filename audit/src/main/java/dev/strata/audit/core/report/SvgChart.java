package dev.strata.audit.core.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts (no script, no external resources) for the HTML report. */
final class SvgChart {
  private static final int LEFT = 44;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 34;

  private SvgChart() {}

  /**
   * A ratio (0 to 1) over time as a line, with the volume behind it as grey bars.
   *
   * @param labels the x-axis labels (ISO weeks), in order
   * @param ratios the ratio at each label, null where there is none (the line breaks)
   * @param volumes a volume per label drawn as bars scaled to the largest, or null
   */
  static String ratioLine(
      List<String> labels,
      List<Double> ratios,
      List<Long> volumes,
      int width,
      int height,
      String color,
      String title) {
    StringBuilder sb = open(width, height, title);
    int plotW = width - LEFT - RIGHT;
    int plotH = height - TOP - BOTTOM;
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = TOP + plotH - plotH * pct / 100.0;
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\""
                  + " fill=\"#667\">%d%%</text>",
              LEFT,
              y,
              LEFT + plotW,
              y,
              LEFT - 5,
              y + 3.5,
              pct));
    }
    int n = labels.size();
    if (volumes != null && n > 0) {
      long max = volumes.stream().mapToLong(Long::longValue).max().orElse(0);
      double slot = plotW / (double) n;
      for (int i = 0; i < n && max > 0; i++) {
        double h = plotH * 0.9 * volumes.get(i) / max;
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#dfe4ea\"/>",
                LEFT + i * slot + slot * 0.15,
                TOP + plotH - h,
                slot * 0.7,
                h));
      }
    }
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < n; i++) {
      Double r = ratios.get(i);
      if (r == null) {
        pen = false;
        continue;
      }
      path.append(pen ? " L" : " M")
          .append(String.format(Locale.ROOT, "%.1f %.1f", x(i, n, plotW), y(r, plotH)));
      pen = true;
    }
    if (path.length() > 0) {
      sb.append("<path d=\"")
          .append(path.toString().trim())
          .append("\" fill=\"none\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>");
    }
    for (int i = 0; i < n && n <= 80; i++) {
      if (ratios.get(i) != null) {
        sb.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.8\" fill=\"%s\"/>",
                x(i, n, plotW),
                y(ratios.get(i), plotH),
                color));
      }
    }
    int step = Math.max(1, (int) Math.ceil(n / 6.0));
    for (int i = 0; i < n; i += step) {
      String anchor = n > 1 && i == 0 ? "start" : n > 1 && i == n - 1 ? "end" : "middle";
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"%s\" fill=\"#667\">"
                  + "%s</text>",
              x(i, n, plotW),
              height - BOTTOM + 16,
              anchor,
              Html.escape(labels.get(i))));
    }
    return sb.append("</svg>").toString();
  }

  /** Horizontal bars, one per label, scaled to the largest value. */
  static String bars(
      List<String> labels, List<Long> values, int width, String color, String title) {
    int row = 22;
    int labelWidth = 480;
    int height = TOP + row * labels.size() + 8;
    StringBuilder sb = open(width, height, title);
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    int barMax = width - labelWidth - 60;
    for (int i = 0; i < labels.size(); i++) {
      int y = TOP + i * row;
      long v = values.get(i);
      double w = v == 0 ? 0 : Math.max(2, barMax * (double) v / max);
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" fill=\"#334\">%s</text>"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" rx=\"2\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#334\">%d</text>",
              labelWidth - 8,
              y + 12,
              Html.escape(labels.get(i)),
              labelWidth,
              y + 1,
              w,
              v == 0 ? "#cfd8dc" : color,
              labelWidth + w + 6,
              y + 12,
              v));
    }
    return sb.append("</svg>").toString();
  }

  private static StringBuilder open(int width, int height, String title) {
    return new StringBuilder()
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>",
                width,
                height,
                width,
                height,
                Html.escape(title)));
  }

  private static double x(int i, int n, int plotW) {
    return n == 1 ? LEFT + plotW / 2.0 : LEFT + plotW * i / (double) (n - 1);
  }

  private static double y(double ratio, int plotH) {
    return TOP + plotH - plotH * Math.max(0, Math.min(1, ratio));
  }
}
