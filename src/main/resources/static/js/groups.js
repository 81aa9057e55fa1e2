// The supervision groups of a new special action: a button adds a group (a copy of the
// first, emptied) and each added group can be removed again, after a question when
// something is typed in it. Without this script the form offers two groups, the second left
// blank when not needed.
document.querySelectorAll('[data-groups]').forEach((groups) => {
	const form = groups.closest('form');
	const add = form.querySelector('[data-add-group]');
	const legend = add.dataset.legend;
	const renumber = () => {
		groups.querySelectorAll('[data-group]').forEach((group, index) => {
			group.querySelector('legend').textContent = legend.replace('#', index + 1);
			group.querySelector('[data-remove-group]').hidden = index === 0;
		});
	};
	groups.addEventListener('click', (event) => {
		const remove = event.target.closest('[data-remove-group]');
		if (!remove) {
			return;
		}
		// A thumb that slips must not lose a group typed in: one with anything in it asks.
		const group = remove.closest('[data-group]');
		const typed = [...group.querySelectorAll('input, textarea')].some((field) => field.value.trim() !== '');
		if (typed && !window.confirm(remove.dataset.confirm)) {
			return;
		}
		group.remove();
		renumber();
	});
	add.hidden = false;
	add.addEventListener('click', () => {
		const copy = groups.querySelector('[data-group]').cloneNode(true);
		copy.querySelectorAll('input, textarea').forEach((field) => {
			field.value = '';
			field.required = false;
		});
		groups.appendChild(copy);
		renumber();
		copy.querySelector('input').focus();
	});
	renumber();
});
