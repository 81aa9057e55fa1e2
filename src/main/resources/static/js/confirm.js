// A step a person cannot take back (a withdrawal, a supervision order, an escalation) asks
// first: the button pressed, or else its form, holds the question in data-confirm, in the
// page's language.
document.addEventListener('submit', (event) => {
	const button = event.submitter;
	const question = (button && button.dataset.confirm) || event.target.dataset.confirm;
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
});
