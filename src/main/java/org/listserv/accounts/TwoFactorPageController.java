package org.listserv.accounts;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Texts;
import org.listserv.web.LoginSteps;
import org.listserv.web.WebProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor login: the code step after the password ({@value LoginSteps#CODE_PATH}), enrolment (from
 * {@code /admin/account}, or at {@value LoginSteps#ENROL_PATH} when an admin requires it), new recovery codes
 * and turning it off (both ask the password). Codes go through the login throttle, under their own counters.
 */
@org.listserv.shared.AnyAccount("the caller's own two-factor login")
@Controller
class TwoFactorPageController {

	private final TwoFactor twoFactor;

	private final LoginThrottle throttle;

	private final Texts texts;

	private final WebProperties web;

	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	{
		// the page asked for is remembered without Spring's "?continue" marker: the code step redirects to it itself
		requests.setMatchingRequestParameterName(null);
	}

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	TwoFactorPageController(TwoFactor twoFactor, LoginThrottle throttle, Texts texts, WebProperties web) {
		this.twoFactor = twoFactor;
		this.throttle = throttle;
		this.texts = texts;
		this.web = web;
	}

	@GetMapping(LoginSteps.CODE_PATH)
	String codePage() {
		return "login-code";
	}

	@PostMapping(LoginSteps.CODE_PATH)
	String code(@RequestParam(defaultValue = "") String code, Principal me, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String key = "code:" + me.getName();
		String address = request.getRemoteAddr();
		Optional<java.time.Duration> wait = throttle.check(key, address);
		if (wait.isPresent()) {
			model.addAttribute("error", texts.get("accounts.login.throttled",
					String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000))));
			return "login-code";
		}
		if (!twoFactor.verify(me.getName(), code)) {
			throttle.failed(key, address);
			model.addAttribute("error", texts.get("accounts.two-factor.wrong-code"));
			return "login-code";
		}
		throttle.succeeded(key, address);
		secondFactorGiven(request, response);
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		return "redirect:" + (saved == null ? "/admin" : local(saved.getRedirectUrl()));
	}

	@GetMapping({ LoginSteps.ENROL_PATH, "/admin/account/two-factor" })
	String enrolPage(Principal me, HttpServletRequest request, Model model) {
		TwoFactor.Pending pending;
		try {
			pending = twoFactor.pending(me.getName());
		}
		catch (ConflictException ex) {
			return "redirect:/admin/account";
		}
		String issuer = URI.create(web.base()).getHost();
		String uri = Totp.uri(issuer == null ? "listserv" : issuer, me.getName(), pending.secret());
		model.addAttribute("secret", grouped(Totp.base32(pending.secret())));
		model.addAttribute("uri", uri);
		model.addAttribute("qr", QrCodes.svgDataUri(uri));
		model.addAttribute("action", request.getRequestURI().substring(request.getContextPath().length()));
		model.addAttribute("required", request.getRequestURI().endsWith(LoginSteps.ENROL_PATH));
		return "two-factor-enrol";
	}

	@PostMapping({ LoginSteps.ENROL_PATH, "/admin/account/two-factor" })
	String confirm(@RequestParam(defaultValue = "") String code, Principal me, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			List<String> codes = twoFactor.confirm(me.getName(), code);
			secondFactorGiven(request, response);
			model.addAttribute("codes", codes);
			model.addAttribute("enrolled", true);
			return "two-factor-codes";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("codeError", texts.of(ex));
			return enrolPage(me, request, model);
		}
		catch (ConflictException ex) {
			return "redirect:/admin/account";
		}
	}

	@PostMapping("/admin/account/two-factor/recovery-codes")
	String regenerate(@RequestParam(defaultValue = "") String password, Principal me, Model model,
			RedirectAttributes flash) {
		try {
			model.addAttribute("codes", twoFactor.regenerate(me.getName(), password));
			model.addAttribute("enrolled", false);
			return "two-factor-codes";
		}
		catch (InvalidInputException | ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
			return "redirect:/admin/account";
		}
	}

	@PostMapping("/admin/account/two-factor/off")
	String turnOff(@RequestParam(defaultValue = "") String password, Principal me, RedirectAttributes flash) {
		try {
			twoFactor.turnOff(me.getName(), password);
			flash.addFlashAttribute("notice", texts.get("accounts.two-factor.turned-off"));
		}
		catch (InvalidInputException | ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/account";
	}

	/** The session now holds the second factor too; a new session id, since it can do more than before. */
	private void secondFactorGiven(HttpServletRequest request, HttpServletResponse response) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(auth.getAuthorities());
		authorities.removeIf(a -> AccountLoginSteps.TOTP_AUTHORITY.equals(a.getAuthority()));
		authorities.add(FactorGrantedAuthority.fromAuthority(AccountLoginSteps.TOTP_AUTHORITY));
		UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(),
				null, authorities);
		done.setDetails(auth.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(done);
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		contexts.saveContext(context, request, response);
	}

	/** The path and query of a saved URL: never a redirect to another host. */
	private static String local(String url) {
		URI u = URI.create(url);
		String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/admin" : u.getRawPath();
		return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
	}

	private static String grouped(String base32) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < base32.length(); i += 4) {
			s.append(i == 0 ? "" : " ").append(base32, i, Math.min(base32.length(), i + 4));
		}
		return s.toString();
	}

}
