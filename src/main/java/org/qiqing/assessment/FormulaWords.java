package org.qiqing.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/** A formula in words, in the reader's language: what the pages and the bulletin show. */
public final class FormulaWords {

	private FormulaWords() {
	}

	public static String of(Formula formula, MessageSource messages, Locale locale) {
		List<String> weights = new ArrayList<>();
		for (Map.Entry<Indicator, java.math.BigDecimal> w : formula.weights().entrySet()) {
			weights.add(messages.getMessage("assessment.words.weight",
					new Object[] { messages.getMessage(w.getKey().messageKey(), null, locale),
							w.getValue().stripTrailingZeros().toPlainString() },
					locale));
		}
		List<String> deductions = new ArrayList<>();
		for (Deduction d : formula.deductions()) {
			deductions.add(deduction(d, messages, locale));
		}
		return messages.getMessage("assessment.words.formula", new Object[] { formula.version(),
				formula.validFrom().toString(),
				String.join(messages.getMessage("assessment.words.separator", null, locale), weights),
				formula.total().stripTrailingZeros().toPlainString(),
				deductions.isEmpty() ? messages.getMessage("assessment.words.noDeductions", null, locale)
						: String.join(messages.getMessage("assessment.words.separator", null, locale), deductions) },
				locale);
	}

	public static String deduction(Deduction d, MessageSource messages, Locale locale) {
		String counted = measure(d.measure(), messages, locale);
		if (!d.less().isEmpty()) {
			counted = messages.getMessage("assessment.words.less",
					new Object[] { counted, measure(d.less(), messages, locale) }, locale);
		}
		String points = d.points().stripTrailingZeros().toPlainString();
		return d.cap() == null
				? messages.getMessage("assessment.words.deduction", new Object[] { counted, points }, locale)
				: messages.getMessage("assessment.words.deductionCapped",
						new Object[] { counted, points, d.cap().stripTrailingZeros().toPlainString() }, locale);
	}

	/** A measure's name (or the accountability slot's), or its code when unknown here. */
	public static String measure(String name, MessageSource messages, Locale locale) {
		String key = Deduction.ACCOUNTABILITY.equals(name) ? "assessment.accountability" : "statistics.measure." + name;
		return messages.getMessage(key, null, name, locale);
	}

}
