package org.listserv.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page or API call open to every logged-in account because it acts on no one list: the account's own
 * page, the organisation's templates and images, or a listing that shows only the lists the caller holds a
 * role on ({@code ListAccess.visibleLists()}). {@link #value()} says which, for the reader and for the test
 * that every mapping is either {@link OnList}, admin-only or this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface AnyAccount {

	/** Why this needs no role on a list. */
	String value();

}
