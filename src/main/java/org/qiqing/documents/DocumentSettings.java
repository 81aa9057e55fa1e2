package org.qiqing.documents;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the official documents ({@code qiqing.documents.*}).
 *
 * @param font the file of the Chinese font to print with (a TrueType {@code .ttf} or a
 * collection {@code .ttc}, whose first font with Chinese characters is taken); empty: the
 * first of {@code fontCandidates} that exists
 * @param fontCandidates where the documented system fonts lie (Debian's
 * {@code fonts-wqy-zenhei} first)
 * @param issuers the short name of an issuing unit in its documents' numbers (机关代字, the 善
 * of 善督〔2026〕7号), by the unit's code; a unit without one is named in full
 */
@ConfigurationProperties("qiqing.documents")
public record DocumentSettings(Path font, @DefaultValue( {
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/arphic/uming.ttc" }) List<Path> fontCandidates, Map<String, String> issuers){

	public DocumentSettings {
		fontCandidates = fontCandidates == null ? List.of() : List.copyOf(fontCandidates);
		issuers = issuers == null ? Map.of() : Map.copyOf(issuers);
	}

	/** The files tried for the font, in order. */
	List<Path> fonts() {
		return this.font != null ? List.of(this.font) : this.fontCandidates;
	}

}
