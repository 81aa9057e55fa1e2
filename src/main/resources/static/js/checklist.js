// A long list of radio buttons or checkboxes (the units a case may go to, the regions a unit
// serves) gets a search box: typing keeps the choices whose name holds the text (and those
// already chosen); Enter picks the one choice left. Without this script the list is there in
// full, as plain controls that a thumb or the keyboard can use.
document.querySelectorAll('[data-checklist]').forEach((list) => {
	const filter = list.querySelector('[data-checklist-filter]');
	const none = list.querySelector('[data-checklist-none]');
	const summary = list.querySelector('[data-checklist-summary]');
	const items = Array.from(list.querySelectorAll('[data-name]'));
	const inputOf = (item) => item.querySelector('input');
	const matches = (item, text) => !text || item.dataset.name.toLowerCase().includes(text);
	const apply = () => {
		const text = filter.value.trim().toLowerCase();
		let heading = null;
		let headingShown = false;
		let shown = 0;
		list.querySelectorAll('[data-checklist-group], [data-name]').forEach((element) => {
			if (element.hasAttribute('data-checklist-group')) {
				if (heading) {
					heading.hidden = !headingShown;
				}
				heading = element;
				headingShown = false;
				return;
			}
			const visible = matches(element, text) || inputOf(element).checked;
			element.hidden = !visible;
			headingShown = headingShown || visible;
			shown += visible ? 1 : 0;
		});
		if (heading) {
			heading.hidden = !headingShown;
		}
		none.hidden = shown > 0;
	};
	const count = () => {
		if (summary) {
			const chosen = items.filter((item) => inputOf(item).checked).map((item) => item.dataset.name);
			summary.textContent = chosen.length ? list.dataset.checklistCount.replace('{0}', chosen.length) + chosen.join('、') : '';
		}
	};
	filter.hidden = false;
	filter.addEventListener('input', apply);
	filter.addEventListener('keydown', (event) => {
		if (event.key !== 'Enter') {
			return;
		}
		// Enter in the search box never sends the form; it picks the only match.
		event.preventDefault();
		const text = filter.value.trim().toLowerCase();
		const found = items.filter((item) => text && matches(item, text) && !inputOf(item).disabled);
		if (found.length === 1) {
			inputOf(found[0]).click();
			filter.value = '';
			apply();
		}
	});
	list.addEventListener('change', () => {
		count();
		apply();
	});
	// A required choice hidden by the search would block the form without a word: show all.
	list.addEventListener('invalid', () => {
		filter.value = '';
		apply();
	}, true);
	count();
});

// The lead unit is no co-unit of its own case: its checkbox is unticked and disabled.
document.querySelectorAll('form').forEach((form) => {
	const sync = () => {
		const lead = form.querySelector('input[name=leadUnitId]:checked');
		form.querySelectorAll('input[name=coUnitIds]').forEach((box) => {
			const same = lead !== null && box.value === lead.value;
			if (same && box.checked) {
				box.checked = false;
				box.dispatchEvent(new Event('change', { bubbles: true }));
			}
			box.disabled = same;
		});
	};
	if (form.querySelector('input[name=leadUnitId]') && form.querySelector('input[name=coUnitIds]')) {
		form.addEventListener('change', (event) => {
			if (event.target.name === 'leadUnitId') {
				sync();
			}
		});
		sync();
	}
});
