package org.qiqing.documents;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings of the official documents ({@code qiqing.documents.*}, bound by
 * {@link DocumentConfiguration}).
 *
 * @param font the file of the Chinese font to print with (a TrueType {@code .ttf} or a
 * collection {@code .ttc}, whose first font with Chinese characters is taken); null: the
 * first of {@code fontCandidates} that exists
 * @param fontCandidates where to look for a font when none is named; null:
 * {@link #SYSTEM_FONTS}, Debian's {@code fonts-wqy-zenhei} first
 * @param issuers the short name of an issuing unit in its documents' numbers (机关代字, the 善
 * of 善督〔2026〕7号), by the unit's code; a unit without one is named in full
 */
public record DocumentSettings(Path font, List<Path> fontCandidates, Map<String, String> issuers) {

	/** Where Debian's Chinese fonts lie, the documented one first. */
	static final List<Path> SYSTEM_FONTS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
			Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
			Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

	public DocumentSettings {
		fontCandidates = fontCandidates == null ? SYSTEM_FONTS : List.copyOf(fontCandidates);
		issuers = issuers == null ? Map.of() : Map.copyOf(issuers);
	}

	/** The files tried for the font, in order. */
	List<Path> fonts() {
		return this.font != null ? List.of(this.font) : this.fontCandidates;
	}

}
