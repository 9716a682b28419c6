package org.listserv.accounts;

import java.security.Principal;
import java.util.Map;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Languages;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.Confirmation;
import org.listserv.web.FormErrors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage who can log in ({@code /admin/users}) and the organisation's settings ({@code /admin/settings});
 * everyone sets their own time zone on {@code /admin/account}.
 */
@Controller
class AccountPageController {

	private final AccountService service;

	private final AccountTimeZones zones;

	private final Texts texts;

	private final Languages languages;

	private final TwoFactor twoFactor;

	private final ApiTokenService tokens;

	AccountPageController(AccountService service, AccountTimeZones zones, Texts texts, Languages languages,
			TwoFactor twoFactor, ApiTokenService tokens) {
		this.service = service;
		this.twoFactor = twoFactor;
		this.tokens = tokens;
		this.zones = zones;
		this.texts = texts;
		this.languages = languages;
	}

	/** A language offered on the account page, named in itself ("Español"). */
	record LanguageOption(String tag, String name) {
	}

	@org.listserv.shared.AnyAccount("the caller's own account")
	@GetMapping("/admin/account")
	String account(Model model, Principal me) {
		model.addAttribute("me", me.getName());
		model.addAttribute("zones", AccountTimeZones.CHOICES);
		model.addAttribute("organisationZone", zones.organisation().getId());
		model.addAttribute("timeZone", zones.account(me.getName()).map(java.time.ZoneId::getId).orElse(""));
		model.addAttribute("languages", languages.supported().stream()
			.map(l -> new LanguageOption(l.toLanguageTag(), Languages.nameOf(l))).toList());
		model.addAttribute("language", service.language(me.getName()).orElse(""));
		boolean on = twoFactor.enabled(me.getName());
		model.addAttribute("twoFactorOn", on);
		model.addAttribute("twoFactorRequired", twoFactor.required());
		model.addAttribute("recoveryLeft", on ? twoFactor.recoveryCodesLeft(me.getName()) : 0);
		model.addAttribute("tokens", tokens.list(me.getName()));
		model.addAttribute("scopes", java.util.Arrays.stream(TokenScope.values()).map(TokenScope::value).toList());
		model.addAttribute("admin", service.isAdmin(me.getName()));
		return "account";
	}

	@org.listserv.shared.AnyAccount("the caller's own account")
	@PostMapping("/admin/account")
	String saveAccount(@RequestParam(defaultValue = "") String timeZone, Principal me, Model model,
			RedirectAttributes flash) {
		try {
			zones.setAccount(me.getName(), timeZone);
			flash.addFlashAttribute("notice", timeZone.isBlank() ? texts.get("accounts.account.zone-organisation")
					: texts.get("accounts.account.zone-saved", timeZone.strip()));
			return "redirect:/admin/account";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("timeZoneError", texts.of(ex));
			String page = account(model, me);
			model.addAttribute("timeZone", timeZone);
			return page;
		}
	}

	@org.listserv.shared.AnyAccount("the caller's own account")
	@PostMapping("/admin/account/language")
	String saveLanguage(@RequestParam(defaultValue = "") String language, Principal me, Model model,
			RedirectAttributes flash) {
		try {
			service.setLanguage(me.getName(), language);
			// the notice is read after the redirect, in the language just chosen
			flash.addFlashAttribute("notice", language.isBlank() ? texts.get("accounts.account.language-browser-saved")
					: texts.get(languages.of(language), "accounts.account.language-saved"));
			return "redirect:/admin/account";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("languageError", texts.of(ex));
			String page = account(model, me);
			model.addAttribute("language", language);
			return page;
		}
	}

	@GetMapping("/admin/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String settings(Model model) {
		model.addAttribute("zones", AccountTimeZones.CHOICES);
		model.addAttribute("timeZone", zones.organisation().getId());
		model.addAttribute("timeZoneSet", zones.organisationSet());
		model.addAttribute("twoFactorRequired", twoFactor.required());
		return "settings";
	}

	@PostMapping("/admin/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String saveSettings(@RequestParam(defaultValue = "") String timeZone, Principal me, Model model,
			RedirectAttributes flash) {
		try {
			zones.setOrganisation(timeZone, me.getName());
			flash.addFlashAttribute("notice", texts.get("accounts.settings.zone-saved", timeZone.strip()));
			return "redirect:/admin/settings";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("timeZoneError", texts.of(ex));
			String page = settings(model);
			model.addAttribute("timeZone", timeZone);
			return page;
		}
	}

	@GetMapping("/admin/users")
	@PreAuthorize("hasRole('ADMIN')")
	String users(Model model, Principal me) {
		model.addAttribute("accounts", service.all());
		model.addAttribute("twoFactorOn", service.withTwoFactor());
		// your own account is not offered "Disable": nobody can lock themselves out (the service refuses it too)
		model.addAttribute("me", me.getName());
		model.addAttribute("roles", Role.values());
		return "users";
	}

	@PostMapping("/admin/users")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam String email, @RequestParam(defaultValue = "") String name,
			@RequestParam String password, @RequestParam(defaultValue = "STAFF") Role role,
			RedirectAttributes flash, Model model, Principal me) {
		try {
			service.create(email, name, password, role);
			flash.addFlashAttribute("notice", texts.get("accounts.users.created", email.strip()));
			return "redirect:/admin/users";
		}
		catch (InvalidInputException | ConflictException ex) {
			InvalidInputException invalid = ex instanceof InvalidInputException i ? i
					: new InvalidInputException("email", texts.of(ex));
			FormErrors errors = FormErrors.of("new-user", invalid,
					Map.of("email", texts.get("accounts.users.email"), "name", texts.get("accounts.users.name"),
							"password", texts.get("accounts.users.password")),
					Map.of("email", email, "name", name, "role", role.name()));
			model.addAttribute("userErrors", errors);
			model.addAttribute("error", errors.summary());
			model.addAttribute("email", email);
			model.addAttribute("name", name);
			return users(model, me);
		}
	}

	@PostMapping("/admin/users/{id}/enabled")
	@PreAuthorize("hasRole('ADMIN')")
	String enable(@PathVariable long id, @RequestParam boolean enabled, Principal me, HttpServletRequest request,
			Model model, RedirectAttributes flash) {
		if (!enabled) {
			String who = service.all().stream().filter(a -> a.id() == id).map(Account::email).findFirst().orElse(texts.get("accounts.users.this-account"));
			Confirmation confirmation = Confirmation
				.of(new Text("accounts.users.disable-question", who), "/admin/users/" + id + "/enabled", "/admin/users")
				.field("enabled", "false")
				.detail(new Text("accounts.users.disable-detail"))
				.button(new Text("accounts.users.disable"));
			if (!confirmation.givenIn(request)) {
				return confirmation.page(model);
			}
		}
		service.setEnabled(id, enabled, me.getName());
		flash.addFlashAttribute("notice", texts.get(enabled ? "accounts.users.enabled" : "accounts.users.disabled"));
		return "redirect:/admin/users";
	}

}
