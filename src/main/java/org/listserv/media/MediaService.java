package org.listserv.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.listserv.composing.CampaignService;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.PayloadTooLargeException;
import org.listserv.shared.Sha256;
import org.listserv.shared.Text;
import org.listserv.web.WebProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The media library: images staff upload for campaigns, checked by their content ({@link ImageCheck}), stored
 * once per distinct bytes, served without login at {@link MediaFile#path()}, and deleted only while no
 * campaign that went out (or may go out) shows them.
 */
@Service
public class MediaService {

	private final MediaFiles files;

	private final CampaignService campaigns;

	private final MediaProperties properties;

	private final WebProperties web;

	MediaService(MediaFiles files, CampaignService campaigns, MediaProperties properties, WebProperties web) {
		this.files = files;
		this.campaigns = campaigns;
		this.properties = properties;
		this.web = web;
	}

	/** Newest first. */
	public List<MediaFile> all() {
		return files.all();
	}

	public MediaFile get(long id) {
		return files.find(id).orElseThrow(() -> notFound(id));
	}

	/** The absolute URL to use in mail, on the configured public base URL ({@code listserv.base-url}). */
	public String url(MediaFile file) {
		return web.base() + file.path();
	}

	byte[] content(long id) {
		return files.content(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Checks and stores an uploaded image; the same bytes uploaded again give the image stored before.
	 * @param declaredSize the length the upload announced (-1 if unknown): a file over the limit is refused
	 *        before it is read
	 */
	@Transactional
	public MediaFile upload(String originalName, long declaredSize, InputStream in, String user) {
		long max = properties.maxSize().toBytes();
		if (declaredSize > max) {
			throw tooLarge(declaredSize, max);
		}
		byte[] data;
		try {
			data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The upload could not be read", ex);
		}
		if (data.length > max) {
			throw tooLarge(-1, max);
		}
		if (data.length == 0) {
			throw new InvalidInputException("file", new Text("media.error.empty"));
		}
		String sha256 = Sha256.hex(data);
		var existing = files.findBySha256(sha256);
		if (existing.isPresent()) {
			return existing.get();
		}
		ImageCheck.Checked image = ImageCheck.check(data, properties.maxPixels());
		long id = files.insert(FileNames.sanitise(originalName, image.type()), image.type(), data, sha256,
				image.width(), image.height(), user == null ? "" : user);
		return get(id);
	}

	/** The campaigns that show the image: those that keep it, and drafts. */
	MediaUsage usage(MediaFile file) {
		return MediaUsage.of(campaigns.containing(file.pathPrefix()));
	}

	/**
	 * Deletes an image that no campaign but drafts shows.
	 * @param draftsConfirmed whether the person was told which drafts show it and still wants it gone; without
	 *        it an image that a draft shows is kept
	 * @throws ConflictException if a campaign that went out or may go out shows it, or an unconfirmed draft does
	 */
	@Transactional
	public void delete(long id, boolean draftsConfirmed) {
		MediaFile file = get(id);
		MediaUsage usage = usage(file);
		if (!usage.deletable()) {
			throw new ConflictException(usage.refusal(file));
		}
		if (!usage.drafts().isEmpty() && !draftsConfirmed) {
			throw new ConflictException(new Text("media.error.drafts-show", usage.draftWarning(file)));
		}
		files.delete(id);
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException(new Text("media.error.not-found", String.valueOf(id)));
	}

	private static PayloadTooLargeException tooLarge(long size, long max) {
		return new PayloadTooLargeException(size < 0 ? new Text("media.error.too-large-unknown", size(max))
				: new Text("media.error.too-large", size(size), size(max)));
	}

	/** A file size as people read it, in their language: "840 KB", "2.5 MB" ("2,5 MB" in Spanish). */
	public static Text size(long bytes) {
		if (bytes < 1024 * 1024) {
			return new Text("media.size.kb", Math.max(1, Math.round(bytes / 1024.0)));
		}
		return new Text("media.size.mb", bytes / (1024.0 * 1024.0));
	}

}
