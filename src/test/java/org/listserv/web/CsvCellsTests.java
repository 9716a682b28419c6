package org.listserv.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cells of downloaded CSV files. */
class CsvCellsTests {

	@Test
	void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
		assertThat(CsvCells.neutral("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(CsvCells.neutral("+1")).isEqualTo("'+1");
		assertThat(CsvCells.neutral("-550 user unknown")).isEqualTo("'-550 user unknown");
		assertThat(CsvCells.neutral("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.neutral("\tx")).isEqualTo("'\tx");
		assertThat(CsvCells.neutral("550 5.1.1 user unknown")).isEqualTo("550 5.1.1 user unknown");
		assertThat(CsvCells.neutral("")).isEmpty();
		assertThat(CsvCells.neutral(null)).isNull();
	}

}
