package org.listserv.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page or API call that acts on one list: before it runs, {@code accounts.ListAccessInterceptor} checks that the
 * caller may do {@link #value()} there ({@code ListAccess.require}: 404 without a role on the list, 403 with
 * a role too low). The list is the path variable {@code slug}, or, with {@link #via()}, the list of the
 * resource in the path variable {@link #id()} (a campaign), found by the {@link ListLookup} of that name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnList {

	ListPermission value();

	/** The {@link ListLookup#kind()} that finds the list of {@link #id()}; empty: the path variable {@code slug}. */
	String via() default "";

	/** The path variable holding the resource's id. */
	String id() default "id";

}
