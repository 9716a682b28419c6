package org.listserv.web;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-drawn charts of the report pages. */
class SvgBarChartTests {

	@Test
	void chartDrawsOneBarPerValueTheLimitLineAndEscapesLabels() {
		String svg = SvgBarChart.render("Complaint <rate>", List.of("#1 <script>alert(1)</script>", "#2 News & more"),
				List.of(0.001, 0.004), 0.003, "0.3% Gmail/Yahoo limit", "complaints", "no data yet", Locale.ENGLISH);
		assertThat(svg).startsWith("<svg class=\"chart\"").endsWith("</svg>");
		assertThat(svg.split("<rect class=\"bar complaints\"", -1)).hasSize(3);
		assertThat(svg).contains("class=\"limit\"").contains("0.3% Gmail/Yahoo limit");
		assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("News &amp; more")
			.contains("Complaint &lt;rate&gt;");
		assertThat(svg).doesNotContain("style=");
		assertThat(svg).contains("0.40%");
	}

	@Test
	void theLimitLineSitsAtItsValueOnTheScale() {
		// scale up to 0.5% (the limit times 1.5, rounded up to 1, 2 or 5): 0.3% is at 60% of the plot height
		String svg = SvgBarChart.render("t", List.of("a"), List.of(0.0), 0.003, "limit", "complaints", "none", Locale.ENGLISH);
		String y = svg.replaceAll("(?s).*<line class=\"limit\" x1=\"\\d+\" y1=\"([0-9.]+)\".*", "$1");
		double top = 12;
		double plot = 200 - 12 - 36;
		assertThat(Double.parseDouble(y)).isCloseTo(top + plot - plot * 0.6, org.assertj.core.data.Offset.offset(0.2));
	}

	@Test
	void anEmptyChartSaysSo() {
		assertThat(SvgBarChart.render("t", List.of(), List.of(), null, null, "bounces", "todavía no hay datos",
				Locale.forLanguageTag("es"))).contains("todavía no hay datos").doesNotContain("<rect");
	}

	@Test
	void percentagesAreWrittenInTheReadersLanguageAndTheDrawingAlwaysTheSameWay() {
		Locale spanish = Locale.forLanguageTag("es");
		String svg = SvgBarChart.render("Tasa de rebote", List.of("#1 Junio", "#2 Julio"), List.of(0.125, 0.004), null,
				null, "bounces", "todavía no hay datos", spanish);
		assertThat(svg).contains("#1 Junio: 12,5\u00a0%</title>").contains("#2 Julio: 0,40\u00a0%</title>")
			.doesNotContain("12.5%");
		String english = SvgBarChart.render("Bounce rate", List.of("#1 June", "#2 July"), List.of(0.125, 0.004), null,
				null, "bounces", "no data yet", Locale.ENGLISH);
		assertThat(english).contains("#1 June: 12.5%</title>").contains("#2 July: 0.40%</title>");
		// the coordinates do not change with the language
		assertThat(svg.replaceAll("<title>[^<]*</title>|>[^<]*</text>|aria-label=\"[^\"]*\"", ""))
			.isEqualTo(english.replaceAll("<title>[^<]*</title>|>[^<]*</text>|aria-label=\"[^\"]*\"", ""))
			.doesNotContainPattern("(x|y|width|height)=\"[0-9]*,[0-9]");
		assertThat(SvgBarChart.percent(0, spanish)).isEqualTo("0\u00a0%");
	}

	@Test
	void niceCeilingRoundsUpToOneTwoOrFive() {
		assertThat(SvgBarChart.niceCeiling(0.0045)).isEqualTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(SvgBarChart.niceCeiling(0.13)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(SvgBarChart.niceCeiling(1.0)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
	}

}
