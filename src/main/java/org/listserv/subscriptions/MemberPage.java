package org.listserv.subscriptions;

import java.util.List;

/** One page of a list's members. {@code page} counts from 0. */
public record MemberPage(List<Member> content, int page, int size, long totalElements, int totalPages) {
}
