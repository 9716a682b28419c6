package org.listserv.shared;

import java.util.Optional;

/** Finds the list a resource belongs to, for {@link OnList#via()}: a capability's bean per kind of resource. */
public interface ListLookup {

	/** The name {@link OnList#via()} uses, e.g. {@code campaign}. */
	String kind();

	/** The short name of the list of the resource {@code id}; empty if there is no such resource. */
	Optional<String> slugOf(String id);

	/** What a person is told when there is no resource {@code id}, or it is on a list they hold no role on. */
	org.listserv.shared.Text notFound(String id);

}
