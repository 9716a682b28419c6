package org.listserv.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.listserv.shared.Text;

import org.springframework.ui.Model;

/**
 * A destructive or mass action that waits for a yes. A controller builds one, asks {@link #givenIn} whether
 * the request carries the answer ({@code confirm=yes}, and the typed word when one is required) and, if not,
 * changes nothing and returns {@link #page}: the confirmation page (HTTP 200) that says what will happen and
 * posts the same action again with the answer, or a Cancel link back. With JavaScript, {@code confirm.js}
 * asks the same in a dialog on the page and adds the same fields; the server checks them either way.
 *
 * <pre>{@code
 * Confirmation c = Confirmation.of("Delete the list News?", "/admin/lists/news/delete", "/admin/lists/news")
 *     .detail("Members and their consent history are kept.").button("Delete the list");
 * if (!c.givenIn(request)) {
 *     return c.page(model);
 * }
 * }</pre>
 */
public final class Confirmation {

	/** The request parameter that says yes. */
	public static final String CONFIRM = "confirm";

	/** The request parameter with the word typed to confirm (the list's slug, for a large send). */
	public static final String TYPED = "confirmTyped";

	/** The view of the page. */
	static final String VIEW = "confirm";

	private final String question;

	private final String action;

	private final String cancel;

	private final List<Detail> details = new ArrayList<>();

	private final Map<String, String> fields = new LinkedHashMap<>();

	private String button;

	private String typed;

	private String typedLabel;

	private boolean publicPage;

	private boolean wrongTyped;

	/** One fact shown on the page: a label (may be empty) and its value. */
	public record Detail(String label, String value) {
	}

	private Confirmation(String question, String action, String cancel) {
		this.question = question;
		this.action = action;
		this.cancel = cancel;
	}

	/**
	 * @param question what will happen, as a question ("Send “Spring news” to 1,250 members of News now?")
	 * @param action the path the confirmation posts to (the same action, context-relative)
	 * @param cancel where Cancel goes back to (context-relative)
	 */
	public static Confirmation of(String question, String action, String cancel) {
		return new Confirmation(question, action, cancel);
	}

	/** {@link #of(String, String, String)} with the question from the bundles, in the request's language. */
	public static Confirmation of(Text question, String action, String cancel) {
		return new Confirmation(RequestTexts.get(question), action, cancel);
	}

	/** A sentence from the bundles shown under the question. */
	public Confirmation detail(Text sentence) {
		return detail(RequestTexts.get(sentence));
	}

	/** A labelled fact whose label comes from the bundles. */
	public Confirmation detail(Text label, String value) {
		return detail(RequestTexts.get(label), value);
	}

	/** The label of the confirm button, from the bundles. */
	public Confirmation button(Text label) {
		return button(RequestTexts.get(label));
	}

	/** {@link #typing(String, String)} with the label from the bundles. */
	public Confirmation typing(String word, Text label) {
		return typing(word, RequestTexts.get(label));
	}

	/** A sentence shown under the question. */
	public Confirmation detail(String sentence) {
		details.add(new Detail("", sentence));
		return this;
	}

	/** A labelled fact shown under the question ("Recipients", "1,250"). */
	public Confirmation detail(String label, String value) {
		details.add(new Detail(label, value));
		return this;
	}

	/** A field of the original form, posted again with the answer. */
	public Confirmation field(String name, String value) {
		fields.put(name, value == null ? "" : value);
		return this;
	}

	/** The label of the confirm button (default "Confirm"). */
	public Confirmation button(String label) {
		button = label;
		return this;
	}

	/**
	 * Asks to type {@code word} (e.g. the list's slug) as well: a slip of the mouse is not enough.
	 * @param label what the field says ("Type the list's short name, news, to confirm")
	 */
	public Confirmation typing(String word, String label) {
		typed = word;
		typedLabel = label;
		return this;
	}

	/** The page is public (a subscriber's): shown without the staff navigation. */
	public Confirmation publicPage() {
		publicPage = true;
		return this;
	}

	/**
	 * Whether the request says yes: {@code confirm=yes} and, if {@link #typing} asked for a word, that word
	 * (spaces around it and letter case aside). A wrong word is remembered, so the page says so beside the field.
	 */
	public boolean givenIn(HttpServletRequest request) {
		if (!"yes".equals(request.getParameter(CONFIRM))) {
			return false;
		}
		if (typed == null) {
			return true;
		}
		String given = request.getParameter(TYPED);
		boolean right = given != null && given.strip().equalsIgnoreCase(typed);
		wrongTyped = !right;
		return right;
	}

	/** Puts this confirmation in the model and names the view of the confirmation page. */
	public String page(Model model) {
		model.addAttribute("confirmation", this);
		return VIEW;
	}

	public String question() {
		return question;
	}

	public String action() {
		return action;
	}

	public String cancel() {
		return cancel;
	}

	public List<Detail> details() {
		return List.copyOf(details);
	}

	/** The labelled details. */
	public List<Detail> facts() {
		return details.stream().filter(d -> !d.label().isEmpty()).toList();
	}

	/** The details that are sentences. */
	public List<Detail> sentences() {
		return details.stream().filter(d -> d.label().isEmpty()).toList();
	}

	public Map<String, String> fields() {
		return Map.copyOf(fields);
	}

	/** The fields in the order they were given, for the form. */
	public List<Map.Entry<String, String>> fieldList() {
		return List.copyOf(fields.entrySet());
	}

	/** The confirm button's label: as given, else "Confirm" in the request's language. */
	public String button() {
		return button != null ? button : RequestTexts.find().map(t -> t.get("web.confirm.yes")).orElse("Confirm");
	}

	/** The word to type, or null when a click is enough. */
	public String typed() {
		return typed;
	}

	public String typedLabel() {
		return typedLabel;
	}

	public boolean isPublicPage() {
		return publicPage;
	}

	/** A word was typed and it was not the one asked for. */
	public boolean isWrongTyped() {
		return wrongTyped;
	}

}
