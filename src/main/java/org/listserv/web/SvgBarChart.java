package org.listserv.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * A small bar chart drawn on the server as SVG: no script, no inline style (colours come from classes in
 * {@code app.css}, so the strict Content-Security-Policy holds and dark mode works). Values are rates (0.05 =
 * 5%); an optional horizontal line marks a limit, such as Gmail's and Yahoo's 0.3% complaint rate. Every text
 * is escaped.
 */
public final class SvgBarChart {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 200;

	private static final int LEFT = 48;

	private static final int BOTTOM = 36;

	private static final int TOP = 12;

	private SvgBarChart() {
	}

	/**
	 * @param labels one per bar (shown under the bars when few, always in each bar's tooltip)
	 * @param values the rates, same length as labels
	 * @param limit a rate to draw as a line, or null
	 * @param noData what an empty chart says, in the reader's language
	 * @param language how the percentages people read are written (5.5% in English, 5,5 % in Spanish); the
	 *        drawing's own numbers (coordinates) are always written the same way
	 */
	public static String render(String title, List<String> labels, List<Double> values, Double limit, String limitLabel,
			String seriesClass, String noData, Locale language) {
		double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		if (limit != null) {
			max = Math.max(max, limit * 1.5);
		}
		max = niceCeiling(Math.max(max, 0.001));
		int plotW = WIDTH - LEFT - 8;
		int plotH = HEIGHT - TOP - BOTTOM;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
		svg.append("<title>").append(esc(title)).append("</title>");
		for (int i = 0; i <= 5; i++) {
			double v = max * i / 5;
			double y = TOP + plotH - plotH * (v / max);
			svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
					LEFT, y, WIDTH - 8, y));
			svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
					LEFT - 4, y + 4, percent(v, language)));
		}
		int n = values.size();
		if (n == 0) {
			svg.append(String.format(Locale.ROOT,
					"<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
					LEFT + plotW / 2, TOP + plotH / 2, esc(noData)));
		}
		double slot = n == 0 ? 0 : (double) plotW / n;
		double barW = Math.min(60, Math.max(1, slot * 0.7));
		for (int i = 0; i < n; i++) {
			double v = values.get(i);
			double h = plotH * Math.min(v / max, 1);
			double x = LEFT + i * slot + (slot - barW) / 2;
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>",
					seriesClass, x, TOP + plotH - h, barW, Math.max(h, 0.5), esc(labels.get(i)), percent(v, language)));
			if (n <= 12) {
				String label = labels.get(i).length() > 14 ? labels.get(i).substring(0, 13) + "…" : labels.get(i);
				svg.append(String.format(Locale.ROOT,
						"<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x + barW / 2,
						HEIGHT - BOTTOM + 14, esc(label)));
			}
		}
		if (n > 12) {
			svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>", LEFT,
					HEIGHT - BOTTOM + 14, esc(labels.get(0))));
			svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
					WIDTH - 8, HEIGHT - BOTTOM + 14, esc(labels.get(n - 1))));
		}
		if (limit != null) {
			double y = TOP + plotH - plotH * (limit / max);
			svg.append(String.format(Locale.ROOT,
					"<line class=\"limit\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
							+ "<text class=\"limit-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
					LEFT, y, WIDTH - 8, y, WIDTH - 10, y - 4, esc(limitLabel)));
		}
		svg.append(String.format(Locale.ROOT, "<line class=\"axis-line\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
				TOP + plotH, WIDTH - 8, TOP + plotH));
		return svg.append("</svg>").toString();
	}

	/** A rate as a percentage in the reader's language: two decimals below 1%, else one (0.40%, 12.5%, 0%). */
	static String percent(double rate, Locale language) {
		double p = rate * 100;
		NumberFormat format = NumberFormat.getPercentInstance(language);
		int decimals = p == 0 ? 0 : p < 1 ? 2 : 1;
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(rate);
	}

	/** 1, 2 or 5 times a power of ten, at or above {@code v}. */
	static double niceCeiling(double v) {
		double p = Math.pow(10, Math.floor(Math.log10(v)));
		for (double m : new double[] { 1, 2, 5, 10 }) {
			if (m * p >= v - 1e-12) {
				return m * p;
			}
		}
		return 10 * p;
	}

	private static String esc(String s) {
		// only markup characters: a named entity such as &iacute; (for "í") is not XML, and the page is UTF-8
		return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
	}

}
