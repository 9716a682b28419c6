package org.listserv.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /api/lists/{slug}/members}: page, add, remove, import, export. */
@RestController
class MemberApiController {

	private final MemberService members;

	private final MemberImporter importer;

	private final MemberExporter exporter;

	MemberApiController(MemberService members, MemberImporter importer, MemberExporter exporter) {
		this.members = members;
		this.importer = importer;
		this.exporter = exporter;
	}

	/** A member as the API shows it. */
	record MemberJson(String email, String name, MembershipStatus status, DeliveryMode mode,
			java.time.OffsetDateTime subscribedAt, Map<String, Object> attributes, String language) {

		static MemberJson of(Member m) {
			return new MemberJson(m.email(), m.name(), m.status(), m.mode(), m.subscribedAt(), m.attributes(),
					m.language());
		}

	}

	record PageJson(java.util.List<MemberJson> content, int page, int size, long totalElements, int totalPages) {
	}

	/** {@code language}: a BCP 47 tag; absent or blank leaves the subscriber's language as it is. */
	record NewMember(String email, String name, Map<String, Object> attributes, String language) {
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.VIEW)
	@GetMapping("/api/lists/{slug}/members")
	PageJson page(@PathVariable String slug, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		MemberPage p = members.page(slug, status, q, page, size);
		return new PageJson(p.content().stream().map(MemberJson::of).toList(), p.page(), p.size(), p.totalElements(),
				p.totalPages());
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.VIEW)
	@GetMapping("/api/lists/{slug}/members/{email}")
	MemberJson one(@PathVariable String slug, @PathVariable String email) {
		return MemberJson.of(members.get(slug, email));
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@PostMapping("/api/lists/{slug}/members")
	ResponseEntity<MemberJson> add(@PathVariable String slug, @RequestBody NewMember body, Principal me,
			HttpServletRequest request) {
		if (body == null) {
			throw new InvalidInputException("email", new Text("subscriptions.member.error.body"));
		}
		var added = members.add(slug, body.email(), body.name(), body.attributes(), body.language(),
				Actor.staff(ConsentSource.API, me.getName(), request.getRemoteAddr()));
		MemberJson json = MemberJson.of(added.member());
		return added.created()
				? ResponseEntity.created(URI.create("/api/lists/" + slug + "/members/" + json.email())).body(json)
				: ResponseEntity.ok(json);
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@DeleteMapping("/api/lists/{slug}/members/{email}")
	MemberJson remove(@PathVariable String slug, @PathVariable String email, Principal me,
			HttpServletRequest request) {
		return MemberJson.of(members.remove(slug, email, Actor.staff(ConsentSource.API, me.getName(),
				request.getRemoteAddr())));
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@PostMapping(path = "/api/lists/{slug}/members/import", consumes = { "text/csv", "text/plain",
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ImportResult importCsv(@PathVariable String slug, @RequestParam(defaultValue = "ACTIVE") String mode,
			Principal me, HttpServletRequest request) throws IOException {
		ImportMode importMode = mode(mode);
		try (InputStream body = request.getInputStream()) {
			return importer.importCsv(slug, body, importMode,
					Actor.staff(ConsentSource.IMPORT, me.getName(), request.getRemoteAddr()));
		}
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MEMBERS)
	@GetMapping("/api/lists/{slug}/members/export")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String slug,
			@RequestParam(required = false) String status) {
		return csv(slug, exporter.export(slug, status));
	}

	/** A streamed CSV download named after the list. */
	static ResponseEntity<StreamingResponseBody> csv(String slug, MemberExporter.Export export) {
		return ResponseEntity.status(HttpStatus.OK)
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-members.csv\"")
			.body(export::writeTo);
	}

	static ImportMode mode(String raw) {
		try {
			return ImportMode.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("mode", new Text("subscriptions.import.error.mode"));
		}
	}

}
