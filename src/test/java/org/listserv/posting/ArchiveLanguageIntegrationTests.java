package org.listserv.posting;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.listserv.lists.ListRequest;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Archive search stems in the list's language and ignores accents (V30). */
class ArchiveLanguageIntegrationTests extends PostingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PostingSettings settings;

	@Autowired
	Archive archive;

	@Autowired
	javax.sql.DataSource dataSource;

	private MailingList archivedList(String language, String... subjectsAndBodies) throws Exception {
		MailingList list = list("MEMBERS");
		list = listService.update(list.slug(), new ListRequest(null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, language));
		settings.save(list.id(), new PostSettings(null, "SENDER", 524_288, 10, false, "PUBLIC", "DAILY"));
		members(list, "rosa");
		String rosa = "rosa@" + domain(list);
		for (int i = 0; i < subjectsAndBodies.length; i += 2) {
			send(list, rosa, postText("Rosa <" + rosa + ">", subjectsAndBodies[i], subjectsAndBodies[i + 1]));
			assertThat(awaitPost(list, subjectsAndBodies[i])).isEqualTo("DISTRIBUTED");
		}
		return list;
	}

	private List<String> found(MailingList list, String q) {
		return archive.search(list.id(), list.language(), q).stream().map(Post::subject).toList();
	}

	@Test
	void spanishListFindsWordsByTheirStemAndWithoutAccents() throws Exception {
		MailingList list = archivedList("es", "Marcha del sábado", "Defendemos los derechos de las comunidades.",
				"Convocatoria", "Una acción urgente frente al congreso.", "Otra cosa", "Nada que ver aquí.");
		assertThat(found(list, "derecho")).containsExactly("Marcha del sábado");
		assertThat(found(list, "accion")).containsExactly("Convocatoria");
		assertThat(found(list, "ACCIÓN urgentes")).containsExactly("Convocatoria");
		assertThat(found(list, "sabado")).containsExactly("Marcha del sábado");
		mvc.perform(get("/archive/" + list.slug() + "/search").param("q", "derecho"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Marcha del sábado")))
			.andExpect(content().string(not(containsString("Otra cosa"))));
	}

	@Test
	void englishListKeepsEnglishStemmingAndIgnoresAccents() throws Exception {
		MailingList list = archivedList("en", "The weekend", "We are campaigning at the café on Saturday.", "Other",
				"Nothing to see.");
		assertThat(found(list, "campaign")).containsExactly("The weekend");
		assertThat(found(list, "cafe")).containsExactly("The weekend");
		assertThat(found(list, "the")).containsExactly("The weekend");
	}

	@Test
	void aPostKeepsTheConfigurationOfItsListsLanguageWhenStoredAndAnUnknownLanguageFallsBackToSimple() throws Exception {
		MailingList list = archivedList("es", "Guardado", "Los derechos humanos.");
		assertThat(jdbc.sql("select search_config::text from posts where list_id = :l").param("l", list.id())
			.query(String.class).single()).isEqualTo("listserv_spanish");
		assertThat(jdbc.sql("select listserv_search_config('ht')::text").query(String.class).single())
			.isEqualTo("listserv_simple");
		assertThat(jdbc.sql("select listserv_search_config('pt-BR')::text").query(String.class).single())
			.isEqualTo("listserv_portuguese");
	}

	/** A list with thousands of posts: the words are found through posts_search, not post by post. */
	@Test
	void searchUsesTheGinIndex() throws Exception {
		MailingList list = archivedList("es", "Primero", "Los derechos humanos.");
		jdbc.sql("""
				insert into posts (list_id, raw_sha256, status, sender, subject, body_text, raw, search_config,
				                   distributed_at)
				select :l, md5(g::text), 'DISTRIBUTED', 'a@example.org', 'Aviso ' || g, 'Texto número ' || g,
				       '\\x00'::bytea, 'listserv_spanish', now() from generate_series(1, 3000) g
				""").param("l", list.id()).update();
		jdbc.sql("analyze posts").update();
		try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
			StringBuilder plan = new StringBuilder();
			try (java.sql.ResultSet rs = st.executeQuery("explain " + Archive.SEARCH.replace(":lang", "'es'")
				.replace(":q", "'derecho'").replace(":l", Long.toString(list.id())))) {
				while (rs.next()) {
					plan.append(rs.getString(1)).append('\n');
				}
			}
			assertThat(plan).contains("posts_search");
		}
	}

}
