package org.listserv.accounts;

import java.security.Principal;
import java.util.List;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;
import org.listserv.web.Confirmation;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API tokens on {@code /admin/account} (made, shown once, revoked), an admin's requirement of two-factor login
 * for everyone ({@code /admin/settings}), and an admin turning off someone's two-factor login when they lost
 * their phone and their recovery codes ({@code /admin/users}).
 */
@Controller
class SecurityPageController {

	private final ApiTokenService tokens;

	private final TwoFactor twoFactor;

	private final OrganisationSettings settings;

	private final Accounts accounts;

	private final Texts texts;

	SecurityPageController(ApiTokenService tokens, TwoFactor twoFactor, OrganisationSettings settings,
			Accounts accounts, Texts texts) {
		this.tokens = tokens;
		this.twoFactor = twoFactor;
		this.settings = settings;
		this.accounts = accounts;
		this.texts = texts;
	}

	@org.listserv.shared.AnyAccount("the caller's own API tokens")
	@PostMapping("/admin/account/tokens")
	String create(@RequestParam(defaultValue = "") String name,
			@RequestParam(name = "scopes", required = false) List<String> scopes, Principal me, RedirectAttributes flash) {
		try {
			ApiTokenService.Made made = tokens.create(me.getName(), name, scopes, null);
			flash.addFlashAttribute("newToken", made.token());
			flash.addFlashAttribute("notice", texts.get("accounts.tokens.created", name.strip()));
		}
		catch (InvalidInputException | NotFoundException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/account#tokens";
	}

	@org.listserv.shared.AnyAccount("the caller's own API tokens")
	@PostMapping("/admin/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id, Principal me, RedirectAttributes flash) {
		try {
			tokens.revoke(me.getName(), id);
			flash.addFlashAttribute("notice", texts.get("accounts.tokens.revoked"));
		}
		catch (NotFoundException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/account#tokens";
	}

	@PostMapping("/admin/settings/two-factor")
	@PreAuthorize("hasRole('ADMIN')")
	String require(@RequestParam(defaultValue = "false") boolean required, Principal me, RedirectAttributes flash) {
		if (required && !twoFactor.enabled(me.getName())) {
			flash.addFlashAttribute("error", texts.get("accounts.settings.two-factor-own-first"));
			return "redirect:/admin/settings";
		}
		settings.setTwoFactorRequired(required, me.getName());
		flash.addFlashAttribute("notice", texts.get(required ? "accounts.settings.two-factor-required"
				: "accounts.settings.two-factor-optional"));
		return "redirect:/admin/settings";
	}

	@PostMapping("/admin/users/{id}/two-factor/off")
	@PreAuthorize("hasRole('ADMIN')")
	String reset(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes flash) {
		Account account = accounts.all().stream().filter(a -> a.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException(new Text("accounts.error.no-account")));
		Confirmation confirmation = Confirmation
			.of(new Text("accounts.users.two-factor-off-question", account.email()), "/admin/users/" + id + "/two-factor/off",
					"/admin/users")
			.detail(new Text("accounts.users.two-factor-off-detail"))
			.button(new Text("accounts.users.two-factor-off"));
		if (!confirmation.givenIn(request)) {
			return confirmation.page(model);
		}
		twoFactor.reset(id);
		flash.addFlashAttribute("notice", texts.get("accounts.users.two-factor-reset", account.email()));
		return "redirect:/admin/users";
	}

}
