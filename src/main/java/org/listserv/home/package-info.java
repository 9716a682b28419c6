/**
 * The staff workspace's home page ({@code /admin}, where a login lands): what needs attention, gathered from
 * every capability's {@link org.listserv.web.Attention}; sends in progress; scheduled and draft campaigns;
 * the lists with their members and growth. It only reads, through the capabilities' public services.
 */
package org.listserv.home;
